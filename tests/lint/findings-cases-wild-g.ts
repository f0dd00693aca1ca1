// Positive cases of issue 16 session 10's wild-g rules (defects readers reported on AKS, ACR and Application
// Gateway ingress pages), merged into rules.test.ts's table: a one-line break of the clean fixture adds a block
// whose line at `offset` has the defect. Their real pages, positive and negative, are in wild-g-rules.test.ts
// (with the Kubernetes cases of retired-runtime-version, whose key this table already has).
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');

export const wildGCases = {
  'kubernetes-api-removed': [
    { name: 'Deployment in extensions/v1beta1 (azure-docs#59213)', find: FIND, replace: block('yaml', 'apiVersion: extensions/v1beta1', 'kind: Deployment', 'metadata:', '  name: party-clippy'), offset: 1, message: /Deployment in extensions\/v1beta1 is no longer served since Kubernetes 1\.16.*no matches for kind "Deployment" in version "extensions\/v1beta1".*apps\/v1/, severity: 'error' as const },
    { name: 'Ingress in networking.k8s.io/v1beta1', find: FIND, replace: block('yaml', 'apiVersion: networking.k8s.io/v1beta1', 'kind: Ingress', 'metadata:', '  name: guestbook'), offset: 1, message: /Ingress in networking\.k8s\.io\/v1beta1 is no longer served since Kubernetes 1\.22.*networking\.k8s\.io\/v1 \(the backend's serviceName becomes service\.name/, severity: 'error' as const },
  ],
  'kubectl-without-credentials': [
    { name: 'az aks create, then kubectl with no az aks get-credentials (azure-docs#44059)', find: FIND, replace: block('azurecli', 'az aks create --resource-group myResourceGroup --name myAKSCluster --generate-ssh-keys', 'kubectl get nodes'), offset: 2, message: /kubectl get nodes talks to the cluster of kubectl's current context.*never fetches its credentials.*az aks get-credentials --resource-group myResourceGroup --name myAKSCluster/, severity: 'warning' as const },
    { name: 'a prompt line of a block with output ("$ kubectl apply -f …")', find: FIND, replace: () => ['```azurecli', 'az aks create -g myResourceGroup -n myAKSCluster', '```', '', '```bash', '$ kubectl apply -f app.yaml', '', 'deployment "app" created', '```'].join('\n'), offset: 5, message: /kubectl apply -f talks to/, severity: 'warning' as const },
  ],
};
