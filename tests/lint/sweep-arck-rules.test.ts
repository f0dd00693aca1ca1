// Regressions from a precision sweep of never-seen Azure Arc pages (MicrosoftDocs/azure-management-docs
// @d923d588901082fa2107de6b2a82d7d05cd95160: azure-arc/kubernetes, data, container-storage,
// workload-orchestration, agents-tools-foundry-local). Each false finding is pinned on a byte-exact
// excerpt of its page (tests/lint/fixtures/real, README table), beside a case where the rule still fires.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const REAL = 'tests/lint/fixtures/real/';
const EDGE_RAG = `${REAL}arc-quickstart-edge-rag.excerpt.md`;
const CLUSTER_CONNECT = `${REAL}arc-cluster-connect.excerpt.md`;
const MCP = `${REAL}arc-mcp-server-overview.excerpt.md`;
const POOLS = `${REAL}arc-prepare-aks-cluster.excerpt.md`;
const KERBEROS = `${REAL}arc-connect-file-share-kerberos-setup.excerpt.md`;
const WITH_COMMON = `${REAL}arc-solution-with-common-configuration.excerpt.md`;
const WITHOUT_COMMON = `${REAL}arc-solution-without-common-configuration.excerpt.md`;
const FLUX_OPENSHIFT = `${REAL}arc-tutorial-use-gitops-flux2.excerpt.md`;
const SERVICE_GROUP = `${REAL}arc-set-up-workload-orchestration.excerpt.md`;

describe('PowerShell in azurecli blocks on a page that tells the reader to use PowerShell', () => {
  // quickstart-edge-rag.md: "In Azure Cloud Shell, you might need to select **Switch to PowerShell**", then
  // `$rg = "edge-rag-aks-rg"` and `az group create `⏎ --name $rg `⏎ --location $location` in azurecli blocks.
  const text = readRepoFile(EDGE_RAG);
  it('no error claims what bash does with the backtick continuations (the reader is in PowerShell)', () => {
    for (const rule of ['shell-missing-continuation', 'shell-unclosed-quote', 'az-missing-required']) expect(ruleFindings(rule, EDGE_RAG, text)).toEqual([]);
  });
  it('the tag is said once per block, as a warning naming the instruction', () => {
    const hits = ruleFindings('powershell-in-bash-fence', EDGE_RAG, text);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [lineOf(text, '$sub = "<subscription name>"'), 'warning'],
      [lineOf(text, '$rg = "edge-rag-aks-rg"'), 'warning'],
      [lineOf(text, '$k8scluster = "edge-rag-aks"'), 'warning'],
      [lineOf(text, '$apiEndpoint = '), 'warning'],
    ]);
    expect(hits[0]!.message).toContain(`the page tells the reader to use PowerShell (line ${lineOf(text, 'Switch to PowerShell')})`);
  });
  it('no "assigned PowerShell-style" warning for $rg there', () => {
    expect(ruleFindings('shell-unassigned-variable', EDGE_RAG, text).filter((h) => /PowerShell-style/.test(h.message))).toEqual([]);
  });
  it('without the instruction the same blocks are still errors, and az-missing-required leaves the backtick lines to shell-missing-continuation', () => {
    const bare = text.replace('In Azure Cloud Shell, you might need to select **Switch to PowerShell**.', '');
    expect(ruleFindings('powershell-in-bash-fence', EDGE_RAG, bare).every((h) => h.severity === 'error')).toBe(true);
    expect(ruleFindings('shell-missing-continuation', EDGE_RAG, bare).length).toBeGreaterThan(0);
    expect(ruleFindings('az-missing-required', EDGE_RAG, bare)).toEqual([]);
  });
  it('a page with no such instruction (set-up-workload-orchestration.md, $sg = … in an azurecli block) keeps its error', () => {
    const page = readRepoFile(SERVICE_GROUP);
    const hits = ruleFindings('powershell-in-bash-fence', SERVICE_GROUP, page);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(page, '$sg = "<service-group-name>"'), 'error']]);
  });
});

