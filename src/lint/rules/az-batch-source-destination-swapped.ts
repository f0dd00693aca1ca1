// "az storage blob upload-batch -d <full_path_to_local_directory> … -s <source_location_name>":
// upload-batch reads --source (-s) as the local directory to upload and --destination (-d) as the
// container; download-batch the reverse; az storage file upload-batch/download-batch likewise with a
// share. A page that gives the local folder to the container's option (or a container to the
// folder's) has them swapped: az stops before any transfer.
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';
import type { ShellWord } from '../../parse/shell-words.ts';

interface Batch {
  /** The option that takes the local directory, and the one that takes the container or share. */
  local: '--source' | '--destination';
  remote: '--source' | '--destination';
  /** What the remote side is called, and what az prints when the local side is not a directory. */
  kind: 'container' | 'share';
  error: string;
  validator: string;
}

// Azure/azure-cli src/azure-cli/azure/cli/command_modules/storage/_validators.py @00477627431f9da09c827f293764e4e4834086a1
const BATCH: Readonly<Record<string, Batch>> = {
  'storage blob upload-batch': { local: '--source', remote: '--destination', kind: 'container', error: 'incorrect usage: source must be an existing directory', validator: 'process_blob_upload_batch_parameters' },
  'storage blob download-batch': { local: '--destination', remote: '--source', kind: 'container', error: 'incorrect usage: destination must be an existing directory', validator: 'process_blob_download_batch_parameters' },
  'storage file upload-batch': { local: '--source', remote: '--destination', kind: 'share', error: 'incorrect usage: source <value> does not exist', validator: 'process_file_upload_batch_parameters' },
  'storage file download-batch': { local: '--destination', remote: '--source', kind: 'share', error: 'incorrect usage: destination must be an existing directory', validator: 'process_file_download_batch_parameters' },
};

const SHORT: Readonly<Record<string, string>> = { '--source': '-s', '--destination': '-d' };

/** A path on the reader's machine: `.`, `./dir`, `../x`, `~/x`, `/abs/dir`, `C:\x`. */
const LOCAL_PATH = /^(?:\.{1,2}(?:[\\/].*)?|~[\\/].*|\/[^/].*|[A-Za-z]:[\\/].*)$/s;
/** A storage URL of a container or share. */
const STORAGE_URL = /^https?:\/\/[^/]*\.(?:blob|file|dfs)\.core\.windows\.net\//i;

/** The words of a placeholder (`<full_path_to_local_directory>`, `{container-name}`), lower case; undefined when the value is none. */
function placeholderWords(value: string): string[] | undefined {
  const m = /^(?:<([^<>]+)>|\{([^{}]+)\})$/.exec(value.trim());
  return m ? (m[1] ?? m[2] ?? '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean) : undefined;
}

type Side = 'local' | 'remote' | undefined;

function judgeLiteral(value: string, remoteNames: ReadonlySet<string>): { side: Side; why: string } {
  const words = placeholderWords(value);
  if (words) {
    const remote = words.some((w) => ['container', 'share', 'blob', 'url', 'uri', 'web'].includes(w));
    const local = words.includes('local') || words.some((w) => ['directory', 'folder', 'dir', 'path'].includes(w));
    if (local && !remote) return { side: 'local', why: 'a placeholder for a local directory' };
    if (remote && !local && words.some((w) => w === 'container' || w === 'share')) return { side: 'remote', why: 'a placeholder for a container or share' };
    return { side: undefined, why: '' };
  }
  if (value === '$web') return { side: 'remote', why: "the static website's container $web" };
  if (STORAGE_URL.test(value)) return { side: 'remote', why: 'a storage URL' };
  if (remoteNames.has(value)) return { side: 'remote', why: 'the name the page creates as a container or share' };
  if (LOCAL_PATH.test(value)) return { side: 'local', why: 'a local path' };
  return { side: undefined, why: '' };
}

/** `name=value` words of the page's bash commands (a name assigned twice is left out: its value depends on the step). */
function assignments(doc: LintDocument): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const c of doc.commands)
    for (const w of c.words) {
      const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(w.value);
      if (!m || w.raw.startsWith('-')) continue;
      out.set(m[1] as string, out.has(m[1] as string) ? undefined : (m[2] as string));
    }
  return out;
}

