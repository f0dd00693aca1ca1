// "MicrosoftCompute/virtualMachines", "Microsoft.Strorage/…": a resource provider namespace that is
// a dot or one letter away from a real one. Resource Manager answers "NoRegisteredProviderFound" /
// "InvalidResourceNamespace"; a template or Bicep file does not deploy. "Microsoft.Storage/storageAcounts":
// a resource type a letter away from one of its namespace's types (InvalidResourceType).
import { readFileSync } from 'node:fs';
import type { Rule, RuleHit } from '../rule.ts';
import { editDistance } from '../../parse/placeholders.ts';
import { closeMatches } from '../../reference/close-matches.ts';

interface NamespaceList {
  namespaces: string[];
}
let known: string[] | undefined;
function namespaces(): string[] {
  // By import.meta.url, which the bundled CLI (scripts/build-dist.mjs) rewrites; import.meta.dirname it leaves empty.
  // The documentation's table (2020) and the namespaces of the api-version table (REST specs): one
  // list of namespaces that exist, so a namespace the specs know is never "misspelt".
  known ??= [
    ...new Set([
      ...(JSON.parse(readFileSync(new URL('../../reference/provider-namespaces.json', import.meta.url), 'utf8')) as NamespaceList).namespaces,
      ...Object.keys((JSON.parse(readFileSync(new URL('../../reference/api-versions.json', import.meta.url), 'utf8')) as { namespaces: Record<string, unknown> }).namespaces),
    ]),
  ];
  return known;
}

/** Two adjacent letters swapped ("Stroage" for "Storage"): one slip of the fingers, two edits for Levenshtein. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** The namespace `written` misspells, or undefined when it is a listed one (any case) or not close to one. */
export function misspeltNamespace(written: string): string | undefined {
  const lower = written.toLowerCase();
  const list = namespaces();
  if (list.some((n) => n.toLowerCase() === lower)) return undefined;
  const flat = lower.replace(/\./g, '');
  const byDot = list.find((n) => n.toLowerCase().replace(/\./g, '') === flat);
  if (byDot) return byDot;
  const tail = lower.replace(/^microsoft\.?/, '');
  if (tail.length < 6 || !/^microsoft\./.test(lower)) return undefined;
  const near = list.filter((n) => {
    const known = n.toLowerCase().replace(/^microsoft\./, '');
    return editDistance(known, tail) === 1 || swapped(known, tail);
  });
  return near.length === 1 ? near[0] : undefined;
}

interface TypeList {
  namespaces: Record<string, { types: string[]; fromRoles: string[]; source: { repo: string; path: string; commit: string }; dataActions?: { types: string[] } }>;
}
/** A namespace's types; `written` adds the data-plane names its data actions start with (Microsoft.KeyVault/managedHsm/keys/read/action), right as written but never suggested. */
let typeLists: Map<string, { types: string[]; written: string[]; source: string }> | undefined;
function typesOf(namespace: string): { types: string[]; written: string[]; source: string } | undefined {
  if (!typeLists) {
    const read = JSON.parse(readFileSync(new URL('../../reference/resource-types.json', import.meta.url), 'utf8')) as TypeList;
    typeLists = new Map(
      Object.entries(read.namespaces).map(([name, entry]) => [name.toLowerCase(), { types: [...entry.types, ...entry.fromRoles], written: entry.dataActions?.types ?? [], source: `${entry.source.repo} ${entry.source.path}` }]),
    );
  }
  return typeLists.get(namespace.toLowerCase());
}

/**
 * The top-level resource type `written` misspells in `namespace` ("storageAcounts" → storageAccounts),
 * for the namespaces src/reference/resource-types.json lists. Only a near miss is reported (one letter
 * off, or two in a long name, or two letters swapped): the lists hold the types a client can create or
 * read at the newest version and those the built-in roles name, so a type far from all of them may be
 * one they miss (a list-only or retired type), never a typo to correct.
 */