describe('powershell-in-bash-fence: a console block in a PowerShell tab', () => {
  // cluster-connect.md, "#### [Azure PowerShell](#tab/azure-powershell)": ```console $TOKEN = ([System.Text.Encoding]::…
  const text = readRepoFile(CLUSTER_CONNECT);
  it('is that tab\'s PowerShell terminal: silent', () => {
    expect(ruleFindings('powershell-in-bash-fence', CLUSTER_CONNECT, text)).toEqual([]);
  });
  it('the same block outside the tab is still reported', () => {
    const page = '# t\n\nRun:\n\n```console\n$TOKEN = ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String((kubectl get secret demo-user-secret -o jsonpath=\'{$.data.token}\'))))\n```\n';
    expect(ruleFindings('powershell-in-bash-fence', 'x.md', page).map((h) => h.severity)).toEqual(['error']);
  });
});

describe('json-example-invalid: a value elided in place', () => {
  // mcp-server-overview.md: { "my-docs": { "results": [...], "metadata": {...} }, … }
  it('is a warning that names the elision, not an error', () => {
    const hits = ruleFindings('json-example-invalid', MCP);
    expect(hits.map((h) => h.severity)).toEqual(['warning']);
    expect(hits[0]!.message).toContain('it elides part of the value');
  });
  it('a block that is broken, not elided, is still an error', () => {
    const page = 'Results are returned keyed by collection name:\n\n```json\n{\n  "my-docs": { "results": [] "metadata": {} }\n}\n```\n';
    expect(ruleFindings('json-example-invalid', 'x.md', page).map((h) => h.severity)).toEqual(['error']);
  });
});

describe('placeholder-misspelt: twins each assigned to a variable of its own', () => {
  // prepare-aks-cluster.md: $cpuPoolName = "<CPU Pool Name>" and $gpuPoolName = "<GPU Pool Name>"
  it('are two values, not a slip', () => {
    expect(ruleFindings('placeholder-misspelt', POOLS)).toEqual([]);
  });
  it('a twin assigned to the same variable is still a slip', () => {
    const page = '# t\n\n```bash\nRESOURCE_GROUP="<resource-group-name>"\naz group create -n "<resource-group-name>" -l eastus\nRESOURCE_GROUP="<resource-groop-name>"\n```\n';
    expect(ruleFindings('placeholder-misspelt', 'x.md', page).length).toBe(1);
  });
});

describe('shell-unassigned-variable: local in a function of the page\'s script', () => {
  // connect-file-share-kerberos-setup.md's check(): local description="$1" … local required="${3:-true}"
  it('assigns $description, $command and $required', () => {
    const names = ruleFindings('shell-unassigned-variable', KERBEROS).map((h) => /\$(\w+)/.exec(h.message)?.[1]);
    for (const name of ['description', 'command', 'required']) expect(names).not.toContain(name);
  });
});

