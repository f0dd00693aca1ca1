// az command lines read as az's argparse reads them against the generated table: value kinds in
// three states, inline values and prefixes, argparse's negative numbers, positionals, and az's errors
// in az's order — never one the table is not sure of (evidence `none`).
import { describe, expect, it } from 'vitest';
import { azArgumentError, looksLikeOption, readAzArgv } from '../../src/reference/az-args.ts';
import { azStatus, retiredMessage } from '../../src/reference/az-status.ts';

const argv = (line: string): string[] => line.split(' ');
const error = (line: string): string | undefined => azArgumentError(argv(line));

describe('value kinds', () => {
  it('none: az login --identity takes nothing, so the word after it is no value of it', () => {
    const read = readAzArgv(argv('login --identity --allow-no-subscriptions'));
    expect(read.options.map((o) => [o.written, o.values.length])).toEqual([['--identity', 0], ['--allow-no-subscriptions', 0]]);
    expect(error('login --identity')).toBeUndefined();
    // a word after a flag is a positional: login has none, so az rejects it
    expect(error('login --identity myvalue')).toBe('unrecognized arguments: myvalue');
  });

  it('optional: az vm create --assign-identity takes zero or more values', () => {
    expect(readAzArgv(argv('vm create -g rg -n vm --image Ubuntu2204 --assign-identity')).options.at(-1)?.values).toEqual([]);
    expect(readAzArgv(argv('vm create -g rg -n vm --image Ubuntu2204 --assign-identity [system] /subscriptions/x/id')).options.at(-1)?.values).toEqual([9, 10]);
    expect(error('vm create -g rg -n vm --image Ubuntu2204 --assign-identity')).toBeUndefined();
  });

  it('az tag create --tags takes every key=value after it (core tags_type, nargs=*), though its reference entry does not say space-separated', () => {
    // Regression: tag-resources-cli.md:111 failed with "unrecognized arguments: Status=Normal" once $group had a value.
    expect(readAzArgv(argv('tag create --resource-id /x --tags Dept=Finance Status=Normal')).options.at(-1)?.values).toEqual([5, 6]);
    expect(error('tag create --resource-id /x --tags Dept=Finance Status=Normal')).toBeUndefined();
    expect(error('tag update --resource-id /x --operation Merge --tags CostCenter=00123 Environment=Production')).toBeUndefined();
  });

  it('generic update (--force-string): --remove LIST INDEX, --add LIST KEY=VALUE and --set KEY=VALUE … take every word after them (arm.py nargs=+)', () => {
    // Regression: virtual-nodes-cli.md (azure-aks-docs 2019) "--remove delegations 0" failed with "unrecognized arguments: 0".
    expect(readAzArgv(argv('network vnet subnet update -g rg --vnet-name v -n s --remove delegations 0')).options.at(-1)?.values).toEqual([11, 12]);
    expect(error('network vnet subnet update -g rg --vnet-name v -n s --remove delegations 0')).toBeUndefined();
    expect(error('network vnet subnet update -g rg --vnet-name v -n s --set a=1 b=2')).toBeUndefined();
    // a command without generic update keeps one value per option: a stray word is still az's error
    expect(error('login --identity myvalue')).toBe('unrecognized arguments: myvalue');
  });

  it('required: a value, else "expected one argument"; an option-like word is not a value, a negative number is', () => {
    expect(error('storage blob list --account-name a --container-name c --num-results')).toBe('argument --num-results: expected one argument');
    expect(error('storage blob list --account-name a --container-name c --num-results --auth-mode login')).toBe('argument --num-results: expected one argument');
    expect(looksLikeOption('-5')).toBe(false);
    expect(looksLikeOption('-x')).toBe(true);
    expect(looksLikeOption('- not an option')).toBe(false);
  });

  it('never reports a value missing where only az\'s default says the parameter takes one (evidence none)', () => {
    const read = readAzArgv(argv('login --use-cert-sn-issuer --service-principal -u id -p cert.pem --tenant t'));
    expect(read.options[0]?.missingValue).toEqual({ sure: false });
    expect(azArgumentError(argv('login --use-cert-sn-issuer --service-principal -u id -p cert.pem --tenant t'), read)).toBeUndefined();
  });
});

describe('names as argparse resolves them', () => {
  it('aliases, --name=value, -gvalue and unambiguous prefixes', () => {
    const read = readAzArgv(argv('group create --name=rg -leastus --tag'));
    expect(read.options.map((o) => [o.written, o.inline, o.lookup.kind === 'parameter' ? o.lookup.parameter.names[0] : o.lookup.kind])).toEqual([
      ['--name', 'rg', '--name'],
      ['-l', 'eastus', '--location'],
      ['--tag', undefined, '--tags'],
    ]);
  });

  it('an ambiguous prefix is az\'s error', () => {
    expect(error('storage blob upload --account-name a -c c -f f -n n --con x')).toMatch(/^ambiguous option: --con could match --connection-string, --container-name, --content-/);
  });

  it('positional arguments: az find takes its term, other commands reject stray words', () => {
    expect(error('find secret')).toBeUndefined();
    expect(error('group list extra')).toBe('unrecognized arguments: extra');
  });

  it('required arguments first, then unrecognized ones, in argv order', () => {
    expect(error('role assignment create --role Reader --assignee x --resource-group rg')).toBe('the following arguments are required: --scope');
    expect(error('role assignment create --role Reader --scope /s --bogus 1 --resource-group rg')).toBe('unrecognized arguments: --bogus 1 --resource-group rg');
  });
});

describe('the status of a command path', () => {
  it('a command that left the reference is retired with its day, commit and advice', () => {
    const status = azStatus(argv('webapp deployment source config-zip -g rg -n app --src app.zip'));
    expect(status.kind).toBe('retired');
    if (status.kind !== 'retired') return;
    expect(status.retired).toMatchObject({ path: 'webapp deployment source config-zip', left: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), commit: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(retiredMessage(status.retired)).toMatch(/left the Azure CLI reference on .*deprecated or removed, az may still run it/);
  });

  it('a removal the CLI\'s history proves is az\'s unknown-command error with the citation', () => {
    const status = azStatus(argv('vmss assign-identity -g rg -n ss'));
    expect(status.kind).toBe('removed');
    expect(status.kind === 'removed' && status.message).toMatch(/^'assign-identity' is misspelled or not recognized by the system\. .*PR #5744/);
  });

  it('a word az never knew is unknown, with the nearest real commands', () => {
    const status = azStatus(argv('storage blob uplaod -c c'));
    expect(status.kind).toBe('unknown');
    expect(status.kind === 'unknown' && status.suggestions.map((s) => s.path)).toContain('storage blob upload');
  });
});

describe('a bare "--" ends the options (argparse), it abbreviates none of them', () => {
  // Regression: tutorial-rotate-revoke-customer-managed-keys.md (azure-management-docs @d923d588, line 116
  // "  -- " with no "\") failed with "ambiguous option: -- could match --acquire-policy-token, …"; argparse
  // never looks "--" up as an option (CPython Lib/argparse.py _parse_known_args), and Python 3.11–3.13
  // print "unrecognized arguments: --" for a command without positionals.
  it('az keyvault key delete --name x -- stops with "unrecognized arguments: --", not "ambiguous option"', () => {
    expect(error('keyvault key delete --name x --vault-name v --')).toBe('unrecognized arguments: --');
    expect(error('keyvault key delete --name x --vault-name v -- --object-id y')).toBe('unrecognized arguments: -- --object-id y');
    expect(readAzArgv(argv('keyvault key delete --name x --')).options.map((o) => o.written)).toEqual(['--name']);
  });
});
