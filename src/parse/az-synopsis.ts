// An az usage synopsis: the syntax of a command as the az reference prints it, copied into a page
// to show which parameters exist, not to be run:
//   az logic workflow create --definition
//                            --location
//                            [--state {Completed, Deleted, Disabled}]
//                            [--tags]
// Only parameter names, optional ones in brackets, enum sets in braces, and no value anywhere.
// Read as a command it would be a chain of false findings (every option "has no value", every
// line "needs a \", `[--tags]` "is not valid JSON"); read as what it is, it is reference text.
// A value-less command laid out the same way but without brackets or braces is a synopsis only when
// the page also gives that command with values (its example): otherwise the page tells the reader
// to run it as written (tutorials/000-storage-sas.md), and it fails as written.
import { indentOf } from './lines.ts';
import type { ScanState } from './scan-state.ts';

const COMMAND = /^az((?:\s+[a-z][a-z0-9-]*)+)((?:\s+.*)?)$/;
/** "[--name {Value}]": an optional parameter and its enum written in braces, one value or more. */
const OPTIONAL_ENUM = /(\[-{1,2}[A-Za-z][\w-]*)\s+\{[^{}]*\}\]/g;
// One parameter as a synopsis writes it: --name, -n, [--tags], [--yes -y]; `|` between aliases.
const PARAM_WORD = /^(?:\[?-{1,2}[A-Za-z][\w-]*\]?|\[|\]|\|)$/;

/** The last line of the synopsis starting at line `i`, or -1 when the command there is not one. */
export function azSynopsisEnd(st: ScanState, i: number, to: number): number {
  const m = COMMAND.exec(st.content(i).trim());
  if (!m) return -1;
  const path = m[1]!.trim().split(/\s+/);
  const parts = [m[2]!];
  let j = i;
  const base = indentOf(st.lines[i]!);
  while (st.continues(j + 1, to) && /^\[?-/.test(st.content(j + 1).trim()) && indentOf(st.lines[j + 1]!) > base) {
    j++;
    parts.push(st.content(j));
  }
  const text = parts.join(' ');
  // az writes an enum set with its values, at least two ("{true, false}"); one name in braces
  // ("-g {ResourceGroupName}") is a placeholder the reader fills in, so the command has values.
  // An optional parameter with its one allowed value ("[--license-type {ESU}]", as az prints an enum
  // of one member) is a synopsis word too: the brackets say it is optional, so nobody types it so.
  const enums = /\{[^{},]*,[^{}]*\}/.test(text) || text.search(OPTIONAL_ENUM) >= 0;
  const bare = text.replace(OPTIONAL_ENUM, '$1]').replace(/\{[^{},]*,[^{}]*\}/g, ' ');
  const words = bare.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return -1;
  if (!words.every((w) => PARAM_WORD.test(w))) {
    // A required parameter shown with the value the reader fills in ("az keyvault secret download --file
    // {nameofcert.pfx}") above optional ones in brackets ("[--encoding {ascii, base64, …}]", "[--id]";
    // azure-security-docs @1c4310be key-vault/certificates/how-to-export-certificate.md): the brackets
    // still make it the reference's syntax, not a command to type.
    const unfilled = bare.replace(/(^|\s)\{[^{},\s]+\}(?=\s|$)/g, ' ').trim().split(/\s+/).filter((w) => w !== '');
    return unfilled.every((w) => PARAM_WORD.test(w)) && unfilled.some((w) => w.startsWith('[')) && j > i ? j : -1;
  }
  if (enums || words.some((w) => w.startsWith('['))) return j;
  if (j > i && givesValuesElsewhere(st, path, i, j)) return j;
  return -1;
}

/** Whether a line outside i..j runs `az <path>` with at least one option followed by a value. */
function givesValuesElsewhere(st: ScanState, path: string[], i: number, j: number): boolean {
  const head = new RegExp(`^az\\s+${path.map((p) => p.replace(/[-]/g, '\\-')).join('\\s+')}\\s+.*--?[A-Za-z][\\w-]*[ =]+["']?[^-\\s\\\\]`);
  for (let k = 0; k < st.lines.length; k++) {
    if (k >= i && k <= j) continue;
    if (head.test(st.content(k).trim())) return true;
  }
  return false;
}
