// defect: the PowerShell reader split `-dnsPrefix=<dns-prefix>` into the parameter -dnsPrefix and a value
// "=<dns-prefix>", which PowerShell never does: its tokenizer (ScanParameter) ends a parameter name only at
// whitespace, a colon or one of & ( ) , . ; [ { | }, so the token is ONE parameter named "dnsPrefix=<dns-prefix>"
// ("A parameter cannot be found that matches parameter name …", MicrosoftDocs/azure-docs#105575), and a quote
// inside the token makes it an argument, not a parameter ("Quotes are never part of a parameter").
// powershell-parameter-equals had to re-glue the two halves by offsets; it now reads the token as bound.
import { describe, expect, it } from 'vitest';
import { readPowerShellCommand } from '../../src/parse/powershell-words.ts';
import { lineOf, readRepoFile, ruleFindings } from '../lint/helpers.ts';

const args = (src: string) => readPowerShellCommand(src)!.pipeline[0]!.args.map((a) => (a.param !== undefined ? `-${a.param}${a.value ? `:${a.value.text}` : ''}` : a.value?.text));

describe('a PowerShell parameter token is what PowerShell binds', () => {
  it('-name=value is one parameter named "name=value"', () => {
    expect(args('New-AzResourceGroupDeployment -TemplateFile ./main.bicep -dnsPrefix=<dns-prefix> -count=3')).toEqual(['-TemplateFile', './main.bicep', '-dnsPrefix=<dns-prefix>', '-count=3']);
  });
  it('a quote inside the token makes it an argument: -key="<ssh-key>" is the string, not a parameter', () => {
    expect(args('New-AzResourceGroupDeployment -sshRSAPublicKey="<ssh-key>" -Force')).toEqual(['-sshRSAPublicKey="<ssh-key>"', '-Force']);
  });
  it('the name still ends at whitespace, a colon (value attached), a comma, a semicolon, a bracket, or a continuing backtick', () => {
    expect(args('Get-Thing -Name:value -Tag a,b')).toEqual(['-Name:value', '-Tag', 'a,b']);
    expect(args('Get-Thing -Force;')).toEqual(['-Force']);
    expect(args('Get-Thing -Force `\n  -Name x')).toEqual(['-Force', '-Name', 'x']);
    expect(args('Get-Thing -Name\u00a0x')).toEqual(['-Name', 'x']);
    expect(args('Get-Thing -Count -5')).toEqual(['-Count', '-5']);
  });
});

describe('powershell-parameter-equals on the reader\'s token', () => {
  const AKS = 'tests/fresh/articles/aks/learn/quick-kubernetes-deploy-bicep.md';
  it('quick-kubernetes-deploy-bicep.md (azure-docs#105575): the three glued parameters, at their columns, the quoted one said as PowerShell reads it', () => {
    const text = readRepoFile(AKS);
    const hits = ruleFindings('powershell-parameter-equals', AKS);
    const line = lineOf(text, 'New-AzResourceGroupDeployment -ResourceGroupName myResourceGroup');
    const row = text.split('\n')[line - 1]!;
    expect(hits.map((h) => [h.line, h.column, h.severity, h.suggestion])).toEqual([
      [line, row.indexOf('-dnsPrefix=') + 1, 'error', '-dnsPrefix <dns-prefix>'],
      [line, row.indexOf('-linuxAdminUsername=') + 1, 'error', '-linuxAdminUsername <linux-admin-username>'],
      [line, row.indexOf('-sshRSAPublicKey=') + 1, 'error', '-sshRSAPublicKey "<ssh-key>"'],
    ]);
    expect(hits[0]!.message).toContain('is given a parameter named "dnsPrefix=<dns-prefix>" and stops with "A parameter cannot be found that matches parameter name …"');
    expect(hits[2]!.message).toContain('is given the string "-sshRSAPublicKey=<ssh-key>" by position, not -sshRSAPublicKey');
  });
  it('the glued name is not said twice: no powershell-unknown-parameter on it', () => {
    const text = 'New-AzResourceGroup -Name=myResourceGroup -Location eastus\n';
    const page = `# t\n\n\`\`\`azurepowershell\n${text}\`\`\`\n`;
    expect(ruleFindings('powershell-parameter-equals', 'p.md', page).map((h) => h.suggestion)).toEqual(['-Name myResourceGroup']);
    expect(ruleFindings('powershell-unknown-parameter', 'p.md', page)).toEqual([]);
  });
});
