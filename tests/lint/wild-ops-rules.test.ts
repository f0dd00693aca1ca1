// Issue 16 session 17 (wild-ops): recall on reader-reported defects of Site Recovery pages (tests/fresh).
// - json-example-invalid: a PowerShell loop written as indented code in a list item (no fence language) was
//   read as JSON examples: five false errors on azure-docs site-recovery/hyper-v-vmm-powershell-resource-manager.md
//   (klmnden/azure-docs.tr-tr @a7c61246df92, the 2019 version azure-docs#31198 reports).
// - powershell-dollar-space: "$ RecoveryRG.ResourceId" on site-recovery/azure-to-azure-powershell.md
//   (nsrau/azure-docs.it-it @cff4464d8c81, the October 2018 version azure-docs#16664 reports).
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const HYPER_V_VMM = 'tests/fresh/articles/site-recovery/hyper-v-vmm-powershell-resource-manager.md';
const rule = 'json-example-invalid';

describe('json-example-invalid: a PowerShell statement block in unfenced code is not JSON', () => {
  it('silent on the do { … }While(…) and if(…) { … } loops of hyper-v-vmm-powershell-resource-manager.md (lines 102-109, 152-162, 263-275)', () => {
    const text = readRepoFile(HYPER_V_VMM);
    expect(text).toContain('       do\n       {\n         $isNotInstalled = $true;\n         if(Test-Path $installationRegPath)\n         {\n');
    expect(text).toContain('    Do\n    {\n        $job = Get-AzureSiteRecoveryJob -Id $associationJob.JobId;\n        Write-Host "Job State:{0}, StateDescription:{1}"');
    expect(ruleFindings(rule, HYPER_V_VMM)).toEqual([]);
  });
  it('the same block without its control header is read as JSON again, and reported where JSON.parse stops', () => {
    const text = readRepoFile(HYPER_V_VMM);
    const wrong = text.replace('       do\n       {\n', '       {\n');
    const brace = wrong.split('\n').indexOf('       {') + 1;
    expect(ruleFindings(rule, HYPER_V_VMM, wrong).map((h) => [h.line, h.severity])).toEqual([[brace + 1, 'error']]);
  });
  it('a header must be a whole control line: a JSON object after prose is still judged', () => {
    const page = 'The body is:\n\n    {\n      "name": "x",\n    }\n\nDo the following.\n\n    {\n      "name": "y",\n    }\n';
    expect(ruleFindings(rule, 'p.md', page).map((h) => h.severity)).toEqual(['error', 'error']);
  });
});

const A2A = 'tests/fresh/articles/site-recovery/azure-to-azure-powershell.md';

describe('powershell-dollar-space', () => {
  const dollar = 'powershell-dollar-space';
  it('azure-to-azure-powershell.md (October 2018, azure-docs#16664): "$ RecoveryRG.ResourceId" in both disk replication configurations, and not the correct uses of the same variable', () => {
    const text = readRepoFile(A2A);
    const lines = text.split('\n');
    const slips = lines.flatMap((l, i) => (l.includes('-RecoveryResourceGroupId  $ RecoveryRG.ResourceId') ? [i + 1] : []));
    expect(slips).toHaveLength(2);
    expect(lines.filter((l) => l.includes('-RecoveryResourceGroupId $RecoveryRG.ResourceId'))).toHaveLength(2);
    const hits = ruleFindings(dollar, A2A);
    expect(hits.map((h) => [h.line, h.severity, h.suggestion])).toEqual(slips.map((l) => [l, 'warning', '$RecoveryRG.ResourceId']));
    expect(hits[0]?.message).toMatch(/-RecoveryResourceGroupId is given the string "\$" and RecoveryRG\.ResourceId becomes a separate argument passed by position/);
  });
  it('silent on the same page with the blank removed (the fix of azure-docs PR 29062)', () => {
    const fixed = readRepoFile(A2A).replaceAll('$ RecoveryRG.ResourceId', '$RecoveryRG.ResourceId');
    expect(ruleFindings(dollar, A2A, fixed)).toEqual([]);
  });
  it('a "$" inside quotes, or before something that is no name, is not a variable slip', () => {
    const page = '```azurepowershell\nWrite-Output "Cost: $ 5"\nWrite-Output \'$ sign\'\nNew-AzTag -ResourceId $id -Tag @{ price = "$ 10" }\n```\n';
    expect(ruleFindings(dollar, 'q.md', page)).toEqual([]);
  });
});
