// @azure/keyvault-secrets with the managed identity, through the emulator's proxy mode: list,
// versions, update, delete (the SDK's poller waits for the deleted secret), get deleted, recover.
import { ManagedIdentityCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';

const [vaultUrl, name] = process.argv.slice(2);
const client = new SecretClient(vaultUrl, new ManagedIdentityCredential(), { retryOptions: { maxRetries: 0 } });
const out = {};
const step = async (key, fn) => {
  try {
    out[key] = await fn();
  } catch (e) {
    out[key] = { error: `${e?.name}: ${e?.code ?? ''} ${e?.statusCode ?? ''} ${String(e?.message).slice(0, 300)}` };
  }
};
const exp = new Date('2031-01-01T00:00:00Z');
await step('set', async () => (await client.setSecret(name, 'first', { tags: { env: 'test' }, expiresOn: exp, contentType: 'text/plain' })).properties.tags);
await step('setAgain', async () => (await client.setSecret(name, 'second')).properties.version);
await step('list', async () => {
  const names = [];
  for await (const p of client.listPropertiesOfSecrets()) names.push(p.name);
  return names;
});
await step('versions', async () => {
  const all = [];
  for await (const p of client.listPropertiesOfSecretVersions(name)) all.push({ version: p.version, tags: p.tags ?? null, expiresOn: p.expiresOn?.toISOString() ?? null });
  return all;
});
await step('update', async () => {
  const latest = await client.getSecret(name);
  const p = await client.updateSecretProperties(name, latest.properties.version, { enabled: false, tags: { state: 'retired' } });
  return { enabled: p.enabled, tags: p.tags };
});
await step('getDisabled', async () => (await client.getSecret(name)).value);
await step('delete', async () => {
  const poller = await client.beginDeleteSecret(name, { intervalInMs: 50 });
  const d = await poller.pollUntilDone();
  return { name: d.name, recoveryId: d.recoveryId, scheduled: d.scheduledPurgeDate instanceof Date };
});
await step('getAfterDelete', async () => (await client.getSecret(name)).value);
await step('deleted', async () => (await client.getDeletedSecret(name)).name);
await step('recover', async () => {
  const poller = await client.beginRecoverDeletedSecret(name, { intervalInMs: 50 });
  return (await poller.pollUntilDone()).name;
});
console.log(JSON.stringify(out));
