// A block's language decides how a page is read and what the run says (issue 11, item 4): PowerShell
// statements are steps run only when src/run/powershell/ has an equivalent for every command in them
// (else `unsupported`, reason `language`) — their `$variables` are no placeholders to --set, their braces never JSON, their `curl` no curl request; PowerShell syntax
// in a bash block is PowerShell too; other programs in a shell block (git, func, zip…) are steps the
// http engine does not run (`unsupported`, shell-construct); a file no step creates blocks the step
// that reads it (the page assumes it) instead of failing with "No such file"; `touch` creates it.
// Pages copied from the corpus (tests/corpus/articles/…, cited per case), shortened; emulator for real.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';
import type { Report } from '../../src/report/schema.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-block-language-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, text: string): Promise<Report['tutorials'][number]> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const { report } = await runTutorials({ paths: [file] });
  const t = report.tutorials[0];
  if (!t) throw new Error('no tutorial in the report');
  return t;
}

describe('PowerShell runs only what has an equivalent', () => {
  it('makes each statement of an azurepowershell block a step (unsupported, language, unless modelled), hashtables and if/else whole, output lines left out', async () => {
    // tests/corpus/articles/app-service/deploy-local-git.md and storage/common/storage-account-keys-manage.md, storage-require-secure-transfer.md
    const t = await run(
      'ps.md',
      [
        '# PowerShell page',
        '',
        '```powershell-interactive',
        '$PropertiesObject = @{',
        '    scmType = "LocalGit";',
        '}',
        '',
        'Set-AzResource -PropertyObject $PropertiesObject -ResourceGroupName <group-name> `',
        '-ResourceType Microsoft.Web/sites/config -ResourceName <app-name>/web `',
        '-ApiVersion 2015-08-01 -Force',
        '```',
        '',
        '```azurepowershell',
        '# Check the keys first.',
        'if ($account.KeyCreationTime.Key1 -eq $null)',
        '{',
        '    Write-Host("You must regenerate both keys")',
        '}',
        'else',
        '{',
        '    $account = Set-AzStorageAccount -ResourceGroupName $rgName -Name $accountName',
        '}',
        '```',
        '',
        '```powershell',
        'Get-AzStorageAccount -Name "{StorageAccountName}" -ResourceGroupName "{ResourceGroupName}"',
        'StorageAccountName     : {StorageAccountName}',
        'EnableHttpsTrafficOnly : False',
        '...',
        '',
        'curl -Uri https://example.com/x -Method GET',
        '```',
        '',
      ].join('\n'),
    );
    expect(t.steps.map((s) => s.raw.split('\n')[0])).toEqual([
      '$PropertiesObject = @{',
      'Set-AzResource -PropertyObject $PropertiesObject -ResourceGroupName <group-name> `',
      'if ($account.KeyCreationTime.Key1 -eq $null)',
      'Get-AzStorageAccount -Name "{StorageAccountName}" -ResourceGroupName "{ResourceGroupName}"',
      'curl -Uri https://example.com/x -Method GET',
    ]);
    expect(t.steps[2]?.raw.split('\n')).toHaveLength(8);
    // The hashtable assignment runs (src/run/powershell/: PowerShell runs when every command has an
    // equivalent); Set-AzResource, the if statement, a {Name} placeholder and PowerShell's curl
    // (Invoke-WebRequest) are not modelled.
    expect(t.steps[0]?.verdict).toBe('pass');
    for (const s of t.steps.slice(1)) {
      expect(s.verdict).toBe('unsupported');
      expect(s.unsupported).toBe('language');
      expect(s.reason).toMatch(/PowerShell/);
    }
    // No --set asked for PowerShell's variables or the statements' placeholders; no JSON read from @{ }.
    expect(t.problems ?? []).toEqual([]);
    expect(t.findings.filter((f) => f.rule === 'json-example-invalid')).toEqual([]);
  });

  it('reads PowerShell syntax in a bash block as PowerShell', async () => {
    // tests/corpus/includes/app-service-deploy-zip-push-rest.md
    const t = await run('ps-in-bash.md', ['# Page', '', '```bash', '$username = "<deployment-user>"', '$apiUrl = "https://<app-name>.scm.azurewebsites.net/api/deployments"', '```', ''].join('\n'));
    // Two PowerShell assignments, run as PowerShell since src/run/powershell/ (bash would look for a command named '$username').
    expect(t.steps.map((s) => [s.verdict, s.unsupported])).toEqual([
      ['pass', undefined],
      ['pass', undefined],
    ]);
  });
});

describe('programs in a shell block', () => {
  it('lists git and func commands as steps the http engine does not run', async () => {
    // tests/corpus/articles/app-service/deploy-local-git.md, azure-functions/create-first-function-cli-node.md
    const t = await run('programs.md', ['# Page', '', '```bash', 'git clone https://github.com/Azure-Samples/nodejs-docs-hello-world.git', 'func new', '```', ''].join('\n'));
    expect(t.steps.map((s) => [s.raw, s.verdict, s.unsupported])).toEqual([
      ['git clone https://github.com/Azure-Samples/nodejs-docs-hello-world.git', 'unsupported', 'shell-construct'],
      ['func new', 'unsupported', 'shell-construct'],
    ]);
    expect(t.steps[0]?.reason).toMatch(/--engine shell runs this/);
  });

  it('reads if/for compounds whole (their bodies never run on their own) and sets plain name=value variables', async () => {
    // tests/corpus/articles/storage/blobs/blob-containers-cli.md and storage/common/storage-account-keys-manage.md
    const t = await run(
      'compound.md',
      [
        '# Page',
        '',
        '```azurecli',
        'containerPrefix="demo-container-"',
        'for value in {2..5}',
        'do',
        '    echo $containerPrefix$value',
        'done',
        '',
        'if [ -z "$containerPrefix" ]; ',
        'then',
        '    echo "empty"',
        'else',
        '    echo "set" > out.txt',
        'fi',
        '```',
        '',
      ].join('\n'),
    );
    expect(t.steps.map((s) => [s.line.start, s.line.end, s.verdict, s.unsupported])).toEqual([
      [4, 4, 'pass', undefined],
      [5, 8, 'unsupported', 'shell-construct'],
      [10, 15, 'unsupported', 'shell-construct'],
    ]);
    // The loop variable is the loop's own: nothing asks for --set VALUE.
    expect(t.problems ?? []).toEqual([]);
  });

  it('blocks an upload of a file no step creates (the page assumes it) and runs it once touch creates it', async () => {
    // tests/corpus/articles/storage/blobs/storage-quickstart-blobs-cli.md and storage-blob-event-quickstart.md
    const upload = 'az storage blob upload --account-name <STORAGE ACCOUNT> --container-name <CONTAINER> --name testfile.txt --file testfile.txt --auth-mode login';
    const missing = await run('missing-file.md', ['# Page', '', '```azurecli', upload, '```', ''].join('\n'));
    const step = missing.steps.find((s) => s.raw === upload);
    expect(step?.verdict).toBe('blocked');
    expect(step?.reason).toMatch(/needs the local file testfile\.txt, which no earlier step of the page creates/);
    const touched = await run('touch.md', ['# Page', '', '```azurecli', 'touch testfile.txt', upload, '```', ''].join('\n'));
    expect(touched.steps[0]).toMatchObject({ raw: 'touch testfile.txt', kind: 'shell', verdict: 'pass' });
    expect(touched.steps[1]?.reason ?? '').not.toMatch(/local file|No such file/);
  });
});
