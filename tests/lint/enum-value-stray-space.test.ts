// enum-value-stray-space (issue 16 item 4): the generated enum table, what counts as a spoilt value,
// the real page where the defect is (quick-create-bicep.md's " wrapKey") and the real pages where the
// values are written right.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { enumsOf, renderSpecEnums, type SpecDocument } from '../../src/reference/spec-enums-source.ts';
import { spoiltEnumValue } from '../../src/lint/rules/enum-value-stray-space.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const found = (page: string, text = read(page)) => lintText(text, 'docfx', page).filter((f) => f.rule === 'enum-value-stray-space');
const walk = (dir: string, keep: (name: string) => boolean): string[] =>
  readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? (f === 'examples' ? [] : walk(p, keep)) : keep(f) ? [p] : [];
  });

describe('src/reference/spec-enums.json', () => {
  it('is what scripts/generate-spec-enums.ts makes of vendor/specs (byte for byte)', () => {
    const specs = join(root, 'vendor/specs');
    const docs: SpecDocument[] = walk(specs, (f) => f.endsWith('.json') && f !== 'MANIFEST.json').map((p) => ({ path: relative(specs, p), json: JSON.parse(readFileSync(p, 'utf8')) }));
    const manifest = JSON.parse(read('vendor/specs/MANIFEST.json')) as { source: { repository: string; snapshotCommit: string } };
    expect(renderSpecEnums(docs, { repo: manifest.source.repository, commit: manifest.source.snapshotCommit })).toBe(read('src/reference/spec-enums.json'));
  });
  it('names a family by its x-ms-enum model, else by the property it sits on', () => {
    const doc = { path: 'x.json', json: { definitions: { Key: { properties: { kty: { type: 'string', enum: ['RSA', 'EC'] }, ops: { type: 'array', items: { type: 'string', enum: ['sign'], 'x-ms-enum': { name: 'Op' } } } } } } } };
    expect(enumsOf(doc)).toEqual([['Key.kty', ['RSA', 'EC']], ['Op', ['sign']]]);
  });
});

describe('spoiltEnumValue', () => {
  it('a value with white space its enum value does not have', () => {
    expect(spoiltEnumValue(' wrapKey')?.value).toBe('wrapKey');
    expect(spoiltEnumValue('decrypt ')?.value).toBe('decrypt');
    // Compute's ResourceIdentityType and Web's ManagedServiceIdentityType both spell it with the space.
    expect(spoiltEnumValue('System Assigned, UserAssigned')).toMatchObject({ value: 'SystemAssigned, UserAssigned', family: expect.stringMatching(/^(ResourceIdentityType|ManagedServiceIdentityType)$/) as unknown });
    expect(spoiltEnumValue('System Assigned')?.value).toBe('SystemAssigned');
  });
  it('silent on the spec spelling, on a spelling with less white space (other providers write "SystemAssigned,UserAssigned"), on what no enum holds', () => {
    expect(spoiltEnumValue('SystemAssigned, UserAssigned')).toBeUndefined();
    expect(spoiltEnumValue('SystemAssigned,UserAssigned')).toBeUndefined();
    expect(spoiltEnumValue('Storage Blob Data Reader')).toBeUndefined();
    expect(spoiltEnumValue('Standard LRS')).toBeUndefined();
    expect(spoiltEnumValue('<key operation>')).toBeUndefined();
  });
});

describe('real pages', () => {
  // Silence on every other corpus page and tutorial: tests/lint/spec-data-corpus.test.ts.
  it('quick-create-bicep.md: the keyOps values listed in the parameter table have " wrapKey" (line 120)', () => {
    const f = found('tests/corpus/articles/key-vault/keys/quick-create-bicep.md');
    expect(f.map((x) => [x.line, x.severity, x.suggestion])).toEqual([[120, 'warning', 'wrapKey']]);
  });
});

describe('where values are read', () => {
  const page = (...lines: string[]) => ['# Page', '', ...lines, ''].join('\n');
  it('JSON, Bicep and shell blocks and inline code; not program source, whose strings may be labels', () => {
    const text = page('```bicep', "identity: { type: 'System Assigned' }", '```', '', '```python', 'client.create(kind="Blob Storage")', '```', '', 'Pass `"keyOps": ["sign ", "verify"]`.');
    expect(lintText(text, 'docfx', 'tests/lint/fixtures/t.md').filter((f) => f.rule === 'enum-value-stray-space').map((f) => [f.line, f.suggestion])).toEqual([[4, 'SystemAssigned'], [11, 'sign']]);
  });
});
