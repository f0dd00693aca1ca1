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
  it('workload-identity\'s ServiceAccount heredocs are read and judged silent', () => {
    for (const rule of ['kubernetes-api-removed', 'kubernetes-ingress-v1-fields', 'yaml-duplicate-key']) expect(found(rule, WORKLOAD_IDENTITY)).toEqual([]);
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
  it('silent on extensions/v1beta1 Ingresses, which kubernetes-api-removed judges', () => {
    expect(found(rule, HTTP_ROUTING)).toEqual([]);
  });
  it('the troubleshooting page\'s output block (kubectl get ingress -o yaml, extensions/v1beta1 with serviceName) is output, not a manifest: not judged', () => {
    expect(found('kubernetes-api-removed', TROUBLESHOOT)).toEqual([]);
  });
});
