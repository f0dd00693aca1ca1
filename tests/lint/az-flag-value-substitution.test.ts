// Regression: `az ad sp delete --id $(az aks show … -o tsv)` was reported as "--id has no value" (a false
// error-level finding): the simple command ends where the command substitution starts, but bash gives
// --id the substitution's output. Text from MicrosoftDocs/azure-docs articles/aks/kubernetes-service-principal.md
// @c6b61df826ab9de4ad1b84765c894396e884181d (line 132, inside a list item).
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const rule = (text: string) => lintText(text, 'docfx', 'sp.md').filter((f) => f.rule === 'az-flag-without-value');

describe('az-flag-without-value and command substitution', () => {
  it('an option whose value is $( … ) has a value', () => {
    const page = ['# SP', '', '- item', '    - sub:', '', '        ```azurecli',
      '        az ad sp delete --id $(az aks show -g myResourceGroup -n myAKSCluster --query servicePrincipalProfile.clientId -o tsv)',
      '        ```', ''].join('\n');
    expect(rule(page)).toEqual([]);
  });
  it('still reports an option left bare before a pipe', () => {
    const page = ['# SP', '', '```azurecli', 'az ad sp delete --id | cat', '```', ''].join('\n');
    expect(rule(page).map((f) => f.line)).toEqual([4]);
  });
});
