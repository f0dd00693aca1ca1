// Regressions from a sweep of never-seen AKS pages (MicrosoftDocs/azure-aks-docs @fb060abe6a8fef960d4c487b543bf7b1e97808fe,
// articles/aks, kubernetes-fleet and application-network, 60 pages, seed 1503): each false finding, pinned by a
// byte-exact excerpt of the real page (tests/lint/fixtures/real, README table), and the same rule still
// reporting the defect it is for.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const real = (name: string): string => readRepoFile(`tests/lint/fixtures/real/${name}`);

describe('json-example-invalid: curl --verbose trace "{ [664 bytes data]" is no JSON value', () => {
  // Regression: a false error on howto-deploy-java-quarkus-app.md, whose output of curl --verbose … | jq .
  // holds curl's "{ [664 bytes data]" trace line (curl src/tool_cb_dbg.c) before the JSON array.
  const page = real('howto-deploy-java-quarkus-app.excerpt.md');
  it('silent on the transcript', () => {
    expect(ruleFindings('json-example-invalid', 'x.md', page)).toEqual([]);
  });
  it('still reports a broken array after the trace', () => {
    expect(ruleFindings('json-example-invalid', 'x.md', page.replace('"completed": false,\n    "order": 0,', '"completed": false\n    "order": 0,')).length).toBe(1);
  });
});

describe('placeholder-misspelt: <VM priority> and <VMSS priority> are two abbreviations', () => {
  // Regression: a false error on use-labels.md's reserved-labels table, whose kubernetes.azure.com/priority row
  // says \<VM priority> and kubernetes.azure.com/scalesetpriority row \<VMSS priority>: two labels, two values.
  const page = real('use-labels-reserved-labels.excerpt.md');
  it('silent on the table', () => {
    expect(ruleFindings('placeholder-misspelt', 'x.md', page)).toEqual([]);
  });
  it('still reports a slip inside a word (<VM priorty>)', () => {
    expect(ruleFindings('placeholder-misspelt', 'x.md', `${page}\n\`\`\`bash\necho "<VMSS priority> <VMSS priorty>"\n\`\`\`\n`).length).toBe(1);
  });
});

describe('yaml-duplicate-key: kubectl describe output in a yaml fence', () => {
  // Regression: a false warning on kubernetes-fleet/howto-staged-update-run.md, whose ```yaml block is what
  // kubectl describe clusterstagedupdaterun prints: two stages each print "Max Concurrency:" with no "-".
  const page = real('howto-staged-update-run.excerpt.md');
  it('silent on the describe output', () => {
    expect(ruleFindings('yaml-duplicate-key', 'x.md', page)).toEqual([]);
  });
  it('still reports a repeated key in a manifest', () => {
    const manifest = '# m\n\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n```\n';
    expect(ruleFindings('yaml-duplicate-key', 'x.md', manifest).length).toBe(1);
  });
});

describe('shell-unassigned-variable: a mongosh script and a sentence about another variable', () => {
  // Regression: false warnings on validate-mongodb-cluster.md: `FirstName${i}` of a mongosh script (for (let i = 1; …))
  // in a bash fence, and a line whose sentence "exported from the step 3 of the previous tutorial" is about
  // $connectionString, not ${AKS_MONGODB_NAMESPACE} of the sentence before it.
  const page = real('validate-mongodb-cluster.excerpt.md');
  const findings = () => ruleFindings('shell-unassigned-variable', 'x.md', page);
  it('silent on $i, which the script declares with let', () => {
    expect(findings().filter((f) => f.message.includes('$i '))).toEqual([]);
  });
  it('does not say the prose claims AKS_MONGODB_NAMESPACE was set earlier, and still says no step assigns it', () => {
    expect(findings().filter((f) => f.message.startsWith('the prose says AKS_MONGODB_NAMESPACE'))).toEqual([]);
    expect(findings().some((f) => f.message.includes('assigns $AKS_MONGODB_NAMESPACE'))).toBe(true);
  });
  it('still reports the claim when the sentence names the variable', () => {
    const claimed = page.replace('exported from the step 3', 'and `${AKS_MONGODB_NAMESPACE}` exported from the step 3');
    expect(ruleFindings('shell-unassigned-variable', 'x.md', claimed).some((f) => f.message.startsWith('the prose says AKS_MONGODB_NAMESPACE'))).toBe(true);
  });
});

describe('missing-prerequisite: az aks draft create needs no sign-in', () => {
  // Regression: a false warning on draft.md: az aks draft create runs the Draft binary on the reader's files.
  const page = real('draft.excerpt.md');
  it('silent on sign-in', () => {
    expect(ruleFindings('missing-prerequisite', 'x.md', page).filter((f) => f.message.includes('signed-in'))).toEqual([]);
  });
  it('still reports an az command that calls Azure', () => {
    const more = `${page}\n\`\`\`azurecli\naz aks show --resource-group rg --name c\n\`\`\`\n`;
    expect(ruleFindings('missing-prerequisite', 'x.md', more).filter((f) => f.message.includes('signed-in')).length).toBe(1);
  });
});

describe('page-assumes-resource: a group inside a resource id with a masked subscription', () => {
  // Regression: a false warning on monitor-aks.md: --resource /subscriptions/xxxxxxxx-…/resourceGroups/myresourcegroup/…
  // is an example id the reader replaces whole.
  const page = `# Monitor\n\n${real('monitor-aks-diagnostic-settings.excerpt.md')}`;
  it('silent on myresourcegroup', () => {
    expect(ruleFindings('page-assumes-resource', 'x.md', page)).toEqual([]);
  });
  it('still reports the group when the subscription is a real-looking id', () => {
    const real4 = page.replaceAll('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', '3f2a8d6c-5b1e-4c7a-9e0d-2b6f8a4c1d73');
    expect(ruleFindings('page-assumes-resource', 'x.md', real4).length).toBe(1);
  });
});

describe('shell-unassigned-variable: a variable the prose sends to another page by a reference-style link', () => {
  // Regression: a false warning on validate-mongodb-cluster.md: "Make sure you're passing correct `$connectionString`
  // environment variable exported from the step 3 of the [previous tutorial][deploy-mongodb-cluster]", whose
  // definition [deploy-mongodb-cluster]: ./deploy-mongodb-cluster.md#… leads to the page that exports it.
  const page = `${real('validate-mongodb-cluster.excerpt.md')}\n${real('validate-mongodb-cluster-links.excerpt.md')}`;
  it('the linked page exports connectionString: not reported; AKS_MONGODB_NAMESPACE, which it does not assign, still is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-aks2-linked-'));
    try {
      const file = join(dir, 'validate-mongodb-cluster.md');
      writeFileSync(file, page);
      writeFileSync(join(dir, 'deploy-mongodb-cluster.md'), real('deploy-mongodb-cluster-connection-string.excerpt.md'));
      const messages = ruleFindings('shell-unassigned-variable', file, page).map((f) => f.message);
      expect(messages.filter((m) => m.includes('connectionString'))).toEqual([]);
      expect(messages.some((m) => m.includes('$AKS_MONGODB_NAMESPACE'))).toBe(true);
      // Without the linked page beside it, the page alone still says so.
      expect(ruleFindings('shell-unassigned-variable', 'x.md', page).some((f) => f.message.includes('connectionString'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
