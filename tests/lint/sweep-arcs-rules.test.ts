// Issue 16 session 13 (sweep-arcs): false findings of a precision sweep over 50 random Azure Arc pages
// (MicrosoftDocs/azure-management-docs @d923d58, servers, resource-bridge, VMware, SCVMM, site manager,
// multicloud connector). Each is held on a byte-exact excerpt of the page (tests/lint/fixtures/real,
// see its README for repository, path, commit and lines), with the real finding beside it kept.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { lintText, lineOf, readRepoFile } from './helpers.ts';

const REAL = 'tests/lint/fixtures/real';
const DOWNLOAD_ERROR = `${REAL}/troubleshoot-resource-bridge.download-error.excerpt.md`;
const AUTH_ERROR = `${REAL}/troubleshoot-resource-bridge.auth-error.excerpt.md`;
const ESU = `${REAL}/api-extended-security-updates.excerpt.md`;
const GATEWAY = `${REAL}/arc-gateway.excerpt.md`;
const UPGRADE = `${REAL}/arc-resource-bridge-upgrade.excerpt.md`;
const PUSH_DENIED = `${REAL}/container-registry-token-based-repository-permissions.excerpt.md`;

const lint = (file: string) => lintText(readRepoFile(file), 'docfx', file);
const errors = (file: string) => lint(file).filter((f) => f.severity === 'error');
const steps = (file: string) => parseTutorialText(readRepoFile(file), file, { form: 'docfx' }).steps.map((s) => s.raw.trim());

describe('defect: an error message the page says the reader may get was read as a command and as a request body', () => {
  it('"you may get the following error:" then az\'s message in an azurecli block: no step (the run failed it as az usage), no unclosed-quote error', () => {
    expect(steps(DOWNLOAD_ERROR)).toEqual(['az extension add --upgrade --name arcappliance']);
    expect(errors(DOWNLOAD_ERROR).map((f) => `${f.line} ${f.rule}`)).toEqual([]);
  });
  it('"You may receive the following error …:" then { _message_: _Post \\_https://…\\_ … }: no JSON example, no "// comments" error', () => {
    const text = readRepoFile(AUTH_ERROR);
    expect(parseTutorialText(text, AUTH_ERROR, { form: 'docfx' }).examples).toEqual([]);
    expect(lint(AUTH_ERROR).filter((f) => f.rule === 'json-example-invalid')).toEqual([]);
  });
  it('still reads the command after "the following push attempt fails with an error similar to `requested access … denied`:" (container-registry-token-based-repository-permissions.md)', () => {
    expect(steps(PUSH_DENIED)).toEqual(['docker push myregistry.azurecr.io/samples/nginx:v1']);
  });
  it('an output block after "Your output should show the following error message:" stays the response of the step before it', () => {
    const page = '# Check\n\n```azurecli\naz aks get-credentials --resource-group myRG --name myCluster --admin\n```\n\nYour output should show the following error message indicating the feature is preventing access:\n\n```output\nOperation failed with status: \'Bad Request\'.\n```\n';
    const t = parseTutorialText(page, 'output.md', { form: 'docfx' });
    expect(t.steps).toHaveLength(1);
    expect(t.steps[0]?.expectation).toBeDefined();
  });
  it('still reads a command after a lead-in that names an error and then tells the reader to run something', () => {
    const page = '# Fix\n\nIf you get an error, run the following command:\n\n```azurecli\naz extension add --upgrade --name arcappliance\n```\n';
    expect(parseTutorialText(page, 'fix.md', { form: 'docfx' }).steps.map((s) => s.raw.trim())).toEqual(['az extension add --upgrade --name arcappliance']);
  });
});

describe('defect: an az synopsis with a one-value enum ("[--license-type {ESU}]") was read as a command', () => {
  it('api-extended-security-updates.md: no step, no az-flag-without-value, shell-missing-continuation or json-example-invalid on the synopsis lines', () => {
    const text = readRepoFile(ESU);
    const first = lineOf(text, 'az connectedmachine license create --license-name');
    const last = lineOf(text, '[--volume-license-details]');
    expect(steps(ESU).some((s) => s.startsWith('az connectedmachine'))).toBe(false);
    expect(lint(ESU).filter((f) => f.line >= first && f.line <= last && f.severity !== 'note')).toEqual([]);
  });
  it('"-g {ResourceGroupName}" with values stays a command (one name in braces outside brackets is a placeholder)', () => {
    const page = '# Show\n\n```azurecli\naz storage account show -g {ResourceGroupName}\n                        -n {StorageAccountName}\n```\n';
    expect(parseTutorialText(page, 'braces.md', { form: 'docfx' }).steps).toHaveLength(1);
  });
});

