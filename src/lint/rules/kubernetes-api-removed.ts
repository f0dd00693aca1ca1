// A Kubernetes manifest whose apiVersion the API server no longer serves for its kind: a Deployment in
// extensions/v1beta1 (removed in 1.16), an Ingress in extensions/v1beta1 or networking.k8s.io/v1beta1
// (removed in 1.22). kubectl apply of such a file fails on every cluster AKS can create today, so
// the step that applies it and everything that uses the app after it cannot work. The table is
// src/reference/kubernetes-removed-apis.json (Kubernetes' Deprecated API Migration Guide).
// Readers reported it on AKS and Application Gateway pages: azure-docs#59213, #99001, #99186.
import { readFileSync } from 'node:fs';
import { isMap, isScalar } from 'yaml';
import type { Rule, RuleHit } from '../rule.ts';
import { pairNamed, yamlBlocks } from '../yaml-blocks.ts';

interface Removed {
  kinds: string[];
  apiVersions: string[];
  removedIn: string;
  use: string;
  anchor: string;
  changes?: string;
}

interface Table {
  about: { source: { repo: string; path: string; commit: string; copyOf?: string } };
  removed: Removed[];
}

let table: Table | undefined;
export const removedApis = (): Table =>
  (table ??= JSON.parse(readFileSync(new URL('../../reference/kubernetes-removed-apis.json', import.meta.url), 'utf8')) as Table);

/** The removal entry for a kind in an apiVersion, if the API server stopped serving it. */
export function removedApi(apiVersion: string, kind: string): Removed | undefined {
  return removedApis().removed.find((r) => r.kinds.includes(kind) && r.apiVersions.includes(apiVersion));
}

export const kubernetesApiRemoved: Rule = {
  id: 'kubernetes-api-removed',
  name: 'KubernetesApiRemoved',
  severity: 'error',
  shortDescription: 'A Kubernetes manifest uses an apiVersion that is no longer served for its kind (Deployment in extensions/v1beta1, Ingress in networking.k8s.io/v1beta1).',
  fullDescription:
    'Kubernetes stops serving deprecated API versions in set releases (Deprecated API Migration Guide, kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md): Deployment, DaemonSet and ReplicaSet in extensions/v1beta1 and apps/v1beta1/v1beta2, and NetworkPolicy in extensions/v1beta1, in 1.16; Ingress in extensions/v1beta1 and networking.k8s.io/v1beta1, the RBAC, CRD, webhook, storage and scheduling v1beta1 versions in 1.22; CronJob batch/v1beta1, PodDisruptionBudget and PodSecurityPolicy policy/v1beta1, HorizontalPodAutoscaler autoscaling/v2beta1, EndpointSlice, Event and RuntimeClass v1beta1 in 1.25; HorizontalPodAutoscaler autoscaling/v2beta2 and flowcontrol v1beta1 in 1.26; CSIStorageCapacity v1beta1 in 1.27; flowcontrol v1beta2 in 1.29 and v1beta3 in 1.32. No Kubernetes version AKS creates clusters with serves them (the AKS release calendar, MicrosoftDocs/azure-aks-docs supported-kubernetes-versions.md @fb060abe, starts at 1.32, and the LTS of 1.31 ended in November 2026), so kubectl apply of such a manifest stops with: no matches for kind "Deployment" in version "extensions/v1beta1" (readers reported it: MicrosoftDocs/azure-docs#59213 on the HTTP application routing page, #99001 and #99186 on the Application Gateway ingress page). Only YAML blocks that are Kubernetes objects (top-level apiVersion and kind) are judged; a block that is not valid YAML is not.',
  help: 'Use the served version (apps/v1, networking.k8s.io/v1, …) and make the changes it requires (apps/v1 needs spec.selector; networking.k8s.io/v1 Ingress needs service.name, service.port and pathType).',
  check(doc) {
    const hits: RuleHit[] = [];
    const source = removedApis().about.source;
    for (const block of yamlBlocks(doc)) {
      const top = block.doc.contents;
      if (!isMap(top)) continue;
      const field = (name: string) => pairNamed(top, name);
      const apiPair = field('apiVersion');
      const kindPair = field('kind');
      if (!apiPair || !kindPair || !isScalar(apiPair.value) || !isScalar(kindPair.value) || !apiPair.value.range) continue;
      const apiVersion = String(apiPair.value.value);
      const kind = String(kindPair.value.value);
      const removed = removedApi(apiVersion, kind);
      if (!removed) continue;
      const at = block.at(apiPair.value.range[0]);
      hits.push({
        line: at.line,
        column: at.column,
        message: `${kind} in ${apiVersion} is no longer served since Kubernetes ${removed.removedIn}, and no AKS version a cluster can be created with today serves it: kubectl apply stops with 'no matches for kind "${kind}" in version "${apiVersion}"'. Use ${removed.use}${removed.changes ? ` (${removed.changes})` : ''} (${source.copyOf ?? source.repo} ${source.path} #${removed.anchor}).`,
      });
    }
    return hits;
  },
};
