// Positive cases of issue 16 session 9's wild-e rules (defects readers reported on Service Bus, Event Hubs and
// Key Vault SDK pages), merged into rules.test.ts's table: a one-line break of the clean fixture adds a block
// whose line at `offset` has the defect. Their real pages, positive and negative, are in wild-e-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');

export const wildECases = {
  'powershell-parameter-repeated': [
    { name: '-Name and its alias -SubscriptionName (azure-docs#122602)', find: FIND, replace: block('azurepowershell', 'Set-AzServiceBusSubscription -ResourceGroupName rg -NamespaceName ns -Name mytopic -SubscriptionName mysub -ForwardTo q2'), offset: 1, message: /-Name and -SubscriptionName are both -Name.*specified more than once/, severity: 'error' as const },
  ],
  'program-env-var-not-set': [
    { name: 'export KEY_VAULT_NAME, os.Getenv("AZURE_KEY_VAULT_URI") (azure-docs#107530)', find: FIND, replace: () => ['```go', 'vaultUri := os.Getenv("AZURE_KEY_VAULT_URI")', '```', '', '```bash', 'export KEY_VAULT_NAME=quickstart-kv', '```'].join('\n'), offset: 1, message: /reads the environment variable AZURE_KEY_VAULT_URI.*sets KEY_VAULT_NAME.*os.Getenv returns ""/, severity: 'warning' as const },
  ],
  'go-package-not-imported': [
    { name: 'os.Getenv without import "os"', find: FIND, replace: block('go', 'package main', 'import (', '\t"fmt"', ')', 'func main() { fmt.Println(os.Getenv("HOME")) }'), offset: 5, message: /uses os.Getenv but does not import "os".*undefined: os/, severity: 'warning' as const },
  ],
  'az-namespace-service-mismatch': [
    { name: 'az servicebus namespace show for an Event Hubs namespace (azure-docs#117916)', find: FIND, replace: block('azurecli', "az servicebus namespace show -g '<your-event-hub-resource-group>' -n '<your-event-hub-name>' --query id"), offset: 1, message: /looks for a Service Bus namespace.*<your-event-hub-name> names an Event Hubs namespace.*az eventhubs namespace show/, severity: 'warning' as const },
  ],
};
