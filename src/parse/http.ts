// HTTP transcripts (`curl -i` output): every status line in order with its headers, then a body.
import type { HttpExchange, HttpExpectation, SourceRange } from '../model.ts';

export const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?)\s+(\d{3})(?:\s+(.*?))?\s*$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t\u00a0]*$/;

/** True for a line (indentation removed) that continues a transcript. */
export function isTranscriptLine(content: string): boolean {
  return STATUS_LINE.test(content) || HEADER_LINE.test(content);
}

/** Parse lines (file lines source.startLine…) as a transcript. */
export function httpExpectation(lines: string[], source: SourceRange): HttpExpectation {
  const exchanges: HttpExchange[] = [];
  const bodyLines: string[] = [];
  let inBody = false;
  lines.forEach((l, k) => {
    const content = l.trim();
    const line = source.startLine + k;
    const st = STATUS_LINE.exec(content);
    if (st) {
      exchanges.push({ line, httpVersion: st[1]!, status: Number(st[2]), reason: st[3] ?? '', headers: [] });
      inBody = false;
      return;
    }
    const last = exchanges[exchanges.length - 1];
    if (!inBody && last) {
      if (content === '') {
        if (last.headers.length > 0 || true) inBody = true;
        return;
      }
      const h = HEADER_LINE.exec(content);
      if (h) {
        last.headers.push({ name: h[1]!, value: h[2]!, line });
        return;
      }
      inBody = true;
    }
    if (inBody && (content !== '' || bodyLines.length > 0)) bodyLines.push(l);
  });
  const out: HttpExpectation = { kind: 'http', source, raw: lines.join('\n'), exchanges };
  const body = bodyLines.join('\n').trim();
  if (body !== '') out.body = body;
  return out;
}
