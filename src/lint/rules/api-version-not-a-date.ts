// "api-version=2018-20-01": an api-version is a date (YYYY-MM-DD, maybe with -preview); one that
// cannot be a date exists for no service. Checked wherever a page writes one: URLs, az and
// PowerShell parameters, templates ("apiVersion"), Bicep (type@version) and tables.
import type { Rule, RuleHit } from '../rule.ts';

const DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})((?:-[a-z]+)?)(?![\d])/gi;
const CONTEXT = /api-?version|apiversion|@\s*$/i;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why y-m-d is not a date, or undefined when it is one. */
export function notADate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12) return `there is no month ${m}`;
  if (d < 1 || d > daysIn(y, m)) return `${new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${y} has no day ${d}`;
  return undefined;
}

export const apiVersionNotADate: Rule = {
  id: 'api-version-not-a-date',
  name: 'ApiVersionNotADate',
  severity: 'error',
  shortDescription: 'An api-version is not a valid date (a month above 12, a day the month does not have).',
  fullDescription:
    'Azure api-versions are dates, YYYY-MM-DD with an optional suffix such as -preview. A value such as 2018-20-01 (month 20) is a version of no service: Resource Manager rejects the request (InvalidApiVersionParameter or NoRegisteredProviderFound, listing the versions it supports), and so do templates and Bicep files that use it. In a table it misleads every reader who copies it.',
  help: 'Write the api-version the service documents; a swapped month and day (2018-20-01 for 2018-01-20) is the usual slip.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (let n = 1; n <= doc.lineCount; n++) {
      const text = doc.line(n);
      const table = /^\s*>?\s*\|/.test(text);
      for (const m of text.matchAll(DATE)) {
        const before = text.slice(0, m.index);
        if (!table && !CONTEXT.test(before.slice(-40))) continue;
        if (table && !/version/i.test(text) && !/version/i.test(tableHeader(doc, n))) continue;
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const why = notADate(y, mo, d);
        if (!why) continue;
        const swapped = notADate(y, d, mo) === undefined ? `${m[1]}-${m[3]}-${m[2]}${m[4]}` : undefined;
        hits.push({
          line: n,
          column: (m.index ?? 0) + 1,
          message: `api-version ${m[0]} cannot be a date (${why}), so no service has it: Azure rejects the request (InvalidApiVersionParameter or NoRegisteredProviderFound, with the versions it supports).${swapped ? ` Did you mean ${swapped}?` : ''}`,
          ...(swapped ? { suggestion: swapped } : {}),
        });
      }
    }
    return hits;
  },
};

/** The header row of the Markdown table line `n` belongs to. */
function tableHeader(doc: Parameters<Rule['check']>[0], n: number): string {
  let k = n;
  while (k > 1 && /^\s*>?\s*\|/.test(doc.line(k - 1))) k--;
  return doc.line(k);
}
