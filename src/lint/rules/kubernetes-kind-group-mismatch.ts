// A built-in Kubernetes kind written with an API group that has never served it: an HPA whose
// scaleTargetRef says `apiVersion: networking.k8s.io/v1` with `kind: Deployment` (Deployments are in
// apps/v1), a Deployment declared in networking.k8s.io/v1. The group each kind is served in today is
// the "use" of the Deprecated API Migration Guide's table (src/reference/kubernetes-removed-apis.json),
// so the check knows exactly the kinds that guide names.
import { isScalar, type YAMLMap } from 'yaml';
import type { Rule, RuleHit } from '../rule.ts';
import { mappings, pairNamed, yamlBlocks } from '../yaml-blocks.ts';
import { removedApis } from './kubernetes-api-removed.ts';

const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
// The core group also serves an Event (core/v1 Event beside events.k8s.io/v1): Kubernetes API reference, Event v1 core.
const ALSO_SERVED: Record<string, string[]> = { Event: [''] };

let served: Map<string, string> | undefined;
let builtIn: Set<string> | undefined;
/** Each kind of the guide → the group/version it is served in today; and the built-in groups the guide names. */
function tables(): { served: Map<string, string>; builtIn: Set<string> } {
  if (!served || !builtIn) {
    served = new Map();
    builtIn = new Set(['']);
    for (const r of removedApis().removed) {
      for (const v of r.apiVersions) builtIn.add(groupOf(v));
      if (!/^[a-z0-9.]+\/v\d+$|^v\d+$/.test(r.use)) continue;
      for (const k of r.kinds) served.set(k, r.use);
    }
  }
  return { served, builtIn };
}

function scalarField(map: YAMLMap, name: string): { value: string; offset: number } | undefined {
  const pair = pairNamed(map, name);
  if (!pair || !isScalar(pair.value) || typeof pair.value.value !== 'string' || !pair.value.range) return undefined;
  return { value: pair.value.value, offset: pair.value.range[0] };
}

export const kubernetesKindGroupMismatch: Rule = {
  id: 'kubernetes-kind-group-mismatch',
  name: 'KubernetesKindGroupMismatch',
  severity: 'warning',
  shortDescription: 'A built-in Kubernetes kind is written with an API group that does not serve it (kind: Deployment with apiVersion: networking.k8s.io/v1).',
  fullDescription:
    'Each built-in Kubernetes kind is served by one API group (Deployment, ReplicaSet, StatefulSet and DaemonSet by apps; Ingress, IngressClass and NetworkPolicy by networking.k8s.io; CronJob by batch; HorizontalPodAutoscaler by autoscaling — the groups of the Deprecated API Migration Guide, kubernetes/website deprecation-guide.md, src/reference/kubernetes-removed-apis.json). An object declared with another built-in group is refused by kubectl apply with no matches for kind "Deployment" in version "networking.k8s.io/v1" (an error); a reference to one — the scaleTargetRef of a HorizontalPodAutoscaler — is accepted, and the autoscaler then cannot find its target (FailedGetScale) and never scales (a warning). Versions the guide lists as removed are left to kubernetes-api-removed; a group that is not a built-in one (a custom resource\'s) is not judged.',
  help: 'Use the group that serves the kind (apps/v1 for a Deployment).',
  check(doc) {
    const hits: RuleHit[] = [];
    const { served, builtIn } = tables();
    const removed = removedApis().removed;
    for (const block of yamlBlocks(doc)) {
      const top = block.doc.contents;
      for (const map of mappings(block)) {
        const apiVersion = scalarField(map, 'apiVersion');
        const kind = scalarField(map, 'kind');
        if (!apiVersion || !kind) continue;
        const use = served.get(kind.value);
        const group = groupOf(apiVersion.value);
        if (!use || !builtIn.has(group) || group === groupOf(use) || ALSO_SERVED[kind.value]?.includes(group)) continue;
        if (removed.some((r) => r.kinds.includes(kind.value) && r.apiVersions.includes(apiVersion.value))) continue;
        const at = block.at(apiVersion.offset);
        const object = map === top;
        hits.push({
          line: at.line,
          column: at.column,
          severity: object ? 'error' : 'warning',
          message: object
            ? `${kind.value} is served by ${use}, not ${apiVersion.value}: kubectl apply stops with 'no matches for kind "${kind.value}" in version "${apiVersion.value}"'. Write apiVersion: ${use}.`
            : `this reference names a ${kind.value} in ${apiVersion.value}, but ${kind.value} is served by ${use}: the object that holds it is accepted, and the reference then finds nothing (a HorizontalPodAutoscaler reports FailedGetScale and never scales). Write apiVersion: ${use}.`,
        });
      }
    }
    return hits;
  },
};
