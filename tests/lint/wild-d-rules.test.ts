// Issue 16 session 7 (wild-d): rules written for defects readers reported on real VM, network and
// identity pages (tests/fresh), each held on the reported page and kept silent where the same command
// is written correctly on a real page.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const QUICK_CREATE = 'tests/fresh/articles/virtual-machines/linux/quick-create-cli.md';
const SECURE_WEB = 'tests/fresh/articles/virtual-machines/linux/tutorial-secure-web-server.md';
const MANAGE_TRAFFIC = 'tests/fresh/articles/application-gateway/tutorial-manage-web-traffic-cli.md';
const ACI_GATEWAY = 'tests/fresh/articles/container-instances/container-instances-application-gateway.md';
const BATCH = 'tests/fresh/articles/batch/quick-create-cli.md';

describe('az-vm-image-alias-retired', () => {
  const rule = 'az-vm-image-alias-retired';
  it('quick-create-cli.md: --image $VM_IMAGE, with VM_IMAGE=debian (the unversioned Debian alias, dropped 2023-10-11)', () => {
    const text = read(QUICK_CREATE);
    const hits = found(rule, QUICK_CREATE);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, '--image $VM_IMAGE'), 'warning']]);
    expect(hits[0]?.message).toMatch(/the value of \$VM_IMAGE, line 38.*Invalid image "debian".*Debian11/);
  });
  it('tutorial-secure-web-server.md: --image UbuntuLTS', () => {
    const text = read(SECURE_WEB);
    expect(found(rule, SECURE_WEB).map((h) => h.line)).toEqual([lineWith(text, '--image UbuntuLTS')]);
  });
  it('silent on a versioned alias (Ubuntu2204, the fixed application gateway tutorial) and on a URN (Batch quickstart)', () => {
    expect(read(MANAGE_TRAFFIC)).toMatch(/--image Ubuntu2204/);
    expect(found(rule, MANAGE_TRAFFIC)).toEqual([]);
    expect(read(BATCH)).toMatch(/--image canonical:0001-com-ubuntu-server-focal:20_04-lts/);
    expect(found(rule, BATCH)).toEqual([]);
  });
  it('silent when the variable has no single literal value, and when the page makes its own image of that name', () => {
    const text = read(QUICK_CREATE);
    const twice = text.replace('export VM_IMAGE=debian\n', 'export VM_IMAGE=debian\nexport VM_IMAGE=Debian11\n');
    expect(found(rule, 'twice.md', twice)).toEqual([]);
    const computed = text.replace('export VM_IMAGE=debian', 'export VM_IMAGE=$(az vm image list --query "[0].urn" -o tsv)');
    expect(found(rule, 'computed.md', computed)).toEqual([]);
    const own = read(SECURE_WEB).replace('az vm create \\\n', 'az image create -g myResourceGroupSecureWeb -n UbuntuLTS --source myVMSource\naz vm create \\\n');
    expect(own).toMatch(/az image create[^\n]*\naz vm create/);
    expect(found(rule, 'own.md', own)).toEqual([]);
  });
});

describe('app-gateway-rule-priority-missing', () => {
  const rule = 'app-gateway-rule-priority-missing';
  it('container-instances-application-gateway.md (azure-docs#105894): a Standard_v2 gateway created without --priority', () => {
    const text = read(ACI_GATEWAY);
    const hits = found(rule, ACI_GATEWAY);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, 'az network application-gateway create \\'), 'warning']]);
    expect(hits[0]?.message).toMatch(/All request routing rules should have a priority defined starting from api-version 2021-08-01/);
  });
  it('silent on the application gateway tutorial once --priority 100 was added (after azure-docs#112273)', () => {
    expect(read(MANAGE_TRAFFIC)).toMatch(/--priority 100/);
    expect(found(rule, MANAGE_TRAFFIC)).toEqual([]);
  });
  it('the same tutorial without its --priority is reported; a v1 SKU (no priority there) is not', () => {
    const text = read(MANAGE_TRAFFIC).replace('  --public-ip-address myAGPublicIPAddress \\\n  --priority 100', '  --public-ip-address myAGPublicIPAddress');
    expect(found(rule, 'no-priority.md', text)).toHaveLength(1);
    expect(found(rule, 'v1.md', text.replace('--sku Standard_v2', '--sku Standard_Medium'))).toEqual([]);
  });
  it('a rule added to the v2 gateway the page creates needs --priority too; one with it, or on a gateway the page does not create, is left alone', () => {
    const base = read(MANAGE_TRAFFIC);
    const rule2 = '\n```azurecli\naz network application-gateway rule create --gateway-name myAppGateway -g myResourceGroupAG -n rule2 --http-listener l2 --rule-type Basic --address-pool appGatewayBackendPool\n```\n';
    expect(found(rule, 'rule.md', base + rule2).map((h) => h.line)).toEqual([lineWith(base + rule2, 'rule create')]);
    expect(found(rule, 'rule-priority.md', base + rule2.replace('--rule-type Basic', '--rule-type Basic --priority 200'))).toEqual([]);
    expect(found(rule, 'other-gateway.md', base + rule2.replace('--gateway-name myAppGateway', '--gateway-name theirGateway'))).toEqual([]);
  });
});

