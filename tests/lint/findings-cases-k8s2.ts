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
    { name: 'Ingress v1 with servicePort moved to a bare service.port (port: 80)', find: FIND, replace: block('yaml', 'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', 'spec:', '  defaultBackend:', '    service:', '      name: web', '      port: 80'), offset: 9, message: /spec\.defaultBackend\.service\.port is a bare value where v1 wants an object/, severity: 'error' as const },
  ],
  'helm-2-command': [
    { name: 'helm init (azure-docs#104782)', find: FIND, replace: block('bash', 'helm init --tiller-namespace kube-system --service-account tiller-sa'), offset: 1, message: /'helm init' is a Helm 2 command.*Error: unknown command "init" for "helm"/, severity: 'error' as const },
    { name: 'helm install --name (azure-docs#44813)', find: FIND, replace: block('bash', 'helm install stable/nginx-ingress --namespace ingress-basic --name nginx-ingress'), offset: 1, message: /Error: unknown flag: --name/, severity: 'error' as const },
    { name: 'helm install with a chart and no release name (azure-docs#47692)', find: FIND, replace: block('bash', 'helm install ingress-nginx/ingress-nginx --namespace ingress-basic --set controller.replicaCount=2'), offset: 1, message: /Error: must either provide a name or specify --generate-name/, severity: 'error' as const },
    { name: 'helm repo add of the removed stable repository (azure-docs PR #67271)', find: FIND, replace: block('bash', 'helm repo add stable https://kubernetes-charts.storage.googleapis.com/'), offset: 1, message: /is no longer available; try "https:\/\/charts\.helm\.sh\/stable" instead/, severity: 'error' as const },
  ],
  'aks-retired-addon': [
    { name: 'az aks create --enable-addons http_application_routing (retired 2025-03-03)', find: FIND, replace: block('azurecli', 'az aks create --resource-group myResourceGroup --name myAKSCluster --enable-addons monitoring,http_application_routing'), offset: 1, message: /http_application_routing: the HTTP application routing add-on \(preview\) was retired on 3 March 2025/, severity: 'warning' as const },
    { name: 'az aks enable-addons --addons kube-dashboard (removed from Kubernetes 1.19)', find: FIND, replace: block('azurecli', 'az aks enable-addons --resource-group myResourceGroup --name myAKSCluster --addons kube-dashboard'), offset: 1, message: /Kubernetes Dashboard addon is deprecated for Kubernetes version >= 1\.19\.0/, severity: 'error' as const },
  ],
};
