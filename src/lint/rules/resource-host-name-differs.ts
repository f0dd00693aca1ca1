// A URL on the page whose host names a key vault or a storage account a slip away from the one the
// page's commands create and use: `az keyvault secret set --vault-name "Contoso-Vault2"` followed by
// "Use https://ContosoVault.vault.azure.net/secrets/ExamplePassword". The host of a vault or an
// account IS its name, so the URL points at another vault (or at no host at all).
import type { Rule, RuleHit } from '../rule.ts';
import { nameUses } from '../name-uses.ts';
import { editDistance } from '../../parse/placeholders.ts';

interface HostKind {
  kind: string;
  what: string;
  host: RegExp;
  uri: (name: string, service: string) => string;
}

// Key Vault: https://{vault-name}.vault.azure.net/{object-type}/{object-name}/{object-version} (Key Vault
// "About keys, secrets, and certificates", Object identifiers). Storage: https://{account}.{blob|queue|
// table|file|dfs|web}.core.windows.net (Storage account overview, Standard endpoints).
const KINDS: readonly HostKind[] = [
  { kind: 'keyvault', what: 'key vault', host: /\bhttps?:\/\/([A-Za-z0-9-]+)\.vault\.azure\.net\b/g, uri: (n) => `https://${n.toLowerCase()}.vault.azure.net` },
  { kind: 'storage account', what: 'storage account', host: /\bhttps?:\/\/([A-Za-z0-9]+)\.(blob|queue|table|file|dfs|web)\.core\.windows\.net\b/g, uri: (n, s) => `https://${n.toLowerCase()}.${s}.core.windows.net` },
];

const squash = (s: string): string => s.toLowerCase().replace(/[-_]/g, '');

export const resourceHostNameDiffers: Rule = {
  id: 'resource-host-name-differs',
  name: 'ResourceHostNameDiffers',
  severity: 'warning',
  shortDescription: 'A URL names a key vault or storage account a slip away from the one the page creates and uses.',
  fullDescription:
    'A key vault\'s URI is https://{vault-name}.vault.azure.net and every secret, key and certificate id starts with it (Key Vault, "About keys, secrets, and certificates": object identifiers); a storage account\'s endpoints are https://{account}.blob|queue|table|file|dfs.core.windows.net (Storage account overview, standard endpoints). DNS names are case-insensitive, but a host that differs from the vault or account the page creates by a letter, a hyphen or a digit names another resource: the reader who copies https://ContosoVault.vault.azure.net/secrets/ExamplePassword after creating Contoso-Vault2 reaches someone else\'s vault or no host at all, and an example id with that host is not one the service printed. Judged only when the page\'s commands name exactly one vault (or account) of that kind and the host is within two edits of it, ignoring case and hyphens; hosts that are placeholders or unlike the page\'s name (another resource the prose introduces) are left alone.',
  help: 'Write the host of the resource the page creates (the finding names it).',
  check(doc) {
    if (!doc.hasText) return [];
    // Most pages name no vault or storage host: read the page's names only when one does.
    const urlLines: number[] = [];
    for (let n = 1; n <= doc.lineCount; n++) if (/\.(?:vault\.azure\.net|core\.windows\.net)\b/i.test(doc.line(n))) urlLines.push(n);
    if (urlLines.length === 0) return [];
    const uses = nameUses(doc);
    const hits: RuleHit[] = [];
    for (const k of KINDS) {
      const names = new Map<string, string>();
      for (const u of uses) if (u.kind === k.kind && !names.has(u.name.toLowerCase())) names.set(u.name.toLowerCase(), u.name);
      if (names.size !== 1) continue;
      const name = [...names.values()][0] as string;
      for (const n of urlLines) {
        for (const m of doc.line(n).matchAll(k.host)) {
          const host = m[1] as string;
          if (host.toLowerCase() === name.toLowerCase()) continue;
          const a = squash(host);
          const b = squash(name);
          if (a === b ? false : editDistance(a, b) > 2 || Math.min(a.length, b.length) < 5) continue;
          const right = k.uri(name, m[2] ?? '');
          hits.push({
            line: n,
            column: (m.index ?? 0) + 1,
            message: `the page's commands use the ${k.what} ${name}, whose host is ${right.replace(/^https:\/\//, '')}; ${m[0]} names another ${k.what} (the host is the resource's name). Write ${right}.`,
            suggestion: right,
          });
        }
      }
    }
    return hits;
  },
};
