// missed defect: container-registry-get-started-azure-cli.md (tests/fresh) runs az acr create
// --admin-enabled --sku Basic and shows "adminUserEnabled": false (and sku Managed_Standard). az sends
// --admin-enabled as the registry's adminUserEnabled (azure-cli acr/custom.py, Registry(admin_user_enabled=
// admin_enabled)) and prints the registry back: the example contradicts its command. Only options whose
// echo field the az source fixes are compared (AZ_SETTING_ECHOES in src/reference/arm-echo.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { requestedMismatches, threeStateValue } from '../../src/reference/arm-echo.ts';

const root = join(import.meta.dirname, '..', '..');
const found = (text: string, page = 'p.md') => lintText(text, 'docfx', page).filter((f) => f.rule === 'example-id-vs-request');
const page = (options: string, shown: string, command = 'acr create') =>
  `# T\n\n\`\`\`azurecli\naz ${command} --name reg007 --resource-group rg ${options}\n\`\`\`\n\nThe output is similar to:\n\n\`\`\`json\n{\n  "adminUserEnabled": ${shown},\n  "id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/reg007",\n  "name": "reg007",\n  "resourceGroup": "rg"\n}\n\`\`\`\n`;

describe('example-id-vs-request: a field an az option sets (az acr --admin-enabled → adminUserEnabled)', () => {
  it('container-registry-get-started-azure-cli.md: --admin-enabled, the example shows false (line 64); --sku Basic, it shows Managed_Standard (line 72)', () => {
    const p = 'tests/fresh/articles/container-registry/container-registry-get-started-azure-cli.md';
    const f = found(readFileSync(join(root, p), 'utf8'), p);
    expect(f.map((x) => x.line)).toEqual([64, 66, 72]);
    expect(f[0]?.message).toMatch(/adminUserEnabled is false, but az acr create on line 57 gives --admin-enabled, which sets it to true/);
    expect(f[2]?.message).toMatch(/sku is "Managed_Standard", not Basic/);
  });
  it('the flag alone, with true/false, on create and update', () => {
    expect(found(page('--admin-enabled', 'false')).map((x) => x.line)).toEqual([11]);
    expect(found(page('--admin-enabled false', 'true'))[0]?.message).toMatch(/gives --admin-enabled false, which sets it to false/);
    expect(found(page('--admin-enabled true', 'false', 'acr update')).map((x) => x.line)).toEqual([11]);
  });
  it('silent when the example agrees, when the option is not given, on a placeholder value and on other commands', () => {
    expect(found(page('--admin-enabled', 'true'))).toEqual([]);
    expect(found(page('--admin-enabled false', 'false'))).toEqual([]);
    expect(found(page('--sku Basic', 'false').replace('--sku Basic', ''))).toEqual([]);
    expect(found(page('--admin-enabled $ADMIN', 'false'))).toEqual([]);
    expect(found(page('', 'false', 'acr show'))).toEqual([]);
    expect(threeStateValue('<true-or-false>')).toBeUndefined();
    expect(requestedMismatches({ settings: [{ field: 'adminUserEnabled', value: true, option: '--admin-enabled' }] }, { adminUserEnabled: '<bool>' }, { tagsExact: false })).toEqual([]);
  });
  it("silent on the page's current version (azure-management-docs excerpt: --sku Standard shown Standard, no --admin-enabled, adminUserEnabled false)", () => {
    const p = 'tests/lint/fixtures/real/container-registry-get-started-azure-cli.excerpt.md';
    expect(found(readFileSync(join(root, p), 'utf8'), p)).toEqual([]);
    // the same page with the flag given: the example must then show true
    expect(found(readFileSync(join(root, p), 'utf8').replace('--sku Standard', '--sku Standard --admin-enabled'), p).map((x) => x.line)).toEqual([14]);
  });
});
