// Positive cases of issue 16 session 13's wild-v work (Traffic Manager, DDoS Protection, Virtual WAN, Azure Bastion),
// appended to rules.test.ts's table: a one-line break of the clean fixture. Real pages, positive and negative:
// wild-v-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');
const w = 'warning' as const;

export const wildVCases = {
  'powershell-backtick-space': [
    { name: 'New-AzVirtualNetwork … ` then a blank (sql-docs#9692)', find: FIND, replace: block('azurepowershell', 'New-AzVirtualNetwork -Name VNet1 -ResourceGroupName TestRG1 ` ', '  -Location EastUS -AddressPrefix "10.1.0.0/16"'), offset: 1, message: /followed by a blank \("`·"\): PowerShell reads it as an escaped space, not as a line continuation.*"-Location …" on the next line is rejected as a statement of its own/, severity: w },
  ],
};
