// What a value the reader supplies IS: one small closed vocabulary of roles shared by the planner
// (which value binds a placeholder), the World (which resources a page needs), the emulator's
// scenario and the live provisioner (what exists), and the corpus goldens (the role each placeholder
// is expected to get). A role is decided by where a placeholder stands (positions.ts); its words are
// only the last resort (roleFromWords).
import { z } from 'zod';

export const ROLES = [
  'subscription-id', 'tenant-id', 'resource-group', 'location', 'storage-account', 'container', 'blob', 'file-share', 'queue', 'table',
  'vault', 'secret', 'key', 'certificate', 'identity-name', 'client-id', 'principal-id', 'object-id', 'resource-id', 'vm', 'web-app',
  'function-app', 'app-service-plan', 'role', 'scope', 'access-token', 'sas-token', 'storage-key', 'connection-string', 'api-version',
  'resource-audience', 'user-name', 'password', 'file-path', 'other',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

/** Roles whose value is a secret of the run (never printed, redacted wherever it shows). */
export const SECRET_ROLES: ReadonlySet<Role> = new Set<Role>(['access-token', 'sas-token', 'storage-key', 'connection-string', 'password']);

/** Roles that name a resource the World can hold (created, referenced, stated or assumed). */
export const RESOURCE_ROLES: ReadonlySet<Role> = new Set<Role>([
  'resource-group', 'storage-account', 'container', 'blob', 'vault', 'secret', 'key', 'identity-name', 'vm', 'web-app', 'function-app', 'app-service-plan',
]);

/**
 * The role a placeholder's words say, when its position says nothing (`storageAccount="<storage-account>"`,
 * `<YOUR-SUBSCRIPTION-ID>` in prose): the key's words, most specific first. Undefined when no word
 * is telling (`<name>`, `<value>`).
 */
export function roleFromWords(key: string): Role | undefined {
  const words = key.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const joined = words.join('');
  const has = (...ws: string[]): boolean => ws.some((w) => words.includes(w));
  const holds = (...parts: string[]): boolean => parts.some((p) => joined.includes(p));
  if ((holds('SUBSCRIPTION', 'SUBSCRIPTON') && !has('EVENT')) || has('SUB', 'SUBID')) return 'subscription-id';
  if (holds('TENANT')) return 'tenant-id';
  if (holds('CONNECTIONSTRING', 'CONNECTION')) return 'connection-string';
  if (holds('SASTOKEN', 'SASURL') || has('SAS')) return 'sas-token';
  if (holds('ACCESSTOKEN', 'BEARERTOKEN') || has('TOKEN')) return 'access-token';
  if (holds('ACCOUNTKEY', 'STORAGEKEY', 'ACCESSKEY')) return 'storage-key';
  if (holds('RESOURCEGROUP') || has('RG', 'GROUP')) return 'resource-group';
  if (holds('CLIENTID', 'APPID', 'APPLICATIONID')) return 'client-id';
  if (holds('PRINCIPALID')) return 'principal-id';
  if (holds('OBJECTID') || has('OID')) return 'object-id';
  if (holds('RESOURCEID', 'RESID')) return 'resource-id';
  if (holds('VAULT') || has('KV')) return 'vault';
  if (holds('STORAGEACCOUNT') || has('STORAGE', 'ACCOUNT')) return 'storage-account';
  if (holds('CONTAINER')) return 'container';
  if (holds('BLOB')) return 'blob';
  if (holds('FILESHARE') || has('SHARE')) return 'file-share';
  if (has('QUEUE')) return 'queue';
  if (has('TABLE')) return 'table';
  if (holds('SECRET')) return 'secret';
  if (holds('CERTIFICATE') || has('CERT')) return 'certificate';
  if (has('KEY')) return 'key';
  if (holds('IDENTITY', 'UAMI') || has('MSI', 'MI')) return 'identity-name';
  if (has('VM', 'VMNAME', 'MACHINE')) return 'vm';
  if (holds('FUNCTIONAPP', 'FUNCTION')) return 'function-app';
  if (holds('WEBAPP', 'WEBSITE') || has('APP', 'APPNAME', 'SITE', 'SITENAME')) return 'web-app';
  if (has('PLAN', 'PLANNAME')) return 'app-service-plan';
  if (has('ROLE', 'ROLENAME', 'ROLEID')) return 'role';
  if (has('SCOPE')) return 'scope';
  if (has('LOCATION', 'REGION')) return 'location';
  if (holds('APIVERSION')) return 'api-version';
  if (has('AUDIENCE', 'RESOURCE')) return 'resource-audience';
  if (has('PASSWORD', 'PWD')) return 'password';
  if (holds('USERNAME', 'EMAIL') || has('USER', 'UPN', 'LOGIN')) return 'user-name';
  if (holds('FILENAME', 'FILEPATH') || has('FILE', 'PATH', 'FOLDER', 'DIRECTORY', 'DIR', 'PACKAGE', 'ZIP')) return 'file-path';
  if (/@/.test(key)) return 'user-name';
  return undefined;
}
