// Puts bound values where the reader would have typed them, and expands shell variables as bash would
// before handing words to curl or az. Values are inserted verbatim: nothing is quoted, trimmed or
// repaired, so a look-alike character around a placeholder survives into the request.
export interface BoundValue {
  spellings: string[];
  value: string;
}

const SHELL_VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * `expands`: the variable names bash expands somewhere in the step's text (unquoted or in double
 * quotes; src/plan/expansion.ts). The words given here have lost their quotes, so a `$name` whose
 * name is not in it (`'$HOME'`, `\$HOME`) stays as written instead of being expanded. Per name, not
 * per occurrence: a step that has `$x` both in single quotes and outside expands both (no tutorial
 * does; the shell engine, real bash, is exact).
 */
export interface SubstitutionScope {
  values: readonly BoundValue[];
  /** Shell variables assigned by earlier steps. */
  env: ReadonlyMap<string, string>;
  expands?: ReadonlySet<string>;
  /** Names the step expands as a whole unquoted word, whose value bash splits at blanks (src/plan/expansion.ts). */
  splits?: ReadonlySet<string>;
}

export function substitute(text: string, { values, env, expands }: SubstitutionScope): string {
  let out = text;
  // Longest spelling first, so "<STORAGE ACCOUNT NAME>" is not eaten by a shorter twin.
  const pairs = values.flatMap((v) => v.spellings.map((s) => ({ spelling: s, value: v.value }))).sort((a, b) => b.spelling.length - a.spelling.length);
  for (const { spelling, value } of pairs) {
    if (spelling.startsWith('$')) continue; // shell variables are expanded below, with bash's word boundary
    out = out.split(spelling).join(value);
  }
  const shellValues = new Map(env);
  for (const v of values) for (const s of v.spellings) {
    const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(s);
    if (m?.[1] && !shellValues.has(m[1])) shellValues.set(m[1], v.value);
  }
  // bash expands an unset variable to the empty string; keep that behaviour.
  return out.replace(SHELL_VARIABLE, (all: string, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    if (expands !== undefined && !expands.has(name)) return all;
    return shellValues.get(name) ?? '';
  });
}
