// Issue 16 session 11 (k8s2): defects readers reported on Kubernetes pages of Azure (tests/fresh, manifest.json
// names repository and commit): manifests inside here-documents, an Ingress v1 still in the v1beta1 shape,
// Helm 2 commands, retired AKS add-ons. Each is held on the reported page and kept silent where the same
// thing is written correctly on a real page.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';
import { buildDocument } from '../../src/lint/document.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { yamlBlocks } from '../../src/lint/yaml-blocks.ts';

const read = readRepoFile;
const found = ruleFindings;
const docOf = (file: string, text: string) => buildDocument(parseTutorialText(text, file, { form: 'docfx' }), text);
const linesWith = (text: string, needle: string) => text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));

const TROUBLESHOOT = 'tests/fresh/articles/application-gateway/ingress-controller-troubleshoot.md';
const INSTALL_EXISTING = 'tests/fresh/articles/application-gateway/ingress-controller-install-existing.md';
const HTTP_ROUTING = 'tests/fresh/articles/aks/http-application-routing.md';
const BEST_PRACTICES_NETWORK = 'tests/fresh/articles/aks/operator-best-practices-network.md';
const WORKLOAD_IDENTITY = 'tests/fresh/articles/aks/workload-identity-deploy-cluster.md';
const VIRTUAL_NODES = 'tests/fresh/articles/aks/virtual-nodes-cli.md';
const WINDOWS = 'tests/fresh/articles/aks/windows-container-cli.md';
const CSI = 'tests/fresh/articles/aks/csi-secrets-store-driver.md';

describe('manifests in here-documents are read as YAML (yaml-blocks.ts)', () => {
  it('the troubleshooting page\'s cat <<EOF | kubectl apply -f - gives its Pod, Service and Ingress, at their page lines', () => {
    const text = read(TROUBLESHOOT);
    const blocks = yamlBlocks(docOf(TROUBLESHOOT, text)).filter((b) => b.heredoc !== undefined);
    // A document after the first starts at its `---` line, the line before its apiVersion.
    const api = linesWith(text, 'apiVersion: ').slice(0, 3);
    expect(blocks.map((b) => b.from)).toEqual([api[0], api[1]! - 1, api[2]! - 1]);
    expect(blocks.every((b) => b.heredoc === linesWith(text, 'cat <<EOF | kubectl apply -f -')[0])).toBe(true);
  });
  it('kubernetes-api-removed judges a heredoc manifest (kubectl apply -f - <<EOF, an extensions/v1beta1 Deployment)', () => {
    const text = '```bash\nkubectl apply -f - <<EOF\napiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nEOF\n```\n';
    expect(found('kubernetes-api-removed', 'h.md', text).map((h) => h.line)).toEqual([3]);
  });
  it('the install-existing page\'s indented heredocs (AzureIngressProhibitedTarget in appgw.ingress.k8s.io/v1) are read and judged silent; workload-identity\'s ServiceAccount heredocs too', () => {
    const text = read(INSTALL_EXISTING);
    const blocks = yamlBlocks(docOf(INSTALL_EXISTING, text)).filter((b) => b.heredoc !== undefined);
    expect(blocks.length).toBe(linesWith(text, 'cat <<EOF | kubectl apply -f -').length);
    for (const rule of ['kubernetes-api-removed', 'kubernetes-ingress-v1-fields', 'yaml-duplicate-key']) {
      expect(found(rule, INSTALL_EXISTING)).toEqual([]);
      expect(found(rule, WORKLOAD_IDENTITY)).toEqual([]);
    }
  });
  it('a heredoc that neither kubectl reads nor a .yaml file receives (a JSON body, a script) is not read as a manifest; a here-string (<<<) is no heredoc', () => {
    const text = '```bash\ncat <<EOF > body.json\napiVersion: extensions/v1beta1\nkind: Deployment\nEOF\nkubectl apply -f x.yaml <<< "apiVersion: extensions/v1beta1"\n```\n';
    expect(yamlBlocks(docOf('n.md', text))).toEqual([]);
  });
});

