// A SAS shown after the request that produced it must carry what that request asked for, and
// nothing the request did not: Azure Storage writes st=, spr= and sip= only when given them.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz, eachCurl } from '../each.ts';
import { outputLinesAfter, sasRequestOfAz, sasRequestOfCurl, sasTokensIn, type SasRequest } from '../sas.ts';
import { sasFieldMismatch, sasKeyMismatch } from '../../reference/sas-fields.ts';
import type { CommandView } from '../document.ts';

export const exampleSasFields: Rule = {
  id: 'example-sas-fields',
  name: 'ExampleSasFields',
  severity: 'warning',
  shortDescription: "A SAS shown as a command's output contradicts the request that produced it (st, se, sp, sr, spr, sip, ss, srt, the user delegation key's fields).",
  fullDescription:
    'A SAS token is built from the request: sp from the permissions asked for, se from the expiry, sr from the resource, and st, spr and sip only when the request gives a start time, a protocol or an IP range (listServiceSas/listAccountSas signedStart, signedProtocol, signedIp; az … generate-sas --start, --https-only, --ip: the Storage SDK adds a field only when its value is set). A token signed with a user delegation key (az … generate-sas --as-user) carries that key\'s fields (skoid, sktid, skt, ske, sks, skv); one signed with the account key (listServiceSas, generate-sas without --as-user) never does. An example with a field the request never set, or another value than it asked for, shows a token the reader cannot get, and a check built from the page fails on every real response.',
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
            const message = sasFieldMismatch(req, field, shown.value, where);
            if (message) hits.push({ line: shown.line, column: shown.column, stepId: command.step.id, message });
          }
          const key = sasKeyMismatch(req, token, where);
          const at = token.get('skoid') ?? token.get('sig') ?? [...token.values()][0];
          if (key && at) hits.push({ line: at.line, column: at.column, stepId: command.step.id, message: key });
        }
      }
    }
    return hits;
  },
};
