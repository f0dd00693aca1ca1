// The Azure CLI command table (src/reference/az-commands.json, generated from the CLI reference) and
// its lookups. These read the committed table only; the byte-for-byte reproduction from the reference
// snapshot is `npx tsx scripts/generate-az-table.ts --check`, run by hand where the snapshot is.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  azCommand,
  azCommandPaths,
  azExtensionMissingMessage,
  azTableAbout,
  hiddenOptions,
  azUnknownCommandMessage,
  findCommand,
  parameter,
  requiredParameters,
  suggest,
  type AzLookup,
  type AzParameter,
} from '../../src/reference/az-table.ts';

const words = (line: string): string[] => line.split(' ');

function command(line: string) {
  const found = findCommand(words(line));
  if (found.kind !== 'command') throw new Error(`${line}: ${found.kind}`);
  return found.command;
}

function param(path: string, flag: string): AzParameter {
  const found = parameter(path, flag);
  if (found.kind !== 'parameter') throw new Error(`${path} ${flag}: ${found.kind}`);
  return found.parameter;
}

describe('the table', () => {
  it('names its source: the azure-docs-cli repository, the commit and its date, and the generator', () => {
    const about = azTableAbout();
    expect(about.source).toBe('https://github.com/MicrosoftDocs/azure-docs-cli');
    expect(about.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(about.commitDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(about.generator).toBe('scripts/generate-az-table.ts');
    expect(existsSync(new URL(`../../${about.generator}`, import.meta.url))).toBe(true);
    expect(about.note).toMatch(/do not edit by hand/);
    // The header is the file's first lines, so a reader of the JSON sees where it comes from.
    const head = readFileSync(new URL('../../src/reference/az-commands.json', import.meta.url), 'utf8').slice(0, 400);
    expect(head).toContain(`"commit": "${about.commit}"`);
    expect(azCommandPaths().length).toBe(about.counts.commands);
  });

  it('finds every command by its own words, and every name of every parameter on that command (lookups walk the path, not the table)', () => {
    let parameters = 0;
    for (const path of azCommandPaths()) {
      const found = findCommand([...words(path), '--some-option', 'value']);
      expect(found.kind === 'command' && found.command.path === path && found.rest.join(' ') === '--some-option value').toBe(true);
      if (found.kind !== 'command') continue;
      for (const p of found.command.parameters) {
        parameters++;
        for (const name of p.positional ? [] : p.names) {
          const r = parameter(found.command, name);
          if (r.kind !== 'parameter' || (r.parameter !== p && !r.parameter.names.includes(name))) throw new Error(`${path} ${name} resolves to ${JSON.stringify(r)}`);
        }
      }
    }
    // the generated table's parameters, and the options az hides that az-hidden-options.json adds to their commands
    expect(parameters).toBe(azTableAbout().counts.parameters + hiddenOptions().length);
  });
});

describe('commands', () => {
  it('knows az group create, az keyvault set-policy, az resource show and az container create (the tool called them unknown before)', () => {
    for (const line of ['group create', 'keyvault set-policy', 'resource show', 'container create']) {
      const c = command(line);
      expect(c.path).toBe(line);
      expect(c.source).toEqual({ kind: 'core' });
    }
  });

  it('returns the words after the command path as the rest', () => {
    const found = findCommand(words('keyvault secret set --vault-name v -n s --value x'));
    expect(found.kind).toBe('command');
    expect(found.kind === 'command' && found.command.path).toBe('keyvault secret set');
    expect(found.rest).toEqual(words('--vault-name v -n s --value x'));
  });

  it('says when the words stop at a group, with its commands and subgroups', () => {
    const found = findCommand(words('keyvault secret'));
    expect(found).toMatchObject({ kind: 'group', path: 'keyvault secret', groups: [] });
    expect(found.kind === 'group' && found.commands).toEqual(expect.arrayContaining(['set', 'show', 'list', 'delete']));
    const vm = findCommand(words('vm --help'));
    expect(vm).toMatchObject({ kind: 'group', path: 'vm', rest: ['--help'] });
    expect(vm.kind === 'group' && vm.groups).toContain('identity');
  });

  it('reports an extension command as from its extension, and a core command an extension redefines as core', () => {
    expect(command('ssh vm').source).toEqual({ kind: 'extension', extension: 'ssh' });
    expect(command('containerapp add-on list').source).toEqual({ kind: 'extension', extension: 'containerapp' });
    const up = command('containerapp up');
    expect(up.source).toEqual({ kind: 'core' });
    expect(up.alsoIn).toEqual(['containerapp']);
    // Where the reference says "extension" without naming it, the table does not invent a name.
    expect(command('account create').source).toEqual({ kind: 'extension', extension: undefined });
    expect(azExtensionMissingMessage('ssh')).toMatch(/^The command requires the extension ssh\. Unable to prompt/);
  });

  it('marks a parameter only an extension adds to a core command with that extension', () => {
    const sa = command('storage account create');
    expect(sa.source).toEqual({ kind: 'core' });
    expect(param('storage account create', '--enable-extended-groups').extension).toBe('storage-preview');
    expect(param('storage account create', '--sku').extension).toBeUndefined();
  });

  it('carries deprecation and where it points: a command of a deprecated group moves with the group', () => {
    const snapshot = command('aks snapshot create');
    expect(snapshot.deprecated).toBe(true);
    expect(snapshot.replacement).toBe('aks nodepool snapshot create');
    expect(command('aks nodepool snapshot create').deprecated).toBe(false);
    expect(suggest(words('aks snapshot create'))).toEqual([{ path: 'aks nodepool snapshot create', why: 'replacement' }]);
    expect(command('keyvault secret show').deprecated).toBe(false);
  });

  it('lists the parameters az requires', () => {
    expect(requiredParameters('group create').map((p) => p.names[0])).toEqual(['--location', '--name']);
    expect(param('group create', '--resource-group').required).toBe(true);
  });
});

describe('unknown commands', () => {
  it('az vm assign-identity: unknown, az\'s own wording, and the suggestion az vm identity assign', () => {
    const found = findCommand(words('vm assign-identity -g rg -n vm'));
    expect(found).toEqual({ kind: 'unknown', group: 'vm', word: 'assign-identity', rest: words('-g rg -n vm') });
    const unknown = found as Extract<AzLookup, { kind: 'unknown' }>;
    // difflib finds no vm subcommand at cutoff 0.7 ('identity' scores 0.696), so az adds no "Did you mean".
    expect(azUnknownCommandMessage(unknown)).toEqual({ message: "'assign-identity' is misspelled or not recognized by the system.", recommendations: [] });
    expect(suggest(words('vm assign-identity -g rg -n vm'))).toEqual([{ path: 'vm identity assign', why: 'reordered' }]);
  });

  it('a misspelt word: az\'s "Did you mean" line (difflib, cutoff 0.7) and the nearest real command', () => {
    const found = findCommand(words('keyvalt secret set'));
    expect(found).toMatchObject({ kind: 'unknown', group: '', word: 'keyvalt' });
    expect(azUnknownCommandMessage(found as Extract<AzLookup, { kind: 'unknown' }>).recommendations).toEqual(["Did you mean 'keyvault' ?"]);
    expect(suggest(words('keyvalt secret set'))).toEqual([{ path: 'keyvault secret set', why: 'similar' }]);
    expect(suggest(words('storage blob uplod --file f'))[0]).toEqual({ path: 'storage blob upload', why: 'similar' });
  });

  it('regression: names of Object.prototype are no commands (the table is a parsed JSON object)', () => {
    expect(findCommand(['constructor'])).toMatchObject({ kind: 'unknown', word: 'constructor' });
    expect(findCommand(['vm', '__proto__'])).toMatchObject({ kind: 'unknown', group: 'vm', word: '__proto__' });
    expect(azCommand('toString')).toBeUndefined();
    expect(parameter('vm create', 'constructor')).toEqual({ kind: 'unknown', written: 'constructor' });
  });

  it('suggests nothing rather than an unrelated command', () => {
    expect(suggest(words('vm assign-msi'))).toEqual([]);
    expect(suggest(words('frobnicate widgets'))).toEqual([]);
  });
});

describe('parameters', () => {
  it('az login --identity takes no value', () => {
    expect(param('login', '--identity')).toMatchObject({ value: 'none', evidence: 'command', names: ['--identity', '-i'] });
    expect(param('login', '-i').value).toBe('none');
  });

  it('az vm create --assign-identity takes zero or more values', () => {
    expect(param('vm create', '--assign-identity')).toMatchObject({ value: 'optional', evidence: 'command', multiple: true });
    expect(param('vm identity assign', '--identities').value).toBe('optional');
    // A storage account's --assign-identity is a plain flag: same name, other command, other kind.
    expect(param('storage account create', '--assign-identity').value).toBe('none');
  });

  it('a three-state flag (--flag alone means true) takes zero or one value', () => {
    expect(param('storage account create', '--https-only')).toMatchObject({ value: 'optional', enum: ['false', 'true'] });
  });

  it('-g resolves to --resource-group; --name=value and -gvalue carry their value', () => {
    expect(param('vm create', '-g').names).toContain('--resource-group');
    expect(parameter('vm create', '--resource-group=rg')).toMatchObject({ kind: 'parameter', written: '--resource-group', inlineValue: 'rg', abbreviated: false });
    expect(parameter('vm create', '-grg')).toMatchObject({ kind: 'parameter', written: '-g', inlineValue: 'rg' });
  });

  it('resolves an unambiguous prefix as argparse does, and names the candidates of an ambiguous one', () => {
    expect(parameter('group create', '--resource-gr')).toMatchObject({ kind: 'parameter', abbreviated: true, written: '--resource-gr' });
    expect(parameter('vm create', '--sub')).toEqual({ kind: 'ambiguous', written: '--sub', candidates: ['--subnet', '--subnet-address-prefix', '--subscription'] });
    expect(parameter('vm create', '--no-such-option')).toEqual({ kind: 'unknown', written: '--no-such-option' });
  });

  it('resolves the global parameters a command takes, and not the ones it does not', () => {
    expect(param('vm create', '--output')).toMatchObject({ global: true, value: 'required', enum: ['json', 'jsonc', 'none', 'table', 'tsv', 'yaml', 'yamlc'] });
    expect(param('vm create', '--only-show-errors')).toMatchObject({ global: true, value: 'none' });
    expect(param('vm create', '-h').value).toBe('none');
    expect(param('group create', '--subscription').global).toBe(true);
    // az login's --subscription is its own option (-s), and az login takes no global one.
    expect(param('login', '--subscription')).toMatchObject({ global: false, names: ['--subscription', '-s'] });
  });

  it('lists enum values', () => {
    expect(param('storage account create', '--sku').enum).toEqual(expect.arrayContaining(['Standard_LRS', 'Standard_GRS', 'Premium_LRS']));
    expect(param('keyvault set-policy', '--secret-permissions')).toMatchObject({ multiple: true, enum: expect.arrayContaining(['get', 'list', 'set']) });
    // Values joined with ", " in the reference may hold a bare comma.
    expect(param('storage account create', '--identity-type').enum).toContain('SystemAssigned,UserAssigned');
  });

  it('says which names are deprecated', () => {
    const found = parameter('ad sp create-for-rbac', '--sdk-auth');
    expect(found).toMatchObject({ kind: 'parameter', deprecatedName: true });
    expect(parameter('ad sp create-for-rbac', '--json-auth')).toMatchObject({ kind: 'parameter', deprecatedName: false });
  });

  it('says when nothing in the reference tells whether a parameter takes a value', () => {
    // --use-cert-sn-issuer is a store_true flag whose default az does not print: the table does not guess.
    expect(param('login', '--use-cert-sn-issuer')).toMatchObject({ value: 'required', evidence: 'none' });
  });
});
