// The sentence that introduces a code sample says what it does to Key Vault secrets, keys or
// certificates, but the sample's client works on another kind (prose copied from the secrets
// quickstart above a KeyClient sample). Each Azure SDK has one client per kind: SecretClient
// (azure-keyvault-secrets, Azure.Security.KeyVault.Secrets, @azure/keyvault-secrets,
// azure-security-keyvault-secrets), KeyClient / CryptographyClient (…-keys), CertificateClient (…-certificates).
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, isProgramSource } from '../fences.ts';

type Kind = 'secret' | 'key' | 'certificate';
const CLIENTS: ReadonlyArray<[RegExp, Kind]> = [
  [/\bSecretClient\b/, 'secret'],
  [/\b(?:KeyClient|CryptographyClient)\b/, 'key'],
  [/\bCertificateClient\b/, 'certificate'],
];
// "The following code sample demonstrates how to … set a secret, retrieve a secret …"
const INTRO = /\bThe following (?:code(?: sample| example| snippet)?|sample|example|snippet|program)\b[^.]*/i;
// An operation on a kind: a verb, then (an article or adjective, then) the kind. "key vault", "access key" and "key-value" are not Key Vault keys.
const OPERATION = /\b(?:create|creates|set|sets|get|gets|retrieve|retrieves|read|reads|list|lists|delete|deletes|purge|purges|update|updates|import|imports|rotate|rotates|back up|backs up|restore|restores)\s+(?:an?\s+|the\s+|your\s+|new\s+)*(secrets?|keys?|certificates?)\b(?!\s*(?:vault|-value))/gi;

const singular = (w: string): Kind => w.toLowerCase().replace(/s$/, '') as Kind;

export const proseVaultObjectMismatch: Rule = {
  id: 'prose-vault-object-mismatch',
  name: 'ProseVaultObjectMismatch',
  severity: 'warning',
  shortDescription: 'The sentence that introduces a Key Vault code sample names operations on secrets, keys or certificates, but the sample\'s client works on another kind.',
  fullDescription:
    'Every Azure SDK has one Key Vault client per kind of object: SecretClient for secrets, KeyClient (and CryptographyClient) for keys, CertificateClient for certificates (Azure/azure-sdk-for-python sdk/keyvault/azure-keyvault-secrets, -keys, -certificates; the same class names in .NET, Java and JavaScript). A sample whose client is KeyClient cannot "set a secret, retrieve a secret, and delete a secret", whatever the sentence above it says: the reader is told the code does something it does not (typically prose copied from the sibling quickstart of another kind).',
  help: 'Describe what the sample really does (create, retrieve and delete a key), or show the sample for the kind the sentence names.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const fences = codeFences(doc).filter(isProgramSource);
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const intro = INTRO.exec(doc.line(n));
      if (!intro) continue;
      const said = [...intro[0].matchAll(OPERATION)];
      if (said.length === 0) continue;
      const kinds = new Set(said.map((m) => singular(m[1] as string)));
      // The sample: the first program-source block within six lines after the sentence.
      const fence = fences.find((f) => f.open > n && f.open - n <= 6);
      if (!fence) continue;
      const body = Array.from({ length: Math.max(0, Math.min(fence.close, doc.lineCount + 1) - fence.open - 1) }, (_, i) => doc.line(fence.open + 1 + i)).join('\n');
      const used = new Set(CLIENTS.filter(([re]) => re.test(body)).map(([, k]) => k));
      if (used.size === 0 || [...kinds].some((k) => used.has(k))) continue;
      const first = said[0] as RegExpMatchArray;
      hits.push({
        line: n,
        column: (intro.index ?? 0) + (first.index ?? 0) + 1,
        message: `this sentence says the sample works on ${[...kinds].map((k) => `${k}s`).join(' and ')} ("${first[0]}"), but the sample (line ${fence.open + 1}) uses ${[...used].map((k) => (k === 'secret' ? 'SecretClient' : k === 'key' ? 'KeyClient' : 'CertificateClient')).join(' and ')}, which works on ${[...used].map((k) => `${k}s`).join(' and ')}: describe what the code really does.`,
      });
    }
    return hits;
  },
};
