// Positive cases of issue 16 session 11's k8s2 rules (Kubernetes manifests in here-documents, Ingress v1
// with v1beta1 fields, Helm 2 commands, retired AKS add-ons), merged into rules.test.ts's table: a one-line
// break of the clean fixture adds a block whose line at `offset` has the defect. Their real pages, positive
// and negative, are in k8s2-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');

export const k8s2Cases = {
  'kubernetes-ingress-v1-fields': [
    { name: 'Ingress v1 with backend serviceName/servicePort in a here-document (azure-docs#96261)', find: FIND, replace: block('bash', 'cat <<EOF | kubectl apply -f -', 'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', 'spec:', '  rules:', '  - http:', '      paths:', '      - path: /', '        pathType: Prefix', '        backend:', '          serviceName: web', '          servicePort: 80', 'EOF'), offset: 13, message: /strict decoding error: unknown field "spec\.rules\[0\]\.http\.paths\[0\]\.backend\.serviceName", unknown field "spec\.rules\[0\]\.http\.paths\[0\]\.backend\.servicePort"/, severity: 'error' as const },
    { name: 'Ingress v1 whose path has no pathType', find: FIND, replace: block('yaml', 'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', 'spec:', '  rules:', '  - http:', '      paths:', '      - path: /', '        backend:', '          service:', '            name: web', '            port:', '              number: 80'), offset: 9, message: /spec\.rules\[0\]\.http\.paths\[0\]\.pathType: Required value: pathType must be specified/, severity: 'error' as const },
  ],
};