describe('az after a reserved word that opens a command list is read as az (az-in-for-loop-not-read)', () => {
  const BASIC_LB = 'tests/fresh/articles/load-balancer/quickstart-create-basic-load-balancer-cli.md';
  it('quickstart-create-basic-load-balancer-cli.md: for i in `seq 1 2`; do az vm create … --image UbuntuLTS', () => {
    const text = read(BASIC_LB);
    expect(found('az-vm-image-alias-retired', BASIC_LB).map((h) => h.line)).toEqual([lineWith(text, '--image UbuntuLTS')]);
  });
  it('do, then and else open a list; a quoted "do" is an argument, not bash\'s word', () => {
    for (const lead of ['for i in 1 2; do', 'if true; then', 'if false; then :; else']) {
      const text = `# t\n\n\`\`\`azurecli\n${lead} az vm create -g rg -n vm --image UbuntuLTS\n\`\`\`\n`;
      expect(found('az-vm-image-alias-retired', 'lead.md', text)).toHaveLength(1);
    }
    const quoted = '# t\n\n```azurecli\necho "do" az vm create -g rg -n vm --image UbuntuLTS\n```\n';
    expect(found('az-vm-image-alias-retired', 'quoted.md', quoted)).toEqual([]);
  });
});

describe('an az command on the line after a compound command\'s word is read as az (az-after-fi-not-read)', () => {
  const MULTI_SITES = 'tests/fresh/articles/application-gateway/tutorial-multiple-sites-cli.md';
  it('tutorial-multiple-sites-cli.md: if … then poolName=… fi, then az vmss create … --image UbuntuLTS inside the for loop', () => {
    const text = read(MULTI_SITES);
    expect(found('az-vm-image-alias-retired', MULTI_SITES).map((h) => h.line)).toEqual([lineWith(text, '--image UbuntuLTS')]);
  });
  it('a continued command keeps its words: "az" is no new command when it is an argument on the same line, or in quotes', () => {
    const same = '# t\n\n```azurecli\necho az vm create -g rg -n vm --image UbuntuLTS\n```\n';
    expect(found('az-vm-image-alias-retired', 'same.md', same)).toEqual([]);
    const quoted = '# t\n\n```azurecli\necho \\\n  "az" vm create -g rg -n vm --image UbuntuLTS\n```\n';
    expect(found('az-vm-image-alias-retired', 'quoted.md', quoted)).toEqual([]);
  });
});

describe('retired-resource-setting: Application Gateway V1 SKUs (issue 16 session 7)', () => {
  const MULTI_SITES = 'tests/fresh/articles/application-gateway/tutorial-multiple-sites-cli.md';
  it('tutorial-multiple-sites-cli.md (2019) creates a Standard_Medium gateway', () => {
    const text = read(MULTI_SITES);
    const hits = found('retired-resource-setting', MULTI_SITES);
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, '--sku Standard_Medium')]);
    expect(hits[0]?.message).toMatch(/Application Gateway V1.*28 April 2026/);
  });
  it('silent on the v2 gateways of the fixed tutorial and of the container instances page', () => {
    expect(found('retired-resource-setting', MANAGE_TRAFFIC)).toEqual([]);
    expect(found('retired-resource-setting', ACI_GATEWAY)).toEqual([]);
  });
});

describe('shell-fd-redirect-space', () => {
  const GPU = 'tests/lint/fixtures/real/gpu-profiling.excerpt.md';
  it('silent on a real page that writes the descriptor against the operator (aks gpu-profiling: az … -o none 2>/dev/null)', () => {
    const text = read(GPU);
    expect(text).toMatch(/-o none 2>\/dev\/null/);
    expect(found('shell-fd-redirect-space', GPU, `# t\n\n${text}\`\`\`\n`)).toEqual([]);
  });
  it('reports the same command with a space (2 >), and the Azure Files line readers reported (azure-docs#36169)', () => {
    const spaced = `# t\n\n${read(GPU).replace('2>/dev/null', '2 >/dev/null')}\`\`\`\n`;
    expect(found('shell-fd-redirect-space', 'spaced.md', spaced)).toHaveLength(1);
    const files = '# t\n\n```azurecli\naz storage share create --name files --quota 2048 --connection-string $current_env_conn_string 1 > /dev/null\n```\n';
    const hits = found('shell-fd-redirect-space', 'files.md', files);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[4, 'error']]);
    expect(hits[0]?.message).toMatch(/unrecognized arguments: 1/);
  });
  it('silent on echo 1 > file (the command writes 1) and on a number that is an option\'s value', () => {
    expect(found('shell-fd-redirect-space', 'echo.md', '# t\n\n```bash\necho 1 > file.txt\n```\n')).toEqual([]);
    expect(found('shell-fd-redirect-space', 'value.md', '# t\n\n```azurecli\naz vm create -g rg -n vm --image Ubuntu2204 --count 2 > out.json\n```\n')).toEqual([]);
  });
});
