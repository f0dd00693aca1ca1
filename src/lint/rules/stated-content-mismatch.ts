// The page says what a file contains, then shows a different content coming back.
import type { Rule, RuleHit } from '../rule.ts';
import { eachEcho } from '../each.ts';
import { hostAndPath, invocations } from '../commands.ts';
import { lastBefore } from '../order.ts';

// "add the text Hello world!, and then save it" / "containing the text "…"".
const STATED = /\b(?:add|type|write|enter)s? the text\s+["“]?(.+?)["”]?(?:,\s*(?:and|then)\b|\s+and then\b|\.\s*$|$)/i;

export const statedContentMismatch: Rule = {
  id: 'stated-content-mismatch',
  name: 'StatedContentMismatch',
  severity: 'error',
  shortDescription: 'The content a step reads back differs from what the tutorial said to write.',
  fullDescription:
    'When the page tells the reader to write "Hello world!" into a file and then shows "Hello world! :)" as what the blob request returns, one of the two is wrong; a reader who follows the page gets output that does not match the example.',
  help: 'Make the example output exactly the content the earlier step writes (or the other way round).',
  check(doc) {
    const statements: { content: string; line: number; exact: boolean }[] = [];
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const m = STATED.exec(doc.line(n));
      if (m) statements.push({ content: (m[1] as string).trim(), line: n, exact: false });
    }
    for (const e of eachEcho(doc)) statements.push({ content: e.content, line: e.fileWord.line, exact: true });
    statements.sort((a, b) => a.line - b.line);
    const statedBefore = lastBefore(statements, (s) => s.line);
    const hits: RuleHit[] = [];
    for (const { step, expectation } of doc.expectations) {
      if (expectation.kind !== 'text') continue;
      const command = doc.commandOf(step);
      const readsBlob = command && invocations(command.words).some((i) => {
        const url = i.curl?.urls[0]?.value;
        const hp = url ? hostAndPath(url) : undefined;
        return i.curl?.method === 'GET' && hp !== undefined && hp.host.endsWith('.blob.core.windows.net');
      });
      if (!readsBlob) continue;
      const stated = statedBefore(step.source.startLine);
      if (!stated) continue;
      const shown = expectation.text.trim();
      const expected = stated.exact ? stated.content.replace(/\n$/, '') : stated.content;
      if (shown === expected) continue;
      hits.push({
        line: expectation.source.startLine,
        column: 1,
        stepId: step.id,
        message: `the example output is ${JSON.stringify(shown)}, but line ${stated.line} says the file contains ${JSON.stringify(expected)}: a reader who follows the page reads back ${JSON.stringify(expected)}. Make the two agree.`,
        suggestion: expected,
      });
    }
    return hits;
  },
};