describe('shell-unassigned-variable: variables the prose says another page defines', () => {
  // solution-with-common-configuration.md: "This guide uses the same environment, schema, and application
  // variables defined in [Deploy a basic solution](solution-without-common-configuration.md#define-the-variables)."
  it('a variable the linked page assigns is not reported; one it does not assign still is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-linked-vars-'));
    try {
      const file = join(dir, 'solution-with-common-configuration.md');
      const text = readRepoFile(WITH_COMMON);
      writeFileSync(file, text);
      writeFileSync(join(dir, 'solution-without-common-configuration.md'), readRepoFile(WITHOUT_COMMON));
      const names = ruleFindings('shell-unassigned-variable', file, text).map((h) => /\$(\w+)/.exec(h.message)?.[1]);
      for (const name of ['rg', 'subId', 'childName', 'desc', 'appConfig']) expect(names).not.toContain(name);
      expect(names).toContain('siteId'); // assigned on neither page
      // Without the linked page beside it, the page alone still says so.
      expect(ruleFindings('shell-unassigned-variable', WITH_COMMON, text).map((h) => /\$(\w+)/.exec(h.message)?.[1])).toContain('subId');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('linked-pages-read-like-includes', () => {
  // Review mend: the linked page was read with readFileSync wherever the link pointed. A link to a named
  // pipe would have hung lint, and one climbing out of the docset was read. It is now read as includes are.
  it('a link to a named pipe or out of the docset root is not read (and does not hang); one inside is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-linked-safe-'));
    try {
      mkdirSync(join(dir, 'docs/articles'), { recursive: true });
      writeFileSync(join(dir, 'docs/docfx.json'), '{}');
      const text = readRepoFile(WITH_COMMON);
      const file = join(dir, 'docs/articles/solution-with-common-configuration.md');
      execFileSync('mkfifo', [join(dir, 'docs/articles/solution-without-common-configuration.md')]);
      writeFileSync(file, text);
      const unset = () => ruleFindings('shell-unassigned-variable', file, text).map((h) => /\$(\w+)/.exec(h.message)?.[1]);
      expect(unset()).toContain('subId'); // the pipe is not read: nothing assigns it
      rmSync(join(dir, 'docs/articles/solution-without-common-configuration.md'));
      writeFileSync(join(dir, 'solution-without-common-configuration.md'), readRepoFile(WITHOUT_COMMON));
      writeFileSync(file, text.replace('](solution-without-common-configuration.md', '](../../solution-without-common-configuration.md'));
      expect(ruleFindings('shell-unassigned-variable', file, readFileSync(file, 'utf8')).map((h) => /\$(\w+)/.exec(h.message)?.[1])).toContain('subId'); // outside docs/: not read
      writeFileSync(join(dir, 'docs/articles/solution-without-common-configuration.md'), readRepoFile(WITHOUT_COMMON));
      writeFileSync(file, text);
      expect(unset()).not.toContain('subId'); // inside: read
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a console block of oc commands under an assignment', () => {
  // tutorial-use-gitops-flux2.md, Red Hat OpenShift: NS="flux-system" then six `oc adm policy …` lines.
  it('reads each oc line as a command, not as the output of NS=…', () => {
    const tutorial = parseTutorialText(readRepoFile(FLUX_OPENSHIFT), FLUX_OPENSHIFT);
    const steps = tutorial.steps.filter((s) => s.kind !== 'manual');
    expect(steps.some((s) => s.expectation !== undefined)).toBe(false);
    expect(steps.filter((s) => /^oc adm policy/.test(s.raw))).toHaveLength(6);
  });
});

describe('missing-prerequisite: what a page the Prerequisites section links to installs', () => {
  // solution-with-common-configuration.md: "- Set up the required resources for workload orchestration. If you
  // haven't, refer to [Set up workload orchestration](set-up-workload-orchestration.md)." — that page runs
  // az extension add --name workload-orchestration and az login.
  const PAGE = [
    '# Solution with common configuration', '', '## Prerequisites', '',
    "- Set up the required resources for workload orchestration. If you haven't, refer to [Set up workload orchestration](set-up-workload-orchestration.md).",
    '', '## Set the hierarchy configuration', '', '```azurecli',
    'az workload-orchestration config-template create --resource-group "$rg" --location "$l" --config-template-name "$configName" --version "$configVersion" --configuration-template-file "$configFile" --description "<description>"',
    '```', '',
  ].join('\n');
  const SETUP = '# Set up\n\n```bash\naz login\naz extension add --name workload-orchestration\n```\n';
  it('counts as the page\'s own: no extension warning; without it beside the page, the warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-prereq-page-'));
    try {
      const file = join(dir, 'solution-with-common-configuration.md');
      writeFileSync(file, PAGE);
      const alone = ruleFindings('missing-prerequisite', file, PAGE).map((h) => h.message);
      expect(alone.some((m) => /workload-orchestration extension/.test(m))).toBe(true);
      writeFileSync(join(dir, 'set-up-workload-orchestration.md'), SETUP);
      const linked = ruleFindings('missing-prerequisite', file, PAGE).map((h) => h.message);
      expect(linked.filter((m) => /workload-orchestration extension|signed-in Azure CLI/.test(m))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('placeholder-misspelt: a twin that puts "my" in front', () => {
  // upload-logs.md: kubectl apply -f <myLogAnalyticssecret.yaml> --namespace <mynamespace>, then … --name <namespace>
  it('is the reader\'s own value named two ways, not a slip', () => {
    const page = '# t\n\n```console\nkubectl apply -f <myLogAnalyticssecret.yaml> --namespace <mynamespace>\n```\n\n```console\nkubectl edit datacontroller <DC name> --name <namespace>\n```\n\n```console\nkubectl edit datacontroller <DC name> --name <namespace>\n```\n';
    expect(ruleFindings('placeholder-misspelt', 'x.md', page)).toEqual([]);
  });
  it('a slip of the letters beside it is still reported', () => {
    const page = '# t\n\n```console\nkubectl get pods --namespace <namespace>\nkubectl get pods --namespace <namespace>\nkubectl get pods --namespace <namespase>\n```\n';
    expect(ruleFindings('placeholder-misspelt', 'x.md', page).length).toBe(1);
  });
});
