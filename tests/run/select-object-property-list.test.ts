// defect: a closing precision sweep (MicrosoftDocs/azure-security-docs @1c4310be, articles/cloud-hsm/
// tutorial-configure-event-hub.md:51) — `Get-AzResourceGroup -Name "<resource-group>" | Select-Object
// ResourceGroupName, Location` failed with "A positional parameter cannot be found that accepts argument
// 'ResourceGroupName, Location'": the tool's Select-Object knew only -ExpandProperty, while the real cmdlet binds
// a positional list to -Property (position 0). A false fail; the step is now said unsupported (not modelled).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-select-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Select-Object binds a positional property list to -Property', () => {
  it('is unsupported (not modelled), never a fail; -ExpandProperty still runs', async () => {
    const file = join(dir, 'select.md');
    const block = (s: string) => ['```azurepowershell-interactive', s, '```', ''];
    writeFileSync(file, ['# PowerShell page', '', ...block('New-AzResourceGroup -Name selrg -Location eastus'), ...block('Get-AzResourceGroup -Name selrg | Select-Object ResourceGroupName, Location'), ...block('Get-AzResourceGroup -Name selrg | Select-Object -ExpandProperty Location')].join('\n'));
    const { report } = await runTutorials({ paths: [file] });
    const steps = report.tutorials[0]?.steps ?? [];
    const listed = steps.find((s) => s.raw.includes('Select-Object ResourceGroupName'));
    expect(listed?.verdict).toBe('unsupported');
    expect(listed?.reason).toMatch(/-Property makes objects of the listed properties/);
    const expanded = steps.find((s) => s.raw.includes('-ExpandProperty'));
    expect(expanded?.verdict).toBe('pass');
    expect(expanded?.output?.stdout).toBe('eastus\n');
  });
});
