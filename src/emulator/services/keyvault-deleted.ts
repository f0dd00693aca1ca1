// Key Vault soft delete for secrets: Delete (all versions move to the vault's deleted secrets, the
// answer is the DeletedSecretBundle of the latest one), Get/List Deleted, Purge (204) and Recover
// (200, the bundle without its value). Shapes and texts from the Azure/azure-sdk-for-js
// keyvault-secrets recordings (can_delete_a_secret.json, can_recover_a_deleted_secret.json):
// scheduledPurgeDate = deletedDate + recoverableDays; and on Azure the delete and the recovery take
// effect after a few polls (GET /deletedsecrets/{name} answers 404 "Deleted Secret not found" first,
// a recovered secret 404 first). With the scenario's realistic timing the emulator does the same,
// for `lroPolls` polls or until the clock passes them; with instant timing at once.
import type { EmulatorRequest, EmulatorResponse, ServiceContext } from '../types.ts';
import { timingOf } from '../scenario.ts';
import { beingDeleted, deletedButRecoverable, deletedSecretNotFound, keyVaultHeaders, keyVaultJson, secretNotFound } from './keyvault-errors.ts';
import { latest, page, recoverableDays, secretBundle, versionsOf, type Secret, type Vault } from './keyvault-secrets.ts';
import { notEmulated } from './not-emulated.ts';

type Deleted = NonNullable<Vault['deletedSecrets']>[number];

interface Pending {
  kind: 'delete' | 'recover';
  pollsLeft: number;
  until: number;
}

/** Deletes and recoveries still settling, per live data (a reset forgets them), keyed vault/name. */
const pendingByData = new WeakMap<object, Map<string, Pending>>();

const key = (vault: Vault, name: string): string => `${vault.name}/${name}`.toLowerCase();

function pendingOf(ctx: ServiceContext): Map<string, Pending> {
  let m = pendingByData.get(ctx.state.data);
  if (m === undefined) {
    m = new Map();
    pendingByData.set(ctx.state.data, m);
  }
  return m;
}

function startPending(ctx: ServiceContext, vault: Vault, name: string, kind: Pending['kind']): void {
  const t = timingOf(ctx.state.data);
  if (t.lroPolls <= 1 && t.retryAfterSeconds <= 1 && t.roleAssignmentDelaySeconds === 0) return; // instant timing
  pendingOf(ctx).set(key(vault, name), { kind, pollsLeft: t.lroPolls, until: ctx.now().getTime() + t.lroPolls * Math.max(1, t.retryAfterSeconds) * 1000 });
}

/** Is a delete or recovery of this name still settling? A read that finds it so counts as one poll. */
export function stillSettling(ctx: ServiceContext, vault: Vault, name: string, kind: Pending['kind'], poll: boolean): boolean {
  const m = pendingOf(ctx);
  const p = m.get(key(vault, name));
  if (p === undefined || p.kind !== kind) return false;
  if (p.pollsLeft <= 0 || ctx.now().getTime() >= p.until) {
    m.delete(key(vault, name));
    return false;
  }
  if (poll) p.pollsLeft -= 1;
  return true;
}

export function findDeleted(vault: Vault, name: string): Deleted | undefined {
  return (vault.deletedSecrets ?? []).find((d) => d.name.toLowerCase() === name.toLowerCase());
}

function deletedBundle(req: EmulatorRequest, vault: Vault, d: Deleted, apiVersion: string): Record<string, unknown> {
  const s = latest(d.versions)!;
  const days = recoverableDays(vault.recoveryLevel) ?? 0;
  return {
    recoveryId: `https://${req.host}/deletedsecrets/${d.name}`,
    deletedDate: d.deletedDate,
    scheduledPurgeDate: d.deletedDate + days * 86_400,
    ...secretBundle(req, vault, s, apiVersion, { value: false }),
  };
}

/** Set on a name that is deleted (or being deleted) conflicts; undefined when the name is free. */
export function setConflict(req: EmulatorRequest, ctx: ServiceContext, vault: Vault, name: string): EmulatorResponse | undefined {
  if (findDeleted(vault, name) === undefined) return undefined;
  if (stillSettling(ctx, vault, name, 'delete', false)) return beingDeleted(req, vault.location, name);
  return deletedButRecoverable(req, vault.location, name);
}

export function deleteSecret(req: EmulatorRequest, ctx: ServiceContext, vault: Vault, name: string, apiVersion: string): EmulatorResponse {
  const versions = versionsOf(vault, name);
  if (versions.length === 0) return secretNotFound(req, vault.location, name);
  if (!vault.recoveryLevel.includes('Recoverable')) return notEmulated(`Azure Key Vault (delete in a vault without soft delete, recovery level '${vault.recoveryLevel}')`, req);
  vault.secrets = vault.secrets.filter((s) => !versions.includes(s));
  const d: Deleted = { name: latest(versions)!.name, deletedDate: Math.floor(ctx.now().getTime() / 1000), versions };
  vault.deletedSecrets = [...(vault.deletedSecrets ?? []), d];
  startPending(ctx, vault, d.name, 'delete');
  return keyVaultJson(req, vault.location, 200, deletedBundle(req, vault, d, apiVersion));
}

export function getDeleted(req: EmulatorRequest, ctx: ServiceContext, vault: Vault, name: string, apiVersion: string): EmulatorResponse {
  const d = findDeleted(vault, name);
  if (d === undefined || stillSettling(ctx, vault, name, 'delete', true)) return deletedSecretNotFound(req, vault.location, name);
  return keyVaultJson(req, vault.location, 200, deletedBundle(req, vault, d, apiVersion));
}

export function listDeleted(req: EmulatorRequest, ctx: ServiceContext, vault: Vault, apiVersion: string): EmulatorResponse {
  const items = (vault.deletedSecrets ?? [])
    .filter((d) => !stillSettling(ctx, vault, d.name, 'delete', false))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
    .map((d) => {
      const b = deletedBundle(req, vault, d, apiVersion);
      return { ...b, id: `https://${req.host}/secrets/${d.name}` };
    });
  return page(req, vault.location, items, '/deletedsecrets');
}

/** DELETE /deletedsecrets/{name}: gone for good, 204 (PurgeDeletedSecret). */
export function purgeDeleted(req: EmulatorRequest, ctx: ServiceContext, vault: Vault, name: string): EmulatorResponse {
  const d = findDeleted(vault, name);
  if (d === undefined || stillSettling(ctx, vault, name, 'delete', false)) return deletedSecretNotFound(req, vault.location, name);
  if (!vault.recoveryLevel.includes('Purgeable')) return notEmulated(`Azure Key Vault (purge in a vault whose recovery level '${vault.recoveryLevel}' forbids it)`, req);
  vault.deletedSecrets = (vault.deletedSecrets ?? []).filter((x) => x !== d);
  return { status: 204, headers: keyVaultHeaders(req, vault.location) };
}

export function recoverDeleted(req: EmulatorRequest, ctx: ServiceContext, vault: Vault, name: string, apiVersion: string): EmulatorResponse {
  const d = findDeleted(vault, name);
  if (d === undefined || stillSettling(ctx, vault, name, 'delete', false)) return deletedSecretNotFound(req, vault.location, name);
  vault.deletedSecrets = (vault.deletedSecrets ?? []).filter((x) => x !== d);
  vault.secrets.push(...d.versions);
  startPending(ctx, vault, d.name, 'recover');
  const s: Secret = latest(d.versions)!;
  return keyVaultJson(req, vault.location, 200, secretBundle(req, vault, s, apiVersion, { value: false }));
}
