// The sentences of a run of prose, for every reader of prose: lint's prose rules, the World's stated
// grants, the prose cue of a capture. A sentence ends at ".", "!" or "?" (or a run of them, "…?!")
// followed by white space or the end of the text; nowhere else: not inside a name or a link target
// ("e.g", "../storage/x.md", "v2.0"), and not at a colon, which leads into what completes the
// sentence ("Replace <TOKEN> with the token: the value returned in the previous step.").

export interface Sentence {
  /** The sentence without the white space around it. */
  text: string;
  /** Its 0-based offset in the text it was read from. */
  start: number;
}

const END = /[.!?]+(?=\s|$)/g;

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (end: number): void => {
    const part = text.slice(from, end);
    const lead = part.length - part.trimStart().length;
    const trimmed = part.trim();
    if (trimmed !== '') out.push({ text: trimmed, start: from + lead });
  };
  for (const m of text.matchAll(END)) {
    const end = (m.index ?? 0) + m[0].length;
    push(end);
    from = end;
  }
  push(text.length);
  return out;
}
