// A Key Vault secret, key or certificate comes back with the identifier of the object the request
// names, https://{vault-name}.vault.azure.net/{secrets|keys|certificates}/{name}/{version}, and a
// secret with the value, content type and tags the request set: an example whose identifier names
// another vault or object, or whose value differs from the one the page set, is not what the
// service printed for that command.
import type { Rule, RuleHit } from '../rule.ts';
import type { AzView, CurlView } from '../commands.ts';
import type { CommandView, JsonBlock, LintDocument } from '../document.ts';
import { azOption, azTags, hostAndPath } from '../commands.ts';
import { eachAz, eachCurl } from '../each.ts';
import { locateKey } from '../../parse/json-reader.ts';
import { isChosen } from '../../reference/arm-echo.ts';

type Obj = Record<string, unknown>;
type Collection = 'secrets' | 'keys' | 'certificates';
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (o: Obj | undefined, k: string): string | undefined => (typeof o?.[k] === 'string' ? (o[k] as string) : undefined);

/** An object identifier: vault (the host's first label), collection, name, version (absent, "pending"…). */
interface ObjectId {
  vault: string;
  collection: string;
  name: string;
  version: string | undefined;
}

// Key Vault "About keys, secrets, and certificates", object identifiers: https://{vault-name}.vault.azure.net/{object-type}/{object-name}/{object-version}
// (vault.azure.cn, vault.usgovcloudapi.net… in other clouds).
const OBJECT_ID = /^https:\/\/([^./<>{}]+)\.vault\.(?:azure\.net|azure\.cn|usgovcloudapi\.net|microsoftazure\.de)(?::443)?\/([A-Za-z]+)\/([^/?#]+)(?:\/([^/?#]*))?/i;

function parseObjectId(url: string): ObjectId | undefined {
  const m = OBJECT_ID.exec(url.trim());
  if (!m) return undefined;
  return { vault: m[1]!, collection: m[2]!.toLowerCase(), name: decodeURIComponent(m[3]!), version: m[4] || undefined };
}

/** The az commands that print the one object their --vault-name and --name name (azure-cli keyvault commands.py, SecretClient/KeyClient/CertificateClient). */
const AZ_KINDS: Readonly<Record<string, { collection: Collection; verbs: ReadonlySet<string> }>> = {
  secret: { collection: 'secrets', verbs: new Set(['set', 'show', 'set-attributes', 'recover']) },
  key: { collection: 'keys', verbs: new Set(['create', 'show', 'import', 'set-attributes', 'rotate', 'recover']) },
  certificate: { collection: 'certificates', verbs: new Set(['create', 'show', 'import', 'set-attributes', 'recover']) },
};

/** The identifiers an answer carries, each with the collection it must name (all with the object's name). */
function identifiers(collection: Collection, example: Obj): { key: string; path: string; value: string; collection: Collection }[] {
  const out: { key: string; path: string; value: string; collection: Collection }[] = [];
  const add = (key: string, path: string, value: string | undefined, c: Collection): void => {
    if (value !== undefined) out.push({ key, path, value, collection: c });
  };
  if (collection === 'keys') add('kid', 'key.kid', str(obj(example['key']), 'kid'), 'keys');
  else add('id', 'id', str(example, 'id'), collection);
  // A certificate is backed by a key and a secret of its own name (CertificateBundle kid, sid).
  if (collection === 'certificates') {
    add('kid', 'kid', str(example, 'kid'), 'keys');
    add('sid', 'sid', str(example, 'sid'), 'secrets');
  }
  return out;
}

const singular = (c: Collection): string => c.slice(0, -1);

export const exampleVaultObjectVsRequest: Rule = {
  id: 'example-vault-object-vs-request',
  name: 'ExampleVaultObjectVsRequest',
  severity: 'warning',
  shortDescription: "A Key Vault secret, key or certificate example's id, kid, name, value, content type or tags differ from what its request (az keyvault options, the request URL or body) fixes.",
  fullDescription:
    'Key Vault answers a secret, key or certificate request with the object the request names: its identifier is https://{vault-name}.vault.azure.net/{secrets|keys|certificates}/{object-name}/{version} (Key Vault, "About keys, secrets, and certificates": object identifiers; REST SetSecret/GetSecret return SecretBundle.id, CreateKey/GetKey KeyBundle.key.kid, GetCertificate CertificateBundle.id, kid and sid: vendor/specs/keyvault/data-plane/Microsoft.KeyVault/stable/2016-10-01/keyvault.json). az keyvault secret set/show, key create/show/import and certificate create/show print that object for the --vault-name and --name they are given (azure-cli src/azure-cli/azure/cli/command_modules/keyvault/custom.py and commands.py, through azure-keyvault-secrets/-keys/-certificates), with "name" the object name; a secret set answers with the value, content type and tags the request sent (SecretSetParameters value, contentType, tags; az --value, --content-type, --tags, to which az may add its own file-encoding tag), and a later show of the same secret prints that value. Vault and object names are compared without case (DNS names and Key Vault object names are case-insensitive). Placeholders, shell variables and elided values (<…>, {…}, $VAR, ..., xxxx) on either side match anything: a page whose command says <your-unique-keyvault-name> may show any vault in its example; a page whose command writes a name shows the output of that command, so another literal name there is a defect (the same decision as example-id-vs-request).',
  help: 'Show the object the command names (its vault in the host, its name in the path) with the value, content type and tags the command sets, or change the command.',
  check(doc) {
    const hits: RuleHit[] = [];
    // every secret set, so that a show compares with the last set of that secret (one whose value the page does not write, or sets from a file, stops the comparison)
    const sets: { vault: string; name: string; value: string | undefined; line: number }[] = [];
    for (const { command, az } of eachAz(doc)) {
      if (az.path[0] !== 'keyvault' || az.path.length !== 3) continue;
      const kind = AZ_KINDS[az.path[1]!];
      if (!kind || !kind.verbs.has(az.path[2]!)) continue;
      const vault = azOption(az, '--vault-name')?.value?.value;
      const name = azOption(az, '--name', '-n')?.value?.value;
      if (vault === undefined || name === undefined || azOption(az, '--id', '--hsm-name', '--query')) continue;
      const by = `az ${az.path.join(' ')} on line ${command.step.source.startLine}`;
      const value = az.path[1] === 'secret' && az.path[2] === 'set' && !azOption(az, '--file', '-f') ? azOption(az, '--value')?.value?.value : undefined;
      if (az.path[1] === 'secret' && az.path[2] === 'set') sets.push({ vault, name, value: value !== undefined && !isChosen(value) ? value : undefined, line: command.step.source.startLine });
      const block = responseOf(doc, command);
      const example = block ? obj(block.read.value) : undefined;
      if (!block || !example) continue;
      hits.push(...identifierHits(block, example, kind.collection, vault, name, undefined, by, `--vault-name ${vault} and --name ${name}`));
      const shownName = str(example, 'name');
      if (shownName !== undefined && !isChosen(shownName) && !isChosen(name) && shownName.toLowerCase() !== name.toLowerCase())
        hits.push(hit(block, 'name', `the example's name is "${shownName}" but ${by} is given --name ${name}: az prints the ${singular(kind.collection)} the command names. Show "name": "${name}" (or change the command).`));
      if (az.path[1] !== 'secret') continue;
      if (az.path[2] === 'set') hits.push(...secretSetHits(block, example, az, value, by));
      else if (az.path[2] === 'show' && !azOption(az, '--version', '-v')) {
        // the value the page set on this secret last, before this show
        const same = (a: string, b: string): boolean => isChosen(a) || isChosen(b) || a.toLowerCase() === b.toLowerCase();
        const set = [...sets].reverse().find((s) => s.line < command.step.source.startLine && same(s.vault, vault) && same(s.name, name));
        const shown = str(example, 'value');
        if (set?.value !== undefined && !isChosen(vault) && !isChosen(name) && !isChosen(set.vault) && !isChosen(set.name) && shown !== undefined && !isChosen(shown) && shown !== set.value)
          hits.push(hit(block, 'value', `the example's value is "${shown}" but the secret ${name} was set to "${set.value}" on line ${set.line}: ${by} prints the secret's current value. Show "value": "${set.value}".`));
      }
    }
    for (const { command, curl } of eachCurl(doc)) hits.push(...curlHits(doc, command, curl));
    return hits;
  },
};

function responseOf(doc: LintDocument, command: CommandView): JsonBlock | undefined {
  return doc.json.find((b) => b.role === 'response' && b.step === command.step);
}

function hit(block: JsonBlock, key: string, message: string, hint?: string): RuleHit {
  const at = locateKey(block.read, key, hint) ?? { line: block.json.source.startLine, column: 1 };
  return { line: at.line, column: at.column, ...(block.step ? { stepId: block.step.id } : {}), message };
}

/** The example's identifiers against the vault and object the request names (and the version, when it names one). */
function identifierHits(block: JsonBlock, example: Obj, collection: Collection, vault: string, name: string, version: string | undefined, by: string, given: string): RuleHit[] {
  const out: RuleHit[] = [];
  for (const ident of identifiers(collection, example)) {
    const id = parseObjectId(ident.value);
    if (!id) continue;
    const expected = `https://${vault.toLowerCase()}.vault.azure.net/${ident.collection}/${name}/{version}`;
    const wrong: string[] = [];
    if (!isChosen(vault) && !isChosen(id.vault) && id.vault.toLowerCase() !== vault.toLowerCase()) wrong.push(`vault "${id.vault}" where ${by} names "${vault}"`);
    if (id.collection !== ident.collection) wrong.push(`"${id.collection}" where a ${singular(collection)}'s ${ident.key} has "${ident.collection}"`);
    if (!isChosen(name) && !isChosen(id.name) && id.name.toLowerCase() !== name.toLowerCase()) wrong.push(`${singular(ident.collection)} "${id.name}" where ${by} names "${name}"`);
    if (version !== undefined && id.version !== undefined && !isChosen(version) && !isChosen(id.version) && id.version.toLowerCase() !== version.toLowerCase()) wrong.push(`version "${id.version}" where the request asks for "${version}"`);
    if (wrong.length === 0) continue;
    out.push(hit(block, ident.key, `the example's ${ident.path} names ${wrong.join(' and ')}: Key Vault answers with the object the request names, ${expected} (${given}). Show that identifier (or change the request).`, ident.value.slice(0, 20)));
  }
  return out;
}

/** az keyvault secret set prints the secret it stored: the --value, --content-type and --tags it sent. */
function secretSetHits(block: JsonBlock, example: Obj, az: AzView, value: string | undefined, by: string): RuleHit[] {
  const out: RuleHit[] = [];
  const shown = str(example, 'value');
  if (value !== undefined && shown !== undefined && !isChosen(value) && !isChosen(shown) && shown !== value)
    out.push(hit(block, 'value', `the example's value is "${shown}" but ${by} sets --value ${value}: Key Vault answers a set with the secret it stored. Show "value": "${value}" (or change the command).`));
  const type = azOption(az, '--content-type', '--description')?.value?.value;
  const shownType = example['contentType'];
  if (type !== undefined && !isChosen(type) && (shownType === null || (typeof shownType === 'string' && !isChosen(shownType) && shownType !== type)))
    out.push(hit(block, 'contentType', `the example's contentType is ${JSON.stringify(shownType)} but ${by} sets --content-type ${type}: the secret is stored and returned with that content type. Show "contentType": "${type}".`));
  const tags = azTags(az);
  const shownTags = example['tags'];
  if (tags && shownTags !== undefined) {
    const t = obj(shownTags);
    const missing = Object.entries(tags).filter(([k, v]) => !isChosen(k) && !isChosen(v) && (t === undefined || (t[k] !== v && !(typeof t[k] === 'string' && isChosen(t[k] as string)))));
    if (missing.length > 0)
      out.push(hit(block, 'tags', `the example's tags lack ${missing.map(([k, v]) => `"${k}": "${v}"`).join(', ')}, which ${by} sets with --tags: the secret is stored and returned with the tags sent (az may add its own "file-encoding"). Show them.`));
  }
  return out;
}

/** A curl to a vault's secrets, keys or certificates: the answer names the vault, object and version of its URL, and a PUT's secret value comes back. */
function curlHits(doc: LintDocument, command: CommandView, curl: CurlView): RuleHit[] {
  const url = curl.urls[0]?.value ?? '';
  const id = parseObjectId(url);
  const hp = hostAndPath(url);
  if (!id || !hp) return [];
  const collection = (['secrets', 'keys', 'certificates'] as const).find((c) => c === id.collection);
  if (!collection) return [];
  const method = curl.method.toUpperCase();
  const segments = hp.path.split('/').filter(Boolean);
  const action = segments[2]?.toLowerCase();
  // GetSecret/GetKey/GetCertificate GET /{collection}/{name}[/{version}], UpdateSecret PATCH …/{version},
  // SetSecret PUT /secrets/{name}, CreateKey POST /keys/{name}/create, CreateCertificate POST
  // /certificates/{name}/create (its operation's id ends in /pending): each answers with that object.
  const one =
    ((method === 'GET' || method === 'PATCH') && (segments.length === 2 || segments.length === 3) && action !== 'versions' && action !== 'policy') ||
    (method === 'PUT' && segments.length === 2) ||
    (method === 'POST' && segments.length === 3 && action === 'create' && collection !== 'secrets');
  if (!one) return [];
  const version = action === 'create' || action === 'pending' ? undefined : id.version;
  const block = responseOf(doc, command);
  const example = block ? obj(block.read.value) : undefined;
  if (!block || !example) return [];
  const by = `the request on line ${command.step.source.startLine}`;
  const out = identifierHits(block, example, collection, id.vault, id.name, method === 'GET' || method === 'PATCH' ? version : undefined, by, `${method} ${hp.path}`);
  if (method === 'PUT') {
    const body = curl.data.map((w) => w.value).join('');
    let sent: unknown;
    try {
      sent = JSON.parse(body);
    } catch {
      sent = undefined;
    }
    const value = str(obj(sent), 'value');
    const shown = str(example, 'value');
    if (value !== undefined && shown !== undefined && !isChosen(value) && !isChosen(shown) && value !== shown)
      out.push(hit(block, 'value', `the example's value is "${shown}" but ${by} sets "value": "${value}": Key Vault answers SetSecret with the secret it stored. Show "value": "${value}".`));
  }
  return out;
}
