// A small glob matcher for the command line's quoted patterns ('docs/**/*.md'), so the tool expands
// them the same way in every shell and on every platform: `**` any number of folders, `*` any part
// of a name, `?` one character, `[abc]`/`[!abc]` a class, `{a,b}` alternatives. As in bash, `*` and
// `?` do not match a leading dot. The walk (./files.ts) keeps `**` out of the folders a folder search
// skips (hidden ones, includes/, node_modules/); a folder named in the pattern is always entered.

/** Whether a command-line argument is a pattern (rather than a path). */
export function isGlob(text: string): boolean {
  return /[*?[{]/.test(text);
}

function escapeRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** One path segment's pattern as an anchored regular expression. */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  let depth = 0; // inside {…}
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = close;
    } else if (c === '{') {
      depth += 1;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth -= 1;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else if (c === '\\' && i + 1 < segment.length) re += escapeRegExp(segment[++i] as string);
    else re += escapeRegExp(c);
  }
  re += ')'.repeat(depth);
  // bash: a leading dot must be matched by a literal dot.
  const hiddenOk = segment.startsWith('.');
  return new RegExp(`^${hiddenOk ? '' : '(?!\\.)'}${re}$`);
}

export interface GlobPattern {
  /** The folder the walk starts from: the pattern's leading segments without wildcards. */
  base: string;
  /** The rest, one matcher per segment; `'**'` for any number of folders. */
  segments: (RegExp | '**')[];
}

export function compileGlob(pattern: string): GlobPattern {
  const parts = pattern.split('/');
  const absolute = pattern.startsWith('/');
  const literal: string[] = [];
  let i = absolute ? 1 : 0;
  for (; i < parts.length; i++) {
    const p = parts[i] as string;
    if (isGlob(p)) break;
    literal.push(p);
  }
  // A pattern whose last segment is literal ('docs/*/page.md') still ends in a name to match.
  if (i === parts.length && literal.length > 0) i = parts.length - 1;
  const baseParts = literal.slice(0, i - (absolute ? 1 : 0));
  const base = (absolute ? '/' : '') + (baseParts.join('/') || (absolute ? '' : '.'));
  const segments = parts.slice(i).filter((p) => p !== '').map((p) => (p === '**' ? ('**' as const) : segmentRegExp(p)));
  // 'docs/**': every file below docs/.
  if (segments[segments.length - 1] === '**') segments.push(segmentRegExp('*'));
  return { base, segments };
}
