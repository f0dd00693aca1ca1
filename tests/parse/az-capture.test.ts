// VAR=$(az … | tr -d SET) is read as the az command and the characters tr deletes (tr(1)'s escapes
// \r \n \t \\); a pipeline with anything else after az, or a tr set with ranges or classes, is not an
// az capture (bash runs it: the http engine says shell-construct).
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import type { ShellAction } from '../../src/model.ts';

function action(line: string): ShellAction {
  const t = parseTutorialText(['# T', '', '```azurecli', line, '```', ''].join('\n'), 't.md');
  const step = t.steps[0];
  if (step?.kind !== 'shell') throw new Error(`not a shell step: ${step?.kind}`);
  return step.shell;
}

describe('az captures', () => {
  it('reads az alone, through tr -d \'"\', and through tr -d \'\\r\' (export too)', () => {
    expect(action('KEY=$(az storage account keys list -n acct --query "[0].value" -o tsv)')).toMatchObject({ kind: 'assign', variable: 'KEY', az: { argv: ['storage', 'account', 'keys', 'list', '-n', 'acct', '--query', '[0].value', '-o', 'tsv'] } });
    expect(action('KEY=$(az storage account keys list -n acct -o tsv)')).not.toHaveProperty('trDelete');
    expect(action('NAME=$(az storage account show -n acct --query name | tr -d \'"\')')).toMatchObject({ az: { argv: ['storage', 'account', 'show', '-n', 'acct', '--query', 'name'] }, trDelete: '"' });
    expect(action('export NAME=$(az group show -n g --query name -o tsv | tr -d \'\\r\')')).toMatchObject({ variable: 'NAME', trDelete: '\r' });
  });

  it('leaves other pipelines and tr sets it does not read exactly to bash', () => {
    for (const line of ['X=$(az group show -n g | jq -r .name)', 'X=$(az group show -n g | tr -d \'[:space:]\')', 'X=$(az group show -n g | tr -d \'a-z\')', 'X=$(az group show -n g | tr \'"\' x)', 'X=$(az group show -n g; az group list)']) {
      expect(action(line), line).not.toHaveProperty('az');
    }
  });
});
