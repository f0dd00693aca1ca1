// An az usage synopsis ("az purview account add-root-collection-admin --account-name --resource-group
// [--object-id]": parameter names only, optional ones in brackets, as the az reference writes a
// command's syntax) that the page hands the reader as the command to run: a code block of its own,
// introduced as "this Azure CLI command" or "run the below command". The parser reads a synopsis as
// reference text and runs nothing (src/parse/az-synopsis.ts), which is right for the reference's
// aligned layout copied into a page; but a one-line synopsis offered as the command is what the
// reader pastes, and az stops at the first parameter with no value. A reader reported exactly this on
// a Purview page: "Customers and SEs are not able to follow the cli command as provided"
// (MicrosoftDocs/azure-docs#85246), fixed by writing the command with values.
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
import { codeFences } from '../fences.ts';
import { contentOf } from '../../parse/lines.ts';
import { azCommand } from '../../reference/az-table.ts';
import type { AzCommandInfo, AzParameter } from '../../reference/az-table.ts';

/** The parser's diagnostic for a synopsis: "lines 12-12 are the usage synopsis of 'az …'". */
const SYNOPSIS = /^lines (\d+)-(\d+) are the usage synopsis of '([^']*)'/;
/** Blocks a reader pastes into a shell (Try It opens Cloud Shell for azurecli). */
const SHELL_FENCE = /^(?:azurecli(?:-interactive)?|azcli|azure-cli|bash|sh|shell|zsh|console|terminal|cmd)$/;
/** The text before the block offers it as something to run… */
const OFFERED = /\b(?:command|run|execute|type|enter)\b/i;
/** …and not as the command's syntax or a list of its parameters. */
const DESCRIBED = /\b(?:syntax|usage|format|signature|synopsis|parameters?|arguments?|options?|template)\b/i;

export const azSynopsisAsCommand: Rule = {
  id: 'az-synopsis-as-command',
  name: 'AzSynopsisAsCommand',
  severity: 'warning',
  shortDescription: 'A code block offered as the az command to run holds the command\'s syntax (parameter names without values, optional ones in brackets).',
  fullDescription:
    'The az reference writes a command\'s syntax with parameter names only, optional ones in brackets ("az purview account add-root-collection-admin --account-name --resource-group [--object-id]"). Copied into a page as a block of its own after "You can use this Azure CLI command:" or "run the below command", it is what the reader pastes: az (Python argparse) stops at the first parameter that takes a value and has none, "argument --account-name: expected one argument", and "[--object-id]" is a word no command accepts. A reader reported it on a Purview page: "Customers and SEs are not able to follow the cli command as provided" (MicrosoftDocs/azure-docs#85246), and the page was fixed by giving each parameter a value. Only a one-line synopsis alone in a shell block, introduced as a command (not as syntax, usage or parameters), and never run with values elsewhere on the page is reported; the reference\'s aligned multi-line layout is left alone as reference text.',
  help: 'Write the command with a value for each parameter (placeholders are fine: --account-name <account-name> --resource-group <resource-group> --object-id <object-id>), or introduce the block as the syntax and give an example with values.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    for (const d of doc.tutorial.diagnostics) {
      if (d.code !== 'az-usage-synopsis') continue;
      if (d.file && doc.file && d.file !== doc.file) continue;
      const m = SYNOPSIS.exec(d.message);
      if (!m || m[1] !== m[2]) continue;
      const line = Number(m[1]);
      const hit = judge(doc, line, m[3]!);
      if (hit) hits.push(hit);
    }
    return hits;
  },
};

function judge(doc: LintDocument, line: number, path: string): RuleHit | undefined {
  const fence = codeFences(doc).find((f) => f.open < line && line < f.close);
  if (!fence || !SHELL_FENCE.test(fence.info)) return undefined;
  // The block holds the synopsis alone: it is the whole of what the reader copies.
  for (let n = fence.open + 1; n < fence.close; n++) if (n !== line && contentOf(doc.line(n)).trim() !== '') return undefined;
  const lead = leadIn(doc, fence.open);
  if (lead === undefined || !OFFERED.test(lead) || DESCRIBED.test(lead)) return undefined;
  const words = path.split(/\s+/).filter((w) => w !== '' && w !== 'az');
  const command = azCommand(words.join(' '));
  if (!command || runElsewhere(doc, words, line)) return undefined;
  const text = contentOf(doc.line(line));
  const bare = valueless(command, text);
  if (bare.length === 0) return undefined;
  const first = bare[0]!;
  const column = doc.line(line).indexOf(first.written) + 1;
  const example = text
    .trim()
    .split(/\s+/)
    .map((w) => {
      const name = w.replace(/^\[|\]$/g, '');
      return /^--?[A-Za-z]/.test(name) ? `${name} <${name.replace(/^-+/, '')}>` : w;
    })
    .join(' ');
  return {
    line,
    ...(column > 0 ? { column } : {}),
    message: `This block gives 'az ${words.join(' ')}' with parameter names only, as the az reference writes its syntax, and the text before it offers it as the command to run: pasted as written, az stops with "argument ${first.names}: expected one argument"${/\[/.test(text) ? ' (and "[…]" is no argument az accepts)' : ''}. Write the command with a value for each parameter, e.g. ${example}.`,
  };
}

/** The nearest line of text above the block's opening fence (blockquote markers set aside). */
function leadIn(doc: LintDocument, open: number): string | undefined {
  for (let n = open - 1; n >= 1 && n >= open - 4; n--) {
    const t = contentOf(doc.line(n)).trim();
    if (t !== '') return t;
  }
  return undefined;
}

/** Parameters written without brackets that the reference says take a value, in page order. */
function valueless(command: AzCommandInfo, text: string): { written: string; names: string }[] {
  const out: { written: string; names: string }[] = [];
  for (const w of text.trim().split(/\s+/)) {
    if (!/^--?[A-Za-z][\w-]*$/.test(w)) continue;
    const p: AzParameter | undefined = command.parameters.find((q) => q.names.includes(w));
    if (!p || p.value !== 'required' || p.evidence === 'none') continue;
    out.push({ written: w, names: p.names.join('/') });
  }
  return out;
}

/** Whether another line of the page runs the command with an option followed by a value. */
function runElsewhere(doc: LintDocument, words: string[], line: number): boolean {
  const head = new RegExp(`^az\\s+${words.map((w) => w.replace(/-/g, '\\-')).join('\\s+')}\\s+.*--?[A-Za-z][\\w-]*[ =]+["']?[^-\\s\\\\\\[]`);
  for (let n = 1; n <= doc.lineCount; n++) if (n !== line && head.test(contentOf(doc.line(n)).trim())) return true;
  return false;
}
