// Issue 16 session 11 (wild-i): defects readers reported on Azure Functions and App Service pages (tests/fresh),
// held on the reported pages, and kept silent where the same setting is written correctly. Also the precision
// defect those pages showed: a page that installs an Azure CLI extension from a wheel is not judged as if core az ran it.
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/index.ts';
import type { Finding } from '../../src/lint/finding.ts';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
/** A fresh page linted with its includes (tests/fresh is the docset root): the extension install is in an include. */
async function withIncludes(rule: string, file: string): Promise<Finding[]> {
  const [result] = await lintFiles([file], { docsetRoot: 'tests/fresh' });
  return (result?.findings ?? []).filter((f) => f.rule === rule && !/\/includes\//.test(f.file ?? ''));
}

const ARC_FUNCTIONS = 'tests/fresh/articles/azure-functions/create-first-function-arc-cli.md';
const ARC_WEBAPP = 'tests/fresh/articles/app-service/quickstart-arc.md';
const PYTHON_CLI = 'tests/fresh/articles/app-service/includes/quickstart-python/create-app-cli.md';
const POWERSHELL_CLI = 'tests/lint/fixtures/real/create-first-function-cli-powershell.excerpt.md';

describe('retired-runtime-version: PowerShell, App Service stack strings in the colon form, DOTNET-ISOLATED|, --net-framework-version', () => {
  const rule = 'retired-runtime-version';
  it('create-first-function-arc-cli.md (azure-docs#105025: a --runtime-version Functions no longer offers): PowerShell 7.0, and the Node.js 18 and Python 3.8 of the other tabs', () => {
    const text = read(ARC_FUNCTIONS);
    const hits = found(rule, ARC_FUNCTIONS);
    expect(hits.map((h) => h.line)).toEqual([
      lineOf(text, '--runtime node --runtime-version 18'),
      lineOf(text, '--runtime python --runtime-version 3.8'),
      lineOf(text, '--runtime powershell --runtime-version 7.0'),
    ]);
    expect(hits[2]?.message).toMatch(/^PowerShell 7\.0 \("7\.0"\) reached end of support on 2022-12-03 \(MicrosoftDocs\/PowerShell-Docs reference\/docs-conceptual\/install\/PowerShell-Support-Lifecycle\.md @07e85da8db1d/);
  });
  it('silent on the PowerShell tab as fixed to a supported version, and where the page gives no --runtime-version (create-first-function-cli-powershell.md: New-AzFunctionApp -Runtime PowerShell -FunctionsVersion 4)', () => {
    const fixed = read(ARC_FUNCTIONS).replace('--runtime powershell --runtime-version 7.0', '--runtime powershell --runtime-version 7.6');
    expect(found(rule, 'fixed.md', fixed).some((h) => /PowerShell/.test(h.message))).toBe(false);
    expect(found(rule, POWERSHELL_CLI)).toEqual([]);
  });
  it('quickstart-python create-app-cli.md: az webapp up --runtime PYTHON:3.9 (the colon form) on the command, not only in the output the page shows', () => {
    const text = read(PYTHON_CLI);
    expect(found(rule, PYTHON_CLI).map((h) => h.line)).toEqual([lineOf(text, 'az webapp up --runtime PYTHON:3.9'), lineOf(text, '"runtime_version": "python|3.9"')]);
  });
  it('silent on the same include as later versions write it (PYTHON:3.14), and on a Docker tag (quickstart-arc.md: --deployment-container-image-name mcr.microsoft.com/appsvc/node:14-lts is an image, not a stack)', () => {
    const current = read(PYTHON_CLI).replace('--runtime PYTHON:3.9', '--runtime PYTHON:3.14').replace('"python|3.9"', '"python|3.14"');
    expect(found(rule, 'current.md', current)).toEqual([]);
    const text = read(ARC_WEBAPP);
    expect(found(rule, ARC_WEBAPP).map((h) => h.line)).toEqual([lineOf(text, "--runtime 'NODE|14-lts'")]);
  });
  it('--net-framework-version v4.8 is the .NET Framework, whose lifecycle is not this data\'s: silent', () => {
    expect(found(rule, 'framework.md', '# x\n\n```azurecli\naz webapp config set -g rg -n myapp --net-framework-version v4.8\n```\n')).toEqual([]);
  });
});

describe('a page that installs an Azure CLI extension from a wheel: what core az rejects is a warning, not an error', () => {
  it('quickstart-arc.md: az webapp create --custom-location without --plan (the appservice-kube wheel adds the one and makes the other optional)', async () => {
    const text = read(ARC_WEBAPP);
    const unknown = await withIncludes('az-unknown-parameter', ARC_WEBAPP);
    const missing = await withIncludes('az-missing-required', ARC_WEBAPP);
    const first = lineOf(text, '--custom-location $customLocationId');
    expect(unknown.map((h) => [h.line, h.severity])).toEqual([[first, 'warning'], [lineOf(text, '--custom-location $customLocationId', first), 'warning']]);
    expect(missing.map((h) => h.severity)).toEqual(['warning', 'warning']);
    expect(unknown[0]?.message).toMatch(/^Without an extension that adds it, 'az webapp create' has no option --custom-location.*installs an extension from https:\/\/aka\.ms\/appsvc\/appservice_kube-latest-py2\.py3-none-any\.whl \(line \d+/);
  });
  it('create-first-function-arc-cli.md: no error-level finding on its four az functionapp create --custom-location steps', async () => {
    expect((await withIncludes('az-unknown-parameter', ARC_FUNCTIONS)).map((h) => h.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
  });
  it('still an error where nothing is side-loaded (the page read without its include, and the same command alone)', () => {
    expect(found('az-unknown-parameter', ARC_FUNCTIONS).map((h) => h.severity)).toEqual(['error', 'error', 'error', 'error']);
    const page = '# x\n\n```azurecli\naz webapp create --resource-group rg --name myapp --custom-location $customLocationId --runtime "NODE:22-lts"\n```\n';
    expect(found('az-unknown-parameter', 'core.md', page).map((h) => h.severity)).toEqual(['error']);
    expect(found('az-missing-required', 'core.md', page).map((h) => h.severity)).toEqual(['error']);
  });
});

describe('inconsistent-resource-name: az extension remove names a CLI extension, not an Azure resource', () => {
  it('silent on includes/app-service-arc-cli-install-extensions.md (az extension add customlocation, az extension remove appservice-kube, then the wheel)', async () => {
    const [result] = await lintFiles([ARC_WEBAPP], { docsetRoot: 'tests/fresh' });
    expect((result?.findings ?? []).filter((f) => f.rule === 'inconsistent-resource-name')).toEqual([]);
  });
});
