// Data-plane calls of the Azure SDK programs a page runs, for the RBAC what-if: a program block that
// imports a service's client library and builds its client with a Microsoft Entra token credential
// (DefaultAzureCredential and its kin: learn.microsoft.com/azure/developer/python/sdk/authentication/
// overview; the same class names in JavaScript, .NET and Java), and the client methods it calls whose
// REST operation is certain (each library's reference: SecretClient.set_secret → Set Secret,
// KeyClient.create_rsa_key → Create Key, BlobClient.upload_blob → Put Blob, QueueClient.send_message →
// Put Message, receive_messages → Get Messages, TableClient.create_entity → Insert Entity, …). A client
// built from a connection string or an account key is not an RBAC call and is skipped.
// Who calls: DefaultAzureCredential run on the reader's machine is the signed-in reader (az login),
// unless the page names a service principal's AZURE_CLIENT_ID (EnvironmentCredential comes first);
// a program the page never runs locally (python app.py, node, dotnet run, mvn … exec) could run
// anywhere, under any identity, so it is not judged (callerIsReader).
import type { LintDocument } from './document.ts';
import { codeFences, isProgramSource } from './fences.ts';
import { NEEDS, type RequestNeed } from '../reference/data-actions.ts';
import type { AzService } from '../reference/operation-actions.ts';

export interface SdkCall {
  line: number;
  need: RequestNeed;
  /** The service whose resource it reaches (undefined: one the reader what-if does not model by resource). */
  service: AzService | undefined;
  library: string;
}

interface Library {
  name: string;
  /** The import of each language: Python module, npm package, .NET namespace, Java package. */
  imports: RegExp;
  service: AzService | undefined;
  calls: [RegExp, RequestNeed][];
}

const m = (names: string) => new RegExp(`\\.(?:${names})(?:Async)?\\s*\\(`);

const LIBRARIES: Library[] = [
  {
    name: 'Key Vault secrets',
    imports: /azure\.keyvault\.secrets|@azure\/keyvault-secrets|Azure\.Security\.KeyVault\.Secrets|com\.azure\.security\.keyvault\.secrets/,
    service: 'vault',
    calls: [
      [m('set_secret|setSecret|SetSecret'), NEEDS.secretSet],
      [m('get_secret|getSecret|GetSecret'), NEEDS.secretGet],
      [m('begin_delete_secret|beginDeleteSecret|StartDeleteSecret'), NEEDS.secretDelete],
      [m('list_properties_of_secrets|listPropertiesOfSecrets|GetPropertiesOfSecrets'), NEEDS.secretList],
    ],
  },
  {
    name: 'Key Vault keys',
    imports: /azure\.keyvault\.keys|@azure\/keyvault-keys|Azure\.Security\.KeyVault\.Keys|com\.azure\.security\.keyvault\.keys/,
    service: 'vault',
    calls: [
      [m('create_rsa_key|create_ec_key|create_key|createKey|createRsaKey|createEcKey|CreateKey|CreateRsaKey|CreateEcKey'), NEEDS.keyCreate],
      [m('get_key|getKey|GetKey'), NEEDS.keyRead],
      [m('begin_delete_key|beginDeleteKey|StartDeleteKey'), NEEDS.keyDelete],
    ],
  },
  {
    name: 'Key Vault certificates',
    imports: /azure\.keyvault\.certificates|@azure\/keyvault-certificates|Azure\.Security\.KeyVault\.Certificates|com\.azure\.security\.keyvault\.certificates/,
    service: 'vault',
    calls: [
      [m('begin_create_certificate|beginCreateCertificate|StartCreateCertificate'), NEEDS.certCreate],
      [m('get_certificate|getCertificate|GetCertificate'), NEEDS.certRead],
      [m('begin_delete_certificate|beginDeleteCertificate|StartDeleteCertificate'), NEEDS.certDelete],
    ],
  },
  {
    name: 'Blob Storage',
    imports: /azure\.storage\.blob|@azure\/storage-blob|Azure\.Storage\.Blobs|com\.azure\.storage\.blob/,
    service: 'storage-account',
    calls: [
      [m('upload_blob|uploadData|uploadFile|uploadStream|uploadFromFile'), NEEDS.blobWrite],
      [m('download_blob|downloadToFile|DownloadTo'), NEEDS.blobRead],
      [m('list_blobs|listBlobsFlat|listBlobsByHierarchy|GetBlobs'), NEEDS.blobList],
      [m('delete_blob|deleteBlob'), NEEDS.blobDelete],
    ],
  },
  {
    name: 'Queue Storage',
    imports: /azure\.storage\.queue|@azure\/storage-queue|Azure\.Storage\.Queues|com\.azure\.storage\.queue/,
    service: 'storage-account',
    calls: [
      [m('send_message|sendMessage|SendMessage'), NEEDS.messagePut],
      [m('receive_messages?|receiveMessages?|ReceiveMessages?'), NEEDS.messageGet],
      [m('peek_messages|peekMessages|PeekMessages'), NEEDS.messagePeek],
      [m('delete_message|deleteMessage|DeleteMessage'), NEEDS.messageDelete],
    ],
  },
  {
    name: 'Table Storage',
    imports: /azure\.data\.tables|@azure\/data-tables|Azure\.Data\.Tables|com\.azure\.data\.tables/,
    service: 'storage-account',
    calls: [
      [m('create_entity|createEntity|AddEntity'), NEEDS.entityInsert],
      [m('upsert_entity|upsertEntity|UpsertEntity'), NEEDS.entityUpsert],
      [m('get_entity|getEntity|GetEntity|query_entities|list_entities|listEntities'), NEEDS.entityRead],
      [m('delete_entity|deleteEntity|DeleteEntity'), NEEDS.entityDelete],
    ],
  },
  {
    name: 'App Configuration',
    imports: /azure\.appconfiguration|@azure\/app-configuration|Azure\.Data\.AppConfiguration|com\.azure\.data\.appconfiguration/,
    service: 'app-configuration',
    calls: [
      [m('set_configuration_setting|add_configuration_setting|setConfigurationSetting|addConfigurationSetting|SetConfigurationSetting|AddConfigurationSetting'), NEEDS.configWrite],
      [m('get_configuration_setting|list_configuration_settings|getConfigurationSetting|listConfigurationSettings|GetConfigurationSettings?'), NEEDS.configRead],
      [m('delete_configuration_setting|deleteConfigurationSetting|DeleteConfigurationSetting'), NEEDS.configDelete],
    ],
  },
  {
    name: 'Service Bus',
    imports: /azure\.servicebus|@azure\/service-bus|Azure\.Messaging\.ServiceBus|com\.azure\.messaging\.servicebus/,
    service: undefined,
    calls: [
      [m('send_messages|sendMessages|SendMessages?'), NEEDS.serviceBusSend],
      [m('receive_messages|receiveMessages|ReceiveMessages?'), NEEDS.serviceBusReceive],
    ],
  },
  {
    name: 'Event Hubs',
    imports: /azure\.eventhub|@azure\/event-hubs|Azure\.Messaging\.EventHubs|com\.azure\.messaging\.eventhubs/,
    service: undefined,
    calls: [[m('send_batch|sendBatch|SendAsync|send'), NEEDS.eventHubSend]],
  },
  {
    name: 'Azure Cosmos DB',
    imports: /\bazure\.cosmos\b|@azure\/cosmos|Microsoft\.Azure\.Cosmos|com\.azure\.cosmos/,
    service: undefined,
    calls: [[m('create_item|upsert_item|read_item|query_items|create|upsert|read|query|CreateItem|UpsertItem|ReadItem|GetItemQueryIterator|createItem|upsertItem|readItem|queryItems'), NEEDS.cosmosData]],
  },
];

