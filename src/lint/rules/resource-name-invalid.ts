// "az storage account create --name MyStorage-01": a literal resource name Azure's naming rules
// reject (capitals or a dash in a storage account name, a vault name of 25 characters, a container
// name with two dashes in a row). The create fails with 400 (AccountNameInvalid, VaultNameNotValid,
// InvalidResourceName…), and every later step that uses the name has nothing to work on.
// Rules: "Naming rules and restrictions for Azure resources", MicrosoftDocs/azure-docs
// articles/azure-resource-manager/management/resource-name-rules.md (Microsoft.Storage,
// Microsoft.KeyVault, Microsoft.ManagedIdentity, Microsoft.Resources).
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { tellsToReplace } from '../text.ts';
import type { LintDocument } from '../document.ts';
import { eachCmdlet, psLiteral, psParameter } from '../powershell-commands.ts';

interface NameRule {
  what: string;
  /** Why `name` breaks the rule, or undefined when it keeps it. */
  broken(name: string): string | undefined;
  /** Who refuses the name and how, when it is not Resource Manager's 400. */
  refusal?: string;
}

const length = (name: string, min: number, max: number): string | undefined =>
  name.length < min || name.length > max ? `it has ${name.length} characters (${min}-${max} allowed)` : undefined;

const STORAGE_ACCOUNT: NameRule = {
  what: 'a storage account name (3-24 characters, lower-case letters and digits only, unique across Azure)',
  broken: (n) => length(n, 3, 24) ?? (/[^a-z0-9]/.test(n) ? `"${n.match(/[^a-z0-9]/)![0]}" is not a lower-case letter or digit` : undefined),
};
const VAULT: NameRule = {
  what: 'a key vault name (3-24 characters: letters, digits and hyphens; starts with a letter, ends with a letter or digit, no "--")',
  broken: (n) =>
    length(n, 3, 24) ??
    (/[^A-Za-z0-9-]/.test(n) ? `"${n.match(/[^A-Za-z0-9-]/)![0]}" is not a letter, digit or hyphen` : undefined) ??
    (!/^[A-Za-z]/.test(n) ? 'it does not start with a letter' : undefined) ??
    (/-$/.test(n) ? 'it ends with a hyphen' : undefined) ??
    (n.includes('--') ? 'it has two hyphens in a row' : undefined),
};
const CONTAINER: NameRule = {
  what: 'a blob container name (3-63 characters: lower-case letters, digits and hyphens; starts with a letter or digit, no "--")',
  broken: (n) =>
    n === '$root' || n === '$web' || n === '$logs'
      ? undefined
      : (length(n, 3, 63) ??
        (/[^a-z0-9-]/.test(n) ? `"${n.match(/[^a-z0-9-]/)![0]}" is not a lower-case letter, digit or hyphen` : undefined) ??
        (!/^[a-z0-9]/.test(n) ? 'it does not start with a letter or digit' : undefined) ??
        (/-$/.test(n) ? 'it ends with a hyphen' : undefined) ??
        (n.includes('--') ? 'it has two hyphens in a row' : undefined)),
};
const IDENTITY: NameRule = {
  what: 'a user-assigned identity name (3-128 characters: letters, digits, hyphens and underscores; starts with a letter or digit)',
  broken: (n) => length(n, 3, 128) ?? (/[^A-Za-z0-9_-]/.test(n) ? `"${n.match(/[^A-Za-z0-9_-]/)![0]}" is not a letter, digit, hyphen or underscore` : undefined) ?? (!/^[A-Za-z0-9]/.test(n) ? 'it does not start with a letter or digit' : undefined),
};
// Resource Manager: 5-50 alphanumerics (resource-name-rules.md, Microsoft.ContainerRegistry/registries).
// az acr create checks before it sends anything: an upper-case letter stops it with "argument error:
// Registry name must use only lowercase." and a dash with "Registry name cannot contain dashes."
// (Azure/azure-cli src/azure-cli/azure/cli/command_modules/acr/custom.py, acr_create, commit
// 04c41898c49799711115350ac4a9d7d7dd782ab8), which readers keep meeting on pages whose example name is
// camel-cased (MicrosoftDocs/azure-docs#118892, #99520, #96176; Azure/azure-cli#22003).
const REGISTRY: NameRule = {
  what: 'a container registry name az acr create accepts (5-50 characters, lower-case letters and digits only; az stops an upper-case letter with "argument error: Registry name must use only lowercase.")',
  broken: (n) => length(n, 5, 50) ?? (/[^a-z0-9]/.test(n) ? `"${n.match(/[^a-z0-9]/)![0]}" is not a lower-case letter or digit` : undefined),
  refusal: 'az acr create stops before it sends anything ("argument error: Registry name must use only lowercase." for an upper-case letter, "… cannot contain dashes." for a dash; Resource Manager answers 400 for a name of another length)',
};
const RESOURCE_GROUP: NameRule = {
  what: 'a resource group name (1-90 characters: letters, digits, underscores, hyphens, periods and parentheses; not ending with a period)',
  broken: (n) => length(n, 1, 90) ?? (/[^\p{L}\p{N}_\-.()]/u.test(n) ? `"${n.match(/[^\p{L}\p{N}_\-.()]/u)![0]}" is not allowed` : undefined) ?? (n.endsWith('.') ? 'it ends with a period' : undefined),
};

