// What a reader must have before running a page's code that the page never names: a program the
// page runs (func, azcopy, jq, git, mvn, dotnet, kubectl…), the Azure PowerShell Az module for its
// Az cmdlets, an az extension for an extension command, and a signed-in Azure CLI. Read by the
// missing-prerequisite rule; silent where the page runs in (or tells the reader about) Azure Cloud
// Shell, whose image has all of these tools and signs the reader in (Azure/CloudShell
// tests/command_list; MicrosoftDocs/azure-docs articles/cloud-shell/features.md).
import { unreadIncludes } from './unread-includes.ts';
import type { LintDocument } from './document.ts';
import type { RuleHit } from './rule.ts';
import { codeFences, fenceAt } from './fences.ts';
import { eachAz } from './each.ts';
import { extensionRetired } from './rules/az-extension-retired.ts';
import { findCommand } from '../reference/az-table.ts';
import { prerequisitePageTexts } from './linked-pages.ts';

interface Tool {
  /** What the prerequisites would call it. */
  name: string;
  /** The commands that run it. */
  commands: string[];
  /** Any mention of it in the page's text states it. */
  named: RegExp;
  install: string;
}

const TOOLS: readonly Tool[] = [
  { name: 'the Azure CLI', commands: ['az'], named: /Azure CLI|\baz\b|azure-cli/i, install: 'https://learn.microsoft.com/cli/azure/install-azure-cli' },
  { name: 'Azure Functions Core Tools', commands: ['func'], named: /Core Tools|\bfunc\b|Functions CLI/i, install: 'https://learn.microsoft.com/azure/azure-functions/functions-run-local' },
  { name: 'AzCopy', commands: ['azcopy'], named: /AzCopy/i, install: 'https://learn.microsoft.com/azure/storage/common/storage-use-azcopy-v10' },
  { name: 'jq', commands: ['jq'], named: /\bjq\b/i, install: 'https://jqlang.github.io/jq/download/' },
  { name: 'zip', commands: ['zip', 'unzip'], named: /\b(?:un)?zip\b/i, install: 'your package manager (apt-get install zip)' },
  { name: 'Git', commands: ['git'], named: /\bgit\b|GitHub/i, install: 'https://git-scm.com/downloads' },
  { name: 'Apache Maven', commands: ['mvn'], named: /Maven|\bmvn\b/i, install: 'https://maven.apache.org/download.cgi' },
  { name: 'the .NET SDK', commands: ['dotnet'], named: /\.NET|\bdotnet\b/i, install: 'https://dotnet.microsoft.com/download' },
  { name: 'Python', commands: ['python', 'python3', 'pip', 'pip3'], named: /Python|\bpip3?\b/i, install: 'https://www.python.org/downloads/' },
  { name: 'Node.js', commands: ['node', 'npm', 'npx'], named: /Node\.?js|\bnode\b|\bnpm\b/i, install: 'https://nodejs.org/' },
  { name: 'kubectl', commands: ['kubectl'], named: /kubectl|Kubernetes/i, install: 'az aks install-cli' },
  { name: 'the Bicep CLI', commands: ['bicep'], named: /\bBicep\b/i, install: 'https://learn.microsoft.com/azure/azure-resource-manager/bicep/install' },
  { name: 'OpenSSL', commands: ['openssl'], named: /OpenSSL/i, install: 'your package manager (apt-get install openssl)' },
  { name: 'Docker', commands: ['docker'], named: /Docker/i, install: 'https://docs.docker.com/get-docker/' },
  { name: 'Terraform', commands: ['terraform'], named: /Terraform/i, install: 'https://developer.hashicorp.com/terraform/install' },
  { name: 'Helm', commands: ['helm'], named: /\bHelm\b/i, install: 'https://helm.sh/docs/intro/install/' },
  { name: 'the GitHub CLI', commands: ['gh'], named: /GitHub CLI|\bgh\b/i, install: 'https://cli.github.com/' },
];