describe('defect: a request body whose only fault is an invisible U+202F was an error', () => {
  it('api-extended-security-updates.md: the 2016 PUT/PATCH body ("{" + U+202F) is a warning that names the character', () => {
    const text = readRepoFile(ESU);
    const hits = lint(ESU).filter((f) => f.rule === 'json-example-invalid');
    const line = text.split('\n').findIndex((l) => l.includes('{\u202f')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[line, 'warning']]);
    expect(hits[0]?.message).toMatch(/U\+202F NARROW NO-BREAK SPACE.*Json\.NET skips it/);
  });
  it('a body with a Unicode space and a missing comma stays an error', () => {
    const page = '# Put\n\n```http\nPUT https://management.azure.com/x?api-version=2023-06-20-preview\n{\u202f\n  "a": 1\n  "b": 2\n}\n```\n';
    expect(lintText(page).filter((f) => f.rule === 'json-example-invalid').map((f) => f.severity)).toEqual(['error']);
  });
});

describe('defect: an apostrophe inside a placeholder ("[Your gateway’s Name]") was a smart quote in a command', () => {
  it('arc-gateway.md: no smart-quote-in-command; the backtick continuations in the CLI tab are still errors (bash)', () => {
    const text = readRepoFile(GATEWAY);
    expect(text).toContain('--gateway-name [Your gateway’s Name] `');
    const hits = errors(GATEWAY);
    expect(hits.filter((f) => f.rule === 'smart-quote-in-command')).toEqual([]);
    expect(hits.filter((f) => f.rule === 'shell-missing-continuation').map((f) => f.line)).toEqual([
      lineOf(text, '--gateway-name [Your gateway’s Name] `'),
      lineOf(text, 'az arcgateway settings update `') + 1,
    ]);
  });
  it('a curly quote around a value is still reported (--role ‘Reader’), and so are the quotes around the words of a placeholder (no apostrophe)', () => {
    const page = '# Grant\n\n```azurecli\naz role assignment create --role ‘Reader’ --assignee <id>\naz group create --name [‘my group’] --location eastus\n```\n';
    expect(lintText(page).filter((f) => f.rule === 'smart-quote-in-command').map((f) => f.line)).toEqual([4, 5, 5]);
  });
});

describe('defect: placeholder spellings in two tabs the reader never sees together were "the same value spelt twice"', () => {
  it('arc-gateway.md: <resource_group> (CLI tab) against <Resource Group> (PowerShell tab) is silent; <Resource Group> and <resource group>, both in the PowerShell tab, are reported', () => {
    const text = readRepoFile(GATEWAY);
    const hits = lint(GATEWAY).filter((f) => f.rule === 'placeholder-spelling-varies');
    // The excerpt has one use of each spelling (a tie): both PowerShell-tab spellings are named, each against the other only.
    expect(hits.map((h) => h.line)).toEqual([lineOf(text, '-resource-group <resource group> `'), lineOf(text, '-ResourceGroupName <Resource Group> `')]);
    expect(hits.map((h) => h.message.replace(/ \(line \d+, 1×\).*/, ''))).toEqual([
      '<resource group> is written elsewhere on the page as <Resource Group>',
      '<Resource Group> is written elsewhere on the page as <resource group>',
    ]);
  });
});

describe('defect: "--resource-group [REQUIRED]" was a resource group the page assumes', () => {
  it('resource-bridge/upgrade.md: no page-assumes-resource for [REQUIRED] or [OPTIONAL]', () => {
    expect(readRepoFile(UPGRADE)).toContain('--resource-group [REQUIRED] --name [REQUIRED]');
    expect(lint(UPGRADE).filter((f) => f.rule === 'page-assumes-resource')).toEqual([]);
  });
  it('a literal group name no step creates is still assumed', () => {
    const page = '# Upgrade\n\n```azurecli\naz arcappliance get-credentials --resource-group myArcGroup --name myBridge\n```\n';
    expect(lintText(page).filter((f) => f.rule === 'page-assumes-resource').map((f) => f.message)).toEqual([expect.stringMatching(/myArcGroup/)]);
  });
});
