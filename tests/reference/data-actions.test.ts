// The operation → (data) action map beyond Blob and Key Vault secrets (issue 16 session 5): Queue,
// Table, File shares with OAuth, Data Lake Storage, Key Vault keys and certificates, App Configuration,
// Service Bus / Event Hubs and Cosmos DB, each as its service documents it (src/reference/data-actions.ts),
// judged against the generated role catalog, alternatives ("or", "and") included.
import { describe, expect, it } from 'vitest';
import { requestNeed, azNeed } from '../../src/reference/operation-actions.ts';
import { whatIf, type Need } from '../../src/reference/rbac.ts';

const need = (method: string, url: string, headers?: Record<string, string>) => {
  const n = requestNeed(method, url, headers ? new Map(Object.entries(headers)) : undefined);
  if (!n) throw new Error(`no need for ${method} ${url}`);
  return n;
};
const verdict = (roles: string[], n: Need) => whatIf(roles, n).verdict;
const suggestion = (n: Need) => {
  const w = whatIf(['Reader'], n);
  return w.verdict === 'denied' ? w.suggestion?.roleName : undefined;
};

describe('Queue storage (authorize-with-azure-active-directory: Permissions for Queue service operations)', () => {
  it('Put Message: messages/add/action or messages/write; the Message Sender may, the Reader may not', () => {
    const put = need('POST', 'https://acct.queue.core.windows.net/q/messages');
    expect(verdict(['Storage Queue Data Message Sender'], put)).toBe('permitted');
    expect(verdict(['Storage Queue Data Reader'], put)).toBe('denied');
    expect(suggestion(put)).toBe('Storage Queue Data Message Sender');
  });
  it('Get Messages dequeues: process/action, or delete and read — the Reader (read only) cannot; Peek is read', () => {
    const get = need('GET', 'https://acct.queue.core.windows.net/q/messages?numofmessages=1');
    expect(verdict(['Storage Queue Data Reader'], get)).toBe('denied');
    expect(verdict(['Storage Queue Data Message Processor'], get)).toBe('permitted');
    expect(suggestion(get)).toBe('Storage Queue Data Message Processor');
    expect(verdict(['Storage Queue Data Reader'], need('GET', 'https://acct.queue.core.windows.net/q/messages?peekonly=true'))).toBe('permitted');
    // az storage message get is the same operation (it used to be modelled as a read)
    expect(verdict(['Storage Queue Data Reader'], azNeed(['storage', 'message', 'get'], true)!)).toBe('denied');
    expect(verdict(['Storage Queue Data Reader'], azNeed(['storage', 'message', 'peek'], true)!)).toBe('permitted');
  });
  it('Create Queue is an action (queues/write): Contributor holds it, a data role alone does not need to', () => {
    const create = need('PUT', 'https://acct.queue.core.windows.net/q');
    expect(create.kind).toBe('action');
    expect(verdict(['Contributor'], create)).toBe('permitted');
  });
});

describe('Table storage', () => {
  it('Query Entities: entities/read; Insert Entity: entities/write or entities/add/action', () => {
    expect(verdict(['Storage Table Data Reader'], need('GET', "https://acct.table.core.windows.net/t(PartitionKey='a',RowKey='b')"))).toBe('permitted');
    const insert = need('POST', 'https://acct.table.core.windows.net/t');
    expect(verdict(['Storage Table Data Reader'], insert)).toBe('denied');
    expect(verdict(['Storage Table Data Contributor'], insert)).toBe('permitted');
    expect(suggestion(insert)).toBe('Storage Table Data Contributor');
    expect(need('POST', 'https://acct.table.core.windows.net/Tables')).toMatchObject({ kind: 'action', name: 'Microsoft.Storage/storageAccounts/tableServices/tables/write' });
    expect(verdict(['Owner'], azNeed(['storage', 'entity', 'insert'], true)!)).toBe('denied');
    expect(azNeed(['storage', 'entity', 'insert'], false)).toBeUndefined(); // the account key: RBAC does not decide
  });
});

describe('File shares with OAuth (files/read|write AND read|writeFileBackupSemantics/action)', () => {
  it('the SMB share roles lack the backup-semantics action; the Privileged roles hold both', () => {
    const read = need('GET', 'https://acct.file.core.windows.net/share/dir/f.txt', { 'x-ms-file-request-intent': 'backup' });
    expect(verdict(['Storage File Data SMB Share Reader'], read)).toBe('denied');
    expect(verdict(['Storage File Data Privileged Reader'], read)).toBe('permitted');
    expect(suggestion(read)).toBe('Storage File Data Privileged Reader');
    const write = azNeed(['storage', 'file', 'upload'], true)!;
    expect(verdict(['Storage File Data SMB Share Contributor'], write)).toBe('denied');
    expect(verdict(['Storage File Data Privileged Contributor'], write)).toBe('permitted');
  });
});

