// An unquoted URL with "&" in its query: bash cuts the command there and runs it in the background.
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands } from '../shell.ts';

const URL_WITH_QUERY = /^(?:https?:\/\/|<[^>]*(?:URL|URI|ENDPOINT)[^>]*>|\$\{?\w+\}?\/).*\?/i;
// A SAS token written on its own (--sas-token "sv=…&ss=…&sig=…"): the same query, without the URL.
const SAS_QUERY = /^\??(?:sv|ss|srt|sp|se|st|spr|sr|sig|si|skoid|sktid)=/;

export const shellUnquotedAmpersand: Rule = {
  id: 'shell-unquoted-ampersand',
  name: 'ShellUnquotedAmpersand',
  severity: 'error',
  shortDescription: 'A URL with "&" in its query string (or a SAS token written on its own) is not quoted, in any command.',
  fullDescription:
    'An unquoted "&" is bash\'s operator for "run in the background". In curl https://host/path?a=1&b=2 bash runs curl in the background with the URL cut at "&" (only a=1 is sent), then runs b=2 as a command of its own (a variable assignment, or "command not found" when words follow). Parameters after the first "&" never reach the service. The same holds in any command, not only curl (az webapp deploy --src-url https://…?sv=…&sig=…, az storage … --sas-token sv=…&sig=…). Source: GNU Bash Reference Manual §3.2.4 (lists of commands: "&" ends a command and runs it asynchronously).',
  help: "Put the URL in single quotes: 'https://host/path?a=1&b=2'.",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of bashCommands(doc)) {
      const words = command.words;
      for (let i = 0; i + 1 < words.length; i++) {
        const url = words[i]!;
        const amp = words[i + 1]!;
        if (url.quoted && /^["']/.test(url.raw)) continue;
        if (amp.value !== '&' || amp.quoted || amp.line !== url.line || amp.column !== url.column + url.raw.length) continue;
        const sas = !URL_WITH_QUERY.test(url.value) && SAS_QUERY.test(url.value);
        if (!sas && !URL_WITH_QUERY.test(url.value)) continue;
        // the rest of the URL as written: the words glued to it by further "&"
        let rest = '';
        let j = i + 1;
        while (j + 1 < words.length && words[j]!.value === '&' && words[j + 1]!.line === words[j]!.line && words[j + 1]!.column === words[j]!.column + 1) {
          rest += `&${words[j + 1]!.raw}`;
          j += 2;
        }
        const dropped = rest.slice(1).split('&').map((p) => p.split('=')[0]).filter(Boolean);
        const full = url.raw + rest;
        hits.push({
          line: url.line,
          column: amp.column,
          stepId: command.step.id,
          message: `the ${sas ? 'SAS token' : 'URL'} is not quoted, so bash ends the command at the "&" and runs it in the background: ${sas ? 'the command gets' : 'the request goes to'} ${JSON.stringify(url.value)} without ${dropped.length ? dropped.map((d) => JSON.stringify(d)).join(', ') : 'the rest of the query'}, and "${(rest.slice(1) || '…').slice(0, 60)}" runs as a separate command (a variable assignment). Quote the whole ${sas ? 'token' : 'URL'}: '${full}'.`,
          suggestion: `'${full}'`,
        });
        i = j;
      }
    }
    return hits;
  },
};
