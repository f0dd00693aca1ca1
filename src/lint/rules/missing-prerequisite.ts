// A step that needs something no earlier step (or stated prerequisite) creates: a local file to
// upload, a blob to read, a folder named by a placeholder the page never introduces.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz, eachCurl, eachEcho } from '../each.ts';
import { azOption, hostAndPath, invocations } from '../commands.ts';
import { placeholdersIn } from '../text.ts';
import { prerequisiteToolHits } from '../prerequisite-tools.ts';

// A numbered or bulleted instruction that uploads (portal "Upload" buttons included).
const UPLOAD_STEP = /^\s*(?:\d+\.|[-*•\u2022])\s.*\bupload\b/i;
const FUTURE = /\blater\b|\bwill\b/i;
const STATED_FILE = /\b(?:create|have|prepare|choose|select|pick|need)\b[^.]{0,40}\b(?:local )?file\b[^.]{0,20}\b(?:to upload|you want|of your)|\bcreate a (?:local |text |sample )?file\b|\ba local file\b|\bfile (?:to|you want to) upload\b/i;
const STAND_IN_PATH = /\bpath\/to\b|^<|\byour[-_]?(?:file|path)|[/\\]local[-_]?file/i;

export const missingPrerequisite: Rule = {
  id: 'missing-prerequisite',
  name: 'MissingPrerequisite',
  severity: 'error',
  shortDescription: 'A step uses a file, blob or folder that no earlier step or prerequisite creates, or a tool, module, az extension or sign-in the page never names.',
  fullDescription:
    'Following the page from the top must leave the reader with everything each command needs. A request that reads "the sample file which you previously uploaded" when no step uploads one gets 404 BlobNotFound; an upload of a local file nobody wrote fails with "No such file"; a placeholder for a folder the page names differently leaves the reader guessing. Warnings: a program the page runs (func, azcopy, jq, zip, git, mvn, dotnet, python, node, kubectl, bicep, openssl…) that neither its prose nor an install step names ("command not found" otherwise); Az cmdlets on a page that never mentions Azure PowerShell; an az command from an extension the page never names (az prompts to install it only where it can prompt: extension.use_dynamic_install=yes_prompt); az commands with no sign-in anywhere on the page ("Please run \'az login\' to setup account."), except those that call no Azure API (az version, az extension add, az aks draft create, which runs the Draft binary on the reader\'s files). Silent where the page mentions Azure Cloud Shell or runs the block with Try It (azurecli-interactive): Cloud Shell has those tools and signs the reader in (Azure/CloudShell tests/command_list @f9bfa1e18856; MicrosoftDocs/azure-docs articles/cloud-shell/features.md @30b18cc89240). So does a page that includes the shared "prepare your environment" include of the Azure CLI (MicrosoftDocs/reusable-content azure-cli/azure-cli-prepare-your-environment-no-header.md @842b6237: "Use the Bash environment in Azure Cloud Shell", "sign in to the Azure CLI by using the az login command"), which lies outside the page\'s docset. A page its Prerequisites section links to (read beside the page\'s file) counts as the page\'s own for what it names, installs and signs in to: "If you haven\'t, refer to [Set up workload orchestration](set-up-workload-orchestration.md)", a page that runs az extension add --name workload-orchestration and az login. An include this tool could not read that names the Az module or PowerShell (Learn\'s [!INCLUDE [updated-for-az](~/reusable-content/…/updated-for-az.md)] note) states Azure PowerShell.',
  help: 'Add the step that creates the thing (an upload, an echo into the file), or point at the prerequisite that does; name the tools, modules, extensions and sign-in the page needs in its prerequisites.',
  check(doc) {
    const hits: RuleHit[] = [];
    // Where the page first uploads a blob (an instruction, a portal step, az or curl), and where it
    // first writes each file: a step after that line has its prerequisite.
    let firstUpload = Infinity;
    for (let n = 1; n <= doc.lineCount; n++) {
      if (doc.isProse(n) && UPLOAD_STEP.test(doc.line(n)) && !FUTURE.test(doc.line(n))) {
        firstUpload = n;
        break;
      }
    }
    for (const m of doc.manualSteps) if (/\bupload\b/i.test(m.raw) && !FUTURE.test(m.raw)) firstUpload = Math.min(firstUpload, m.source.startLine);
    for (const a of eachAz(doc)) if (a.az.path.join(' ') === 'storage blob upload') firstUpload = Math.min(firstUpload, a.command.step.source.startLine);
    for (const c of eachCurl(doc))
      if (c.curl.method === 'PUT' && (hostAndPath(c.curl.urls[0]?.value ?? '')?.host ?? '').endsWith('.blob.core.windows.net')) firstUpload = Math.min(firstUpload, c.command.step.source.startLine);
    const uploadsBefore = (line: number): boolean => firstUpload < line;
    const firstWritten = new Map<string, number>();
    for (const e of eachEcho(doc)) firstWritten.set(e.file, Math.min(firstWritten.get(e.file) ?? Infinity, e.fileWord.line));
    // `touch file` creates it (empty) as well.
    for (const command of doc.commands)
      for (const inv of invocations(command.words)) {
        const f = inv.words[0]?.value === 'touch' && inv.words.length === 2 ? inv.words[1] : undefined;
        if (f) firstWritten.set(f.value, Math.min(firstWritten.get(f.value) ?? Infinity, f.line));
      }
    // A file the prose tells the reader to have ("First, create a file to upload", "a local file")
    // or a path that is itself a stand-in (~/path/to/local/file) is a stated prerequisite.
    // A sentence ending in ":" leads in the command that does it: the command must then really do it.
    let statedFrom = Infinity;
    for (let n = 1; n <= doc.lineCount && statedFrom === Infinity; n++) if (doc.isProse(n) && STATED_FILE.test(doc.line(n)) && !/:\s*$/.test(doc.line(n))) statedFrom = n;
    const written = (file: string, line: number): boolean => (firstWritten.get(file) ?? Infinity) < line || statedFrom < line || STAND_IN_PATH.test(file);
    let proseKeys: Set<string> | undefined; // placeholder keys the prose mentions, read once
    let folderNamed: { name: string; line: number } | null | undefined; // the first "folder … for example, X"

    for (const { command, curl } of eachCurl(doc)) {
      const url = curl.urls[0];
      const hp = url ? hostAndPath(url.value) : undefined;
      if (url && hp && hp.host.endsWith('.blob.core.windows.net') && curl.method === 'GET' && hp.path.split('/').filter(Boolean).length >= 2) {
        // A literal account no az command of the page names is someone else's published blob, such as
        // Microsoft's install script (`curl -fsSL 'https://azurecliprod.blob.core.windows.net/$root/deb_install.sh'
        // | sudo bash`, azure-docs-cli install-azure-cli-linux.md, whose other pivots download from it too):
        // the page has nothing to upload there.
        // Published means written whole (no placeholder: `<FOLDER NAME>` is the reader's own blob) and served
        // as a script to run (piped to a shell) or from the account's root container ($root, $web).
        const account = hp.host.slice(0, -'.blob.core.windows.net'.length);
        const container = hp.path.split('/').filter(Boolean)[0] ?? '';
        const whole = !/[<>{}]/.test(url.value) && !/\$(?!root\b|web\b)/.test(url.value);
        const served = container === '$root' || container === '$web' || /\|\s*(?:sudo\s+)?(?:ba|z)?sh\b/.test(command.step.raw);
        const published = /^[a-z0-9]+$/.test(account) && whole && served && !doc.commands.some((c) => /^\s*az\s/.test(c.step.raw) && c.words.some((w) => w.value.includes(account)));
        if (!published && !uploadsBefore(command.step.source.startLine))
          hits.push({
            line: url.line,
            column: url.column,
            stepId: command.step.id,
            message: `this request reads a blob, but no earlier step of this tutorial uploads one (the container is created empty): Storage answers 404 BlobNotFound. Add an upload step (portal Upload, or az storage blob upload) before it.`,
          });
      }
      if (curl.uploadFile && !/^<.*>$/.test(curl.uploadFile.value) && !written(curl.uploadFile.value, curl.uploadFile.line))
        hits.push({
          line: curl.uploadFile.line,
          column: curl.uploadFile.column,
          stepId: command.step.id,
          message: `curl uploads ${curl.uploadFile.value}, but no earlier step creates that file: curl fails with "Can't open '${curl.uploadFile.value}'". Add a step that writes it (e.g. echo "Test file." > ${curl.uploadFile.value}).`,
        });
      // A folder placeholder the prose never introduces while it names the folder it created.
      for (const p of placeholdersIn(url?.value ?? '')) {
        if (!/FOLDER/.test(p.key)) continue;
        if (!proseKeys) {
          proseKeys = new Set();
          for (let n = 1; n <= doc.lineCount; n++) if (doc.isProse(n)) for (const q of placeholdersIn(doc.line(n))) proseKeys.add(q.key);
        }
        if (proseKeys.has(p.key)) continue;
        if (folderNamed === undefined) {
          folderNamed = null;
          for (let n = 1; n <= doc.lineCount && !folderNamed; n++) {
            const m = /folder\b.*?\bfor example,?\s+([A-Za-z0-9_-]+)/i.exec(doc.line(n));
            if (m) folderNamed = { name: m[1] as string, line: n };
          }
        }
        const named = folderNamed && folderNamed.line < command.step.source.startLine ? folderNamed : undefined;
        if (!named || !url) continue;
        hits.push({
          line: url.line,
          column: url.column + Math.max(0, url.raw.indexOf(p.spelling)),
          stepId: command.step.id,
          severity: 'warning',
          message: `${p.spelling} is never introduced: the folder this step writes into is the one created on line ${named.line}, which the page names ${named.name} (and its example response shows ${named.name}). Say "replace ${p.spelling} with the folder you created (${named.name})", or write ${named.name}.`,
          suggestion: named.name,
        });
      }
    }
    for (const { command, az } of eachAz(doc)) {
      if (az.path.join(' ') !== 'storage blob upload') continue;
      const file = azOption(az, '-f', '--file')?.value;
      if (file && !/^<.*>$/.test(file.value) && !written(file.value, file.line))
        hits.push({
          line: file.line,
          column: file.column,
          stepId: command.step.id,
          message: `az uploads ${file.value}, but no earlier step creates that file: az fails with "No such file or directory". Add a step that writes it.`,
        });
    }
    // Tools, the Az module, az extensions and the sign-in a reader cannot guess (warnings).
    hits.push(...prerequisiteToolHits(doc));
    return hits;
  },
};
