// shell-variable-two-names (issue 16, session 6: defects readers reported on real pages, fixed in
// MicrosoftDocs/azure-aks-docs 91bad3e and 41fbeb7): a step uses a variable no step assigns while the
// page assigns the same name spelt another way. bash names are exact, so the use expands to "".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const lint = (file: string, text = read(file)) => lintText(text, 'docfx', file);
const rule = (file: string, id: string, text?: string) => lint(file, text).filter((f) => f.rule === id);
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const EGRESS = 'tests/fresh/articles/aks/limit-egress-traffic.md';
const WORKLOAD = 'tests/fresh/articles/aks/workload-identity-deploy-cluster.md';
const EGRESS_TODAY = 'tests/lint/fixtures/real/limit-egress-traffic.excerpt.md';

describe('shell-variable-two-names', () => {
  it('limit-egress-traffic.md (2020): AKSNAME is assigned, later steps use $AKS_NAME', () => {
    const text = read(EGRESS);
    const hits = rule(EGRESS, 'shell-variable-two-names');
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, 'az aks update -g $RG -n $AKS_NAME'), 'warning']]);
    expect(hits[0]?.message).toMatch(/\$AKS_NAME is never assigned, but the page assigns AKSNAME \(line 256\)/);
    // the same use is not reported twice (shell-unassigned-variable leaves twins to this rule)
    expect(rule(EGRESS, 'shell-unassigned-variable').filter((h) => /AKS_NAME/.test(h.message))).toEqual([]);
  });
  it('workload-identity-deploy-cluster.md (2023): FEDERATED_IDENTITY_CREDENTIAL assigned, ${FEDERATED_IDENTITY_CREDENTIAL_NAME} used, though the prose lists the _NAME spelling', () => {
    const text = read(WORKLOAD);
    expect(text).toMatch(/Replace the default values for [^\n]*FEDERATED_IDENTITY_CREDENTIAL_NAME/);
    const hits = rule(WORKLOAD, 'shell-variable-two-names');
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, 'federated-credential create --name ${FEDERATED_IDENTITY_CREDENTIAL_NAME}')]);
  });
  it('silent once the page uses one spelling', () => {
    const fixed = read(EGRESS).replaceAll('$AKS_NAME', '$AKSNAME');
    expect(rule('fixed.md', 'shell-variable-two-names', fixed)).toEqual([]);
  });
  it('silent on a "name" twin captured from a command (today\'s limit-egress-traffic.md: FW_PUBLIC_IP=$(… --query ipAddress) is no FW_PUBLICIP_NAME)', () => {
    const text = read(EGRESS_TODAY);
    expect(text).toMatch(/--name \$FW_PUBLICIP_NAME/);
    expect(text).toMatch(/FW_PUBLIC_IP=\$\(az network public-ip show/);
    expect(rule(EGRESS_TODAY, 'shell-variable-two-names')).toEqual([]);
  });
  it('silent on $RANDOM next to a variable named random, and on corpus pages that keep one spelling', () => {
    const text = '# Page\n\n```bash\nrandom=$RANDOM\naz group create --name "rg$random" --location eastus\n```\n';
    expect(rule('random.md', 'shell-variable-two-names', text)).toEqual([]);
    for (const page of ['tests/corpus/articles/storage/blobs/storage-blob-event-quickstart.md', 'tests/corpus/articles/key-vault/secrets/tutorial-rotation.md'])
      expect(rule(page, 'shell-variable-two-names')).toEqual([]);
  });
});
