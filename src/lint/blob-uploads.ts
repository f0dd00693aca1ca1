// The blobs a page uploads with az storage blob upload: where each goes (account, container, name)
// and, when an echo on the page wrote the file just before, the bytes it sends. Rules that check an
// example against the blob it shows (properties, events) read the upload from here.
import type { AzAt, EchoAt } from './each.ts';
import { eachAz, eachEcho } from './each.ts';
import { azOption } from './commands.ts';
import type { LintDocument } from './document.ts';

export interface BlobUpload extends AzAt {
  line: number;
  account: string | undefined;
  container: string | undefined;
  /** The blob's name: --name, or (az storage blob upload without --name) the file's base name. */
  name: string | undefined;
  file: string | undefined;
  /** The echo that wrote the file last before the upload (its content is the bytes sent), if the page has one. */
  source: EchoAt | undefined;
}

export function blobUploads(doc: LintDocument): BlobUpload[] {
  const echoes = eachEcho(doc);
  const lineOf = (e: { command: { step: { source: { startLine: number } } } }): number => e.command.step.source.startLine;
  const out: BlobUpload[] = [];
  for (const at of eachAz(doc)) {
    if (at.az.path.join(' ') !== 'storage blob upload') continue;
    const line = lineOf(at);
    const one = (...names: string[]): string | undefined => azOption(at.az, ...names)?.value?.value;
    const file = one('--file', '-f');
    // azure-cli storage blob upload: the blob name defaults to the file's base name (_validators.py, validate_blob_name_for_upload).
    const name = one('--name', '-n') ?? (file ? file.split(/[\\/]/).pop() : undefined);
    const written = file === undefined ? [] : echoes.filter((e) => e.file === file && lineOf(e) < line).sort((a, b) => lineOf(a) - lineOf(b));
    // an append after the write adds bytes the rule would have to add up: only a single write counts
    const source = written.length === 1 && !written[0]!.append ? written[0] : undefined;
    out.push({ ...at, line, account: one('--account-name'), container: one('--container-name', '-c'), name, file, source });
  }
  return out;
}