describe('kubernetes-ingress-v1-fields', () => {
  const rule = 'kubernetes-ingress-v1-fields';
  it('ingress-controller-troubleshoot.md (2022): the test app\'s Ingress in networking.k8s.io/v1 with serviceName/servicePort and no pathType, inside cat <<EOF (azure-docs#96261)', () => {
    const text = read(TROUBLESHOOT);
    const hits = found(rule, TROUBLESHOOT);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[linesWith(text, '          - path: /')[0], 'error']]);
    expect(hits[0]?.message).toMatch(/strict decoding error: unknown field "spec\.rules\[0\]\.http\.paths\[0\]\.backend\.serviceName", unknown field "spec\.rules\[0\]\.http\.paths\[0\]\.backend\.servicePort".*pathType: Required value: pathType must be specified/);
  });
  it('operator-best-practices-network.md (azure-aks-docs @fb060abe, current): a v1 Ingress whose service ports are bare numbers (port: 80) and whose paths have no pathType', () => {
    const text = read(BEST_PRACTICES_NETWORK);
    const hits = found(rule, BEST_PRACTICES_NETWORK);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[linesWith(text, '      - path: /blog')[0], 'error']]);
    expect(hits[0]?.message).toMatch(/paths\[0\]\.backend\.service\.port is a bare value where v1 wants an object.*paths\[1\]\.backend\.service\.port.*pathType: Required value: pathType must be specified/);
  });
  it('silent on a v1 Ingress written right (install-existing\'s pet-supplies-ingress: service.name, port.number, pathType on each path) and on extensions/v1beta1 Ingresses, which kubernetes-api-removed judges', () => {
    expect(read(INSTALL_EXISTING)).toMatch(/apiVersion: networking\.k8s\.io\/v1\nkind: Ingress/);
    expect(found(rule, INSTALL_EXISTING)).toEqual([]);
    expect(found(rule, HTTP_ROUTING)).toEqual([]);
  });
  it('the troubleshooting page\'s output block (kubectl get ingress -o yaml, extensions/v1beta1 with serviceName) is output, not a manifest: not judged', () => {
    expect(found('kubernetes-api-removed', TROUBLESHOOT)).toEqual([]);
  });
});

describe('helm-2-command', () => {
  const rule = 'helm-2-command';
  it('ingress-controller-install-existing.md (2024): helm init (azure-docs#104782, #112631, #124535), helm install <chart> with no release name, helm install --name', () => {
    const text = read(INSTALL_EXISTING);
    const hits = found(rule, INSTALL_EXISTING);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [linesWith(text, 'helm init --tiller-namespace')[0], 'error'],
      [linesWith(text, 'helm install -f <helm-config.yaml>')[0], 'error'],
      [linesWith(text, '--name ingress-azure')[0], 'error'],
    ]);
    expect(hits[0]?.message).toMatch(/Error: unknown command "init" for "helm"/);
    expect(hits[1]?.message).toMatch(/Error: must either provide a name or specify --generate-name/);
    expect(hits[2]?.message).toMatch(/Error: unknown flag: --name/);
  });
  it('silent on the same page\'s Helm 3 commands: helm repo add <name> <url>, helm repo update, helm upgrade <release> <chart> -f …', () => {
    const text = read(INSTALL_EXISTING);
    expect(linesWith(text, 'helm repo add application-gateway-kubernetes-ingress').length).toBe(2);
    const flagged = new Set(found(rule, INSTALL_EXISTING).map((h) => h.line));
    for (const needle of ['helm repo add', 'helm repo update', 'helm upgrade']) for (const l of linesWith(text, needle)) expect(flagged.has(l)).toBe(false);
  });
  it('silent on helm install <release> <chart> with value flags (the ingress-basic page\'s form, azure-docs @00d428a2), --generate-name, --name-template, and an unknown flag', () => {
    const text = [
      '```bash',
      'helm install nginx-ingress ingress-nginx/ingress-nginx \\',
      '    --version 4.0.13 \\',
      '    --namespace ingress-basic --create-namespace \\',
      '    --set controller.replicaCount=2',
      'helm install ingress-nginx ingress-nginx/ingress-nginx --create-namespace --namespace $NAMESPACE',
      'helm install ingress-nginx/ingress-nginx --generate-name',
      'helm install ingress-nginx/ingress-nginx --name-template web',
      'helm install ingress-nginx/ingress-nginx --some-future-flag x',
      'helm repo add stable https://charts.helm.sh/stable',
      '```',
    ].join('\n');
    expect(found(rule, 'helm3.md', text)).toEqual([]);
  });
});

describe('aks-retired-addon', () => {
  const rule = 'aks-retired-addon';
  it('http-application-routing.md (2018): az aks create --enable-addons and az aks enable-addons --addons http_application_routing, warnings', () => {
    const text = read(HTTP_ROUTING);
    const hits = found(rule, HTTP_ROUTING);
    const lines = text.split('\n');
    const commands = linesWith(text, 'http_application_routing').filter((l) => /^az aks (create|enable-addons)\b/.test(lines[l - 1]!));
    expect(commands.length).toBe(2);
    expect(hits.map((h) => [h.line, h.severity])).toEqual(commands.map((l) => [l, 'warning']));
  });
  it('silent on the add-ons AKS offers (virtual-node, monitoring, azure-keyvault-secrets-provider) and on az aks disable-addons', () => {
    for (const page of [VIRTUAL_NODES, WINDOWS, CSI]) expect(found(rule, page)).toEqual([]);
    expect(found(rule, 'd.md', '```azurecli\naz aks disable-addons -g rg -n aks -a http_application_routing\n```\n')).toEqual([]);
  });
});
