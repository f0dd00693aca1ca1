// az-extension-update-not-installed (issue 16, session 6, a defect readers reported on a real page:
// MicrosoftDocs/azure-docs#42219): az extension update only updates an installed extension, so a
// page that gives it as the install step fails for a reader who does not have the extension yet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const found = (file: string, text = read(file)) => lintText(text, 'docfx', file).filter((f) => f.rule === 'az-extension-update-not-installed');
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const MANAGED_IDENTITY = 'tests/fresh/articles/aks/use-managed-identity.md';
const FLEET = 'tests/lint/fixtures/real/quickstart-create-fleet-and-members.excerpt.md';

describe('az-extension-update-not-installed', () => {
  it('use-managed-identity.md (2019): "To install the aks-preview extension, use" az extension update, and nothing adds it', () => {
    const text = read(MANAGED_IDENTITY);
    const hits = found(MANAGED_IDENTITY);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, 'az extension update --name aks-preview'), 'warning']]);
    expect(hits[0]?.message).toMatch(/"The extension aks-preview is not installed\."/);
    expect(hits[0]?.message).toMatch(/az extension add --name aks-preview/);
  });
  it('silent when an earlier step adds the extension (kubernetes-fleet quickstart: add, then update)', () => {
    const text = read(FLEET);
    expect(text).toMatch(/az extension add --name fleet[\s\S]*az extension update --name fleet/);
    expect(found(FLEET)).toEqual([]);
  });
  it('reports the fleet page once its add step is gone, and stays silent when the lead-in says the reader already has it', () => {
    const text = read(FLEET);
    const noAdd = text.replace('az extension add --name fleet', 'az version');
    expect(found('no-add.md', noAdd).map((h) => h.line)).toEqual([lineWith(noAdd, 'az extension update --name fleet')]);
    const already = noAdd.replace('Run the following command to update', 'If you already have the extension, run the following command to update');
    expect(found('already.md', already)).toEqual([]);
  });
  it('an add after the update does not install it in time; an add before it does', () => {
    const text = read(MANAGED_IDENTITY).replace('az extension list\n', 'az extension list\naz extension add --name aks-preview\n');
    expect(found('late-add.md', text)).toHaveLength(1);
    const early = read(MANAGED_IDENTITY).replace('az extension update --name aks-preview', 'az extension add --name aks-preview\naz extension update --name aks-preview');
    expect(found('early-add.md', early)).toEqual([]);
  });
});
