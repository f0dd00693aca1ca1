// Key Vault as a page's Azure PowerShell steps use it: the vaults New-AzKeyVault creates and their
// permission model, the access policies Set-AzKeyVaultAccessPolicy writes, and the data-plane cmdlets
// (Set-AzKeyVaultSecret, Get-AzKeyVaultSecret, Add-AzKeyVaultKey, …) with the permission each needs.
//
// The permission model: Az.KeyVault 6.0.0 (Az 12.0.0, May 2024) made New-AzKeyVault create vaults with
// Azure RBAC authorization by default and replaced -EnableRbacAuthorization by -DisableRbacAuthorization
// (Azure/azure-powershell pull request #24675, "Replaced parameter EnableRbacAuthorization by
// DisableRbacAuthorization in New-AzKeyVault and Update-AzKeyVault", label "Contains Breaking Change";
// its announcement in src/KeyVault/KeyVault/ChangeLog.md, pull request #24424: "RBAC will be enabled by
// default during the process of key vault creation. To disable RBAC authorization, please use parameter
// 'DisableRbacAuthorization'"). Before 6.0 a new vault used access policies and gave its creator one.
// So: -DisableRbacAuthorization (or the old -EnableRbacAuthorization:$false) → access policies; anything
// else → Azure RBAC, today's default.
import type { LintDocument } from './document.ts';
import { eachPowerShellCommand, psLiteral, type PsCommandAt } from './powershell-commands.ts';
import { KV, NEEDS } from '../reference/data-actions.ts';
import type { AzNeed } from '../reference/operation-actions.ts';

export interface PsVault {
  /** The vault's name as written (a literal, or the variable's text: `$vaultName`). */
  name: string | undefined;
  line: number;
  stepId: string;
  /** Azure RBAC authorization (true) or access policies (false). */
  rbac: boolean;
}

export interface PsVaultUse {
  at: number;
  stepId: string;
  name: string | undefined;
  need: AzNeed;
  cmdlet: string;
}

/** A parameter as written on the command (no table needed: -DisableRbacAuthorization is newer than the help the table has). */
const arg = (c: PsCommandAt, name: string) => c.command.args.find((a) => a.param !== undefined && a.param.toLowerCase() === name.toLowerCase());
const isFalse = (text: string | undefined) => text !== undefined && /^\$false$/i.test(text.trim());

/** The value of -VaultName (alias -Name on New-AzKeyVault), or the first positional argument. */
function vaultName(c: PsCommandAt): string | undefined {
  const args = c.command.args;
  const k = args.findIndex((a) => a.param !== undefined && /^(?:VaultName|Name)$/i.test(a.param) && (a.param.toLowerCase() === 'vaultname' || /^New-AzKeyVault$/i.test(c.command.name)));
  const value = k >= 0 ? (args[k]!.value ?? args[k + 1]?.value) : args.find((a) => a.param === undefined)?.value;
  return value ? (psLiteral(value) ?? value.text) : undefined;
}

const lineOf = (c: PsCommandAt) => c.at(c.command.offset).line;

/** A page's PowerShell commands, read once per document: several rules' helpers ask for them. */
const commandsRead = new WeakMap<LintDocument, PsCommandAt[]>();

/** The commands that run one of the cmdlets, by the name as written (the cmdlet table need not know them). */
const commandsOf = (doc: LintDocument, ...names: string[]) => {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  let all = commandsRead.get(doc);
  if (!all) commandsRead.set(doc, (all = doc.tutorial.steps.some((s) => s.kind === 'shell' && s.language === 'powershell') ? eachPowerShellCommand(doc) : []));
  return all.filter((c) => wanted.has(c.command.name.toLowerCase()));
};

export function psVaults(doc: LintDocument): PsVault[] {
  return commandsOf(doc, 'New-AzKeyVault').map((c) => {
    const disable = arg(c, 'DisableRbacAuthorization');
    const enable = arg(c, 'EnableRbacAuthorization');
    const accessPolicies = (disable !== undefined && !isFalse(disable.value?.text)) || (enable !== undefined && isFalse(enable.value?.text));
    return { name: vaultName(c), line: lineOf(c), stepId: c.step.id, rbac: !accessPolicies };
  });
}

/** Set-AzKeyVaultAccessPolicy commands: the vault each writes a policy on. */
export function psAccessPolicySets(doc: LintDocument): { at: number; stepId: string; name: string | undefined }[] {
  return commandsOf(doc, 'Set-AzKeyVaultAccessPolicy').map((c) => ({ at: lineOf(c), stepId: c.step.id, name: vaultName(c) }));
}

/** The data-plane cmdlets and what each calls (Az.KeyVault help: Set-AzKeyVaultSecret sets a secret, Get-AzKeyVaultSecret -Name reads its value, without -Name lists). */
function needOf(c: PsCommandAt): AzNeed | undefined {
  const has = (p: string) => arg(c, p) !== undefined;
  const vault = (n: { kind: 'dataAction' | 'action'; name: string; doing: string }): AzNeed => ({ ...n, service: 'vault' });
  switch (c.command.name.toLowerCase()) {
    case 'set-azkeyvaultsecret':
      return vault(NEEDS.secretSet);
    case 'get-azkeyvaultsecret':
      return vault(has('Name') || c.command.args.filter((a) => a.param === undefined).length > 1 ? NEEDS.secretGet : NEEDS.secretList);
    case 'remove-azkeyvaultsecret':
      return vault(NEEDS.secretDelete);
    case 'add-azkeyvaultkey':
      return vault(has('KeyFilePath') ? NEEDS.keyImport : NEEDS.keyCreate);
    case 'get-azkeyvaultkey':
      return vault(NEEDS.keyRead);
    case 'remove-azkeyvaultkey':
      return vault(NEEDS.keyDelete);
    case 'add-azkeyvaultcertificate':
      return vault(NEEDS.certCreate);
    case 'import-azkeyvaultcertificate':
      return vault(NEEDS.certImport);
    case 'get-azkeyvaultcertificate':
      return vault(NEEDS.certRead);
    default:
      return undefined;
  }
}

const DATA_CMDLETS = ['Set-AzKeyVaultSecret', 'Get-AzKeyVaultSecret', 'Remove-AzKeyVaultSecret', 'Add-AzKeyVaultKey', 'Get-AzKeyVaultKey', 'Remove-AzKeyVaultKey', 'Add-AzKeyVaultCertificate', 'Import-AzKeyVaultCertificate', 'Get-AzKeyVaultCertificate'];

export function psVaultUses(doc: LintDocument): PsVaultUse[] {
  const out: PsVaultUse[] = [];
  for (const c of commandsOf(doc, ...DATA_CMDLETS)) {
    const need = needOf(c);
    if (need?.name.startsWith(KV)) out.push({ at: lineOf(c), stepId: c.step.id, name: vaultName(c), need, cmdlet: c.command.name });
  }
  return out;
}
