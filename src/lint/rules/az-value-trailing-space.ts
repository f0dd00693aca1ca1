// A quoted az value with a space inside the quotes at its end (or start).
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { charEdits, fixOf, withFix } from '../fix.ts';
import type { Fix } from '../finding.ts';
import type { LintDocument } from '../document.ts';
import type { ShellWord } from '../../parse/shell-words.ts';

export const azValueTrailingSpace: Rule = {
  id: 'az-value-trailing-space',
  name: 'AzValueTrailingSpace',
  severity: 'error',
  shortDescription: 'A quoted az value starts or ends with a space inside the quotes.',
  fullDescription:
    'Inside quotes the space is part of the value: --scope "/subscriptions/…/resourcegroups/<RESOURCE GROUP> " names a resource group whose name ends in a space. ARM finds no such scope and the role assignment fails (or az reports an invalid scope). A value written over several lines inside the quotes (a query, a script) is text whose edges are layout, not a name, and is not reported; nor is a blank after the closing quote ("$cluster" followed by a no-break space, which bash keeps in the word: nonascii-space-in-command).',
  help: 'Remove the space inside the quotes.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      for (const o of az.options) {
        const v = o.value;
        if (!v || !v.quoted || v.value.trim() === v.value || v.value.trim() === '') continue;
        // A value over several lines (a KQL query, a script, JSON) is text, not a name: the line
        // breaks and indentation at its edges are layout the service ignores.
        if (v.value.includes('\n')) continue;
        const trailing = /\s$/.test(v.value);
        // The blank must stand inside the quotes: in "$cluster"<U+00A0> the no-break space follows the closing
        // quote (bash keeps it in the word: nonascii-space-in-command's), and no space is inside.
        if (trailing ? !/\s["']$/.test(v.raw) : !/(?:^|=)["']\s/.test(v.raw)) continue;
        hits.push({
          line: v.line,
          column: trailing ? v.column + v.raw.length - 2 : v.column + 1,
          stepId: command.step.id,
          message: `the value of ${o.name} ${trailing ? 'ends' : 'starts'} with a space inside the quotes (${JSON.stringify(v.value)}): az passes it on, so ${o.name === '--scope' ? 'the scope names a resource that does not exist and ARM rejects the assignment' : 'the name does not match the resource'}. Write ${JSON.stringify(v.value.trim())}.`,
          suggestion: JSON.stringify(v.value.trim()),
          ...withFix(trimFix(doc, v)),
        });
      }
    }
    return hits;
  },
};

/** Sure for one quoted segment ("…" or '…'): the blanks just inside the quotes go. */
function trimFix(doc: LintDocument, v: ShellWord): Fix | undefined {
  const raw = v.raw;
  const q = raw[0];
  if ((q !== '"' && q !== "'") || raw.length < 2 || raw[raw.length - 1] !== q || raw.slice(1, -1).includes(q)) return undefined;
  const lead = /^[ \t]*/.exec(raw.slice(1))?.[0].length ?? 0;
  const trail = /[ \t]*$/.exec(raw.slice(1, -1))?.[0].length ?? 0;
  if (lead + trail === 0 || lead + trail >= raw.length - 2) return undefined;
  const end = raw.length - 1;
  return fixOf(`remove the blank(s) inside the quotes: ${q}${raw.slice(1 + lead, end - trail)}${q}`, charEdits(doc, v, (_, i) => ((i >= 1 && i <= lead) || (i >= end - trail && i < end) ? '' : undefined)));
}
