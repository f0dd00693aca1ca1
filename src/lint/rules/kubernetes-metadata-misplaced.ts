// A manifest whose `name:` (or labels, namespace) stands beside `metadata:` instead of under it —
// usually an indentation lost on the page:
//     metadata:
//     name: appgw-request-count-metric
// YAML reads metadata as empty and name as a top-level field, so the object has no name and
// kubectl apply cannot create it. A reader's fix: MicrosoftDocs/azure-docs#124028 ("Fix format").
import { isMap, isScalar, type Pair } from 'yaml';
import type { Rule, RuleHit } from '../rule.ts';
import { keyOf, pairNamed, yamlBlocks } from '../yaml-blocks.ts';

// The fields of ObjectMeta a page writes by hand (Kubernetes API reference, ObjectMeta).
const META_FIELDS = new Set(['name', 'namespace', 'labels', 'annotations', 'generateName']);

const empty = (pair: Pair | undefined): boolean =>
  !pair || pair.value === null || (isScalar(pair.value) && (pair.value.value === null || pair.value.value === '')) || (isMap(pair.value) && pair.value.items.length === 0);

export const kubernetesMetadataMisplaced: Rule = {
  id: 'kubernetes-metadata-misplaced',
  name: 'KubernetesMetadataMisplaced',
  severity: 'error',
  shortDescription: 'A Kubernetes manifest has name (or namespace, labels) at the top level beside an empty metadata: the object has no name.',
  fullDescription:
    'Every Kubernetes object is named by metadata.name (Kubernetes documentation, "Object Names and IDs"; ObjectMeta in the API reference). When the lines under metadata: lose their indentation, YAML reads metadata as empty and name, namespace or labels as top-level fields of the object, which no kind has: the object reaches kubectl without a name, and kubectl apply stops with "resource name may not be empty" (a strict field validation, the default since kubectl 1.27, also names the unknown top-level field). The page meant them under metadata. A reader fixed it on the Application Gateway autoscaling page (MicrosoftDocs/azure-docs#124028, "Fix format"). Only YAML blocks that are Kubernetes objects (top-level apiVersion and kind) with an empty or missing metadata are judged.',
  help: 'Indent name (and namespace, labels, annotations) under metadata:.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const block of yamlBlocks(doc)) {
      const top = block.doc.contents;
      if (!isMap(top)) continue;
      const pairOf = (name: string) => pairNamed(top, name);
      const apiVersion = pairOf('apiVersion');
      const kind = pairOf('kind');
      if (!apiVersion || !kind || !isScalar(kind.value) || !isScalar(apiVersion.value)) continue;
      const metadata = pairOf('metadata');
      if (!empty(metadata)) continue;
      const name = pairOf('name');
      if (!name || !isScalar(name.value) || name.value.value === null) continue;
      const misplaced = top.items.map((p) => keyOf(p)).filter((k): k is { name: string; offset: number } => !!k && META_FIELDS.has(k.name));
      const key = keyOf(name)!;
      const at = block.at(key.offset);
      hits.push({
        line: at.line,
        column: at.column,
        message: `${misplaced.map((k) => k.name).join(', ')} ${misplaced.length > 1 ? 'stand' : 'stands'} beside ${metadata ? 'an empty metadata:' : 'no metadata:'} instead of under it, so this ${String(kind.value.value)} has no metadata.name and kubectl apply stops with "resource name may not be empty". Indent ${misplaced.length > 1 ? 'them' : 'it'} under metadata:.`,
      });
    }
    return hits;
  },
};
