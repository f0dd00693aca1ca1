// Key Vault's error answers: JSON `{"error":{"code","message","innererror"?}}`, and on every 401 the
// challenge clients read to find the tenant and resource (learn.microsoft.com/azure/key-vault/general/
// authentication-requests-and-responses).
import type { EmulatorRequest, EmulatorResponse } from '../types.ts';

export type KeyVaultErrorCode = 'Unauthorized' | 'Forbidden' | 'BadParameter' | 'SecretNotFound' | 'MethodNotAllowed';
export type KeyVaultInnerCode = 'AccessDenied' | 'ForbiddenByRbac' | 'SecretDisabled';

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
