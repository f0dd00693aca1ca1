// A token example whose "resource" is not what the request asked for: IMDS echoes the requested
// string byte for byte, trailing slash included, and the token's aud follows it.
import type { Rule, RuleHit } from '../rule.ts';
import { locateKey } from '../../parse/json-reader.ts';
import { contractFor, contracts } from '../contracts.ts';
import { queryParams } from '../commands.ts';
import { fixOf, replaceAt, withFix } from '../fix.ts';
import type { Fix } from '../finding.ts';
import type { LintDocument, ReadJson } from '../document.ts';

export const tokenResourceMismatch: Rule = {
  id: 'token-resource-mismatch',
  name: 'TokenResourceMismatch',
  severity: 'warning',
  shortDescription: 'A token response example shows another resource than the request asked for.',
  fullDescription:
    'IMDS returns "resource" exactly as requested: asking for https://management.azure.com/ returns "https://management.azure.com/" and a token whose aud has the slash. An example without the slash contradicts the request (and often the page\'s own note that the trailing slash is required), and a check built from the page fails on every real response.',
  help: 'Show the resource exactly as the request sends it.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const block of doc.json) {
      if (block.role !== 'response') continue;
      const match = contractFor(doc, block);
      if (!match?.curl || (match.contract !== contracts.IMDS_TOKEN && match.contract !== contracts.LEGACY_TOKEN)) continue;
      const read = block.read;
      const shown = (read.value as Record<string, unknown> | undefined)?.['resource'];
      if (typeof shown !== 'string') continue;
      let requested = queryParams(match.curl.urls[0]?.value ?? '').get('resource');
      for (const d of match.curl.data) {
        const m = /(?:^|&)resource=([^&]*)/.exec(d.value);
        if (m) requested = decodeURIComponent(m[1] as string);
      }
      if (requested === undefined || requested === shown) continue;
      const slash = requested.replace(/\/$/, '') === shown.replace(/\/$/, '');
      const at = locateKey(read, 'resource') ?? { line: block.json.source.startLine, column: 1 };
      hits.push({
        line: at.line,
        column: at.column,
        ...(block.step ? { stepId: block.step.id } : {}),
        message: `the example says "resource":"${shown}" but the request on line ${match.curl.words[0]?.line} asks for ${requested}${slash ? ` (${requested.endsWith('/') ? 'with' : 'without'} the trailing slash)` : ''}: IMDS echoes the requested string, so the real response has "${requested}" and the token's aud is ${requested}. Write "resource":"${requested}".`,
        suggestion: requested,
        ...withFix(slash ? slashFix(doc, read, shown, requested) : undefined),
      });
    }
    return hits;
  },
};

/**
 * Sure only when the two differ by the trailing slash alone: the example's string gains or loses
 * that one character. Another resource may be another request's example: no fix.
 */
function slashFix(doc: LintDocument, read: ReadJson, shown: string, requested: string): Fix | undefined {
  const at = read.strings.find((s) => !s.isKey && s.path.length === 1 && s.path[0] === 'resource' && s.raw === shown);
  if (at === undefined || /["\\]/.test(requested)) return undefined;
  // The string's characters start after its opening quote at `at.column`.
  const end = at.column + 1 + shown.length;
  const edit = requested.endsWith('/') ? replaceAt(doc, at.line, end, end, '/') : replaceAt(doc, at.line, end - 1, end, '');
  if (edit === undefined || doc.line(at.line).slice(at.column - 1, end) !== `"${shown}"`) return undefined;
  return fixOf(`write "resource":"${requested}" as the request asks`, [edit]);
}
