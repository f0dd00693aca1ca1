// defect: a closing precision sweep (MicrosoftDocs/azure-aks-docs @fb060abe, articles/aks/nat-gateway.md:192) —
// `export IDENTITY_ID=$(az identity create … --query id --output tsv)` then "Example output:" with the id. The
// assignment prints nothing, and the drift said 'the response is ""': the example shows the value the variable
// holds. It is now compared with that value (the page's example there lacks "/subscriptions", a real drift), and a
// GUID masked with x's in a text example (/subscriptions/xxxxxxxx-xxxx-…) is compared by shape, as a real GUID is.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-assign-example-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function assignment(name: string, shown: string) {
  const file = join(dir, name);
  writeFileSync(file, ['# Group id', '', '```azurecli', 'export RG_ID=$(az group create --name assignrg --location eastus --query id --output tsv)', '```', '', 'Example output:', '', '```output', shown, '```', ''].join('\n'));
  const { report } = await runTutorials({ paths: [file] });
  return report.tutorials[0]?.steps.find((s) => s.raw.startsWith('export RG_ID'));
}

describe('an example after VAR=$(…) shows the value the variable holds', () => {
  it('passes when the example shows that value', async () => {
    expect((await assignment('ok.md', '/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/resourceGroups/assignrg'))?.verdict).toBe('pass');
  });
  it('drifts on the value, not on an empty response, when the example differs', async () => {
    const step = await assignment('drift.md', '/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/resourceGroups/assignrg');
    expect(step?.verdict).toBe('drift');
    expect(step?.reason).toMatch(/the response is "\/subscriptions\//);
  });
});
