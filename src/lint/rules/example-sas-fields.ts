// A SAS shown after the request that produced it must carry what that request asked for, and
// nothing the request did not: Azure Storage writes st= only when given a start time.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz, eachCurl } from '../each.ts';
import { outputLinesAfter, sasRequestOfAz, sasRequestOfCurl, sasTokensIn, type SasRequest } from '../sas.ts';
import type { CommandView } from '../document.ts';

const FIELD_NAME: Record<string, string> = { st: 'start time', se: 'expiry', sp: 'permissions', sr: 'resource', spr: 'protocol', ss: 'services', srt: 'resource types' };
const AS_SETS = new Set(['sp', 'ss', 'srt']);
/** A value the reader chooses (placeholder, variable, command substitution): nothing to compare. */
const CHOSEN = /[<>{}$`]|^\s*$/;

const letters = (s: string) => [...new Set(s)].sort().join('');

/** Same instant to the second: the service drops fractions of a second ("…03.1567373Z" → se=…03Z). */
function sameTime(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return a === b;
  return Math.floor(x / 1000) === Math.floor(y / 1000);
}

// The order az (the Azure Storage SDK) writes blob and container permissions in.
const AZ_ORDER = 'racwdxyltfmeopi';
const inAzOrder = (s: string) => [...AZ_ORDER].filter((c) => s.includes(c)).join('') + [...s].filter((c) => !AZ_ORDER.includes(c)).join('');

export const exampleSasFields: Rule = {
  id: 'example-sas-fields',
  name: 'ExampleSasFields',
  severity: 'warning',
  shortDescription: "A SAS shown as a command's output contradicts the request that produced it (st, se, sp, sr, spr, ss, srt).",
  fullDescription:
    'A SAS token is built from the request: sp from the permissions asked for, se from the expiry, sr from the resource, spr from the protocol, and st only when a start time is given (listServiceSas/listAccountSas signedStart, az … generate-sas --start). An example with a field the request never set, or another value than it asked for, shows a token the reader cannot get, and a check built from the page fails on every real response.',
  help: 'Show the token the request returns: drop the fields it does not set, and give the others the values it sends (or change the request).',
  check(doc) {
    const hits: RuleHit[] = [];
    const requests: { command: CommandView; req: SasRequest }[] = [];
    for (const { command, curl } of eachCurl(doc)) {
      const req = sasRequestOfCurl(curl);
      if (req) requests.push({ command, req });
    }
    for (const { command, az } of eachAz(doc)) {
      const req = sasRequestOfAz(az);
      if (req) requests.push({ command, req });
    }
    for (const { command, req } of requests) {
      const exp = command.step.expectation?.source;
      const where = `the request on line ${command.step.source.startLine}`;
      for (const n of outputLinesAfter(doc, command.step.source.endLine, exp, command.step.fence !== undefined)) {
        for (const token of sasTokensIn(doc.line(n), n)) {
          for (const [field, shown] of token) {
            if (!(field in FIELD_NAME)) continue;
            const asked = req.fields.get(field);
            let message: string | undefined;
            if (asked === undefined && req.absent.has(field) && field === 'st') {
              message = `the example's SAS has st=${shown.value}, but ${where} sends no ${req.names.st}: the service writes st into the token only when it is given a start time, so the real token has no st field. Remove "st=…&" from the example (or add ${req.names.st} to the request).`;
            } else if (asked !== undefined && !CHOSEN.test(asked) && !CHOSEN.test(shown.value)) {
              const same = AS_SETS.has(field)
                ? letters(asked) === letters(shown.value)
                : field === 'se' || field === 'st'
                  ? sameTime(asked, shown.value)
                  : asked.toLowerCase() === shown.value.toLowerCase();
              const expected = field === 'sp' && req.names.sp === '--permissions' ? inAzOrder(asked) : asked;
              if (!same) message = `the example's SAS has ${field}=${shown.value} (${FIELD_NAME[field]}), but ${where} asks for ${req.names[field] ?? field} ${JSON.stringify(asked)}: the token it returns has ${field}=${expected}. Show ${field}=${expected} (or change the request).`;
            }
            if (message) hits.push({ line: shown.line, column: shown.column, stepId: command.step.id, message });
          }
        }
      }
    }
    return hits;
  },
};