// The commands that create the resource, and the option that names it.
const CREATES: Record<string, { rule: NameRule; options: string[] }> = {
  'storage account create': { rule: STORAGE_ACCOUNT, options: ['--name', '-n'] },
  'keyvault create': { rule: VAULT, options: ['--name', '-n'] },
  'storage container create': { rule: CONTAINER, options: ['--name', '-n'] },
  'identity create': { rule: IDENTITY, options: ['--name', '-n'] },
  'group create': { rule: RESOURCE_GROUP, options: ['--name', '-n', '--resource-group', '-g'] },
  'acr create': { rule: REGISTRY, options: ['--name', '-n'] },
};

// New-AzContainerRegistry sends the name as written: Resource Manager's rule (5-50 letters and digits) is the
// judge, and it takes upper-case letters (the Az.ContainerRegistry help's own example creates "MyRegistry").
const REGISTRY_ARM: NameRule = {
  what: 'a container registry name (5-50 characters, letters and digits only)',
  broken: (n) => length(n, 5, 50) ?? (/[^A-Za-z0-9]/.test(n) ? `"${n.match(/[^A-Za-z0-9]/)![0]}" is not a letter or digit` : undefined),
};

// The Azure PowerShell cmdlets that create the resource; -Name names it.
const PS_CREATES: Record<string, NameRule> = {
  'New-AzStorageAccount': STORAGE_ACCOUNT,
  'New-AzKeyVault': VAULT,
  'New-AzContainerRegistry': REGISTRY_ARM,
};

/** The finding for a literal name a create gives, or undefined when the name keeps the rule or the prose makes it the reader's. */
function judge(doc: LintDocument, rule: NameRule, name: string, at: { line: number; column: number; stepId: string }): RuleHit | undefined {
  const why = rule.broken(name);
  if (!why) return undefined;
  // A name the prose tells the reader to replace is a placeholder written as a word.
  let replaced = false;
  let placeholder = false;
  for (let n = 1; n <= doc.lineCount && !replaced; n++) {
    replaced = doc.isProse(n) && tellsToReplace(doc.line(n), name);
    placeholder = replaced && /placeholder/i.test(doc.line(n));
  }
  // "Replace the placeholders `storageAccountName` …": a word standing for the reader's name.
  if (placeholder) return undefined;
  // "your_key_vault_name": a name that says it is the reader's own, a placeholder written as a word
  // (expressroute-howto-macsec.md). Its form still misleads: a name in that form fails the same way.
  if (/^your[_-]/i.test(name)) {
    return {
      ...at,
      severity: 'warning',
      message: `the placeholder "${name}" stands for the reader's own name, but it is not in the form of ${rule.what}: ${why}. A name in the placeholder's form fails the same way (${rule.refusal ?? 'Resource Manager rejects the create with 400'}); write it in angle brackets or in a form the resource type accepts.`,
    };
  }
  if (replaced) {
    // An example name ("In the following example *myContainerRegistry008* is used. Update this to a
    // unique value"): the reader picks the name, but one in the example's form fails the same way: readers keep
    // the example's casing (MicrosoftDocs/azure-docs#118892: "the example states to write --name
    // myContainerRegistry008 … I get 'Registry name must use only lowercase'"). A warning.
    return {
      ...at,
      severity: 'warning',
      message: `the example name "${name}", which the prose tells the reader to replace, is not ${rule.what}: ${why}. A name in the example's form fails the same way (${rule.refusal ?? 'Resource Manager rejects the create with 400'}); show a name the resource type accepts.`,
    };
  }
  return { ...at, message: `"${name}" is not ${rule.what}: ${why}. ${rule.refusal ?? 'Resource Manager rejects the create with 400'}, and the later steps find no such resource.` };
}

