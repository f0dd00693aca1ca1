// identity-type-value (issue 16 item 4): the identity types the specs define, where pages write them
// (a JSON template or body block, a one-line az rest body, Bicep), and what is not judged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { knownIdentityType } from '../../src/lint/rules/identity-type-value.ts';

const page = (...lines: string[]) => ['# Page', '', ...lines, ''].join('\n');
const found = (text: string) => lintText(text, 'docfx', 'tests/lint/fixtures/t.md').filter((f) => f.rule === 'identity-type-value');

describe('knownIdentityType', () => {
  it('the specs\' four identity types, with or without the space after the comma, in any case', () => {
    for (const v of ['None', 'SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned', 'SystemAssigned,UserAssigned', 'systemassigned']) expect(knownIdentityType(v)).toBe(true);
  });
  it('not judged: an ARM expression, a placeholder', () => {
    expect(knownIdentityType("[parameters('identityType')]")).toBe(true);
    expect(knownIdentityType('<identity type>')).toBe(true);
  });
  it('anything else is unknown', () => {
    for (const v of ['Managed', 'UserAssigned, SystemAssigned', 'SystemAssignedUserAssigned', 'System']) expect(knownIdentityType(v)).toBe(false);
  });
});

describe('where pages write an identity type', () => {
  it('a template block, a one-line az rest body and Bicep', () => {
    const text = page(
      '```json',
      '{',
      '  "type": "Microsoft.Web/sites",',
      '  "identity": {',
      '    "type": "Managed"',
      '  }',
      '}',
      '```',
      '',
      '```azurecli',
      `az rest --method patch --url "$id?api-version=2023-01-01" --body '{"identity": {"type": "UserAssigned, SystemAssigned"}}'`,
      '```',
      '',
      '```bicep',
      "resource site 'Microsoft.Web/sites@2023-01-01' = {",
      '  identity: {',
      "    type: 'System'",
      '  }',
      '}',
      '```',
    );
    const f = found(text);
    expect(f.map((x) => [x.line, x.column, x.severity])).toEqual([[7, 5, 'warning'], [13, 89, 'warning'], [19, 11, 'warning']]);
    expect(f[0]?.message).toMatch(/identity type "Managed" is none of "None", "SystemAssigned", "SystemAssigned, UserAssigned", "UserAssigned"/);
  });
  it('silent on the spec values, expressions and parameters (a Bicep identity given a parameter is not quoted)', () => {
    const text = page(
      '```json',
      '{ "identity": { "type": "SystemAssigned,UserAssigned" }, "other": { "type": "Managed" } }',
      '```',
      '',
      '```json',
      '{ "identity": { "type": "[parameters(\'identityType\')]" } }',
      '```',
      '',
      '```bicep',
      'identity: {',
      '  type: identityType',
      '}',
      '```',
    );
    expect(found(text)).toEqual([]);
  });
});

describe('real examples', () => {
  it('silent on the REST specs\' own examples with identities (a VM created with a user-assigned identity, storage accounts listed with theirs)', () => {
    const root = join(import.meta.dirname, '..', '..');
    for (const example of [
      'vendor/specs/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-03-01/examples/virtualMachineExamples/VirtualMachine_Create_WithEncryptionIdentity.json',
      'vendor/specs/storage/resource-manager/Microsoft.Storage/stable/2017-06-01/examples/StorageAccountList.json',
    ]) {
      const json = readFileSync(join(root, example), 'utf8');
      expect(json).toMatch(/"identity": \{/);
      expect(found(page('```json', json.trimEnd(), '```'))).toEqual([]);
    }
  });
});
