// Issue 16 session 10 (wild-g): defects readers reported on container pages (AKS, ACR, Application Gateway
// ingress; tests/fresh, manifest.json names repository and commit), each held on the reported page and kept
// silent where the same thing is written correctly on a real page.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const linesWith = (text: string, needle: string) => text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));

const HTTP_ROUTING = 'tests/fresh/articles/aks/http-application-routing.md';
const INGRESS = 'tests/fresh/articles/application-gateway/ingress-controller-expose-service-over-http-https.md';
const WINDOWS = 'tests/fresh/articles/aks/windows-container-cli.md';
const CSI = 'tests/fresh/articles/aks/csi-secrets-store-driver.md';
const QUICKSTART_CLI = 'tests/fresh/articles/aks/learn/quick-kubernetes-deploy-cli.md';
const QUICKSTART_PS = 'tests/fresh/articles/aks/learn/quick-kubernetes-deploy-powershell.md';

describe('kubernetes-api-removed', () => {
  const rule = 'kubernetes-api-removed';
  it('http-application-routing.md (2018): the sample Deployment and Ingress in extensions/v1beta1 (azure-docs#59213)', () => {
    const text = read(HTTP_ROUTING);
    const hits = found(rule, HTTP_ROUTING);
    expect(hits.map((h) => [h.line, h.severity])).toEqual(linesWith(text, 'apiVersion: extensions/v1beta1').map((l) => [l, 'error']));
    expect(hits[0]?.message).toMatch(/^Deployment in extensions\/v1beta1 is no longer served since Kubernetes 1\.16.*no matches for kind "Deployment" in version "extensions\/v1beta1".*Use apps\/v1/);
    expect(hits[1]?.message).toMatch(/^Ingress in extensions\/v1beta1 is no longer served since Kubernetes 1\.22.*Use networking\.k8s\.io\/v1/);
  });
  it('ingress-controller-expose-service-over-http-https.md (2019): each Ingress that is valid YAML, not the last block, whose lines after the first are indented (azure-docs#99001, #99186)', () => {
    const text = read(INGRESS);
    const all = linesWith(text, 'apiVersion: extensions/v1beta1');
    expect(all.length).toBe(4);
    expect(found(rule, INGRESS).map((h) => h.line)).toEqual(all.slice(0, 3));
  });
  it('silent on the served versions of the AKS quickstart (apps/v1 Deployments, v1 Services) and the Windows page (apps/v1)', () => {
    expect(read(QUICKSTART_CLI)).toMatch(/apiVersion: apps\/v1\n\s+kind: Deployment/);
    expect(found(rule, QUICKSTART_CLI)).toEqual([]);
    expect(read(WINDOWS)).toMatch(/apiVersion: apps\/v1\nkind: Deployment/);
    expect(found(rule, WINDOWS)).toEqual([]);
  });
  it('a kind whose group/version is still served (a CronJob in batch/v1, a Deployment in apps/v1) and YAML that is no Kubernetes object are not judged', () => {
    const text = '```yaml\napiVersion: batch/v1\nkind: CronJob\n```\n\n```yaml\napiVersion: extensions/v1beta1\nname: not-an-object\n```\n';
    expect(found(rule, 'served.md', text)).toEqual([]);
  });
});

describe('kubectl-without-credentials', () => {
  const rule = 'kubectl-without-credentials';
  it('http-application-routing.md: az aks create, then "$ kubectl apply -f …" with no az aks get-credentials (azure-docs#44059), reported once, on the first kubectl', () => {
    const text = read(HTTP_ROUTING);
    const hits = found(rule, HTTP_ROUTING);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[linesWith(text, '$ kubectl apply -f samples-http-application-routing.yaml')[0], 'warning']]);
    expect(hits[0]?.message).toMatch(/created its cluster \(line 39\) and never fetches its credentials.*Run az aks get-credentials --resource-group myResourceGroup --name myAKSCluster before the first kubectl command/);
  });
  it('csi-secrets-store-driver.md (2021): az aks create -n … -g …, then kubectl get pods', () => {
    const text = read(CSI);
    expect(found(rule, CSI).map((h) => h.line)).toEqual([linesWith(text, 'kubectl get pods -n kube-system')[0]]);
  });
  it('silent where the page fetches the credentials first: the Windows page and the CLI quickstart (az aks get-credentials), the PowerShell quickstart (Import-AzAksCredential)', () => {
    for (const page of [WINDOWS, QUICKSTART_CLI, QUICKSTART_PS]) expect(found(rule, page)).toEqual([]);
  });
  it('silent on a page that uses a cluster it does not create (the Application Gateway ingress page) and after export KUBECONFIG', () => {
    expect(found(rule, INGRESS)).toEqual([]);
    const text = '```azurecli\naz aks create -g rg -n aks\nexport KUBECONFIG=~/aks.config\nkubectl get nodes\n```\n';
    expect(found(rule, 'kubeconfig.md', text)).toEqual([]);
  });
  it('credentials fetched only after the first kubectl are named in the message', () => {
    const text = '```azurecli\naz aks create -g rg -n aks\nkubectl get nodes\naz aks get-credentials -g rg -n aks\n```\n';
    expect(found(rule, 'late.md', text).map((h) => [h.line, h.message.includes('fetches its credentials only at line 4, after this')])).toEqual([[3, true]]);
  });
});

describe('retired-runtime-version: Kubernetes versions AKS no longer offers', () => {
  const rule = 'retired-runtime-version';
  it('windows-container-cli.md (2020): --kubernetes-version 1.15.7 on az aks create and az aks nodepool add (azure-docs#56752, reported for 1.16.7)', () => {
    const text = read(WINDOWS);
    const hits = found(rule, WINDOWS);
    expect(hits.map((h) => [h.line, h.severity])).toEqual(linesWith(text, '--kubernetes-version 1.15.7').map((l) => [l, 'warning']));
    expect(hits[0]?.message).toMatch(/^Kubernetes 1\.15 \("1\.15\.7"\) went out of support before 1\.27, whose standard support ended at the end of 2024-07 on AKS \(MicrosoftDocs\/azure-aks-docs .*as of 2026-12-06\).*Version 1\.15\.7 is not supported in this region/);
  });
  it('a minor the calendar lists is judged by its own end of life (1.29: March 2025; 1.30 by its LTS end, July 2026)', () => {
    const text = '```azurecli\naz aks create -g rg -n aks --kubernetes-version 1.29.2\naz aks upgrade -g rg -n aks -k 1.30\n```\n';
    const hits = found(rule, 'calendar.md', text);
    expect(hits.map((h) => h.line)).toEqual([2, 3]);
    expect(hits[0]?.message).toMatch(/Kubernetes 1\.29 \("1\.29\.2"\) reached end of support at the end of 2025-03 on AKS/);
  });
  it('silent on the CLI quickstart (no --kubernetes-version: AKS picks its default) and on a version newer than the calendar', () => {
    expect(read(QUICKSTART_CLI)).toMatch(/az aks create/);
    expect(found(rule, QUICKSTART_CLI)).toEqual([]);
    const text = '```azurecli\naz aks create -g rg -n aks --kubernetes-version 1.34.1\n```\n';
    expect(found(rule, 'new.md', text)).toEqual([]);
  });
});
