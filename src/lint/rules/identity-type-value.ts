// `"identity": { "type": "Managed" }`: a managed identity type none of the REST specs define. Resource
// Manager providers take the identity types of the specs' identity models (None, SystemAssigned,
// UserAssigned, "SystemAssigned, UserAssigned", also written without the space); another value is
// refused (400) or, where the model is open, gives the resource no identity.
import { readFileSync } from 'node:fs';
import type { Rule, RuleHit } from '../rule.ts';
import type { SpecEnumTable } from '../../reference/spec-enums-source.ts';
import { walk, locateKey } from '../../parse/json-reader.ts';
import { codeFences, fenceAt, isProgramSource } from '../fences.ts';

// The identity models of the vendored specs (Compute's ResourceIdentityType has all four values).
const FAMILIES = ['ResourceIdentityType', 'IdentityType', 'ManagedServiceIdentityType'];
const norm = (v: string) => v.toLowerCase().replace(/\s+/g, '');

let accepted: { keys: Set<string>; values: string[]; files: string[] } | undefined;
function identityTypes(): { keys: Set<string>; values: string[]; files: string[] } {
  if (accepted) return accepted;
  // By import.meta.url, which the bundled CLI (scripts/build-dist.mjs) rewrites; import.meta.dirname it leaves empty.
  const table = JSON.parse(readFileSync(new URL('../../reference/spec-enums.json', import.meta.url), 'utf8')) as SpecEnumTable;
  const families = FAMILIES.map((f) => table.families[f]).filter((f) => f !== undefined);
  // One spelling per type: "SystemAssigned,UserAssigned" (common-types v5) is "SystemAssigned, UserAssigned" without the space.
  const values = [...new Map([...new Set(families.flatMap((f) => f.values))].sort().reverse().map((v) => [norm(v), v])).values()].sort();
  accepted = { keys: new Set(values.map(norm)), values, files: [...new Set(families.flatMap((f) => f.files))].sort() };
  return accepted;
}

/** Whether `value` is an identity type the specs define (case and spaces aside: providers differ there), or not judged (an expression, a placeholder). */
export function knownIdentityType(value: string): boolean {
  if (/^\[.*\]$|[<>{}$]/.test(value.trim()) || value.trim() === '') return true;
  return identityTypes().keys.has(norm(value));
}

// One line: `"identity": { "type": "…" }` in a body or template, `identity: { type: '…' }` in Bicep.
const INLINE = /["']?identity["']?\s*:\s*\{\s*["']?type["']?\s*:\s*(["'])([^"'\n]*)\1/g;
const BICEP_OPEN = /^\s*identity\s*:\s*\{\s*$/;
const BICEP_TYPE = /^\s*type\s*:\s*'([^'\n]*)'/;

export const identityTypeValue: Rule = {
  id: 'identity-type-value',
  name: 'IdentityTypeValue',
  severity: 'warning',
  shortDescription: 'A managed identity "type" that is none of the identity types the REST specs define.',
  fullDescription:
    'The identity of an Azure resource is one of None, SystemAssigned, UserAssigned or "SystemAssigned, UserAssigned" (some providers write it without the space): the identity models of the REST specs (ResourceIdentityType, IdentityType, ManagedServiceIdentityType in src/reference/spec-enums.json, generated from vendor/specs). Another value ("Managed", "UserAssigned, SystemAssigned") is refused with 400 by providers whose model is closed, and gives the resource no identity where it is open. Read in JSON blocks (the "type" under "identity"), one-line request bodies and Bicep; case and white space are not judged (enum-value-stray-space says the latter), nor ARM expressions and placeholders.',
  help: 'Write one of None, SystemAssigned, UserAssigned, "SystemAssigned, UserAssigned".',
  check(doc) {
    const hits: RuleHit[] = [];
    const seen = new Set<number>();
    const report = (line: number, column: number, value: string): void => {
      if (seen.has(line) || knownIdentityType(value)) return;
      seen.add(line);
      const { values, files } = identityTypes();
      hits.push({
        line,
        column,
        message: `identity type ${JSON.stringify(value)} is none of ${values.map((v) => JSON.stringify(v)).join(', ')} (the identity models of ${files.length} spec files, e.g. ${files[files.length - 1]}): providers whose model is closed answer 400, the others give the resource no identity.`,
      });
    };
    for (const block of doc.json) {
      if (block.read.value === undefined) continue;
      for (const leaf of walk(block.read.value)) {
        const [parent, key] = leaf.path.slice(-2);
        if (parent !== 'identity' || key !== 'type' || typeof leaf.value !== 'string') continue;
        const at = locateKey(block.read, 'type', JSON.stringify(leaf.value));
        if (at) report(at.line, at.column, leaf.value);
      }
    }
    if (!doc.hasText) return hits;
    const fences = codeFences(doc);
    for (let n = 1; n <= doc.lineCount; n++) {
      const fence = fenceAt(fences, n);
      if (!fence || isProgramSource(fence)) continue;
      const text = doc.line(n);
      // Column of the value's opening quote: the match ends with quote, value, quote.
      for (const m of text.matchAll(INLINE)) report(n, (m.index ?? 0) + m[0].length - m[2]!.length - 1, m[2]!);
      if (fence.info === 'bicep' && BICEP_OPEN.test(text)) {
        for (let k = n + 1; k < Math.min(n + 5, fence.close); k++) {
          const type = BICEP_TYPE.exec(doc.line(k));
          if (type) report(k, doc.line(k).indexOf("'") + 1, type[1]!);
        }
      }
    }
    return hits.sort((a, b) => a.line - b.line);
  },
};
