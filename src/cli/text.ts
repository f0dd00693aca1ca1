// Text for one terminal line.

/** Whitespace folded to single spaces; cut to `max` characters (ending in …) when max is given. */
export function oneLine(text: string, max?: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return max !== undefined && t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
