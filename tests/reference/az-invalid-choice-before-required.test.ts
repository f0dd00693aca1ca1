// defect: a precision sweep (MicrosoftDocs/azure-security-docs @1c4310be, articles/confidential-ledger/
// create-blob-managed-app.md:115) — `--assignee-principal-type ServicePrincipal\` with `--scope` in column 1 under
// it: bash joins them into one word, ServicePrincipal--scope. The run said az stops with "the following arguments
// are required: --scope", but argparse checks a value against the option's choices as it reads the option, before
// the required check: az prints "az role assignment create: 'ServicePrincipal--scope' is not a valid value for
// '--assignee-principal-type'. Allowed values: …" (Azure/azure-cli src/azure-cli-core/azure/cli/core/parser.py
// _check_value). The fail was right, its reason was not what az prints.
import { describe, expect, it } from 'vitest';
import { azArgumentError, enumRejects, readAzArgv } from '../../src/reference/az-args.ts';

const error = (line: string, show?: (w: string) => string) => azArgumentError(line.split(' '), undefined, show);

describe('az: a value outside the choices is refused before missing required arguments', () => {
  it('names the joined word and the allowed values, as azure-cli parser.py does', () => {
    expect(error('role assignment create --assignee 00000000-0000-0000-0000-000000000000 --role Reader --assignee-principal-type ServicePrincipal--scope')).toMatch(
      /^az role assignment create: 'ServicePrincipal--scope' is not a valid value for '--assignee-principal-type'\. Allowed values: .*ServicePrincipal.*\.$/,
    );
  });
  it('a value in another letter case is accepted (CaseInsensitiveList); then the missing --scope is what az says', () => {
    expect(error('role assignment create --assignee 00000000-0000-0000-0000-000000000000 --role Reader --assignee-principal-type serviceprincipal')).toMatch(/^the following arguments are required: --scope/);
  });
  it('a placeholder or a variable is not judged (the reader fills it in)', () => {
    expect(error('role assignment create --assignee x --role Reader --scope /s --assignee-principal-type <principal-type>')).toBeUndefined();
    expect(error('role assignment create --assignee x --role Reader --scope /s --assignee-principal-type $TYPE', (w) => (w === '$TYPE' ? 'Nonsense' : w))).toBeUndefined();
  });
  it('a value an extension\'s definition accepts is not refused (az aks create --os-sku AzureLinuxOSGuard, aks-preview)', () => {
    const read = readAzArgv('aks create -g g -n n --os-sku AzureLinuxOSGuard'.split(' '));
    const o = read.options.find((x) => x.written === '--os-sku');
    expect(o?.lookup.kind).toBe('parameter');
    if (o?.lookup.kind === 'parameter') expect(enumRejects(o.lookup.parameter, 'AzureLinuxOSGuard')).toBe(false);
  });
});
