// The World the plan and the run use sees what a page's includes state (issue 16, session 5): lint
// read the page rendered with its includes, the World only the page's own text, so a storage account
// a prerequisites include tells the reader to have was "assumed", and a grant an include states did
// not count. The World now reads the same rendered text (parse/rendered.ts, through the parser's
// include resolver); what an include states is cited at the page line of its [!INCLUDE].
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseScenario, emulatorRoleValues } from '../../src/emulator/default-scenario.ts';
import { scenarioForWorld } from '../../src/emulator/world-seed.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import type { IncludeResult } from '../../src/parse/scan-state.ts';
import { buildPlan } from '../../src/plan/index.ts';

const base = baseScenario(new Date('2026-01-01T00:00:00Z'));
const docs = mkdtempSync(join(os.tmpdir(), 'tc-include-world-'));
afterAll(() => rmSync(docs, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const file = join(docs, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

write('docfx.json', '{}\n');
// As includes/storage-quickstart-prereq-include.md (tests/corpus) words it, shortened; front matter dropped by rendering.
write('includes/storage-prereq.md', ['---', 'title: include file', '---', '', '- An Azure storage account named mystorageacct in the resource group myGroup.', ''].join('\n'));
write(
  'includes/identity-grant.md',
  ['---', 'title: include file', '---', '', '- A user-assigned managed identity named myIdentity in the resource group myGroup.', '', 'In the portal, assign the identity the Storage Blob Data Reader role on the storage account.', ''].join('\n'),
);
const page = write(
  'articles/page.md',
  [
    '# Read a storage account', // 1
    '',
    '## Prerequisites', // 3
    '',
    '[!INCLUDE [storage prerequisites](../includes/storage-prereq.md)]', // 5
    '',
    '[!INCLUDE [identity](../includes/identity-grant.md)]', // 7
    '',
    '## Read it',
    '',
    '```azurecli',
    'az identity show -n myIdentity -g myGroup',
    'az storage account show -n mystorageacct -g myGroup',
    '```',
    '',
  ].join('\n'),
);

const worldOf = (resolveInclude?: (target: string, from: string) => IncludeResult) => {
  const tutorial = parseTutorialFile(page);
  return buildPlan(tutorial, { targetValues: base.values, targetRoles: emulatorRoleValues(base), targetName: 'emulator', sets: {}, ...(resolveInclude ? { resolveInclude } : {}) }).world;
};

describe('the World reads what the page\'s includes state', () => {
  it('include-prerequisite-was-an-assumption: a storage account a prerequisites include states is stated (cited at the [!INCLUDE] line), not assumed', () => {
    const world = worldOf();
    expect(world.resources).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'storage-account', name: 'mystorageacct', origin: 'stated', cite: expect.objectContaining({ line: 5 }) })]));
    expect(world.assumptions.filter((a) => a.role === 'storage-account')).toEqual([]);
    // The same page with its includes unread: the account is only assumed (what the World said before).
    const unread = worldOf(() => ({ error: 'not read in this test' }));
    expect(unread.resources).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'storage-account', name: 'mystorageacct', origin: 'assumed' })]));
    expect(unread.grants).toEqual([]);
  });

  it('include-grant-did-not-count: a grant an include states is the World\'s, for the identity the include names, and the emulator is seeded with it', () => {
    const world = worldOf();
    expect(world.grants).toEqual([
      expect.objectContaining({ role: 'Storage Blob Data Reader', principal: { kind: 'identity', name: 'myIdentity' }, origin: 'stated', cite: { line: 7 }, scope: expect.objectContaining({ kind: 'resource', role: 'storage-account', name: 'mystorageacct' }) }),
    ]);
    const scenario = scenarioForWorld(base, world);
    const identity = scenario.userAssignedIdentities.find((i) => i.name === 'myIdentity');
    expect(identity).toBeDefined();
    expect(scenario.roleAssignments).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'Storage Blob Data Reader', principalId: identity!.principalId })]));
  });
});
