// An example answer of a Resource Manager call (after a curl, az rest or raw request line that names
// its api-version) held to the operation's response schema in the vendored REST specs.
import type { Rule, RuleHit } from '../rule.ts';
import { locate, schemaSubjects } from '../spec-subjects.ts';
import { checkAgainstSchema, describeView } from '../../reference/spec-schemas.ts';
import { dotted } from '../contract-check.ts';
import { levelMisses, type LevelMiss } from '../../reference/schema-levels.ts';

export const exampleOutputSchema: Rule = {
  id: 'example-output-schema',
  name: 'ExampleOutputSchema',
  severity: 'warning',
  shortDescription: 'An example answer of a REST call has a property name or an enum value the operation\'s response schema does not have.',
  fullDescription:
    'Resource Manager answers with the names and values of the operation\'s model for the api-version requested (REST specs, Azure/azure-rest-api-specs, vendored in vendor/specs); the JSON serialisers of the resource providers write each name exactly as the model spells it. An example that spells a property otherwise (a misspelling, another case) or shows a value outside a closed enum is not what the service prints, and code written from it reads nothing. A key the schema has under "properties" shown one level up (the flat shape az prints, x-ms-client-flatten) is not in the REST answer either. Judged only where the spec of that api-version is vendored (or the two vendored versions around it agree), only for names that are near misses of a spec property (a name far from every one may be newer than the spec), and only for closed enums (x-ms-enum modelAsString: false or absent).',
  help: 'Show the output as the service prints it for this api-version (the finding names the spec file and the name or value meant).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const subject of schemaSubjects(doc)) {
      if (subject.role !== 'response') continue;
      const where = describeView(subject.view, subject.apiVersion);
      for (const issue of checkAgainstSchema(subject.value, subject.view)) {
        if (issue.kind === 'type' || (issue.kind === 'enum' && issue.open)) continue;
        const at = locate(subject, issue.path);
        const name = dotted(issue.path);
        hits.push({
          line: at.line,
          column: at.column,
          ...(subject.stepId ? { stepId: subject.stepId } : {}),
          ...(issue.suggestion ? { suggestion: issue.suggestion } : {}),
          message:
            issue.kind === 'property'
              ? `${name} is not a property of ${where}; the service writes "${issue.suggestion}".`
              : `${name} is ${JSON.stringify(issue.written)}, which is none of ${(issue.allowed ?? []).map((v) => JSON.stringify(v)).join(', ')} in ${where}${issue.suggestion ? `; the service writes ${JSON.stringify(issue.suggestion)}` : ''}.`,
        });
      }
      // A key of "properties" shown one level up (the flat shape az prints), where every schema judging agrees.
      const perNode = subject.view.nodes.map((node) => {
        const out: LevelMiss[] = [];
        levelMisses(subject.value, node, [], out);
        return new Set(out.filter((m) => m.kind === 'nested').map((m) => m.path.join('\u0000')));
      });
      for (const key of perNode[0] ?? []) {
        if (!perNode.every((s) => s.has(key))) continue;
        const path = key.split('\u0000');
        const name = path[path.length - 1] as string;
        const parent = path.slice(0, -1).filter((p) => !/^\d+$/.test(p)).join('.');
        const at = locate(subject, path);
        hits.push({
          line: at.line,
          column: at.column,
          ...(subject.stepId ? { stepId: subject.stepId } : {}),
          suggestion: [...(parent ? [parent] : []), 'properties', name].join('.'),
          message: `${dotted(path)} is not a key of ${where} at this level: the service writes it under "properties" (${[...(parent ? [parent] : []), 'properties', name].join('.')}); a flat object is how az prints the resource, not the REST answer.`,
        });
      }
    }
    return hits;
  },
};