// A value the reader fills in or the shell computes: not a literal name.
const NOT_LITERAL = /[<>{}$[\]`*%]|\\/;

export const resourceNameInvalid: Rule = {
  id: 'resource-name-invalid',
  name: 'ResourceNameInvalid',
  severity: 'error',
  shortDescription: 'A create command (az or Azure PowerShell) gives a literal resource name that Azure\'s naming rules reject.',
  fullDescription:
    'Each resource type has naming rules (MicrosoftDocs/azure-docs articles/azure-resource-manager/management/resource-name-rules.md): a storage account name is 3-24 lower-case letters and digits, a key vault name 3-24 letters, digits and hyphens starting with a letter, a blob container name 3-63 lower-case letters, digits and single hyphens, a container registry name 5-50 letters and digits (and az acr create itself refuses upper-case letters and dashes: "argument error: Registry name must use only lowercase.", Azure/azure-cli acr/custom.py acr_create). Resource Manager rejects a create with another name (400 AccountNameInvalid, VaultNameNotValid, InvalidResourceName, ContainerNameInvalid… the service\'s message restates the rule), so the resource the rest of the page uses never exists. Azure PowerShell\'s New-AzStorageAccount, New-AzKeyVault and New-AzContainerRegistry -Name are judged by the same rules (a registry name by Resource Manager\'s, which takes upper-case letters). Only literal names are judged: placeholders, variables and names the prose tells the reader to replace ("replace the placeholders `storageAccountName` …") are the reader\'s, but an example name that itself breaks the rule is reported as a warning (readers keep its form), as is a placeholder written as a name (\"your_key_vault_name\").',
  help: 'Write a name the resource type accepts (the finding says which rule the name breaks), and use the same name in the later steps.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      if (az.read.found.kind !== 'command') continue;
      const create = CREATES[az.read.found.command.path];
      if (!create) continue;
      for (const o of az.options) {
        if (o.lookup.kind !== 'parameter' || !o.lookup.parameter.names.some((n) => create.options.includes(n))) continue;
        const value = o.value;
        if (!value || value.value === '' || NOT_LITERAL.test(value.value)) continue;
        const hit = judge(doc, create.rule, value.value, { line: value.line, column: value.column, stepId: command.step.id });
        if (hit) hits.push(hit);
      }
    }
    // Azure PowerShell: -Name of the New-Az* cmdlets (or its alias, -StorageAccountName, -VaultName…, as the table binds it).
    for (const [cmdlet, rule] of Object.entries(PS_CREATES)) {
      for (const c of eachCmdlet(doc, cmdlet)) {
        const b = psParameter(c, 'Name');
        const name = b?.value ? psLiteral(b.value) : undefined;
        if (name === undefined || !b?.valueWhere || NOT_LITERAL.test(name)) continue;
        const hit = judge(doc, rule, name, { ...b.valueWhere, stepId: c.step.id });
        if (hit) hits.push(hit);
      }
    }
    return hits;
  },
};
