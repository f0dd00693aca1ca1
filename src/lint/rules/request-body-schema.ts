// A request body (curl -d, az rest --body, the JSON after a raw PUT line, an ARM template or Bicep resource)
// held to its operation's schema in the vendored REST specs, at the api-version it names.
import type { Rule, RuleHit } from '../rule.ts';
import { locate, schemaSubjects } from '../spec-subjects.ts';
import { checkAgainstSchema, describeView } from '../../reference/spec-schemas.ts';
import { dotted } from '../contract-check.ts';

export const requestBodySchema: Rule = {
  id: 'request-body-schema',
  name: 'RequestBodySchema',
  severity: 'warning',
  shortDescription: 'A request body or template resource has a misspelt property, an enum value or a type its operation\'s schema does not take.',
  fullDescription:
    'Read in `curl -d \'{…}\'` and `az rest --body \'{…}\'` bodies sent to management.azure.com (and in the JSON block the page has the reader save as the file a `-d @file.json` / `--body @file.json` sends: the last block before the command whose caption names the file), the JSON block after a raw PUT/PATCH/POST request line, each resource of an ARM template and each `resource` of a Bicep block (its literal values; parameters and expressions are not judged). Resource Manager reads a request body against the operation\'s model for the api-version the request names (REST specs, Azure/azure-rest-api-specs, vendored in vendor/specs). A property it does not know is ignored by most resource providers (the setting the page meant is never applied) and refused by some; a value outside a closed enum or of a type the JSON reader cannot convert (the string "yes" for a boolean) is refused with 400. Judged only where the spec of that api-version is vendored (or the two vendored versions around it agree on the property), and for properties only near misses of a spec property (a misspelling, or the same name in another case: ARM\'s JSON readers mostly ignore case, so that is a warning of style); a property far from every name is not judged, since specs lag the service. Open enums (x-ms-enum modelAsString) take any string: only a near miss of one of their values is reported.',
  help: 'Write the property and value as the operation\'s model spells them (the finding names the spec file and the value meant).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const subject of schemaSubjects(doc)) {
      if (subject.role !== 'body') continue;
      const where = describeView(subject.view, subject.apiVersion);
      for (const issue of checkAgainstSchema(subject.value, subject.view)) {
        const at = locate(subject, issue.path);
        const name = dotted(issue.path);
        const base = { line: at.line, column: at.column, ...(subject.stepId ? { stepId: subject.stepId } : {}) };
        if (issue.kind === 'property') {
          const caseOnly = issue.suggestion?.toLowerCase() === String(issue.written).toLowerCase();
          hits.push({
            ...base,
            ...(caseOnly ? { severity: 'note' as const } : {}),
            ...(issue.suggestion ? { suggestion: issue.suggestion } : {}),
            message: caseOnly
              ? `${name}: ${where} spells it "${issue.suggestion}". Resource Manager mostly reads names without case, but write the spec's spelling.`
              : `${name} is not a property of ${where}; did you mean "${issue.suggestion}"? Most resource providers ignore an unknown property, so the setting is never applied.`,
          });
        } else if (issue.kind === 'enum') {
          const values = (issue.allowed ?? []).map((v) => JSON.stringify(v)).join(', ');
          const meant = issue.suggestion ? `; did you mean ${JSON.stringify(issue.suggestion)}?` : '.';
          hits.push({
            ...base,
            ...(!issue.open && subject.view.exact ? { severity: 'error' as const } : {}),
            ...(issue.suggestion ? { suggestion: issue.suggestion } : {}),
            message: issue.open
              ? `${name} is ${JSON.stringify(issue.written)}, a near miss of ${JSON.stringify(issue.suggestion)} (${where} lists ${values}; the model is open, but the value reads as a misspelling).`
              : `${name} is ${JSON.stringify(issue.written)}, which is none of ${values} in ${where}${meant} The resource provider refuses it (400).`,
          });
        } else {
          hits.push({
            ...base,
            ...(subject.view.exact ? { severity: 'error' as const } : {}),
            message: `${name} is ${JSON.stringify(issue.written)} but ${where} types it as ${issue.expected}, and the value cannot be read as one: the request is refused (400).`,
          });
        }
      }
    }
    return hits;
  },
};
