// An az option that reads KEY=VALUE pairs given a bare value: `az kusto cluster create --sku D11_v2`. The kusto
// extension's options that take an object (the SKU, a read-write database's retention, autoscale, a VNet or a key vault)
// are argparse actions that split each word at "=" and stop with "usage error: --sku [KEY=VALUE ...]" when a word has
// none (Azure/azure-cli-extensions src/kusto/azext_kusto/generated/action.py @55aa4499: AddSku, AddReadWriteDatabase…).
// Pages written for the 2019 core `az kusto` module pass `--sku D11_v2`; readers got "Invalid SKU name provided" from it
// (Azure/azure-cli#13330, #13753), and the extension that replaced it refuses the word outright. A warning: the table
// records which options these are by hand, from the extension's source, and the extension's current release may word
// the refusal differently.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';

interface KeyValueOption {
  /** az command paths that take the option. */
  paths: readonly string[];
  option: string;
  /** The keys the action reads, as the page should write them. */
  keys: string;
  example: string;
}

// Azure/azure-cli-extensions src/kusto/azext_kusto/generated/action.py @55aa4499599273d62318a6d6b14210256a6b4cbe.
const OPTIONS: readonly KeyValueOption[] = [
  { paths: ['kusto cluster create', 'kusto cluster update'], option: '--sku', keys: 'name, tier, capacity', example: '--sku name=Standard_D11_v2 tier=Standard' },
  { paths: ['kusto cluster create', 'kusto cluster update'], option: '--optimized-autoscale', keys: 'version, is-enabled, minimum, maximum', example: '--optimized-autoscale version=1 is-enabled=true minimum=2 maximum=10' },
  { paths: ['kusto database create', 'kusto database update'], option: '--read-write-database', keys: 'soft-delete-period, hot-cache-period, location', example: '--read-write-database soft-delete-period=P365D hot-cache-period=P31D location=<LOCATION>' },
];

export const azKeyValueOptionBare: Rule = {
  id: 'az-key-value-option-bare',
  name: 'AzKeyValueOptionBare',
  severity: 'warning',
  shortDescription: 'An az option that takes KEY=VALUE pairs (az kusto cluster create --sku name=… tier=…) is given a bare value (--sku D11_v2).',
  fullDescription:
    'The kusto extension reads its object options as KEY=VALUE words: --sku name=Standard_D11_v2 tier=Standard capacity=2, --read-write-database soft-delete-period=P365D hot-cache-period=P31D location=…, --optimized-autoscale version=1 is-enabled=true minimum=2 maximum=10. Each is an argparse action that splits every word at "=" and stops with "usage error: --sku [KEY=VALUE ...]" when a word has none (Azure/azure-cli-extensions src/kusto/azext_kusto/generated/action.py @55aa4499, AddSku, AddReadWriteDatabase, AddOptimizedAutoscale). Pages written for the core az kusto module of 2019 pass a bare SKU (--sku D11_v2); readers got "Invalid SKU name provided" from it (Azure/azure-cli#13330, #13753: the service\'s names are Standard_D11_v2…), and the page was fixed to --sku name="Standard_D13_v2" tier="Standard" (MicrosoftDocs/dataexplorer-docs#53). A value from a variable or a placeholder is not judged.',
  help: 'Write the option as KEY=VALUE words: --sku name=Standard_D11_v2 tier=Standard (az kusto cluster list-sku lists the names), --read-write-database soft-delete-period=P365D hot-cache-period=P31D location=<LOCATION>.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      const path = az.path.join(' ');
      for (const o of OPTIONS) {
        if (!o.paths.includes(path)) continue;
        const value = azOption(az, o.option)?.value;
        // A variable or a placeholder may hold the pairs; a word with "=" is a pair.
        if (!value || value.value.includes('=') || /[$<{]/.test(value.value) || value.value === '') continue;
        hits.push({
          line: value.line,
          column: value.column,
          stepId: command.step.id,
          message: `az ${path} ${o.option} ${value.value}: the kusto extension reads ${o.option} as KEY=VALUE words (${o.keys}) and stops with "usage error: ${o.option} [KEY=VALUE ...]" on a word without "=" (Azure/azure-cli-extensions azext_kusto/generated/action.py)${o.option === '--sku' ? '; with the old core module readers got "Invalid SKU name provided" (Azure/azure-cli#13330)' : ''}. Write ${o.example}.`,
        });
      }
    }
    return hits;
  },
};
