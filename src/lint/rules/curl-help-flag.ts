// "curl -h 'Authorization: …'": lower-case -h is --help, not --header.
import type { Rule, RuleHit } from '../rule.ts';
import { invocations } from '../commands.ts';
import { bashCommands } from '../shell.ts';

const HEADER_LIKE = /^[A-Za-z][A-Za-z0-9-]*:/;

export const curlHelpFlag: Rule = {
  id: 'curl-help-flag',
  name: 'CurlHelpFlag',
  severity: 'error',
  shortDescription: 'curl is given -h (help) where -H (header) was meant.',
  fullDescription:
    'curl options are case-sensitive: -h is --help. curl prints its usage (curl 7.73 and later read the next word as a help category and answer "Invalid category provided") and exits 0 without sending any request, so the step seems to succeed and does nothing.',
  help: 'Write -H "Name: value" (upper-case H) for a request header.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of bashCommands(doc)) {
      for (const inv of invocations(command.words)) {
        if (inv.words[0]?.value !== 'curl') continue;
        for (let i = 1; i < inv.words.length; i++) {
          const w = inv.words[i]!;
          const next = inv.words[i + 1];
          if (w.value !== '-h' || !next || !HEADER_LIKE.test(next.value)) continue;
          hits.push({
            line: w.line,
            column: w.column,
            stepId: command.step.id,
            message: `curl -h is --help, not --header: curl prints its usage (and "Invalid category provided" for ${JSON.stringify(next.value.slice(0, 40))}) and exits 0 without sending the request. Write -H ${next.raw}.`,
            suggestion: '-H',
          });
        }
      }
    }
    return hits;
  },
};
