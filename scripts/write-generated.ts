// The two ends of every table generator: its saved inputs (one folder of listing files, in name order)
// and the table, written or, with --check, compared with the committed file (exit 1 when it is not
// exactly this regeneration), naming the command that refreshes it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The files of `folder` (relative to `root`) ending in `ext`, sorted, each with its repository path and text. */
export function readInputs(root: string, folder: string, ext: string): { file: string; text: string }[] {
  return readdirSync(join(root, folder))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({ file: `${folder}/${f}`, text: readFileSync(join(root, folder, f), 'utf8') }));
}

export function writeOrCheck(out: string, text: string, regenerate: string): void {
  const name = basename(out);
  if (process.argv.includes('--check')) {
    const same = readFileSync(out, 'utf8') === text;
    process.stdout.write(same ? `${name} is up to date\n` : `${name} differs from its sources: run ${regenerate}\n`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(out, text);
  process.stdout.write(`wrote ${out}\n`);
}
