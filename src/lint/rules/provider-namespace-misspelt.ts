// "MicrosoftCompute/virtualMachines", "Microsoft.Strorage/…": a resource provider namespace that is
// a dot or one letter away from a real one. Resource Manager answers "NoRegisteredProviderFound" /
// "InvalidResourceNamespace"; a template or Bicep file does not deploy.
import { readFileSync } from 'node:fs';
import type { Rule, RuleHit } from '../rule.ts';
import { editDistance } from '../../parse/placeholders.ts';

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
  const near = list.filter((n) => editDistance(n.toLowerCase().replace(/^microsoft\./, ''), tail) === 1);
  return near.length === 1 ? near[0] : undefined;
}

const WRITTEN = /(?<![\w.])(Microsoft\.?[A-Za-z]+)(?=\/[A-Za-z])/gi;

export const providerNamespaceMisspelt: Rule = {
  id: 'provider-namespace-misspelt',
  name: 'ProviderNamespaceMisspelt',
  severity: 'error',
  shortDescription: 'A resource provider namespace is misspelt (a missing dot, one wrong letter).',
  fullDescription:
    'Resource Manager routes a request by its provider namespace (Microsoft.Compute, Microsoft.Storage…). A namespace written without its dot or with a letter wrong names no provider: the request fails with NoRegisteredProviderFound or InvalidResourceNamespace, a template or Bicep file does not deploy, an az --scope is rejected. The list of namespaces is the one the Azure Resource Manager documentation publishes (src/reference/provider-namespaces.json names the page and commit).',
  help: 'Write the namespace as the provider spells it, e.g. Microsoft.Compute.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (let n = 1; n <= doc.lineCount; n++) {
      const text = doc.line(n);
      for (const m of text.matchAll(WRITTEN)) {
        const right = misspeltNamespace(m[1]!);
        if (!right) continue;
        hits.push({
          line: n,
          column: (m.index ?? 0) + 1,
          message: `"${m[1]}" is not a resource provider namespace: Resource Manager answers NoRegisteredProviderFound / InvalidResourceNamespace. Did you mean ${right}?`,
          suggestion: right,
        });
      }
    }
    return hits;
  },
};
