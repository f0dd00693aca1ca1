// `tutorial-conformance extract <file>`: print the model of one tutorial as JSON.
import { ToolError } from '../errors.ts';
import { parseCommand } from '../cli/options.ts';
import { extractSpec } from '../cli/specs.ts';
import { parseTutorialFile } from '../parse/index.ts';
import { docsetRootOption } from '../cli/docset-root.ts';
import { inspectPath, resolveTutorialFiles } from '../run/files.ts';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(extractSpec, argv);
  if (positionals.length !== 1) throw new ToolError('E_USAGE', `${positionals.length === 0 ? 'missing tutorial file' : 'one tutorial file at a time'} (see 'tutorial-conformance help extract')`);
  const given = positionals[0] as string;
  if (inspectPath(given).kind === 'folder') throw new ToolError('E_USAGE', 'a folder; extract takes one markdown file', { file: given });
  // The same checks as run's: a pipe, a device or a file that is not markdown is refused by name.
  const [file] = resolveTutorialFiles([given]);
  const docsetRoot = docsetRootOption(values['docset-root'], 'extract');
  // Includes are read only inside the docset root: extract prints no file from outside the docs.
  const tutorial = parseTutorialFile(file as string, docsetRoot !== undefined ? { docsetRoot } : {});
  process.stdout.write(`${JSON.stringify(tutorial, null, values.compact ? undefined : 2)}\n`);
  return 0;
}
