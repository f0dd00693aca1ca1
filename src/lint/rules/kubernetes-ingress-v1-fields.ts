// An Ingress that says networking.k8s.io/v1 but still has the v1beta1 shape: a backend with
// serviceName/servicePort (v1 has service.name and service.port), spec.backend (v1: defaultBackend),
// a path without pathType (required in v1), or a service port written as a bare number (v1: port: {number}). Pages half-migrated from extensions/v1beta1 changed
// the apiVersion line only; kubectl apply then fails on every cluster. A reader reported it on the
// Application Gateway troubleshooting page: MicrosoftDocs/azure-docs#96261.
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { Rule, RuleHit } from '../rule.ts';
import { pairNamed, yamlBlocks, type YamlBlock } from '../yaml-blocks.ts';

/** A mapping's value under a scalar key, and the key's offset. */
function field(map: YAMLMap, name: string): { value: unknown; offset: number } | undefined {
  const pair = pairNamed(map, name);
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  return { value: pair.value, offset: pair.key.range[0] };
}

interface Problem {
  offset: number;
  path: string;
  what: 'unknown' | 'required' | 'port';
}

/** The v1beta1 leftovers of one Ingress spec, with the field path the API server names. */
function problems(spec: YAMLMap): Problem[] {
  const out: Problem[] = [];
  const backend = (map: unknown, path: string): void => {
    if (!isMap(map)) return;
    for (const old of ['serviceName', 'servicePort']) {
      const f = field(map, old);
      if (f) out.push({ offset: f.offset, path: `${path}.${old}`, what: 'unknown' });
    }
    // v1's service.port is an object (number or name); servicePort's bare value moved there is not.
    const service = field(map, 'service')?.value;
    const port = isMap(service) ? field(service, 'port') : undefined;
    if (port && isScalar(port.value) && port.value.value !== null) out.push({ offset: port.offset, path: `${path}.service.port`, what: 'port' });
  };
  const oldDefault = field(spec, 'backend');
  if (oldDefault) out.push({ offset: oldDefault.offset, path: 'spec.backend', what: 'unknown' });
  const def = field(spec, 'defaultBackend');
  if (def) backend(def.value, 'spec.defaultBackend');
  const rules = field(spec, 'rules')?.value;
  if (!isSeq(rules)) return out;
  rules.items.forEach((rule, r) => {
    if (!isMap(rule)) return;
    const http = field(rule, 'http')?.value;
    if (!isMap(http)) return;
    const paths = field(http, 'paths')?.value;
    if (!isSeq(paths)) return;
    paths.items.forEach((p, i) => {
      if (!isMap(p) || !p.range) return;
      const at = `spec.rules[${r}].http.paths[${i}]`;
      const b = field(p, 'backend');
      if (b) backend(b.value, `${at}.backend`);
      if (!field(p, 'pathType')) out.push({ offset: p.range[0], path: `${at}.pathType`, what: 'required' });
    });
  });
  return out;
}

function ingressV1Spec(block: YamlBlock): YAMLMap | undefined {
  const top = block.doc.contents;
  if (!isMap(top)) return undefined;
  const api = field(top, 'apiVersion')?.value;
  const kind = field(top, 'kind')?.value;
  if (!isScalar(api) || api.value !== 'networking.k8s.io/v1' || !isScalar(kind) || kind.value !== 'Ingress') return undefined;
  const spec = field(top, 'spec')?.value;
  return isMap(spec) ? spec : undefined;
}

export const kubernetesIngressV1Fields: Rule = {
  id: 'kubernetes-ingress-v1-fields',
  name: 'KubernetesIngressVersionOneFields',
  severity: 'error',
  shortDescription: 'An Ingress in networking.k8s.io/v1 still uses v1beta1 fields (backend serviceName/servicePort, spec.backend) or leaves out pathType.',
  fullDescription:
    'networking.k8s.io/v1 renamed the Ingress backend fields: serviceName and servicePort became service.name and service.port.number (or .name), spec.backend became spec.defaultBackend, and every HTTP path needs a pathType (Kubernetes API reference, Ingress v1; Deprecated API Migration Guide #ingress-v122). An Ingress that declares v1 but keeps the old fields is rejected: kubectl 1.25 and later validates fields strictly by default and the API server answers \'Ingress in version "v1" cannot be handled as a Ingress: strict decoding error: unknown field "spec.rules[0].http.paths[0].backend.serviceName"\'; older kubectl printed \'ValidationError(Ingress.spec.rules[0].http.paths[0].backend): unknown field "serviceName" in io.k8s.api.networking.v1.IngressBackend\' (a reader reported exactly this on the Application Gateway troubleshooting page, MicrosoftDocs/azure-docs#96261); a bare service port (port: 80 instead of port: {number: 80}) cannot be decoded into the v1 ServiceBackendPort object; a path without pathType fails validation with \'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified\' (kubernetes/kubernetes pkg/apis/networking/validation/validation.go, validateHTTPIngressPath). Manifests are read from YAML blocks and from here-documents kubectl applies.',
  help: 'Write backend: service: name: <service> port: number: <port>, spec.defaultBackend for spec.backend, and give each path a pathType (Prefix, Exact or ImplementationSpecific).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const block of yamlBlocks(doc)) {
      const spec = ingressV1Spec(block);
      if (!spec) continue;
      const found = problems(spec);
      if (found.length === 0) continue;
      // One finding per Ingress, on its first leftover, naming each field as the API server does.
      const first = found.reduce((a, b) => (b.offset < a.offset ? b : a));
      const at = block.at(first.offset);
      const unknown = found.filter((p) => p.what === 'unknown').map((p) => `unknown field "${p.path}"`);
      const required = found.filter((p) => p.what === 'required').map((p) => `${p.path}: Required value: pathType must be specified`);
      const ports = found.filter((p) => p.what === 'port').map((p) => `${p.path} is a bare value where v1 wants an object (port: {number: …})`);
      const decoding = [...(unknown.length ? [`'strict decoding error: ${unknown.join(', ')}'`] : []), ...ports];
      hits.push({
        line: at.line,
        column: at.column,
        message: `This Ingress says networking.k8s.io/v1 but keeps the v1beta1 shape, so kubectl apply is rejected: ${decoding.length ? decoding.join(', ') : `'${required.join('; ')}'`}${decoding.length && required.length ? `, and then '${required[0]}'` : ''}. In v1 a backend is service: {name, port: {number}}, spec.backend is spec.defaultBackend, and each path needs a pathType (reader report: MicrosoftDocs/azure-docs#96261).`,
      });
    }
    return hits;
  },
};
