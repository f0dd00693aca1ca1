// @azure/storage-blob against http:// (the proxy gets an absolute-form GET): a secure-transfer
// account refuses it with 400 AccountRequiresHttps.
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';

const [account, key] = process.argv.slice(2);
const client = new BlobServiceClient(`http://${account}.blob.core.windows.net`, new StorageSharedKeyCredential(account, key), { retryOptions: { maxTries: 1 } });
try {
  for await (const c of client.listContainers()) console.log(JSON.stringify({ listed: c.name }));
} catch (e) {
  console.log(JSON.stringify({ status: e.statusCode, code: e.code, message: String(e.details?.message ?? e.message).split('\n')[0] }));
}
