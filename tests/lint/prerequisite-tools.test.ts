// missing-prerequisite's warnings about what a reader must have that the page never names (issue 16,
// session 5): programs the page runs, the Az PowerShell module, az extensions, the sign-in. Positive
// cases on a fixture; negatives on real pages that name them, use Cloud Shell, or sign in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/index.ts';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const warnings = (file: string, text = read(file)) => lintText(text, 'docfx', file).filter((f) => f.rule === 'missing-prerequisite' && f.severity === 'warning');
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const FIXTURE = 'tests/lint/fixtures/prerequisite-tools.md';

describe('missing-prerequisite: tools, modules, extensions and sign-in a page never names', () => {
  const text = read(FIXTURE);
  const hits = warnings(FIXTURE);
  const at = (needle: string) => hits.filter((h) => h.line === lineWith(text, needle)).map((h) => h.message);
  it('reports the first use of each unnamed program, with the shell\'s answer and where to get it', () => {
    expect(at('func init')).toEqual([expect.stringMatching(/runs func, .*Azure Functions Core Tools.*"func: command not found"/)]);
    expect(at('| jq')).toEqual([expect.stringMatching(/runs jq, .*"jq: command not found".*jqlang/)]);
    expect(at('zip -r')).toEqual([expect.stringMatching(/runs zip/)]);
    // git on a continued line is zip's argument, not a program.
    expect(hits.some((h) => /runs git/.test(h.message))).toBe(false);
  });
  it('reports the az CLI itself, the sign-in, an extension command and Az cmdlets once each', () => {
    expect(at('az group create')).toEqual(expect.arrayContaining([expect.stringMatching(/needs a signed-in Azure CLI.*"Please run 'az login' to setup account\."/), expect.stringMatching(/runs az, .*the Azure CLI/)]));
    expect(at('az automation account list')).toEqual([expect.stringMatching(/comes from the automation extension.*az extension add --name automation/)]);
    expect(at('Get-AzResourceGroup')).toEqual([expect.stringMatching(/cmdlet of the Azure PowerShell Az module.*not recognized/)]);
    expect(hits.filter((h) => /signed-in/.test(h.message))).toHaveLength(1);
  });
  it('silent once the page names them, installs them, signs in, or uses Cloud Shell', () => {
    const named = text.replace('- An Azure subscription.', '- An Azure subscription.\n- Azure Functions Core Tools, the Azure CLI, jq and zip; Azure PowerShell (Az module); the automation extension for the Azure CLI.\n- Sign in with az login.');
    expect(warnings('named.md', named)).toEqual([]);
    expect(warnings('cloud.md', text.replace('- An Azure subscription.', '- Use Azure Cloud Shell.'))).toEqual([]);
    expect(warnings('install.md', text.replace('```bash\n', '```bash\nsudo apt-get install jq zip\naz extension add --name automation\naz login\n')).map((h) => h.message.split(',')[0])).toEqual(['this step runs az', 'this step runs func', 'Get-AzResourceGroup is a cmdlet of the Azure PowerShell Az module']);
  });
  it('silent on real pages: create-first-function-cli-java.md names Core Tools and Maven; bicep/deploy-cli.md signs in with az login', () => {
    const java = 'tests/corpus/articles/azure-functions/create-first-function-cli-java.md';
    expect(read(java)).toMatch(/Azure Functions Core Tools/);
    expect(warnings(java).filter((h) => /runs (func|mvn)/.test(h.message))).toEqual([]);
    const deploy = 'tests/corpus/articles/azure-resource-manager/bicep/deploy-cli.md';
    expect(read(deploy)).toMatch(/az login/);
    expect(warnings(deploy).filter((h) => /signed-in/.test(h.message))).toEqual([]);
  });
  it('silent on blob-containers-cli.md read with its includes as lint and run read it (Cloud Shell in the page and its include, az login)', async () => {
    const page = 'tests/corpus/articles/storage/blobs/blob-containers-cli.md';
    expect(read(page)).toMatch(/azure-cli-prepare-your-environment/);
    expect(read('tests/corpus/includes/azure-cli-prepare-your-environment.md')).toMatch(/Cloud Shell/);
    const [r] = await lintFiles([join(root, page)]);
    expect(r?.findings.filter((f) => f.rule === 'missing-prerequisite' && f.severity === 'warning')).toEqual([]);
  });
  it('key-vault/keys/quick-create-bicep.md: deploys with az but never says to sign in (no az login, no Cloud Shell)', () => {
    const page = 'tests/corpus/articles/key-vault/keys/quick-create-bicep.md';
    expect(read(page)).not.toMatch(/az login|Cloud Shell/);
    expect(warnings(page).map((h) => h.line)).toEqual([lineWith(read(page), 'az group create')]);
  });
});
