// Unmodified SDK clients, configured only through the environment (HTTPS_PROXY, HTTP_PROXY,
// NODE_EXTRA_CA_CERTS): a service principal's client-secret sign-in (MSAL) and the managed
// identity (IMDS through HTTP_PROXY), then what `az login` and `az storage account keys list -n`
// read. Prints one JSON object; errors are printed, not thrown, so the test can say which step failed.
import { ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { StorageManagementClient } from '@azure/arm-storage';

const [tenantId, clientId, subscriptionId, accountName] = process.argv.slice(2);
const secret = process.env.TC_TEST_CLIENT_SECRET;
const out = {};
const step = async (name, fn) => {
  try {
    out[name] = await fn();
  } catch (e) {
    out[name] = { error: `${e?.name}: ${e?.code ?? ''} ${e?.statusCode ?? ''} ${String(e?.message).slice(0, 300)}` };
  }
};
const noRetry = { retryOptions: { maxRetries: 0 } };

const sp = new ClientSecretCredential(tenantId, clientId, secret, noRetry);
await step('spToken', async () => (await sp.getToken('https://management.azure.com/.default')).token.split('.').length);
const subscriptions = new SubscriptionClient(sp, noRetry);
await step('subscriptions', async () => {
  const all = [];
  for await (const s of subscriptions.subscriptions.list()) all.push({ id: s.subscriptionId, name: s.displayName, state: s.state, tenantId: s.tenantId });
  return all;
});
await step('subscription', async () => (await subscriptions.subscriptions.get(subscriptionId)).displayName);
await step('tenants', async () => {
  const all = [];
  for await (const t of subscriptions.tenants.list()) all.push(t.tenantId);
  return all;
});

const mi = new ManagedIdentityCredential();
await step('miToken', async () => (await mi.getToken('https://management.azure.com/.default')).token.split('.').length);
const storage = new StorageManagementClient(mi, subscriptionId, noRetry);
await step('accounts', async () => {
  const all = [];
  for await (const a of storage.storageAccounts.list()) all.push(a.id);
  return all;
});
// The key look-up without a resource group: find the account in the list, take its group from the id.
await step('keys', async () => {
  for await (const a of storage.storageAccounts.list()) {
    if (a.name !== accountName) continue;
    const group = /\/resourceGroups\/([^/]+)\//i.exec(a.id)[1];
    return (await storage.storageAccounts.listKeys(group, accountName)).keys.map((k) => k.keyName);
  }
  return 'not listed';
});
console.log(JSON.stringify(out));
