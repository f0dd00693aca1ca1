// defect: shell-unassigned-variable said "no step this tool can read assigns $randomIdentifier" of
// the fresh Redis CLI sample (articles/azure-cache-for-redis/scripts/create-manage-cache.md), whose
// variable block assigns it with `let "randomIdentifier=$RANDOM*$RANDOM"`: each argument of bash's
// `let` is an arithmetic assignment. A variable no line assigns is still reported.
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const page = (first: string) => ['# T', '', '```azurecli', first, 'resourceGroup="msdocs-rg-$randomIdentifier"', 'az group create --name $resourceGroup --location eastus', '```', ''].join('\n');
const unassigned = (text: string) => lintText(text).filter((f) => f.rule === 'shell-unassigned-variable');

describe('let assigns', () => {
  it('the variable of each name=expr argument', () => {
    expect(unassigned(page('let "randomIdentifier=$RANDOM*$RANDOM"'))).toEqual([]);
    expect(unassigned(page('let randomIdentifier=7 other=2'))).toEqual([]);
  });
  it('no other variable', () => {
    expect(unassigned(page('let "other=$RANDOM*$RANDOM"')).map((f) => f.line)).toEqual([5]);
  });
});
