// An api-version years behind the newest stable one, a preview where a stable version has shipped,
// or a version the provider never published, for the namespaces src/reference/api-versions.json
// covers (generated from the REST specs' version folders; see scripts/generate-api-versions.ts).
import { readFileSync } from 'node:fs';
import type { Rule, RuleHit } from '../rule.ts';
import { apiVersionMentions, type ApiVersionMention } from '../api-version-mentions.ts';
import type { ApiVersionTable, ListingSource, NamespaceVersions, VersionSet } from '../../reference/api-versions-source.ts';
import { notADate } from './api-version-not-a-date.ts';
import { API_VERSIONS } from '../../emulator/services/arm/api-versions.ts';

let table: Map<string, { name: string; entry: NamespaceVersions }> | undefined;
function namespaces(): Map<string, { name: string; entry: NamespaceVersions }> {
  // By import.meta.url, which the bundled CLI (scripts/build-dist.mjs) rewrites; import.meta.dirname it leaves empty.
  if (!table) {
    const read = JSON.parse(readFileSync(new URL('../../reference/api-versions.json', import.meta.url), 'utf8')) as ApiVersionTable;
    table = new Map(Object.entries(read.namespaces).map(([name, entry]) => [name.toLowerCase(), { name, entry }]));
  }
  return table;
}

/**
 * Versions Resource Manager registers beyond the specs' folders (roleAssignments 2017-05-01, storage
 * 2021-05-01…), as the emulator models them from ARM's own "supported versions" lists: known too.
 */
function registered(type: string, version: string): boolean {
  const top = type.split('/')[0]!.toLowerCase();
  const rule = Object.values(API_VERSIONS).find((r) => r.typeName.toLowerCase() === top);
  return rule !== undefined && rule.versions.includes(version);
}

export interface VersionVerdict {
  severity: 'warning' | 'note';
  message: string;
  suggestion?: string;
}

const isPreview = (v: string) => /^\d{4}-\d{2}-\d{2}-/.test(v);
const day = (v: string) => v.slice(0, 10);
/** `v` plus two years, as a comparable YYYY-MM-DD. */
const twoYearsAfter = (v: string) => `${Number(v.slice(0, 4)) + 2}${v.slice(4, 10)}`;

// The namespace of each resource type the emulator models (its lists are ARM's registered versions).
const EMULATED_NAMESPACE: Record<string, string> = {
  resourcegroups: 'Microsoft.Resources', subscriptions: 'Microsoft.Resources', resources: 'Microsoft.Resources', providers: 'Microsoft.Resources',
  virtualmachines: 'Microsoft.Compute', storageaccounts: 'Microsoft.Storage', userassignedidentities: 'Microsoft.ManagedIdentity',
  roleassignments: 'Microsoft.Authorization', roledefinitions: 'Microsoft.Authorization', vaults: 'Microsoft.KeyVault',
};

/**
 * Where the table has no entry for the namespace (Microsoft.Resources, Microsoft.Compute), the
 * emulator's list of the versions ARM registers for the type, read as a partial listing: it never
 * makes a version unknown, and its newest stable is named as a lower bound.
 */
function emulated(namespace: string, type: string): { name: string; entry: NamespaceVersions } | undefined {
  const top = type.split('/')[0]!.toLowerCase();
  if (EMULATED_NAMESPACE[top]?.toLowerCase() !== namespace.toLowerCase()) return undefined;
  const rule = Object.values(API_VERSIONS).find((r) => r.typeName.toLowerCase() === top);
  if (!rule) return undefined;
  const versions = [...rule.versions].sort();
  return {
    name: EMULATED_NAMESPACE[top]!,
    entry: {
      source: { repo: 'this repository', folder: 'src/emulator/services/arm/api-versions.ts', listing: 'API_VERSIONS', commits: [] },
      partial: "the emulator's list of the versions ARM registers for the type",
      stable: versions.filter((v) => !isPreview(v)),
      preview: versions.filter(isPreview),
      types: { [top]: { stable: versions.filter((v) => !isPreview(v)), preview: versions.filter(isPreview) } },
    },
  };
}