export const azBatchSourceDestinationSwapped: Rule = {
  id: 'az-batch-source-destination-swapped',
  name: 'AzBatchSourceDestinationSwapped',
  severity: 'warning',
  shortDescription: 'az storage blob/file upload-batch or download-batch gets the local directory and the container (or share) in each other\'s option.',
  fullDescription:
    'az storage blob upload-batch uploads the local directory given to --source (-s) into the container given to --destination (-d, a name or a container URL); download-batch reads --source as the container and --destination as an existing local directory; az storage file upload-batch/download-batch do the same with a file share (az reference, MicrosoftDocs/azure-docs-cli; a reviewer\'s finding on the App Service page how-to-serve-content-from-azure-storage.md, which passes -d <full_path_to_local_directory>). With the two swapped, az checks the local side first and stops before any transfer (Azure/azure-cli src/azure-cli/azure/cli/command_modules/storage/_validators.py @0047762: process_blob_upload_batch_parameters "incorrect usage: source must be an existing directory", process_blob_download_batch_parameters and process_file_download_batch_parameters "incorrect usage: destination must be an existing directory", process_file_upload_batch_parameters "incorrect usage: source … does not exist"); were a folder of that name to exist, the files would go to the wrong place. Judged only where a value is clearly local (., ./dir, ~/x, /abs/dir, C:\\x, a placeholder naming a local directory or path, or a variable the page assigns one of those) or clearly remote (a blob/file storage URL, $web, a name the page creates with az storage container/share create, a placeholder naming a container or share).',
  help: 'Give the local directory to the local option (--source for upload-batch, --destination for download-batch) and the container or share to the other.',
  check(doc) {
    const hits: RuleHit[] = [];
    const vars = assignments(doc);
    const resolve = (w: ShellWord): string => {
      const m = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(w.value);
      return m ? (vars.get(m[1] as string) ?? w.value) : w.value;
    };
    const remoteNames = new Set<string>();
    for (const { az } of eachAz(doc)) {
      if (!/^storage (?:container|container-rm|share|share-rm|fs) create$/.test(az.path.join(' '))) continue;
      const name = azOption(az, '--name', '-n')?.value;
      if (name) remoteNames.add(resolve(name));
    }
    for (const { az, command } of eachAz(doc)) {
      const path = az.path.join(' ');
      const batch = BATCH[path];
      if (!batch) continue;
      const local = azOption(az, batch.local);
      const remote = azOption(az, batch.remote);
      const l = local?.value ? judgeLiteral(resolve(local.value), remoteNames) : undefined;
      const r = remote?.value ? judgeLiteral(resolve(remote.value), remoteNames) : undefined;
      const wrong = r?.side === 'local' ? { option: remote!, judged: r, expected: batch.remote } : l?.side === 'remote' ? { option: local!, judged: l, expected: batch.local } : undefined;
      if (!wrong) continue;
      const value = wrong.option.value!.value;
      const isLocal = wrong.judged.side === 'local';
      const localName = `${batch.local} (${SHORT[batch.local]})`;
      const remoteName = `${batch.remote} (${SHORT[batch.remote]})`;
      hits.push({
        line: wrong.option.nameWord.line,
        column: wrong.option.nameWord.column,
        stepId: command.step.id,
        message: `az ${path} takes the local directory in ${localName} and the ${batch.kind} (name or URL) in ${remoteName}; here ${wrong.option.name} gets ${value}, ${wrong.judged.why}, where the ${isLocal ? batch.kind : 'local directory'} belongs: the values look swapped. az reads ${batch.local} as a directory on this machine and stops with "${batch.error}" when it is not one (azure-cli storage _validators.py ${batch.validator}); otherwise the files go to or come from the wrong place. Give the local directory to ${batch.local} and the ${batch.kind} to ${batch.remote}.`,
      });
    }
    return hits;
  },
};
