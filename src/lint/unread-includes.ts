// The includes a page names but this tool could not read (`missing-include`: a `~/reusable-content/…`
// path of another repository, a file outside the docset). Their steps are missing from the model, so a
// rule must not say "the page never creates X" or "grants no role" when an unread include says, by its
// title or its path, that it does exactly that ("[!INCLUDE [Create a resource group](~/…/create-resource-group-powershell.md)]",
// "[!INCLUDE [Using RBAC to provide access to a key vault](~/…/rbac/upn-secrets-officer-cli.md)]").
import { INCLUDE } from '../parse/includes.ts';
import type { Role } from '../world/roles.ts';
import type { LintDocument } from './document.ts';

export interface UnreadInclude {
  file: string;
  line: number;
  /** The include as written (title and path) when the page's own line holds it, else its path. */
  words: string;
}

const TARGET = /^\[!INCLUDE\] (.*?) is not resolved/;

// Read once a document: rules ask per resource and per request.
const cache = new WeakMap<LintDocument, UnreadInclude[]>();

export function unreadIncludes(doc: LintDocument): UnreadInclude[] {
  const known = cache.get(doc);
  if (known) return known;
  const out: UnreadInclude[] = [];
  cache.set(doc, out);
  for (const d of doc.tutorial.diagnostics) {
    if (d.code !== 'missing-include') continue;
    const target = TARGET.exec(d.message)?.[1] ?? '';
    let words = target;
    if (doc.hasText && d.file === doc.file && d.line <= doc.lineCount) {
      for (const m of doc.line(d.line).matchAll(INCLUDE)) if (m[1]!.trim() === target) words = m[0];
    }
    out.push({ file: d.file, line: d.line, words });
  }
  return out;
}

/** What an include's title or path says it creates, by role. */
const CREATES: Partial<Record<Role, RegExp>> = {
  'resource-group': /resource[- ]?groups?\b/i,
  vault: /key[- ]?vaults?\b/i,
  'storage-account': /storage[- ]?accounts?\b/i,
  container: /\bcontainers?\b/i,
  secret: /\bsecrets?\b/i,
  key: /\bkeys?\b(?![- ]?vaults?\b)/i,
  'identity-name': /\bidentit(?:y|ies)\b/i,
};

/** An unread include whose title or path names a resource of this role: it may create it. */
export function unreadIncludeMakes(doc: LintDocument, role: Role): boolean {
  const words = CREATES[role];
  return words !== undefined && unreadIncludes(doc).some((u) => words.test(u.words));
}

/** An unread include whose title or path speaks of roles or access (RBAC, a role, permissions): it may grant one. */
export function unreadIncludeGrants(doc: LintDocument): boolean {
  return unreadIncludes(doc).some((u) => /\brbac\b|\broles?\b|\baccess\b|\bpermissions?\b/i.test(u.words));
}
