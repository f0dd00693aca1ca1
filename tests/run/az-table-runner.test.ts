// The runner decides az steps by the Azure CLI's own command table (src/reference): a real command
// without a REST equivalent here is `unsupported`, not "not in the command group"; an extension's
// command names its extension; a command that left the reference is `unsupported` with the day it left;
// az's own errors (unknown word, a parameter az rejects or misses) fail before any request is sent.
// The emulator target is real; usage and unsupported outcomes must not send anything.
import { describe, expect, it } from 'vitest';
import { azHarness } from './az-harness.ts';
import { AZ_COMMANDS } from '../../src/run/az/index.ts';
import { azCommand, parameter } from '../../src/reference/az-table.ts';

const h = azHarness('tc-az-table-');

const run = (text: string) => h.run(text);

describe('real az commands without an equivalent here are unsupported, never "not in the command group"', () => {
  it.each([
    'az group update --name ContosoResourceGroup --tags team=docs',
    'az keyvault set-policy --name myvault --upn user@example.com --secret-permissions get list',
    'az resource show --ids /subscriptions/x/resourceGroups/rg/providers/Microsoft.Web/sites/app',
    'az container create -g rg -n c --image mcr.microsoft.com/azuredocs/aci-helloworld --assign-identity',
    'az role definition delete --name "Reader Support Tickets"',
  ])('%s', async (text) => {
    const out = await run(text);
    expect(out.error).toMatchObject({ kind: 'unsupported', unsupported: 'az-no-equivalent' });
    expect(out.error?.message).toMatch(/is a real az command this tool has no REST equivalent for/);
    expect(out.exchanges).toEqual([]);
  });

  it('an extension command is unsupported and names its extension', async () => {
    const out = await run('az containerapp add-on list -g rg --environment env');
    expect(out.error).toMatchObject({ kind: 'unsupported', unsupported: 'az-extension' });
    expect(out.error?.message).toMatch(/the 'containerapp' Azure CLI extension/);
  });

  it('a command that left the reference (az group deployment create: deprecated, still run by az) is unsupported with the day it left, never a fail', async () => {
    const out = await run('az group deployment create --resource-group rg --template-file azuredeploy.json');
    expect(out.error).toMatchObject({ kind: 'unsupported', unsupported: 'az-no-equivalent' });
    expect(out.error?.message).toMatch(/'az group deployment create' left the Azure CLI reference on \d{4}-\d\d-\d\d \(MicrosoftDocs\/azure-docs-cli [0-9a-f]{12}\): deprecated or removed, az may still run it \(its last entry said to use 'az deployment group create'\)/);
  });
});

describe("az's own errors fail, in az's words, before any request", () => {
  it('an unknown word gets az\'s message and the nearest real command', async () => {
    const out = await run('az keyvault secrets set --vault-name v --name s --value x');
    expect(out.error?.kind).toBe('az-usage');
    expect(out.error?.message).toMatch(/^'secrets' is misspelled or not recognized by the system\. Did you mean 'secret' \? The nearest real command.*az keyvault secret set/);
    expect(out.output?.exitCode).toBe(2);
    expect(out.exchanges).toEqual([]);
  });

  it('az role assignment create no longer takes --resource-group and requires --scope (the table, not a hand list, knows it)', async () => {
    const out = await run('az role assignment create --role Reader --assignee someone@example.com --resource-group pharma-sales');
    expect(out.error).toEqual({ kind: 'az-usage', message: 'the following arguments are required: --scope' });
    const unknown = await run('az role assignment create --role Reader --assignee someone@example.com --scope /subscriptions/x --resource-group pharma-sales');
    expect(unknown.error).toEqual({ kind: 'az-usage', message: 'unrecognized arguments: --resource-group pharma-sales' });
  });

  it('checks the arguments of a command it has no equivalent for: a value missing is az\'s error, a flag is not', async () => {
    expect((await run('az group create --location eastus --name')).error).toEqual({ kind: 'az-usage', message: 'argument --name/--resource-group/-g/-n: expected one argument' });
    expect((await run('az group update --tags team=docs --name')).error).toEqual({ kind: 'az-usage', message: 'argument --name/--resource-group/-g/-n: expected one argument' });
    expect((await run('az group wait --name rg --deleted')).error?.kind).toBe('unsupported');
  });

  it('a command group given as a command says what az does with it', async () => {
    const out = await run('az keyvault secret');
    expect(out.error?.kind).toBe('az-usage');
    expect(out.error?.message).toMatch(/^'az keyvault secret' is a command group, not a command: az prints its help \(commands backup, delete, download, list, list-deleted, list-versions, …\) and runs nothing$/);
  });

  // A false fail on fhir-paas-cli-quickstart.md (tests/fresh): "Get a list of commands for HealthcareAPIs: az healthcareapis --help".
  it.each(['az healthcareapis --help', 'az keyvault secret -h', 'az group create --help', 'az role assignment create -h --role Reader'])(
    '%s asks for the help text: az prints it and exits 0, never a failure (no required-argument or group error)',
    async (text) => {
      const out = await run(text);
      expect(out.error).toMatchObject({ kind: 'unsupported', unsupported: 'az-no-equivalent' });
      expect(out.error?.message).toMatch(/az prints the help of 'az [a-z ]+' \(the page asks for it with -h\/--help\) and exits 0/);
      expect(out.exchanges).toEqual([]);
    },
  );
});

describe('parameters by the table, for the commands that have an equivalent', () => {
  it('az login --identity is a flag: nothing after it is taken as its value', async () => {
    const out = await run('az login --identity');
    expect(out.error).toBeUndefined();
    expect(out.output?.exitCode).toBe(0);
  });

  it('an option az accepts but the equivalent does not model is unsupported, not "unrecognized"', async () => {
    const out = await run('az identity create -g mi-test -n test-uami --isolation-scope Regional');
    expect(out.error).toMatchObject({ kind: 'unsupported', unsupported: 'az-no-equivalent' });
    expect(out.error?.message).toMatch(/az accepts --isolation-scope on 'az identity create', but the REST equivalent here does not model it/);
    expect(out.exchanges).toEqual([]);
  });

  it('every equivalent is a command of the table, and each option it reads is a parameter of that command', () => {
    for (const m of AZ_COMMANDS) {
      const info = azCommand(m.path.join(' '));
      expect(info, m.path.join(' ')).toBeDefined();
      for (const o of m.options) {
        const known = o.names.filter((n) => parameter(info!, n).kind === 'parameter');
        expect(known.length, `${m.path.join(' ')} ${o.names.join('/')}`).toBeGreaterThan(0);
      }
    }
  });
});
