// defect (review of stop 28): the page's `az role assignment create --assignee $CALLER_OBJECT_ID`, with
// the id read by `az ad signed-in-user show`, was not the reader's in the World (the lookup is not run
// here: the World held a grant to the target's stand-in id), so "the page grants the
// reader access" was decided by a second reader of the page's text in the run stage. The World now
// records it as a grant to the reader; an assignee read some other way stays a grant to an id.
import { describe, expect, it } from 'vitest';
import { baseScenario, emulatorRoleValues } from '../../src/emulator/default-scenario.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { buildPlan } from '../../src/plan/index.ts';

const base = baseScenario(new Date('2026-01-01T00:00:00Z'));
const worldOf = (text: string) => buildPlan(parseTutorialText(text, 'page.md'), { text, targetValues: base.values, targetRoles: emulatorRoleValues(base), targetName: 'emulator', sets: {} }).world;
const fence = (text: string): string => `\`\`\`azurecli\n${text}\n\`\`\`\n`;
const page = (lookup: string, assignee: string) =>
  [
    '# Grant yourself access\n',
    fence('az keyvault create --name readerkv1 --resource-group reader-rg --location eastus'),
    fence(lookup),
    fence(`az role assignment create --assignee ${assignee} --role "Key Vault Secrets Officer" --scope $(az keyvault show --name readerkv1 --query id --output tsv)`),
  ].join('\n');

describe('a grant to the id az ad signed-in-user show read', () => {
  it('is a created grant to the reader, cited at its step', () => {
    const world = worldOf(page('CALLER_OBJECT_ID=$(az ad signed-in-user show --query id --output tsv)', '"$CALLER_OBJECT_ID"'));
    const grant = world?.grants.find((g) => g.role === 'Key Vault Secrets Officer');
    expect(grant).toMatchObject({ principal: { kind: 'reader' }, origin: 'created' });
    expect(grant?.cite.stepId).toBeDefined();
  });
  it('inline, --assignee $(az ad signed-in-user show --query id -o tsv), is one too', () => {
    const world = worldOf(page('az account show', '$(az ad signed-in-user show --query id -o tsv)'));
    expect(world?.grants.find((g) => g.role === 'Key Vault Secrets Officer')?.principal).toEqual({ kind: 'reader' });
  });
  it('an id read another way (az ad sp list) is not the reader: the grant is to an id', () => {
    const world = worldOf(page('APP_ID=$(az ad sp list --display-name myapp --query [0].id --output tsv)', '$APP_ID'));
    const grants = world?.grants.filter((g) => g.role === 'Key Vault Secrets Officer') ?? [];
    expect(grants.map((g) => g.principal.kind)).toEqual(['id']);
  });
});