const SHELL_FENCES = /^(bash|sh|shell|console|terminal|zsh|azurecli|azurecli-interactive|azure-cli|cmd|powershell|pwsh|ps|azurepowershell|azurepowershell-interactive)$/;
const POWERSHELL_FENCES = /^(powershell|pwsh|ps|azurepowershell|azurepowershell-interactive)$/;
const DELEGATED = /\bprerequisites\b[^\n]{0,60}\]\([^)]*\)|\[[^\]]*prerequisites[^\]]*\]\(/i;
/**
 * A later part of a series ("This article is part four in a four-part tutorial series. [Part one](…)"): its
 * reader set up the tools and signed in on the earlier parts (azure-management-docs @d923d588
 * container-registry/tutorial-troubleshoot-customer-managed-keys.md). Part one has no earlier part.
 */
const LATER_PART = /\bpart\s+(?!one\b|1\b|first\b)\w+\s+(?:of|in)\s+an?\s+(?:[\w-]+\s+){0,2}series\b/i;
const CLOUD_SHELL = /Cloud\s*Shell|shell\.azure\.com/i;
/**
 * The shared include that prepares the Azure CLI (MicrosoftDocs/reusable-content @842b6237
 * azure-cli/azure-cli-prepare-your-environment-no-header.md, which the -h3 and headed variants include):
 * "Use the Bash environment in Azure Cloud Shell" and "sign in to the Azure CLI by using the az login
 * command". Pages reach it under ~/reusable-content, outside their own docset, so its text is often
 * not there to read (unreadIncludes): the reference stands for what it says.
 */
const CLI_ENVIRONMENT_INCLUDE = /azure-cli-prepare-your-environment[\w-]*\.md/i;
/**
 * Learn's shared Cloud Shell include ([!INCLUDE [cloud-shell-try-it.md](~/reusable-content/ce-skilling/azure/
 * includes/cloud-shell-try-it.md)]), which renders "## Use Azure Cloud Shell … You can use the Cloud Shell
 * preinstalled commands to run the code in this article … Select **Try It**". Its text lies outside the page's
 * docset; the reference stands for it (azure-security-docs @1c4310be managed-hsm/backup-restore.md, whose
 * bare-fenced az keyvault restore start was said to need a sign-in the page never mentions).
 */
const CLOUD_SHELL_INCLUDE = /cloud-shell[\w-]*\.md/i;
// Az module cmdlets (Verb-AzNoun); Connect-AzAccount included.
const AZ_CMDLET = /(?<![\w-])(?:[A-Z][a-z]+)-Az[A-Z]\w*/;
const AZ_MODULE_NAMED = /Azure PowerShell|Az PowerShell|\bAz (?:PowerShell )?module|\bAz\.\w+ module|Install-Module\b[^\n]*\bAz\b/i;
// Commands that work without a signed-in account. az aks draft create runs the Draft binary on the
// reader's files and calls no Azure API (Azure/azure-cli-extensions src/aks-preview, its draft module:
// aks_draft_cmd_create downloads draft and runs `draft create`; azure-aks-docs draft.md runs it first).
const NO_SIGN_IN = /^(?:login|logout|version|upgrade|extension|config|configure|bicep|init|find|interactive|feedback|self-test|cloud|account clear|account list|group --help)\b|^aks draft create$/;
/**
 * Learn's "Install and configure Terraform" (MicrosoftDocs/azure-dev-docs articles/terraform/quickstart-configure.md
 * @0238dade), which every Terraform quickstart's Prerequisites links to: each of its four ways (Cloud Shell, or
 * Windows with Bash/PowerShell, get-started-windows-bash.md @06c9218e: "3. Install the Azure CLI", "5. Authenticate
 * Terraform to Azure" via a Microsoft account, az login) leaves the reader with a signed-in Azure CLI
 * (azure-security-docs @1c4310be confidential-ledger/quickstart-terraform.md: az confidentialledger show was said
 * to need a sign-in the page never mentions).
 */
const TERRAFORM_CONFIGURED = /\]\((?:https:\/\/learn\.microsoft\.com)?(?:\/[a-z]{2}-[a-z]{2})?\/azure\/developer\/terraform\/quickstart-configure\b/i;
const SIGN_IN_NAMED = /\baz login\b|Connect-AzAccount|\bsign(?:ed)?[ -]in\b|\blog(?:ged)?[ -]?in\b|\bauthenticat/i;

/** The page installs the extension (az extension add … ext) or its prose names "the ext extension". */
function extensionNamed(ext: string, prose: string, code: readonly string[]): boolean {
  const name = ext.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[- ]');
  if (code.some((l) => /\baz\s+extension\s+add\b/.test(l) && new RegExp(`\\b${name}\\b`, 'i').test(l))) return true;
  return new RegExp(`\\b${name}\\b[^.\\n]{0,40}\\bextension|\\bextension\\b[^.\\n]{0,40}\\b${name}\\b`, 'i').test(prose);
}

/** The first word of each simple command on a code line (prompts, sudo and env assignments skipped). */
function programsOn(line: string): { word: string; column: number }[] {
  const out: { word: string; column: number }[] = [];
  const body = line.replace(/^(\s*)(?:\$|>|PS>|PS [^>]*>)\s+/, (m) => ' '.repeat(m.length));
  for (const seg of body.matchAll(/(?:^|\|\|?|&&|;|\$\(|`)\s*((?:sudo\s+)?(?:[A-Za-z_]\w*=\S*\s+)*)([A-Za-z][\w.-]*)/g)) {
    const word = seg[2] as string;
    out.push({ word, column: (seg.index ?? 0) + seg[0].lastIndexOf(word) + 1 });
  }
  return out;
}

export function prerequisiteToolHits(doc: LintDocument): RuleHit[] {
  if (!doc.hasText) return [];
  const hits: RuleHit[] = [];
  const fences = codeFences(doc);
  const prose: string[] = [];
  for (let n = 1; n <= doc.lineCount; n++) if (doc.isProse(n) && !fenceAt(fences, n)) prose.push(doc.line(n));
  const proseText = prose.join('\n');
  // Cloud Shell has every tool here and signs the reader in; prerequisites delegated to a linked page
  // ("For the prerequisites, see [Conditions prerequisites](…)") may state them where lint cannot read, and so
  // may the earlier parts of a series.
  if (CLOUD_SHELL.test(proseText) || DELEGATED.test(proseText) || LATER_PART.test(proseText) || unreadIncludes(doc).some((u) => CLI_ENVIRONMENT_INCLUDE.test(u.words) || CLOUD_SHELL_INCLUDE.test(u.words))) return hits;
  // A code line that installs a tool states it too (apt-get install jq, npm i -g azure-functions-core-tools).
  const codeLines: string[] = [];
  for (const f of fences) for (let n = f.open + 1; n < f.close && n <= doc.lineCount; n++) codeLines.push(doc.line(n));
  const installs = codeLines.filter((l) => /\binstall\b|\bdownload\b|\bcurl\b.*\|\s*(?:sudo\s+)?(?:ba)?sh/i.test(l)).join('\n');
  // What the pages the Prerequisites section links to name and install, the reader who meets them has.
  const linked = prerequisitePageTexts(doc).join('\n');
  const linkedLines = linked.split('\n');
  const stated = (t: Tool): boolean => t.named.test(proseText) || t.named.test(installs) || t.named.test(linked);

  // An az usage synopsis (parse/az-synopsis.ts) is reference text the reader does not run.
  const synopsis = new Set(doc.tutorial.diagnostics.filter((d) => d.code === 'az-usage-synopsis').map((d) => d.line));
  const reported = new Set<string>();
  // An include this tool could not read that names the Az module or PowerShell ("[!INCLUDE [updated-for-az](~/reusable-content/…/updated-for-az.md)]",
  // Learn's note that the page uses the Az PowerShell module and how to install it) states it.
  const azModuleInclude = unreadIncludes(doc).some((u) => /\baz\b|powershell/i.test(u.words));
  for (const fence of fences) {
    if (!SHELL_FENCES.test(fence.info) || fence.info === 'azurecli-interactive' || fence.info === 'azurepowershell-interactive') continue; // "Try It" opens Cloud Shell
    for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
      if (/^\s*#/.test(doc.line(n)) || synopsis.has(n)) continue; // a comment, or a synopsis
      if (POWERSHELL_FENCES.test(fence.info)) {
        const m = AZ_CMDLET.exec(doc.line(n));
        if (m && !reported.has('Az module') && !AZ_MODULE_NAMED.test(proseText) && !AZ_MODULE_NAMED.test(installs) && !azModuleInclude) {
          reported.add('Az module');
          hits.push({
            line: n,
            column: m.index + 1,
            severity: 'warning',
            message: `${m[0]} is a cmdlet of the Azure PowerShell Az module, but the page never tells the reader to have Azure PowerShell (its prerequisites and prose name no Az module, and it does not use Azure Cloud Shell, which has it): without it PowerShell answers "The term '${m[0]}' is not recognized". Add Azure PowerShell to the prerequisites (Install-Module -Name Az, https://learn.microsoft.com/powershell/azure/install-azure-powershell).`,
          });
        }
      }
      const prev = n > fence.open + 1 ? doc.line(n - 1) : '';
      if (/(?:\\|`|\^)\s*$/.test(prev)) continue; // a continued line: its first word is an argument
      for (const p of programsOn(doc.line(n))) {
        const tool = TOOLS.find((t) => t.commands.includes(p.word));
        if (!tool || reported.has(tool.name) || stated(tool)) continue;
        reported.add(tool.name);
        hits.push({
          line: n,
          column: p.column,
          severity: 'warning',
          message: `this step runs ${p.word}, but the page never tells the reader to have ${tool.name} (its prerequisites and prose do not name it, and the page does not use Azure Cloud Shell, which has it preinstalled): without it the shell answers "${p.word}: command not found". Add ${tool.name} to the prerequisites (${tool.install}).`,
        });
      }
    }
  }
  // az commands from an extension the page never names, and az commands run without a sign-in the page never mentions.
  let signInReported = false;
  const interactive = (line: number): boolean => fenceAt(fences, line)?.info === 'azurecli-interactive';
  for (const { command, az } of eachAz(doc)) {
    const line = command.step.source.startLine;
    if (interactive(line)) continue;
    const found = findCommand(az.path);
    if (found.kind !== 'command') continue;
    const path = found.command.path;
    const primary = found.command.source.kind === 'extension' ? found.command.source.extension : undefined;
    // A command two extensions define (az ml workspace create: azure-cli-ml and ml) needs either; the
    // one to name is one whose support has not ended (ml, not the retired CLI v1 azure-cli-ml).
    const defining = primary ? [primary, ...found.command.alsoIn] : [];
    const ext = defining.find((e) => !extensionRetired(e)) ?? primary;
    if (ext && !reported.has(`ext:${ext}`) && !defining.some((e) => extensionNamed(e, proseText, codeLines) || extensionNamed(e, linked, linkedLines))) {
      reported.add(`ext:${ext}`);
      hits.push({
        line,
        severity: 'warning',
        message: `az ${path} comes from the ${ext} extension, which the page never names: az offers to install it on first use only where it can prompt (extension.use_dynamic_install=yes_prompt) and otherwise stops with "The command requires the extension ${ext}". Tell the reader to run az extension add --name ${ext} first.`,
      });
    }
    if (!signInReported && !NO_SIGN_IN.test(path) && !SIGN_IN_NAMED.test(proseText) && !TERRAFORM_CONFIGURED.test(proseText) && !/\baz login\b|Connect-AzAccount/.test(codeLines.join('\n')) && !/\baz login\b|Connect-AzAccount/.test(linked)) {
      signInReported = true;
      hits.push({
        line,
        severity: 'warning',
        message: `az ${path} needs a signed-in Azure CLI, but the page never tells the reader to sign in (no az login, no "sign in" in its prerequisites or prose, and no Azure Cloud Shell, which signs the reader in): az stops with "Please run 'az login' to setup account." Add an az login step or say the reader must be signed in.`,
      });
    }
  }
  return hits;
}
