// Azure CLI command lines: the command path (`vm identity assign`, `storage blob upload`, `login`)
// and the options as bash passes them. Nothing is repaired: `-–identities` (hyphen + en dash) is an
// option name as written, `‘Reader’` keeps its smart quotes, a trailing space inside quotes stays.
import type { AzCommand, AzOption } from '../model.ts';
import { ParseError } from './errors.ts';
import { toPipelines } from './pipelines.ts';
import { shellWords, tokenizeShell } from './shell-words.ts';

const PATH_WORD = /^[a-z][a-z0-9-]*$/;

/** Read az's argv (the words after `az`). Never throws. */
export function parseAzArgv(argv: string[]): AzCommand {
  const path: string[] = [];
  let k = 0;
  while (k < argv.length && PATH_WORD.test(argv[k]!)) path.push(argv[k++]!);
  const options: AzOption[] = [];
  const positionals: string[] = [];
  for (; k < argv.length; k++) {
    const w = argv[k]!;
    if (w.startsWith('-') && w.length > 1 && !/^-\d/.test(w)) {
      const eq = w.startsWith('--') ? w.indexOf('=') : -1;
      if (eq > 0) {
        options.push({ name: w.slice(0, eq), value: w.slice(eq + 1), raw: [w] });
        continue;
      }
      const next = argv[k + 1];
      if (next !== undefined && !(next.startsWith('-') && next.length > 1 && !/^-\d/.test(next))) {
        options.push({ name: w, value: next, raw: [w, next] });
        k++;
      } else {
        options.push({ name: w, value: null, raw: [w] });
      }
      continue;
    }
    positionals.push(w);
  }
  return { path, options, positionals, argv: [...argv] };
}

/** Parse an `az …` command line. Throws ParseError for unbalanced quotes or a non-az command. */
export function parseAz(text: string, opts: { file?: string; firstLine?: number } = {}): AzCommand {
  const words = shellWords(text, opts);
  const first = toPipelines(tokenizeShell(text).tokens)[0]?.commands[0];
  const argv = first ? first.words : words;
  if (argv[0] !== 'az') {
    throw new ParseError(`not an az command: ${JSON.stringify(text.slice(0, 40))}`, {
      ...(opts.file ? { file: opts.file } : {}),
      line: opts.firstLine ?? 1,
    });
  }
  return parseAzArgv(argv.slice(1));
}

/** The value of the first option whose name (as written) is one of `names`. */
export function azOption(cmd: AzCommand, ...names: string[]): AzOption | undefined {
  return cmd.options.find((o) => names.includes(o.name));
}
