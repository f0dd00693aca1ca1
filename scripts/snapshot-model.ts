// npx tsx scripts/snapshot-model.ts [files or folders…] [--drop key,key] — what `extract` and
// `lint --format json` print for every .md file (folders are walked recursively, sorted), one after
// the other, so that a refactor of parse/ or lint/ can be shown to change nothing: run it before and
// after and compare the two outputs byte for byte. Without arguments it reads tutorials/,
// tests/parse/fixtures/ and tests/lint/fixtures/. `--drop` removes the named keys (at any depth)
// from the extract JSON, for comparing a "before" with an "after" that added those fields.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run as extract } from '../src/commands/extract.ts';
import { run as lint } from '../src/commands/lint.ts';
import { ToolError } from '../src/errors.ts';

const DEFAULT_PATHS = ['tutorials', 'tests/parse/fixtures', 'tests/lint/fixtures'];

function markdownFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      return statSync(child).isDirectory() ? markdownFiles(child) : name.endsWith('.md') ? [child] : [];
    });
}

/** What a command writes to stdout, or the error it ends with (as the CLI would report it). */
async function capture(command: (argv: string[]) => Promise<number>, argv: string[]): Promise<string> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  let status: string;
  try {
    status = `exit ${await command(argv)}`;
  } catch (err) {
    status = err instanceof ToolError ? `error ${err.code}: ${err.message}` : `crash: ${String(err)}`;
  } finally {
    process.stdout.write = write;
  }
  return `${chunks.join('')}${status}\n`;
}

function dropKeys(json: string, keys: ReadonlySet<string>): string {
  const start = json.indexOf('{');
  if (keys.size === 0 || start !== 0) return json;
  const end = json.lastIndexOf('}') + 1;
  const value: unknown = JSON.parse(json.slice(0, end));
  return `${JSON.stringify(value, (k, v: unknown) => (keys.has(k) ? undefined : v), 2)}${json.slice(end)}`;
}

const args = process.argv.slice(2);
const dropAt = args.indexOf('--drop');
const drop = new Set(dropAt >= 0 ? (args[dropAt + 1] ?? '').split(',').filter(Boolean) : []);
const paths = args.filter((_, i) => dropAt < 0 || (i !== dropAt && i !== dropAt + 1));
const files = (paths.length > 0 ? paths : DEFAULT_PATHS).flatMap(markdownFiles);
for (const file of files) {
  process.stdout.write(`=== extract ${file}\n${dropKeys(await capture(extract, [file]), drop)}`);
  process.stdout.write(`=== lint ${file}\n${await capture(lint, [file, '--format', 'json'])}`);
}
