// "Note the `identityPrincipalId` and `identityResourceId` values from the deployment output." next to
// a Bicep file that declares `output identityPrincipalId string = …` only: a deployment's outputs are
// exactly the template's output declarations (Bicep documentation, "Outputs in Bicep": "the outputs
// section … values that are returned from the deployed resources"; az deployment group create prints
// them under properties.outputs), so the reader looks for a value the deployment never returns and a
// later step that needs it has nothing to use (MicrosoftDocs/azure-management-docs e618bbd79:
// "Remove reference to missing identityResourceId output").
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';

const OUTPUT_DECL = /^\s*output\s+([A-Za-z_][A-Za-z0-9_]*)\s/;
const MENTIONS_OUTPUT = /\b(?:deployment(?:'s)? outputs?|outputs? of the deployment|from the (?:deployment|template)(?:'s)? outputs?)\b/i;
const NAME = /`([A-Za-z_][A-Za-z0-9_]*)`/g;

export const deploymentOutputNotDeclared: Rule = {
  id: 'deployment-output-not-declared',
  name: 'DeploymentOutputNotDeclared',
  severity: 'warning',
  shortDescription: 'The prose names a deployment output that the page\'s Bicep file does not declare.',
  fullDescription:
    'A deployment returns exactly the outputs its template declares (Bicep: `output <name> <type> = <value>`; az deployment group create prints them under properties.outputs). When the page shows the Bicep file and the prose tells the reader to note an output the file does not declare, the reader finds no such value and a later step that needs it cannot be run as written.',
  help: 'Declare the output in the Bicep file (output <name> <type> = …), or name the outputs it declares.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const declared = new Set<string>();
    for (const fence of codeFences(doc)) {
      if (fence.info !== 'bicep') continue;
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
        const m = OUTPUT_DECL.exec(doc.line(n));
        if (m) declared.add(m[1] as string);
      }
    }
    if (declared.size === 0) return hits; // no template on the page to judge against
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const line = doc.line(n);
      if (!MENTIONS_OUTPUT.test(line)) continue;
      for (const m of line.matchAll(NAME)) {
        const name = m[1] as string;
        if (declared.has(name)) continue;
        hits.push({
          line: n,
          column: (m.index ?? 0) + 1,
          message: `the prose names the deployment output ${name}, but the Bicep file on this page declares only ${[...declared].join(', ')}: a deployment returns exactly its template's outputs, so there is no ${name} to note. Declare it (output ${name} … = …) or name an output the file declares.`,
        });
      }
    }
    return hits;
  },
};
