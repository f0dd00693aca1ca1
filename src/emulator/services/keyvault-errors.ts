// Key Vault's error answers: JSON `{"error":{"code","message","innererror"?}}`, and on every 401 the
// challenge clients read to find the tenant and resource (learn.microsoft.com/azure/key-vault/general/
// authentication-requests-and-responses).
import type { EmulatorRequest, EmulatorResponse } from '../types.ts';

export type KeyVaultErrorCode = 'Unauthorized' | 'Forbidden' | 'BadParameter' | 'SecretNotFound' | 'MethodNotAllowed' | 'Conflict';
export type KeyVaultInnerCode = 'AccessDenied' | 'ForbiddenByRbac' | 'SecretDisabled' | 'ObjectIsDeletedButRecoverable' | 'SecretTooLarge';

export const KEY_VAULT_RESOURCE = 'https://vault.azure.net';

/** Headers Key Vault puts on every answer. */
export function keyVaultHeaders(req: EmulatorRequest, location: string): Record<string, string> {
  return {
    'cache-control': 'no-cache',
    pragma: 'no-cache',
    expires: '-1',
    'x-ms-request-id': req.requestId,
    'x-ms-keyvault-region': location,
    'x-ms-keyvault-service-version': '1.9.2573.1',
    'x-ms-keyvault-network-info': 'conn_type=Ipv4;addr=127.0.0.1;act_addr_fam=InterNetwork;',
    'strict-transport-security': 'max-age=31536000;includeSubDomains',
    'x-content-type-options': 'nosniff',
    // Echoed on every answer, errors included (azure-sdk-for-js keyvault-secrets recordings).
    ...(typeof req.headers['x-ms-client-request-id'] === 'string' ? { 'x-ms-client-request-id': req.headers['x-ms-client-request-id'] } : {}),
  };
}

export function keyVaultJson(req: EmulatorRequest, location: string, status: number, body: unknown, extra: Record<string, string> = {}): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...keyVaultHeaders(req, location), ...extra },
    body: JSON.stringify(body),
  };
}

export function keyVaultError(
  req: EmulatorRequest,
  location: string,
  status: number,
  code: KeyVaultErrorCode,
  message: string,
  inner?: KeyVaultInnerCode,
  extra: Record<string, string> = {},
): EmulatorResponse {
  return keyVaultJson(req, location, status, { error: { code, message, ...(inner ? { innererror: { code: inner } } : {}) } }, extra);
}

/** 401 with the challenge; SDKs authenticate only after reading it. */
export function unauthorized(req: EmulatorRequest, location: string, tenantId: string, message: string): EmulatorResponse {
  return keyVaultError(req, location, 401, 'Unauthorized', message, undefined, {
    'www-authenticate': `Bearer authorization="https://login.windows.net/${tenantId}", resource="${KEY_VAULT_RESOURCE}"`,
  });
}

/** 404 for a live secret (or version) that does not exist (recording can_delete_a_secret.json, last entry). */
export function secretNotFound(req: EmulatorRequest, location: string, id: string): EmulatorResponse {
  return keyVaultError(
    req,
    location,
    404,
    'SecretNotFound',
    `A secret with (name/id) ${id} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
  );
}

/** 404 on /deletedsecrets/{name} for a name not (yet) deleted (recording can_delete_a_secret.json, while the delete runs). */
export function deletedSecretNotFound(req: EmulatorRequest, location: string, name: string): EmulatorResponse {
  return keyVaultError(req, location, 404, 'SecretNotFound', `Deleted Secret not found: ${name}`);
}

/**
 * 409 for Set on a name that is soft-deleted: the service's text and inner code (Azure/azure-sdk-for-net
 * Azure.Security.KeyVault.Secrets tests; the same text for keys in Azure/azure-sdk-for-cpp live tests).
 */
export function deletedButRecoverable(req: EmulatorRequest, location: string, name: string): EmulatorResponse {
  return keyVaultError(
    req,
    location,
    409,
    'Conflict',
    `Secret ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
    'ObjectIsDeletedButRecoverable',
  );
}

/** 409 for Set while the name's delete is still running (the keys text of azure-sdk-for-cpp's live tests, for a secret). */
export function beingDeleted(req: EmulatorRequest, location: string, name: string): EmulatorResponse {
  return keyVaultError(req, location, 409, 'Conflict', `Secret ${name} is currently being deleted and cannot be re-created; retry later.`);
}
