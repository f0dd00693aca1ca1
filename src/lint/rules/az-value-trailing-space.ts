// A quoted az value with a space inside the quotes at its end (or start).
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';

export const azValueTrailingSpace: Rule = {
  id: 'az-value-trailing-space',
  name: 'AzValueTrailingSpace',
  severity: 'error',
  shortDescription: 'A quoted az value starts or ends with a space inside the quotes.',
  fullDescription:
    'Inside quotes the space is part of the value: --scope "/subscriptions/…/resourcegroups/<RESOURCE GROUP> " names a resource group whose name ends in a space. ARM finds no such scope and the role assignment fails (or az reports an invalid scope).',
  help: 'Remove the space inside the quotes.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      for (const o of az.options) {
        const v = o.value;
        if (!v || !v.quoted || v.value.trim() === v.value || v.value.trim() === '') continue;
        const trailing = /\s$/.test(v.value);
        hits.push({
          line: v.line,
          column: trailing ? v.column + v.raw.length - 2 : v.column + 1,
          stepId: command.step.id,
          message: `the value of ${o.name} ${trailing ? 'ends' : 'starts'} with a space inside the quotes (${JSON.stringify(v.value)}): az passes it on, so ${o.name === '--scope' ? 'the scope names a resource that does not exist and ARM rejects the assignment' : 'the name does not match the resource'}. Write ${JSON.stringify(v.value.trim())}.`,
          suggestion: JSON.stringify(v.value.trim()),
        });
      }
    }
    return hits;
  },
};
