// bash splits the value of an unquoted expansion into words at blanks and drops an empty one (GNU
// Bash manual §3.5.7, Word Splitting): after `server_identity="--cacert service_cert.pem"`,
// `curl $server_identity "https://…"` gives curl the two words --cacert and service_cert.pem, and the
// URL stays the first positional word. The model read `$server_identity` as one word (the values are
// the run's), so curl's argv is read again here with the values split as bash splits them.
import type { CurlCommand } from '../../model.ts';
import { parseCurlArgv } from '../../parse/curl.ts';
import { substitute, type SubstitutionScope } from '../substitute.ts';

const WHOLE_VARIABLE = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;
/** bash's default IFS: space, tab and newline. */
const IFS_BLANKS = /[ \t\n]+/;

export function splitUnquotedExpansions(curl: CurlCommand, scope: SubstitutionScope): CurlCommand {
  const splits = scope.splits;
  if (splits === undefined || splits.size === 0) return curl;
  let changed = false;
  const argv: string[] = [];
  for (const word of curl.argv) {
    const m = WHOLE_VARIABLE.exec(word);
    const name = m?.[1] ?? m?.[2];
    const value = name !== undefined && splits.has(name) ? substitute(word, scope) : undefined;
    // A value holding `$` would be expanded again when the request is built: left as one word.
    if (value === undefined || value.includes('$')) {
      argv.push(word);
      continue;
    }
    const fields = value.split(IFS_BLANKS).filter((f) => f !== '');
    if (fields.length === 1 && fields[0] === value) {
      argv.push(word);
      continue;
    }
    changed = true;
    argv.push(...fields);
  }
  return changed ? parseCurlArgv(argv) : curl;
}
