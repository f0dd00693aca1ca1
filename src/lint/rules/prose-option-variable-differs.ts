// The prose explains a command's argument by quoting it — "By adding the argument
// `--env-vars "API_BASE_URL=https://$API_ENDPOINT"` to `az containerapp create`…" — but the command
// passes that option the same text with another variable (https://$API_BASE_URL), and the prose's
// variable is assigned nowhere. A reader who types the argument the prose explains gets an empty value
// (bash expands an unset variable to nothing, GNU bash manual "Shell Parameter Expansion"), and the
// page names one value two ways.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';
import { assignedVariables } from '../shell.ts';

const SPAN = /`(--[a-z][a-z0-9-]*)[ =]([^`]+)`/g;
const VAR = /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;
const unquote = (s: string): string => s.trim().replace(/^(["'])(.*)\1$/s, '$2');
/** The value with its variables blanked, to compare the text around them. */
const shape = (s: string): string => unquote(s).replace(VAR, '$');

export const proseOptionVariableDiffers: Rule = {
  id: 'prose-option-variable-differs',
  name: 'ProseOptionVariableDiffers',
  severity: 'warning',
  shortDescription: 'The prose quotes an az option with a variable the page never assigns, where the command passes the same text with another variable.',
  fullDescription:
    'A sentence that explains a command by quoting its argument ("By adding the argument `--env-vars \\"API_BASE_URL=https://$API_ENDPOINT\\"`") is what a reader copies when they adapt the command. When the commands of the page pass that option the same text with another variable (https://$API_BASE_URL) and the prose\'s variable is assigned nowhere, the quoted argument expands to an empty value in bash (an unset variable expands to nothing: GNU bash manual, "Shell Parameter Expansion"), and the page names one value two ways.',
  help: 'Quote the argument as the command passes it (the variable the page assigns).',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const assigned = assignedVariables(doc);
    const commands = eachAz(doc);
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const line = doc.line(n);
      for (const m of line.matchAll(SPAN)) {
        const [, option, value] = m as unknown as [string, string, string];
        const proseVars = [...value.matchAll(VAR)].map((v) => v[1] as string);
        const unassigned = proseVars.filter((v) => !assigned.has(v));
        if (unassigned.length === 0) continue;
        for (const { az } of commands) {
          const o = azOption(az, option);
          if (!o?.value) continue;
          const given = o.value.value;
          if (unquote(given) === unquote(value) || shape(given) !== shape(value)) continue;
          const commandVars = [...given.matchAll(VAR)].map((v) => v[1] as string);
          if (!commandVars.some((v) => assigned.has(v))) continue;
          hits.push({
            line: n,
            column: (m.index ?? 0) + 1,
            message: `the prose quotes ${option} with $${unassigned[0]}, which no step assigns, while the command on line ${o.nameWord.line} passes ${option} ${given} (the page assigns $${commandVars.find((v) => assigned.has(v))}): one value under two names. Quote the argument as the command passes it.`,
          });
          break;
        }
      }
    }
    return hits;
  },
};