/** A Microsoft Entra token credential of azure-identity (any language). */
const TOKEN_CREDENTIAL = /\b(?:DefaultAzure|AzureCli|ManagedIdentity|ChainedToken|InteractiveBrowser|WorkloadIdentity|AzureDeveloperCli|VisualStudioCode|AzurePowerShell)Credential\b/;
/** A client built from a key or connection string instead. */
const KEY_CLIENT = /from_connection_string|fromConnectionString|connectionString|ConnectionString|AccountKey=|StorageSharedKeyCredential|AzureKeyCredential|AzureNamedKeyCredential|account_key|credential\s*=\s*["']/;

/** Every data-plane call of a program block that uses a token credential with a service's library. */
export function sdkCalls(doc: LintDocument): SdkCall[] {
  const out: SdkCall[] = [];
  for (const fence of codeFences(doc)) {
    if (!isProgramSource(fence)) continue;
    const lines: string[] = [];
    for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) lines.push(doc.line(n));
    const text = lines.join('\n');
    if (!TOKEN_CREDENTIAL.test(text) || KEY_CLIENT.test(text)) continue;
    for (const lib of LIBRARIES) {
      if (!lib.imports.test(text)) continue;
      lines.forEach((l, i) => {
        if (/^\s*(?:#|\/\/|\*)/.test(l)) return; // a comment
        const call = lib.calls.find(([re]) => re.test(l));
        if (call) out.push({ line: fence.open + 1 + i, need: call[1], service: lib.service, library: lib.name });
      });
    }
  }
  return out;
}

/**
 * Whether the signed-in reader is who the page's programs run as: the page runs a program on the
 * reader's machine, and sets no service principal for EnvironmentCredential (AZURE_CLIENT_ID).
 */
export function callerIsReader(doc: LintDocument): boolean {
  // A service principal for EnvironmentCredential, set here or in an included file's commands.
  if (doc.tutorial.steps.some((s) => /AZURE_CLIENT_ID/.test(s.raw))) return false;
  let runs = false;
  for (const fence of codeFences(doc)) {
    if (isProgramSource(fence)) continue;
    for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
      const l = doc.line(n);
      if (/AZURE_CLIENT_ID/.test(l)) return false;
      if (/^\s*(?:[$>]\s*)?(?:python3?|py|node|dotnet\s+run|java|mvn|gradle|npm\s+(?:start|run))\b/.test(l)) runs = true;
    }
  }
  return runs;
}
