// A JSON body sent to Resource Manager with curl -d but no Content-Type: curl labels it
// application/x-www-form-urlencoded, and ARM reads bodies as application/json only.
import type { Rule, RuleHit } from '../rule.ts';
import { eachCurl } from '../each.ts';
import { hostAndPath } from '../commands.ts';
import { fixOf, insertAfter, withFix } from '../fix.ts';

export const armBodyContentType: Rule = {
  id: 'arm-body-content-type',
  name: 'ArmBodyContentType',
  severity: 'warning',
  shortDescription: 'A JSON body is sent to Resource Manager without Content-Type: application/json.',
  fullDescription:
    'curl -d sends its data with "Content-Type: application/x-www-form-urlencoded". Azure Resource Manager only accepts "application/json" request bodies and answers other media types with 415 UnsupportedMediaType ("Only \'application/json\' is supported"), documented for PUT; for a POST action such as listServiceSas this is likely but not verified.',
  help: 'Add -H "Content-Type: application/json" to the curl command.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, curl } of eachCurl(doc)) {
      const url = curl.urls[0];
      const hp = url ? hostAndPath(url.value) : undefined;
      if (!hp || hp.host !== 'management.azure.com') continue;
      const body = curl.data.find((d) => /^\s*[[{]/.test(d.value));
      if (!body) continue;
      if (curl.headers.some((h) => /^content-type$/i.test(h.name.trim()))) continue;
      hits.push({
        line: body.line,
        column: body.column,
        stepId: command.step.id,
        message: `this ${curl.method} sends a JSON body with -d but no Content-Type header, so curl labels it application/x-www-form-urlencoded; Resource Manager only accepts application/json bodies (415 UnsupportedMediaType otherwise). Add -H "Content-Type: application/json".`,
        suggestion: '-H "Content-Type: application/json"',
        // Sure: the header only labels the body curl already sends; inserted right after it.
        ...withFix(fixOf('add -H "Content-Type: application/json" after the body', [insertAfter(doc, body, ' -H "Content-Type: application/json"')])),
      });
    }
    return hits;
  },
};