/** What is wrong with `version` for `namespace`/`type`, or undefined when nothing is (or the table does not know). */
export function judgeApiVersion(namespace: string, type: string, version: string): VersionVerdict | undefined {
  const listed = namespaces().get(namespace.toLowerCase());
  const found = listed && (!listed.entry.types || listed.entry.types[type.split('/')[0]!.toLowerCase()]) ? listed : (emulated(namespace, type) ?? listed);
  if (!found) return undefined;
  const { name, entry } = found;
  let set: VersionSet = entry;
  let what = name;
  let origin: { source: ListingSource; partial?: string | undefined } = entry;
  const top = type.split('/')[0]!.toLowerCase();
  const typed = entry.types?.[top];
  if (!typed && (entry.except?.includes(top) || (entry.types && entry.stable.length + entry.preview.length === 0))) return undefined;
  if (typed) {
    set = typed;
    what = `${name}/${type.split('/')[0]}`;
    // A type from one of several listings of its namespace carries its own source and partialness.
    if (typed.source) origin = { source: typed.source, partial: typed.partial };
  }
  const [y, m, d] = version.split('-').map(Number) as [number, number, number];
  if (notADate(y, m, d)) return undefined; // api-version-not-a-date says it
  const newest = set.stable[set.stable.length - 1];
  const partial = origin.partial !== undefined;
  const newestText = newest && (partial ? `the stable version ${newest} (the listing may miss newer ones)` : `the newest stable version, ${newest}`);
  const source = `${origin.source.repo} ${origin.source.folder}`;
  if (!set.stable.includes(version) && !set.preview.includes(version) && !registered(type, version)) {
    const latest = [...set.stable, ...set.preview].map(day).sort().pop();
    // A version newer than anything listed may postdate the listing; partial data proves nothing.
    if (partial || !latest || day(version) > latest) return undefined;
    return {
      severity: 'warning',
      message: `api-version ${version} is not among the versions ${what} published (${source}): Resource Manager answers 400 (NoRegisteredProviderFound / InvalidApiVersionParameter, listing the versions it supports) when the provider does not register a version.${newest ? ` The newest stable is ${newest}.` : ''}`,
      ...(newest ? { suggestion: newest } : {}),
    };
  }
  if (!newest) return undefined;
  const stale = twoYearsAfter(version) < newest;
  if (isPreview(version)) {
    if (day(version) >= newest) return undefined;
    if (stale)
      return {
        severity: 'warning',
        message: `api-version ${version} of ${what} is a preview more than two years older than ${newestText}: previews are retired once stable versions ship, and properties change between them. Use ${newest}.`,
        suggestion: newest,
      };
    return {
      severity: 'note',
      message: `api-version ${version} of ${what} is a preview, and the stable ${newest} has shipped since: previews can change or be retired without notice. Prefer ${newest}.`,
      suggestion: newest,
    };
  }
  if (!stale) return undefined;
  return {
    severity: 'warning',
    message: `api-version ${version} of ${what} is more than two years older than ${newestText}: it still answers, but the page's requests and examples miss what changed since, and Azure retires old versions. Use ${newest} (and check the page's bodies and examples against it).`,
    suggestion: newest,
  };
}

export const apiVersionCurrency: Rule = {
  id: 'api-version-currency',
  name: 'ApiVersionCurrency',
  severity: 'warning',
  shortDescription: 'An api-version more than two years behind the newest stable one, a preview where a stable version exists, or a version the provider never published.',
  fullDescription:
    'Resource Manager serves each resource type at the api-versions its provider registers. A page that copies an old version keeps working until the version is retired, but its bodies and examples describe the resource as it was years ago; a preview version can change or disappear once a stable one ships; a version the provider never registered gets 400 NoRegisteredProviderFound / InvalidApiVersionParameter. Versions come from src/reference/api-versions.json (the REST specs\' version folders, generated by scripts/generate-api-versions.ts); namespaces it does not cover are not judged, and a version it does not list is only a warning since the lists hold the versions that created resources, not every version a provider accepts. A log record\'s "requestUri" (Key Vault\'s AuditEvent, Azure Monitor resource logs) is the request some client made when the record was written, not a request of the page: not judged.',
  help: 'Use the newest stable api-version of the resource type, and check the page\'s request bodies and example outputs against it.',
  check(doc) {
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const mention of apiVersionMentions(doc)) {
      const key = `${mention.line}:${mention.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const verdict = judgeApiVersion(mention.namespace, mention.type, mention.version);
      if (!verdict) continue;
      hits.push(hit(mention, verdict));
    }
    return hits;
  },
};

function hit(mention: ApiVersionMention, verdict: VersionVerdict): RuleHit {
  return {
    line: mention.line,
    column: mention.column,
    message: verdict.message,
    ...(verdict.suggestion ? { suggestion: verdict.suggestion } : {}),
    ...(verdict.severity === 'note' ? { severity: 'note' as const } : {}),
  };
}
