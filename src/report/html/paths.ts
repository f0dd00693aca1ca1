// Difference paths as a reader says them: "keys[0].permissions", not "/keys/0/permissions";
// "paths["/subscriptions/{id}"]", never the JSON-pointer escapes "~1subscriptions~1{id}".

/** The segments of a JSON pointer, unescaped (~1 is "/", ~0 is "~"). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A JSON pointer from segments (the inverse of pointerSegments). */
export function pointerOf(segments: readonly string[]): string {
  return segments.length === 0 ? '/' : `/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

const IDENT = /^[A-Za-z_$][\w$-]*$/;

export function readablePointer(pointer: string): string {
  const segs = pointerSegments(pointer);
  if (segs.length === 0) return '(the whole body)';
  let out = '';
  for (const s of segs) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else if (IDENT.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Any difference path: a JSON pointer, "status", "header:<name>#<n>", "claim:<name>". */
export function readablePath(path: string): string {
  if (path.startsWith('/') || path === '') return readablePointer(path);
  const header = /^header:([^#]+)(?:#(\d+))?$/.exec(path);
  if (header) return `header ${header[1]}${header[2] && header[2] !== '1' ? ` (response ${header[2]})` : ''}`;
  const claim = /^claim:(.*)$/.exec(path);
  if (claim) {
    const c = claim[1]!;
    if (c.startsWith('example/')) return `the example's ${readablePointer(c.slice('example'.length))}`;
    if (c.startsWith('example.')) return `the example's ${c.slice('example.'.length)}`;
    return c;
  }
  return path;
}

/**
 * The body row a claim is about, when it names one: "claim:example.resource" and "claim:resource"
 * are the row /resource; "claim:example/properties/x" is that pointer.
 */
export function claimPointer(path: string): string | undefined {
  if (!path.startsWith('claim:')) return undefined;
  const c = path.slice('claim:'.length);
  if (c.startsWith('example/')) return c.slice('example'.length);
  const dotted = c.startsWith('example.') ? c.slice('example.'.length) : c;
  return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(dotted) ? pointerOf(dotted.split('.')) : undefined;
}

/** Free text (a reason, a message) with each escaped JSON pointer in it ("/paths/~1subscriptions~1{id}") said readably. */
export function readableText(text: string): string {
  return text.replace(/(^|[\s("'`])(\/[^\s"'`,;()]*~[01][^\s"'`,;()]*)/g, (_m, before: string, ptr: string) => {
    const tail = /[.:]+$/.exec(ptr)?.[0] ?? '';
    return `${before}${readablePointer(ptr.slice(0, ptr.length - tail.length))}${tail}`;
  });
}
