// Issue 16 session 9 (psparity): the value rules that judged az commands now judge the Azure PowerShell
// equivalents (parameters bound through the generated cmdlet table). Each extension is held on a real page that
// writes the retired or wrong value, and kept silent on a real page that writes the cmdlet right. Excerpts of
// pages: tests/lint/fixtures/real/README.md (repository, path, commit).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (file: string, needle: string) => read(file).split('\n').findIndex((l) => l.includes(needle)) + 1;
const REAL = 'tests/lint/fixtures/real';

describe('retired-runtime-version on New-AzFunctionApp', () => {
  const rule = 'retired-runtime-version';
  it('create-first-function-cli-typescript (2020): -Runtime node -RuntimeVersion 12 -FunctionsVersion 3', () => {
    const file = `${REAL}/create-first-function-cli-typescript.excerpt.md`;
    const line = lineWith(file, 'New-AzFunctionApp');
    const ps = found(rule, file).filter((f) => f.line === line);
    expect(ps.map((f) => f.message.slice(0, 40))).toEqual(['Node.js 12 ("12") reached end of support', 'Azure Functions 3.x ("3") reached end of']);
  });
  it('is silent on create-first-function-cli-powershell: -Runtime PowerShell -FunctionsVersion 4', () => {
    const file = `${REAL}/create-first-function-cli-powershell.excerpt.md`;
    expect(found(rule, file).filter((f) => f.line === lineWith(file, 'New-AzFunctionApp'))).toEqual([]);
  });
});

describe('retired-resource-setting on the New-Az* cmdlets', () => {
  const rule = 'retired-resource-setting';
  it('redirect-http-to-https-powershell: New-AzApplicationGatewaySku -Name Standard_Medium (a V1 gateway)', () => {
    const file = `${REAL}/redirect-http-to-https-powershell.excerpt.md`;
    const hits = found(rule, file);
    expect(hits.map((f) => [f.line, f.column, f.severity])).toEqual([[lineWith(file, '-Name Standard_Medium'), 9, 'warning']]);
    expect(hits[0]!.message).toMatch(/^New-AzApplicationGatewaySku -Name Standard_Medium: Application Gateway V1/);
  });
  it('is silent on the application gateway quickstart (Standard_v2) and on New-AzKeyVault without a soft-delete switch', () => {
    expect(found(rule, `${REAL}/quick-create-powershell-app-gateway.excerpt.md`)).toEqual([]);
    expect(found(rule, 'tests/fresh/articles/key-vault/quick-create-powershell.md')).toEqual([]);
  });
});

describe('az-vm-image-alias-retired on New-AzVM -Image', () => {
  const rule = 'az-vm-image-alias-retired';
  it('quick-create-powershell (Linux, 2022): -Image Debian, an alias Az.Compute 7.0.0 removed', () => {
    const file = `${REAL}/quick-create-powershell-linux-2022.excerpt.md`;
    const hits = found(rule, file);
    expect(hits.map((f) => [f.line, f.column])).toEqual([[lineWith(file, '-Image Debian'), 12]]);
    expect(hits[0]!.message).toMatch(/New-AzVM -Image Debian: Az\.Compute 7\.0\.0 removed the image alias "Debian".*Debian11/);
  });
  it('is silent on the same quickstart today: -image Debian11', () => {
    expect(found(rule, `${REAL}/quick-create-powershell-linux.excerpt.md`)).toEqual([]);
  });
  it('the command of Azure/azure-powershell#23581, with the error New-AzVM printed', () => {
    const text = ['# Page', '', '```azurepowershell', 'New-AzVM -ResourceGroupName <ResourceGroupName> -Name myVM -Image UbuntuLTS -Credential (Get-Credential)', '```', ''].join('\n');
    const hits = lintText(text, 'docfx', 'p.md').filter((f) => f.rule === rule);
    expect(hits.map((f) => f.line)).toEqual([4]);
    expect(hits[0]!.message).toContain(`New-AzVM stops with "Can't find the image 'ubuntults'."`);
  });
});

describe('resource-name-invalid on New-AzKeyVault -Name', () => {
  it('is silent on real pages: a vault name with a hyphen and capitals, and a <placeholder>', () => {
    expect(found('resource-name-invalid', 'tests/fresh/articles/key-vault/quick-create-powershell.md')).toEqual([]);
    expect(found('resource-name-invalid', 'tests/fresh/articles/key-vault/secrets/quick-create-net.md')).toEqual([]);
  });
});

describe('az-assignee-id-kind on Set-AzKeyVaultAccessPolicy', () => {
  it('is silent on quick-create-net: -ServicePrincipalName <clientId-of-your-service-principal> (the client id it takes)', () => {
    const file = 'tests/fresh/articles/key-vault/secrets/quick-create-net.md';
    expect(found('az-assignee-id-kind', file).filter((f) => f.line === lineWith(file, 'Set-AzKeyVaultAccessPolicy -VaultName'))).toEqual([]);
  });
});
