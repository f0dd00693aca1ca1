// defect: container-registry-tutorial-github-verify-notation-artifact-signing.md (tests/fresh, the
// parent of MicrosoftDocs/azure-management-docs 34a7d0740 "fixed roles") runs
// az role assignment create … --role "acrpush" --role "acrpull": argparse stores each occurrence of
// --role over the previous one, so only acrpull is assigned and the workflow cannot push.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const repeated = (text: string, file = 'tests/lint/fixtures/t.md') => lintText(text, 'docfx', file).filter((f) => f.rule === 'az-option-repeated');
const page = (...lines: string[]) => ['# Page', '', '```azurecli', ...lines, '```', ''].join('\n');

describe('az-option-repeated', () => {
  it('reports a single-valued option given twice, on the second, naming the value az drops', () => {
    const f = repeated(page('az role assignment create --assignee $ID --scope $SCOPE --role acrpush --role acrpull', 'az group create -n one -l westus --name two'));
    expect(f.map((x) => [x.line, x.severity])).toEqual([[4, 'warning'], [5, 'warning']]);
    expect(f[0]?.message).toMatch(/--role is given twice.*"acrpush" is silently dropped/);
    expect(f[1]?.message).toMatch(/--name is given twice \(-n one on line 5, --name two here\)/);
  });
  it('reports the fix commit\'s page (tests/fresh notation tutorial) on both role lines', () => {
    const p = 'tests/fresh/articles/container-registry/container-registry-tutorial-github-verify-notation-artifact-signing.md';
    expect(repeated(read(p), p).map((x) => x.line)).toEqual([79, 97]);
  });
  it('silent on options that gather their occurrences: reference "multiple times" options, generic update --set, deployment --parameters, flags and lists', () => {
    expect(
      repeated(
        page(
          'az acr build --registry r --image a:v1 --image a:latest --build-arg A=1 --build-arg B=2 .',
          'az resource update --ids $ID --set properties.a=1 --set properties.b=2',
          'az deployment group create -g rg --template-file main.bicep --parameters a=1 --parameters @p.json',
          'az login --identity --identity',
          'az vm list --query "[].name" --output tsv',
        ),
      ),
    ).toEqual([]);
  });
  it('silent on a real page that gives each option once (role-assignments-cli.md: 22 az role assignment create)', () => {
    const p = 'tests/corpus/articles/role-based-access-control/role-assignments-cli.md';
    expect(read(p).match(/az role assignment create/g)?.length).toBeGreaterThan(5);
    expect(repeated(read(p), p)).toEqual([]);
  });
});
