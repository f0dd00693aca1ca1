// The rules that read the REST specs' data (issue 16 items 3-4: enum-value-stray-space, the type part
// of provider-namespace-misspelt, api-version-currency) over every corpus page and tutorial at once:
// what they find there is exactly the golden defects, nothing else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { readTypeListing, renderResourceTypes } from '../../src/reference/resource-types-source.ts';

const root = join(import.meta.dirname, '..', '..');
const walk = (dir: string): string[] =>
  readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : f.endsWith('.md') ? [p] : [];
  });

describe('spec-data rules on the corpus and the tutorials', () => {
  const pages = [...walk(join(root, 'tests/corpus/articles')), ...walk(join(root, 'tutorials'))].map((p) => relative(root, p));
  const findings = pages.flatMap((page) => lintText(readFileSync(join(root, page), 'utf8'), 'docfx', page).map((f) => ({ page, ...f })));
  const of = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => `${f.page}:${f.line}`);
  it('reads every page', () => expect(pages.length).toBeGreaterThan(50));
  it('enum-value-stray-space: only quick-create-bicep.md\'s " wrapKey"; silent on kty "RSA", keyOps parameters, identity types as the specs spell them', () => {
    expect(of('enum-value-stray-space')).toEqual(['tests/corpus/articles/key-vault/keys/quick-create-bicep.md:120']);
  });
  it('identity-type-value: silent (no page writes an identity type outside the specs\' values)', () => {
    expect(of('identity-type-value')).toEqual([]);
  });
  it('provider-namespace-misspelt: silent on every namespace and Storage, Key Vault and managed identity type the pages write (URLs, templates, Bicep, role actions)', () => {
    const typed = pages.filter((page) => /Microsoft\.(Storage|KeyVault|ManagedIdentity)\/[a-z]/i.test(readFileSync(join(root, page), 'utf8')));
    expect(typed.length).toBeGreaterThan(10);
    expect(of('provider-namespace-misspelt')).toEqual([]);
  });
});

describe('src/reference/resource-types.json', () => {
  it('is what scripts/generate-resource-types.ts makes of scripts/data/resource-types/*.txt and the role catalog (byte for byte)', () => {
    const dir = join(root, 'scripts/data/resource-types');
    const listings = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ file: `scripts/data/resource-types/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
    const catalog = JSON.parse(readFileSync(join(root, 'src/reference/built-in-roles.json'), 'utf8')) as { roles: { actions?: string[]; notActions?: string[] }[] };
    const actions = catalog.roles.flatMap((r) => [...(r.actions ?? []), ...(r.notActions ?? [])]);
    expect(renderResourceTypes(listings, actions)).toBe(readFileSync(join(root, 'src/reference/resource-types.json'), 'utf8'));
  });
  it('reads top-level types from Resource and namespace-level Function headings; rejects a heading of another namespace, naming file and line', () => {
    const head = 'repo a/b\npath p/types.md\ncommit ' + 'a'.repeat(40) + '\nnamespace Microsoft.X\n';
    expect(readTypeListing('x.txt', `${head}## Resource Microsoft.X/things/parts@2020-01-01\n## Function check (Microsoft.X@2020-01-01)\n## Function go (Microsoft.X/things@2020-01-01)\n`).types).toEqual(['check', 'things']);
    expect(() => readTypeListing('x.txt', `${head}## Resource Microsoft.Y/things@2020-01-01\n`)).toThrow(/x\.txt:5: Microsoft\.Y is not Microsoft\.X/);
  });
});
