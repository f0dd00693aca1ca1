// Placeholders inside example values ("<UAMI NAME>", "/subscriptions/<SUBSCRIPTON ID>/…") and the
// values the run bound to them. A misspelt twin (SUBSCRIPTON_ID) resolves through the tutorial's
// `similarTo` links, so the page's typo does not turn into a false difference.
import type { Tutorial } from '../model.ts';
import { findAnglePlaceholders, placeholderKey } from '../parse/placeholders.ts';

export function placeholdersIn(text: string): string[] {
  return findAnglePlaceholders(text).map((p) => placeholderKey(p.spelling));
}

export type BindingLookup = (key: string) => string | undefined;

export function bindingLookup(tutorial: Tutorial, bindings: Record<string, string>): BindingLookup {
  return (key) => {
    if (bindings[key] !== undefined) return bindings[key];
    const p = tutorial.placeholders.find((x) => x.key === key);
    for (const twin of p?.similarTo ?? []) if (bindings[twin] !== undefined) return bindings[twin];
    // The twin link may be recorded on the other side only.
    const back = tutorial.placeholders.find((x) => x.similarTo.includes(key) && bindings[x.key] !== undefined);
    return back ? bindings[back.key] : undefined;
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for an example string with placeholders: literal parts must match (case-insensitively,
 * as ARM ids do), a bound placeholder must be its value, an unbound one anything without "/".
 */
export function templateMatcher(example: string, lookup: BindingLookup): RegExp {
  let pattern = '';
  let last = 0;
  for (const p of findAnglePlaceholders(example)) {
    pattern += escapeRegExp(example.slice(last, p.index));
    const bound = lookup(placeholderKey(p.spelling));
    pattern += bound !== undefined ? `(?:${escapeRegExp(bound)})` : '[^/]+';
    last = p.index + p.spelling.length;
  }
  pattern += escapeRegExp(example.slice(last));
  return new RegExp(`^${pattern}$`, 'i');
}
