// "Note the `identityPrincipalId` and `identityResourceId` values from the deployment output." next to
// a Bicep file that declares `output identityPrincipalId string = …` only: a deployment's outputs are
// exactly the template's output declarations (Bicep documentation, "Outputs in Bicep": "the outputs
// section … values that are returned from the deployed resources"; az deployment group create prints
// them under properties.outputs), so the reader looks for a value the deployment never returns and a
// later step that needs it has nothing to use (MicrosoftDocs/azure-management-docs e618bbd79:
// "Remove reference to missing identityResourceId output").
import type { Rule, RuleHit } from '../rule.ts';
import { pageTemplates, templateDeployed } from '../page-templates.ts';
import { deployments } from '../deploy-commands.ts';

const MENTIONS_OUTPUT = /\b(?:deployment(?:'s)? outputs?|outputs? of the deployment|from the (?:deployment|template)(?:'s)? outputs?)\b/i;
const NAME = /`([A-Za-z_][A-Za-z0-9_]*)`/g;

export const deploymentOutputNotDeclared: Rule = {
  id: 'deployment-output-not-declared',
  name: 'DeploymentOutputNotDeclared',
  severity: 'warning',
  shortDescription: 'The prose names, or a deployment command queries (--query properties.outputs.<name>), a deployment output that the page\'s template does not declare.',
  fullDescription:
    'A deployment returns exactly the outputs its template declares (Bicep: `output <name> <type> = <value>`; az deployment group create prints them under properties.outputs). When the page shows the Bicep file and the prose tells the reader to note an output the file does not declare, the reader finds no such value and a later step that needs it cannot be run as written. Likewise an az deployment command whose --query reads properties.outputs.<name> from a template that declares no such output (JMESPath compares names with case) prints nothing: judged only against the template the command certainly deploys (the block the prose names with the command\'s file name, or the page\'s only template; src/lint/page-templates.ts).',
  help: 'Declare the output in the Bicep file (output <name> <type> = …), or name the outputs it declares.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    // A deployment command that prints an output (--query properties.outputs.<name>) the template it
    // certainly deploys does not declare: az's JMESPath finds nothing and prints nothing (or null).
    for (const d of deployments(doc)) {
      const m = d.query ? /\bproperties\.outputs\.([A-Za-z_][A-Za-z0-9_]*)/.exec(d.query.value) : null;
      if (!m || !d.query) continue;
      const found = templateDeployed(doc, d.templateFile, d.line);
      if (!found || found.template.partial) continue;
      const outs = found.template.outputs.map((o) => o.name);
      const name = m[1] as string;
      // properties.outputs keeps the template's spelling, and JMESPath compares names with case.
      if (outs.includes(name)) continue;
      hits.push({
        line: d.query.line,
        column: d.query.column + (d.query.raw.indexOf(name) >= 0 ? d.query.raw.indexOf(name) : 0),
        stepId: d.step.id,
        message: `this command reads the deployment output ${name} (--query ${d.query.value}), but ${found.template.file ?? 'the template'} on this page (line ${found.template.fence.open + 1}) declares ${outs.length ? `only the outputs ${outs.join(', ')}` : 'no outputs'}: a deployment returns exactly its template's outputs, so the query finds nothing and az prints nothing${outs.find((o) => o.toLowerCase() === name.toLowerCase()) ? ` (JMESPath compares names with case: the template declares ${outs.find((o) => o.toLowerCase() === name.toLowerCase())})` : ''}. Query an output the template declares, or declare output ${name}.`,
      });
    }
    // The prose: outputs of the page's Bicep files (one reading of templates, src/lint/page-templates.ts).
    const declared = new Set(pageTemplates(doc).filter((t) => t.kind === 'bicep').flatMap((t) => t.outputs.map((o) => o.name)));
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
