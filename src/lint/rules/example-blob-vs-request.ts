// A blob example names the blob its request names: az storage blob show prints the blob its
// --account-name, --container-name and --name give, az storage blob url prints its URL, and the
// BlobCreated event an upload raises carries that blob's URL, subject and account, its size and the
// operation the upload used. An example with another account, container or blob, another size or
// another operation is not what the page's own request produces.
import type { Rule, RuleHit } from '../rule.ts';
import type { JsonBlock, LintDocument } from '../document.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';
import { blobUploads, type BlobUpload } from '../blob-uploads.ts';
import { lastBefore } from '../order.ts';
import { locateKey, locateValue } from '../../parse/json-reader.ts';
import { isChosen } from '../../reference/arm-echo.ts';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (o: Obj | undefined, k: string): string | undefined => (typeof o?.[k] === 'string' ? (o[k] as string) : undefined);

/** What a request fixes about the blob: each part a literal the page wrote, or undefined (a placeholder or variable matches anything). */
interface BlobTarget {
  account: string | undefined;
  container: string | undefined;
  name: string | undefined;
}
const literal = (v: string | undefined): string | undefined => (v === undefined || isChosen(v) ? undefined : v);

// https://{account}.blob.core.windows.net/{container}/{blob} (Storage, "Resource URI syntax"; other clouds' suffixes too)
const BLOB_URL = /^https?:\/\/([a-z0-9]+)\.blob\.core\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)\/([^/?#]+)\/([^?#]+)/i;
// Event Grid Blob Storage events: subject /blobServices/default/containers/{container}/blobs/{blob}; topic the account's id
const SUBJECT = /^\/blobServices\/default\/containers\/([^/]+)\/blobs\/(.+)$/;
const TOPIC = /\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)\/?$/i;
const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** azure-storage-blob upload_blob sends one Put Blob up to max_single_put_size (64 MiB) and stages blocks above it (Put Block, Put Block List). */
const MAX_SINGLE_PUT = 64 * 1024 * 1024;

export const exampleBlobVsRequest: Rule = {
  id: 'example-blob-vs-request',
  name: 'ExampleBlobVsRequest',
  severity: 'warning',
  shortDescription: "A blob example (az storage blob show or url output, a BlobCreated event) names another account, container or blob than its request, or another size or upload operation than the data sent.",
  fullDescription:
    'A blob is addressed as https://{account}.blob.core.windows.net/{container}/{blob} (Azure Storage, "Naming and referencing containers, blobs, and metadata", resource URI syntax). az storage blob show prints the blob its --account-name, --container-name and --name give, with "name" and "container" those values (azure-cli command_modules/storage/_transformers.py transform_blob_output keeps "name"; the track2 BlobProperties az prints carry "container", as the az storage blob show output of the Storage ABAC tutorial shows), and az storage blob url prints that URL. An upload raises Microsoft.Storage.BlobCreated, whose data.url is the blob\'s URL, subject /blobServices/default/containers/{container}/blobs/{blob}, topic the account\'s resource id, data.contentLength the bytes sent, and data.api the operation used (Event Grid, "Azure Blob Storage as an Event Grid source": PutBlob, PutBlockList, CopyBlob…): az storage blob upload goes through azure-storage-blob upload_blob, which sends one Put Blob when the data fits max_single_put_size (64 MiB by default: Azure/azure-sdk-for-python sdk/storage/azure-storage-blob/azure/storage/blob/_shared/base_client.py create_configuration; _upload_helpers.py upload_block_blob) and Put Block + Put Block List above it. The size is judged only when an echo on the page wrote the uploaded file (so its bytes are known); an event is judged against the one az storage blob upload before it. Placeholders and shell variables ($ACCOUNT, <container>) match anything, as in example-id-vs-request: a page whose command writes a literal name shows that command\'s output, so another literal there is a defect.',
  help: 'Show the account, container and blob the command names, the size of the data the page sends and the operation that size uses (PutBlob for a small file), or change the command.',
  check(doc) {
    const hits: RuleHit[] = [];
    const uploads = blobUploads(doc);
    for (const { command, az } of eachAz(doc)) {
      const path = az.path.join(' ');
      if (path !== 'storage blob show' && path !== 'storage blob url') continue;
      if (azOption(az, '--query', '--blob-url', '--connection-string', '--blob-endpoint')) continue;
      const one = (...names: string[]): string | undefined => literal(azOption(az, ...names)?.value?.value);
      const target: BlobTarget = { account: one('--account-name'), container: one('--container-name', '-c'), name: one('--name', '-n') };
      const by = `az ${path} on line ${command.step.source.startLine}`;
      const block = doc.json.find((b) => b.role === 'response' && b.step === command.step);
      if (path === 'storage blob url') {
        // az prints the URL as a JSON string; a page may show it bare
        const shown = typeof block?.read.value === 'string' ? (block.read.value as string) : command.step.expectation?.kind === 'text' ? command.step.expectation.text.trim().replace(/^"|"$/g, '') : undefined;
        const line = block?.json.source.startLine ?? command.step.expectation?.source.startLine;
        if (shown !== undefined && line !== undefined) hits.push(...urlHits(shown, target, by, line, command.step.id, 'the URL az prints'));
        continue;
      }
      const example = obj(block?.read.value);
      if (!block || !example) continue;
      for (const [key, want, what] of [['name', target.name, '--name'], ['container', target.container, '--container-name']] as const) {
        const shown = str(example, key);
        if (want === undefined || shown === undefined || isChosen(shown) || shown === want) continue;
        hits.push(at(block, key, `the example's ${key} is "${shown}" but ${by} is given ${what} ${want}: az prints the blob the command names. Show "${key}": "${want}" (or change the command).`));
      }
      // the size of the blob the page uploaded under this name, from the bytes an echo wrote
      const upload = [...uploads].reverse().find((u) => u.line < command.step.source.startLine && u.name === target.name && u.container === target.container);
      const length = obj(example['properties'])?.['contentLength'];
      const bytes = upload?.source ? Buffer.byteLength(upload.source.content, 'utf8') : undefined;
      if (upload && bytes !== undefined && typeof length === 'number' && length !== bytes)
        hits.push(at(block, 'contentLength', `the example's contentLength is ${length}, but the blob ${target.name} holds the ${bytes} bytes the page wrote to ${upload.file} (line ${upload.source!.fileWord.line}) and uploaded on line ${upload.line}. Show ${bytes}.`));
    }
    hits.push(...eventHits(doc, uploads));
    return hits;
  },
};

function at(block: JsonBlock, key: string, message: string): RuleHit {
  const p = locateKey(block.read, key) ?? { line: block.json.source.startLine, column: 1 };
  return { line: p.line, column: p.column, ...(block.step ? { stepId: block.step.id } : {}), message };
}

/** A blob URL against the account, container and blob the request names. */
function urlHits(url: string, target: BlobTarget, by: string, line: number, stepId: string | undefined, what: string): RuleHit[] {
  const m = BLOB_URL.exec(url.trim());
  if (!m) return [];
  const wrong = differences({ account: m[1]!, container: m[2]!, name: decode(m[3]!) }, target, by);
  if (wrong.length === 0) return [];
  const expected = `https://${target.account ?? '{account}'}.blob.core.windows.net/${target.container ?? '{container}'}/${target.name ?? '{blob}'}`;
  return [{ line, column: 1, ...(stepId ? { stepId } : {}), message: `${what} names ${wrong.join(' and ')}: a blob's URL is ${expected}. Show that URL (or change the request).` }];
}

function differences(shown: Partial<BlobTarget>, target: BlobTarget, by: string): string[] {
  const out: string[] = [];
  // account and container names are lower-case DNS-style names; blob names are case-sensitive
  if (target.account && shown.account && !isChosen(shown.account) && shown.account.toLowerCase() !== target.account.toLowerCase()) out.push(`account "${shown.account}" where ${by} names "${target.account}"`);
  if (target.container && shown.container && !isChosen(shown.container) && shown.container.toLowerCase() !== target.container.toLowerCase()) out.push(`container "${shown.container}" where ${by} names "${target.container}"`);
  if (target.name && shown.name && !isChosen(shown.name) && shown.name !== target.name) out.push(`blob "${shown.name}" where ${by} names "${target.name}"`);
  return out;
}

/** The events of a JSON example (Event Grid schema eventType, CloudEvents type) that report a created blob. */
function blobCreatedEvents(value: unknown): Obj[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(obj).filter((e): e is Obj => e !== undefined && (str(e, 'eventType') ?? str(e, 'type')) === 'Microsoft.Storage.BlobCreated');
}

function eventHits(doc: LintDocument, uploads: readonly BlobUpload[]): RuleHit[] {
  const out: RuleHit[] = [];
  const uploadBefore = lastBefore(uploads, (u) => u.line);
  for (const block of doc.json) {
    const events = blobCreatedEvents(block.read.value);
    if (events.length !== 1) continue;
    const event = events[0]!;
    const upload = uploadBefore(block.json.source.startLine);
    // judged only against the one upload the page makes before the event
    if (!upload || uploads.filter((u) => u.line < block.json.source.startLine).length !== 1) continue;
    const target: BlobTarget = { account: literal(upload.account), container: literal(upload.container), name: literal(upload.name) };
    const by = `the upload on line ${upload.line}`;
    const data = obj(event['data']);
    const place = (text: string | undefined, key: string): { line: number; column: number } =>
      (text !== undefined ? locateValue(block.read, text) : undefined) ?? locateKey(block.read, key) ?? { line: block.json.source.startLine, column: 1 };
    const push = (text: string | undefined, key: string, message: string): void => {
      const p = place(text, key);
      out.push({ line: p.line, column: p.column, ...(block.step ? { stepId: block.step.id } : {}), message });
    };
    const url = str(data, 'url');
    if (url !== undefined) for (const h of urlHits(url, target, by, 0, undefined, "the event's data.url")) push(url, 'url', h.message);
    const subject = str(event, 'subject');
    const s = subject !== undefined ? SUBJECT.exec(subject) : null;
    if (s) {
      const wrong = differences({ container: s[1]!, name: s[2]! }, target, by);
      if (wrong.length > 0) push(subject, 'subject', `the event's subject names ${wrong.join(' and ')}: a BlobCreated event's subject is /blobServices/default/containers/${target.container ?? '{container}'}/blobs/${target.name ?? '{blob}'}. Show that subject (or change the upload).`);
    }
    const topic = str(event, 'topic') ?? str(event, 'source');
    const t = topic !== undefined ? TOPIC.exec(topic) : null;
    if (t && target.account && !isChosen(t[1]!) && t[1]!.toLowerCase() !== target.account.toLowerCase())
      push(topic, 'topic', `the event's topic names storage account "${t[1]}" where ${by} names "${target.account}": a BlobCreated event's topic is the id of the account the blob is in. Show …/storageAccounts/${target.account}.`);
    if (!upload.source || !data) continue;
    const bytes = Buffer.byteLength(upload.source.content, 'utf8');
    const what = `the ${bytes} bytes the page wrote to ${upload.file} (line ${upload.source.fileWord.line})`;
    const length = data['contentLength'];
    if (typeof length === 'number' && length !== bytes) push(undefined, 'contentLength', `the event's data.contentLength is ${length}, but ${by} sends ${what}. Show ${bytes}.`);
    const api = str(data, 'api');
    const type = azOption(upload.az, '--type', '-t')?.value?.value;
    if (type !== undefined && type !== 'block') continue;
    const expected = bytes <= MAX_SINGLE_PUT ? 'PutBlob' : 'PutBlockList';
    if (api !== undefined && !isChosen(api) && /^Put(Blob|BlockList)$/.test(api) && api !== expected)
      push(api, 'api', `the event's data.api is "${api}", but ${by} sends ${what}: az storage blob upload sends data up to 64 MiB in one Put Blob (azure-storage-blob max_single_put_size), so the event says "${expected}". Show "api": "${expected}".`);
  }
  return out;
}
