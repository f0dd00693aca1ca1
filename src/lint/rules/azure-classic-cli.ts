// A command of the Azure classic CLI (`azure rediscache create …`, `azure config mode arm`): the Node.js `azure`
// tool of Azure/azure-xplat-cli (npm azure-cli 0.x) that the current Azure CLI (`az`) replaced. A reader who
// installs the Azure CLI the page links to has no `azure` command. Read in fenced blocks and in indented code
// blocks (old pages write them so), on a line that starts with `azure` and one of the classic CLI's command
// groups — never prose, never `azure/login@v2` or another tool whose name starts with azure.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';

/** The classic CLI's top-level groups (its `azure -h`), and the az group of today where one exists. */
const GROUPS: Readonly<Record<string, string | undefined>> = {
  account: 'account', ad: 'ad', availset: 'vm availability-set', batch: 'batch', cdn: 'cdn', config: undefined, datalake: undefined,
  group: 'group', hdinsight: 'hdinsight', insights: 'monitor', iothub: 'iot hub', keyvault: 'keyvault', location: 'account list-locations',
  login: 'login', logout: 'logout', network: 'network', provider: 'provider', rediscache: 'redis', resource: 'resource', role: 'role',
  servicebus: 'servicebus', site: 'webapp', sql: 'sql', storage: 'storage', vm: 'vm', vmss: 'vmss', webapp: 'webapp',
};
/** An optional prompt (`C:\>`, `$ `, `> `), then `azure <group>`. */
const COMMAND = /^(\s*(?:[A-Za-z]:\\[^>\s]*>\s*|\$\s+|>\s+)?)azure\s+([a-z]+)(?=\s|$)/;
const SHELL_FENCES = new Set(['', 'bash', 'sh', 'shell', 'console', 'cmd', 'azurecli', 'azurecli-interactive', 'azure-cli', 'powershell', 'azurepowershell', 'azurepowershell-interactive']);

export const azureClassicCli: Rule = {
  id: 'azure-classic-cli',
  name: 'AzureClassicCli',
  severity: 'warning',
  shortDescription: 'A command of the Azure classic CLI (azure rediscache create, azure config mode arm), the tool the Azure CLI (az) replaced.',
  fullDescription:
    'The Azure classic CLI is the Node.js `azure` command of Azure/azure-xplat-cli (npm azure-cli 0.x). Learn\'s own banner for such pages says it "is an older version of the Azure CLI that should be used only with the Azure classic deployment model" (MicrosoftDocs/azure-docs includes/contains-classic-cli-content.md), and the classic deployment model is retired. A reader who installs the Azure CLI has `az`, not `azure`: the shell answers "azure: command not found", and the classic CLI\'s Resource Manager commands have az equivalents (azure rediscache → az redis, azure group → az group, azure site/webapp → az webapp). A reader reported a page written this way: "All this page has obsolete CLI commands" (MicrosoftDocs/azure-docs#105978, azure-cache-for-redis/cache-manage-cli.md). Lines in fenced shell blocks and in indented code blocks that start with azure and a classic command group are judged; the classic CLI\'s printed help (`help: …` lines) is not.',
  help: 'Rewrite the step with the Azure CLI: az redis create, az group create, az webapp … (https://learn.microsoft.com/cli/azure/install-azure-cli).',
  check(doc) {
    if (!doc.hasText) return [];
    const fences = codeFences(doc);
    const hits: RuleHit[] = [];
    let previousBlank = true;
    let indentedBlock = false;
    // The fences are sorted and disjoint: one cursor walks them with the lines (fenceAt per line would be
    // quadratic on a page of many blocks).
    let k = 0;
    for (let n = 1; n <= doc.lineCount; n++) {
      const text = doc.line(n);
      while (k < fences.length && fences[k]!.close <= n) k++;
      const next = fences[k];
      const fence = next && next.open < n ? next : undefined;
      // An indented code block: four spaces after a blank line (or going on from one), outside every fence.
      if (!fence) indentedBlock = /^ {4,}\S/.test(text) && (previousBlank || indentedBlock);
      previousBlank = text.trim() === '';
      if (fence ? !SHELL_FENCES.has(fence.info) : !indentedBlock) continue;
      const m = COMMAND.exec(text);
      if (!m || !(m[2]! in GROUPS)) continue;
      const group = m[2]!;
      const az = GROUPS[group];
      hits.push({
        line: n,
        column: m[1]!.length + 1,
        message: `azure ${group} is a command of the Azure classic CLI (the Node.js \`azure\` tool that the Azure CLI replaced; Learn says it "should be used only with the Azure classic deployment model"): a reader with the Azure CLI has no \`azure\` command ("azure: command not found"). ${az ? `Write it with az ${az} (az ${az} --help lists the options).` : 'The Azure CLI has no such setting to make: drop the step.'}`,
      });
    }
    return hits;
  },
};
