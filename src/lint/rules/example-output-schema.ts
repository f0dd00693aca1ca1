// An example answer of a Resource Manager call (after a curl, az rest or raw request line that names
// its api-version) held to the operation's response schema in the vendored REST specs.
import type { Rule, RuleHit } from '../rule.ts';
import { locate, schemaSubjects } from '../spec-subjects.ts';
import { checkAgainstSchema, describeView } from '../../reference/spec-schemas.ts';
import { dotted } from '../contract-check.ts';

export const exampleOutputSchema: Rule = {
  id: 'example-output-schema',
  name: 'ExampleOutputSchema',
  severity: 'warning',
  shortDescription: 'An example answer of a REST call has a property name or an enum value the operation\'s response schema does not have.',
  fullDescription:
    'Resource Manager answers with the names and values of the operation\'s model for the api-version requested (REST specs, Azure/azure-rest-api-specs, vendored in vendor/specs); the JSON serialisers of the resource providers write each name exactly as the model spells it. An example that spells a property otherwise (a misspelling, another case) or shows a value outside a closed enum is not what the service prints, and code written from it reads nothing. Judged only where the spec of that api-version is vendored (or the two vendored versions around it agree), only for names that are near misses of a spec property (a name far from every one may be newer than the spec), and only for closed enums (x-ms-enum modelAsString: false or absent).',
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
    }
    return hits;
  },
};
