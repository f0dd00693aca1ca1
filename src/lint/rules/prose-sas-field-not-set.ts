// "The example will configure the SAS with start and expiry times and a protocol." above an
// `az storage … generate-sas` that passes no --start: the prose promises a SAS field the command does
// not set, so the token the reader gets is not the one described (no st: valid from issue; no spr:
// HTTP allowed; no sip: any address). The fields a command sets are read by src/lint/sas.ts.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { sasRequestOfAz } from '../sas.ts';
import type { LintDocument } from '../document.ts';

interface Promise {
  field: string;
  said: RegExp;
  what: string;
  without: string;
}

const PROMISES: readonly Promise[] = [
  { field: 'st', said: /\bstart(?:\s+(?:and|&)\s+(?:expiry|expiration|end))?\s+(?:date|time)s?\b/i, what: 'a start time', without: 'without --start the token has no st field and is valid from the moment it is issued' },
  { field: 'se', said: /\b(?:expiry|expiration)\s+(?:date|time)s?\b|\bstart\s+(?:and|&)\s+(?:expiry|expiration)\b/i, what: 'an expiry time', without: 'without --expiry az signs no se field, and Azure Storage refuses a SAS with neither an expiry nor a stored access policy' },
  { field: 'spr', said: /\bprotocol\b|\bHTTPS[- ]only\b/i, what: 'a protocol', without: 'without --https-only the token has no spr field and HTTP is accepted as well as HTTPS' },
  { field: 'sip', said: /\bIP (?:address(?:es)?|range)s?\b/i, what: 'an IP address range', without: 'without --ip the token has no sip field and works from any address' },
];

const SAS = /\bSAS\b|shared access signature/i;
const FENCE = /^\s*(?:`{3,}|~{3,})/;
const HEADING = /^\s*#{1,6}\s/;

/** The prose lines of the section above the block a command is in: back to the heading or the previous block, at most 12 lines. */
function proseAbove(doc: LintDocument, commandLine: number): number[] {
  let open = commandLine;
  while (open >= 1 && !FENCE.test(doc.line(open))) open--;
  if (open < 1) return [];
  const lines: number[] = [];
  for (let n = open - 1; n >= 1 && open - n <= 12; n--) {
    const text = doc.line(n);
    if (FENCE.test(text) || HEADING.test(text)) break;
    if (doc.isProse(n) && text.trim() !== '') lines.push(n);
  }
  return lines;
}

export const proseSasFieldNotSet: Rule = {
  id: 'prose-sas-field-not-set',
  name: 'ProseSasFieldNotSet',
  severity: 'warning',
  shortDescription: 'The prose says the SAS gets a start time, expiry, protocol or IP range that the generate-sas command below it does not set.',
  fullDescription:
    'A SAS carries only the fields it is signed with: `az storage account|container|blob generate-sas` adds st for --start, se for --expiry, spr=https for --https-only and sip for --ip, and nothing for an option it is not given (azure-cli storage generate-sas; Azure Storage "Create a service SAS": signedStart is optional, the SAS is then valid from the time it is received). A sentence above the command that promises one of these ("The example will configure the SAS with start and expiry times and a protocol") while the command passes no such option describes a token the reader does not get.',
  help: 'Add the option to the command (--start, --expiry, --https-only, --ip), or say what the command really sets.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      const req = sasRequestOfAz(az);
      if (!req) continue;
      const line = command.step.source.startLine;
      for (const n of proseAbove(doc, line)) {
        const text = doc.line(n);
        if (!SAS.test(text)) continue;
        for (const p of PROMISES) {
          const m = p.said.exec(text);
          if (!m || !req.absent.has(p.field)) continue;
          hits.push({
            line: n,
            column: m.index + 1,
            stepId: command.step.id,
            message: `the prose says the SAS is made with ${p.what} ("${m[0]}"), but az ${az.path.join(' ')} on line ${line} does not set it: ${p.without}. Add ${req.names[p.field]} to the command, or drop ${p.what} from the sentence.`,
          });
        }
      }
    }
    return hits;
  },
};
