// The one transformation the shell engine makes to a tutorial's text, the one a reader makes by hand:
// `<PLACEHOLDER>` spellings replaced by their bound values. Nothing else is touched: `$variables` are
// left for bash to expand, look-alike characters, quotes and trailing spaces stay as written, and the
// value goes in verbatim (a `&` in it meets bash exactly as it would after a reader's paste).
import type { BoundValue } from '../substitute.ts';

export function isAngleSpelling(spelling: string): boolean {
  return spelling.length > 2 && spelling.startsWith('<') && spelling.endsWith('>');
}

export function substitutePlaceholders(text: string, values: readonly BoundValue[]): string {
  // Longest spelling first, so "<STORAGE ACCOUNT NAME>" is not eaten by a shorter twin.
  const pairs = values
    .flatMap((v) => v.spellings.filter(isAngleSpelling).map((spelling) => ({ spelling, value: v.value })))
    .sort((a, b) => b.spelling.length - a.spelling.length);
  let out = text;
  for (const { spelling, value } of pairs) out = out.split(spelling).join(value);
  return out;
}