export function misspeltType(namespace: string, written: string): { type: string; source: string } | undefined {
  const list = typesOf(namespace);
  if (!list || written.length < 6) return undefined;
  const lower = written.toLowerCase();
  if ([...list.types, ...list.written].some((t) => t.toLowerCase() === lower)) return undefined;
  const near = list.types.filter((t) => {
    const known = t.toLowerCase();
    const distance = editDistance(known, lower);
    return distance === 1 || (distance === 2 && lower.length >= 10) || swapped(known, lower);
  });
  const best = closeMatches(written, near, 1, 0)[0];
  return best ? { type: best, source: list.source } : undefined;
}

const WRITTEN = /(?<![\w.])(Microsoft\.?[A-Za-z]+)(?=\/[A-Za-z])/gi;
// What follows a namespace: its first type segment (a URL, a template or Bicep type, a role action).
const TYPE_AFTER = /^\/([A-Za-z][A-Za-z0-9]*)(?![A-Za-z0-9])/;
// az resource … --namespace Microsoft.Storage --resource-type storageAcounts (the type without its namespace).
const AZ_NAMESPACE = /--namespace[\s=]+["']?(Microsoft\.[A-Za-z]+)/i;
const AZ_TYPE = /--resource-type[\s=]+["']?([A-Za-z][A-Za-z0-9]*)(?![A-Za-z0-9/.])/i;

export const providerNamespaceMisspelt: Rule = {
  id: 'provider-namespace-misspelt',
  name: 'ProviderNamespaceMisspelt',
  severity: 'error',
  shortDescription: 'A resource provider namespace or resource type is misspelt (a missing dot, one wrong letter, two letters swapped).',
  fullDescription:
    'Resource Manager routes a request by its provider namespace (Microsoft.Compute, Microsoft.Storage…). A namespace written without its dot or with a letter wrong names no provider: the request fails with NoRegisteredProviderFound or InvalidResourceNamespace, a template or Bicep file does not deploy, an az --scope is rejected. The list of namespaces is the one the Azure Resource Manager documentation publishes (src/reference/provider-namespaces.json names the page and commit) with those of the api-version table. A resource type one letter away from a real one (Microsoft.Storage/storageAcounts) gets InvalidResourceType ("The resource type could not be found in the namespace"): the types are those of Bicep\'s generated types of the newest api-version and of the built-in roles\' actions (src/reference/resource-types.json, generated by scripts/generate-resource-types.ts; the first segment of a data action a REST spec lists, such as Managed HSM\'s Microsoft.KeyVault/managedHsm/keys/read/action in Azure/azure-rest-api-specs keyvault data-plane rbac.json, is written rightly too), for Microsoft.Storage, Microsoft.KeyVault and Microsoft.ManagedIdentity; in URLs, templates, Bicep, role actions and az --resource-type (with --namespace).',
  help: 'Write the namespace and type as the provider spells them, e.g. Microsoft.Compute, Microsoft.Storage/storageAccounts.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (let n = 1; n <= doc.lineCount; n++) {
      const text = doc.line(n);
      for (const m of text.matchAll(WRITTEN)) {
        const right = misspeltNamespace(m[1]!);
        if (right) {
          hits.push({
            line: n,
            column: (m.index ?? 0) + 1,
            message: `"${m[1]}" is not a resource provider namespace: Resource Manager answers NoRegisteredProviderFound / InvalidResourceNamespace. Did you mean ${right}?`,
            suggestion: right,
          });
          continue;
        }
        const after = TYPE_AFTER.exec(text.slice((m.index ?? 0) + m[1]!.length));
        if (after) typeHit(hits, n, (m.index ?? 0) + m[1]!.length + 2, m[1]!, after[1]!);
      }
      const ns = AZ_NAMESPACE.exec(text);
      const type = ns && AZ_TYPE.exec(text);
      if (ns && type) typeHit(hits, n, (type.index ?? 0) + type[0].length - type[1]!.length + 1, ns[1]!, type[1]!);
    }
    return hits;
  },
};

function typeHit(hits: RuleHit[], line: number, column: number, namespace: string, written: string): void {
  const right = misspeltType(namespace, written);
  if (!right) return;
  hits.push({
    line,
    column,
    message: `${namespace} has no resource type "${written}": Resource Manager answers InvalidResourceType ("The resource type '${written}' could not be found in the namespace '${namespace}'"), a template or Bicep file does not deploy. Did you mean ${right.type}? (types of ${right.source})`,
    suggestion: right.type,
  });
}
