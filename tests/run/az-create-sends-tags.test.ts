// Defect: `az identity create --tags …` (and `az keyvault create`, `az keyvault secret set`) took
// --tags but the REST equivalent never sent them: the created resource had no tags, and what the page
// shows or a later step filters by tag was judged against a resource az would not have made. Every
// equivalent whose command takes --tags in the az reference table now sends them; each sends them
// to the emulator for real, and the answer shows them.
import { describe, expect, it } from 'vitest';
import { azCommand } from '../../src/reference/az-table.ts';
import { AZ_COMMANDS } from '../../src/run/az/index.ts';
import { azHarness } from './az-harness.ts';

const h = azHarness('tc-az-tags-');
const EXERCISED = [
  'az group create --name rg-tags --location eastus --tags env=test team=docs',
  'az identity create --resource-group rg-tags --name id-tags --tags env=test team=docs',
  'az keyvault create --resource-group rg-tags --name kv-tags-4242 --enable-rbac-authorization false --tags env=test team=docs',
  'az keyvault secret set --vault-name kv-tags-4242 --name s1 --value hello --tags env=test team=docs',
  'az storage account create --resource-group rg-tags --name sttags4242 --sku Standard_LRS --tags env=test team=docs',
  'az appservice plan create --resource-group rg-tags --name plan-tags --tags env=test team=docs',
  'az functionapp plan create --resource-group rg-tags --name fplan-tags --sku EP1 --tags env=test team=docs',
];

describe('defect: an az create that takes --tags did not send them in its REST equivalent', () => {
  it('the equivalents that accept --tags are exactly the ones exercised below; one whose command takes --tags without declaring it is unsupported when given them, never silent', async () => {
    // az tag create/update set tags on another resource (Microsoft.Resources/tags), their whole job:
    // tests/run/az-resource-role-equivalents.test.ts checks what they send.
    const declaring = AZ_COMMANDS.filter((m) => m.path[0] !== 'tag' && m.options.some((o) => o.dest === 'tags')).map((m) => m.path.join(' '));
    expect(declaring.sort()).toEqual(EXERCISED.map((c) => /^az ((?:[a-z]+ )+?)--/.exec(c)![1]!.trim()).sort());
    const undeclared = AZ_COMMANDS.filter((m) => !m.options.some((o) => o.dest === 'tags') && azCommand(m.path.join(' '))?.parameters.some((p) => p.names.includes('--tags')));
    expect(undeclared.map((m) => m.path.join(' '))).toContain('storage blob upload');
    const ran = await h.run('az storage blob upload --account-name sttags4242 --container-name c --name b --file f.txt --tags env=test');
    expect(ran.error?.kind).toBe('unsupported');
    expect(ran.error?.message).toMatch(/az accepts --tags on 'az storage blob upload', but the REST equivalent here does not model it/);
  }, 120_000);

  it('each sends --tags in its PUT body and az prints them back from the answer', async () => {
    expect((await h.run(EXERCISED[0]!)).output?.exitCode).toBe(0);
    for (const command of EXERCISED.slice(1)) {
      const ran = await h.run(command);
      expect(ran.error, `${command}: ${ran.output?.stderr}`).toBeUndefined();
      const sent = ran.exchanges.filter((e) => e.request.method === 'PUT' && e.request.body).map((e) => JSON.parse(e.request.body!) as { tags?: unknown });
      expect(sent.at(-1)?.tags, `${command}: the PUT body`).toEqual({ env: 'test', team: 'docs' });
      expect(ran.output?.stdout, `${command}: ${ran.output?.stderr}`).toMatch(/^\{/);
      expect((JSON.parse(ran.output!.stdout) as { tags?: unknown }).tags, `${command}: what az prints`).toEqual({ env: 'test', team: 'docs' });
    }
  }, 120_000);
});
