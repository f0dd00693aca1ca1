// The end of every table generator: write the table, or with --check say whether the committed file
// is exactly this regeneration (exit 1 when it is not), naming the command that refreshes it.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

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
