// `tutorial-conformance extract <file>`: print the model of one tutorial as JSON.
import { ToolError } from '../errors.ts';
import { parseTutorialFile } from '../parse/index.ts';

const USAGE = 'usage: tutorial-conformance extract <tutorial.md> [--compact]';

export async function run(argv: string[]): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('-'));
  const files = argv.filter((a) => !a.startsWith('-'));
  if (flags.includes('--help') || flags.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = flags.filter((f) => f !== '--compact');
  if (files.length !== 1 || unknown.length > 0) {
    const why = unknown.length > 0 ? `unknown option ${unknown.join(' ')}` : files.length === 0 ? 'missing tutorial file' : 'one tutorial file at a time';
    throw new ToolError('E_USAGE', `${why}\n${USAGE}`);
  }
  const tutorial = parseTutorialFile(files[0]!);
  process.stdout.write(`${JSON.stringify(tutorial, null, flags.includes('--compact') ? undefined : 2)}\n`);
  return 0;
}
