// `az ad … --query objectId`: since Azure CLI 2.37 (Microsoft Graph) the object id of a user, group,
// service principal or application is `id`; a query for `objectId` selects nothing, so az prints an
// empty line (tsv) or nothing at all and whatever the page does with the value gets an empty string.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';
import { fixOf, replaceAt, wordOnLine } from '../fix.ts';

/**
 * Where a JMESPath expression selects the field `objectId`: string literals ('…', `…`) are skipped,
 * quoted identifiers ("objectId") count, and a multiselect-hash key (`{objectId: id}`) is a name the
 * query gives, not a field it reads.
 */
export function objectIdFields(query: string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    if (c === "'" || c === '`') {
      const end = query.indexOf(c, i + 1);
      i = end < 0 ? query.length : end + 1;
      continue;
    }
    const m = /^"?objectId"?/.exec(query.slice(i));
    const before = i === 0 ? '' : (query[i - 1] as string);
    if (m && !/[A-Za-z0-9_]/.test(before) && !/^[A-Za-z0-9_]/.test(query.slice(i + m[0].length))) {
      const isKey = /^\s*:/.test(query.slice(i + m[0].length)) && /[{,]\s*$/.test(query.slice(0, i));
      if (!isKey) out.push(m[0].startsWith('"') ? i + 1 : i);
      i += m[0].length;
      continue;
    }
    i++;
  }
  return out;
}

export const azGraphObjectidQuery: Rule = {
  id: 'az-graph-objectid-query',
  name: 'AzGraphObjectidQuery',
  severity: 'warning',
  shortDescription: 'An az ad command queries "objectId", a field Microsoft Graph objects do not have (it is "id" since Azure CLI 2.37).',
  fullDescription:
    'Azure CLI 2.37.0 (May 2022) moved the az ad commands from Azure AD Graph to Microsoft Graph: "id replaces the objectId property in the output JSON of a Graph object" (MicrosoftDocs/azure-docs-cli docs-ref-conceptual/Latest-version/microsoft-graph-migration.md; Azure/azure-cli issue #22328). A JMESPath query for objectId matches nothing, so az prints nothing (or an empty tsv line) and exits 0: the variable or the next command that takes the value gets an empty string, and the failure shows up later, far from its cause.',
  help: 'Query "id" instead of "objectId" (e.g. az ad signed-in-user show --query id --output tsv).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      if (az.path[0] !== 'ad') continue;
      const query = azOption(az, '--query')?.value;
      if (!query) continue;
      const at = objectIdFields(query.value);
      if (at.length === 0) continue;
      // The edit is placed only where the raw word holds the query unescaped, on one line.
      const offset = query.raw.indexOf(query.value);
      const exact = wordOnLine(doc, query) && offset >= 0;
      const fix = exact
        ? fixOf(
            'query "id" instead of "objectId"',
            at.map((k) => replaceAt(doc, query.line, query.column + offset + k, query.column + offset + k + 'objectId'.length, 'id')),
          )
        : undefined;
      const fixed = at.reduceRight((q, k) => `${q.slice(0, k)}id${q.slice(k + 'objectId'.length)}`, query.value);
      hits.push({
        line: query.line,
        column: query.column,
        stepId: command.step.id,
        message: `az ${az.path.join(' ')} --query ${JSON.stringify(query.value)} selects "objectId", which Microsoft Graph objects do not have since Azure CLI 2.37: az prints nothing and the value is empty. Query "id" (--query ${JSON.stringify(fixed)}).`,
        suggestion: fixed,
        ...(fix ? { fix } : {}),
      });
    }
    return hits;
  },
};