describe('Data Lake Storage (dfs endpoint): the blob data actions', () => {
  it('reading and writing paths; setting an ACL needs modifyPermissions (Storage Blob Data Owner), not Contributor', () => {
    expect(verdict(['Storage Blob Data Reader'], need('GET', 'https://acct.dfs.core.windows.net/fs/dir/file.txt'))).toBe('permitted');
    expect(verdict(['Storage Blob Data Reader'], need('PUT', 'https://acct.dfs.core.windows.net/fs/dir?resource=directory'))).toBe('denied');
    const acl = need('PATCH', 'https://acct.dfs.core.windows.net/fs/dir?action=setAccessControl');
    expect(verdict(['Storage Blob Data Contributor'], acl)).toBe('denied');
    expect(verdict(['Storage Blob Data Owner'], acl)).toBe('permitted');
    expect(azNeed(['storage', 'fs', 'access', 'set'], true)?.name).toBe(acl.name);
  });
});

describe('Key Vault keys and certificates', () => {
  it('key operations by path', () => {
    expect(need('POST', 'https://kv.vault.azure.net/keys/k/create?api-version=7.4').name).toBe('Microsoft.KeyVault/vaults/keys/create/action');
    expect(need('POST', 'https://kv.vault.azure.net/keys/k/0123/encrypt?api-version=7.4').name).toBe('Microsoft.KeyVault/vaults/keys/encrypt/action');
    expect(need('POST', 'https://kv.vault.azure.net/keys/k/0123/wrapkey?api-version=7.4').name).toBe('Microsoft.KeyVault/vaults/keys/wrap/action');
    expect(need('GET', 'https://kv.vault.azure.net/keys?api-version=7.4').name).toBe('Microsoft.KeyVault/vaults/keys/read');
    expect(verdict(['Key Vault Crypto User'], need('POST', 'https://kv.vault.azure.net/keys/k/create?api-version=7.4'))).toBe('denied');
    expect(verdict(['Key Vault Crypto User'], need('POST', 'https://kv.vault.azure.net/keys/k/0123/sign?api-version=7.4'))).toBe('permitted');
  });
  it('certificate operations by path; Secrets Officer cannot create a certificate', () => {
    const create = need('POST', 'https://kv.vault.azure.net/certificates/c/create?api-version=7.4');
    expect(create.name).toBe('Microsoft.KeyVault/vaults/certificates/create/action');
    expect(verdict(['Key Vault Secrets Officer'], create)).toBe('denied');
    expect(suggestion(create)).toBe('Key Vault Certificates Officer');
    expect(verdict(['Key Vault Reader'], need('GET', 'https://kv.vault.azure.net/certificates/c?api-version=7.4'))).toBe('permitted');
  });
});

describe('App Configuration, Service Bus / Event Hubs, Cosmos DB', () => {
  it('App Configuration key-values (data plane): Data Reader reads, only Data Owner writes; az appconfig kv only with --auth-mode login', () => {
    const put = need('PUT', 'https://store.azconfig.io/kv/color?api-version=1.0');
    expect(verdict(['App Configuration Data Reader'], put)).toBe('denied');
    expect(verdict(['App Configuration Data Owner'], put)).toBe('permitted');
    expect(verdict(['Contributor'], need('GET', 'https://store.azconfig.io/kv?api-version=1.0'))).toBe('denied');
    expect(azNeed(['appconfig', 'kv', 'set'], true)).toMatchObject({ service: 'app-configuration', name: 'Microsoft.AppConfiguration/configurationStores/keyValues/write' });
    expect(azNeed(['appconfig', 'kv', 'set'], false)).toBeUndefined();
  });
  it('sending to *.servicebus.windows.net: a Service Bus or an Event Hubs sender role may; a receiver may not', () => {
    const send = need('POST', 'https://ns.servicebus.windows.net/orders/messages');
    expect(verdict(['Azure Service Bus Data Sender'], send)).toBe('permitted');
    expect(verdict(['Azure Event Hubs Data Sender'], send)).toBe('permitted');
    expect(verdict(['Azure Service Bus Data Receiver'], send)).toBe('denied');
    expect(verdict(['Azure Service Bus Data Receiver'], need('DELETE', 'https://ns.servicebus.windows.net/orders/messages/head'))).toBe('permitted');
  });
  it('Cosmos DB data: no Azure built-in role grants it (its own role definitions do)', () => {
    const doc = need('GET', 'https://acct.documents.azure.com/dbs/db/colls/c/docs/1');
    for (const r of ['Owner', 'DocumentDB Account Contributor', 'Cosmos DB Operator', 'Cosmos DB Account Reader Role']) expect(verdict([r], doc)).toBe('denied');
    expect(suggestion(doc)).toBeUndefined();
  });
});

describe('several roles together', () => {
  it('Azure unions the roles assigned: an alternative whose permissions two roles hold between them is permitted', () => {
    const both: Need = { kind: 'dataAction', name: 'x', anyOf: [['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read', 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/add/action']] };
    expect(verdict(['Storage Blob Data Reader'], both)).toBe('denied');
    expect(verdict(['Storage Queue Data Message Sender'], both)).toBe('denied');
    expect(verdict(['Storage Blob Data Reader', 'Storage Queue Data Message Sender'], both)).toBe('permitted');
  });
});
