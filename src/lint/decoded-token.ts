// A JSON Web Token shown decoded, as jwt.ms or jwt.io print it: `{header}.{payload}.[Signature]` in one
// fence, the parts joined by a dot (`}.{` between header and payload, `}.` or `}.[Signature]` after the
// payload). It is a token's claims to read, not a request body (no service is sent it), and not one JSON
// document: each part is. The parser reads such a fence as a header value whose last line is `}.{` and
// nested objects cut out of the payload; this reads each part whole, so what the lint says of the fence is
// what is wrong in a part (azure-security-docs @1c4310be attestation/attestation-token-examples.md: an
// unclosed "<self signed certificate reference …" and a missing comma after "tee": "sgx";
// key-vault/general/rest-error-codes.md: a token "decoded" with bare keys).
import { readJson } from '../parse/json-reader.ts';
import type { SourceLine } from '../parse/source-lines.ts';
import type { LintDocument } from './document.ts';
import { codeFences, type CodeFence } from './fences.ts';

/** The dot between two parts on a line of its own: `}.{`, `}.`, `}.[Signature]`. */
const SEPARATOR = /^(\s*\})(\s*\.\s*)(\{)?(\s*\[[^\]\n]*\])?\s*$/;
/**
 * A member's or element's value written as a bare placeholder (`"kid": <self signed …>`), a value the token holds;
 * read a line at a time, so the placeholder may end its line (the last member, its brace on the next line).
 */
const VALUE_PLACEHOLDER = /([:[,]\s*)(<[^<>"\n]+>)(?=\s*(?:[,}\]]|$))/g;

export interface TokenPart {
  /** The part's lines, the separator's dot and brace blanked so columns stay the page's. */
  lines: SourceLine[];
}

export interface DecodedToken {
  fence: CodeFence;
  parts: TokenPart[];
}

/** The fences of the page that show a decoded token (a separator line between or after JSON parts). */
export function decodedTokens(doc: LintDocument): DecodedToken[] {
  const out: DecodedToken[] = [];
  for (const fence of codeFences(doc)) {
    let separated = false;
    for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount && !separated; n++) separated = SEPARATOR.test(doc.line(n));
    if (!separated) continue;
    const parts: TokenPart[] = [];
    let current: SourceLine[] | undefined;
    for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
      const text = doc.line(n);
      const sep = SEPARATOR.exec(text);
      if (sep) {
        const closing = sep[1]!;
        if (current) parts.push({ lines: [...current, { line: n, text: closing }] });
        current = sep[3] ? [{ line: n, text: ' '.repeat(closing.length + sep[2]!.length) + '{' }] : undefined;
        continue;
      }
      if (!current && /^\s*\{/.test(text)) current = [];
      current?.push({ line: n, text });
    }
    if (current && current.length > 0) parts.push({ lines: current });
    out.push({ fence, parts });
  }
  return out;
}

/** What JSON.parse says of a part with each bare placeholder read as a value, or undefined when it parses. */
export function partError(part: TokenPart): { line: number; column: number; message: string } | undefined {
  // A placeholder stands for a value: blank it to `null` of the same width, so the error's column is the page's.
  const lines = part.lines.map((l) => ({ line: l.line, text: l.text.replace(VALUE_PLACEHOLDER, (_m, lead: string, ph: string) => `${lead}null${' '.repeat(Math.max(0, ph.length - 4))}`) }));
  const read = readJson(lines);
  if (read.ok || !read.error) return undefined;
  return { line: read.error.line, column: read.error.column, message: read.error.message.replace(/\s*\n\s*/g, ' ') };
}
