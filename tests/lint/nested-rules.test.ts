// Issue 16 session 9 (nested): every az command a page runs is judged, also one inside a command
// substitution ("$(az … -o tsv)", $( … ), backticks). The shared splitter keeps the outer word whole
// and gives each substitution's words their own lines and columns (src/parse/shell-words.ts);
// simpleCommands makes each of them a command of its own (src/lint/commands.ts). Real page:
// tests/fresh/articles/aks/workload-identity-deploy-cluster.md (MicrosoftDocs/azure-aks-docs
// articles/aks/workload-identity-deploy-cluster.md @ bf3d7bbd0dc8278c0a6fb5a8daa51209c58b8293).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { buildDocument } from '../../src/lint/document.ts';
import { simpleCommands } from '../../src/lint/commands.ts';

const root = join(import.meta.dirname, '..', '..');
const page = (block: string) => `# Page\n\nSign in with az login. You need the Azure CLI.\n\n\`\`\`azurecli\n${block}\n\`\`\`\n`;
const at = (text: string, rule: string) => lintText(text).filter((f) => f.rule === rule).map((f) => [f.line, f.column, f.severity]);
const line6 = 6; // the block's first line in page()

describe('az inside a quoted command substitution is never linted', () => {
  it('an unknown option inside "$( … )" in an assignment is reported where it stands', () => {
    const text = page('export AKS_OIDC_ISSUER="$(az aks show -n myAKSCluster -g myResourceGroup --bogus x --query oidcIssuerProfile.issuerUrl -o tsv)"');
    expect(at(text, 'az-unknown-parameter')).toEqual([[line6, 74, 'error']]);
  });
  it('inside --value "$( … )", in backticks, nested, and in for … in $( … ): each at its own line and column', () => {
    const text = page(
      [
        'az keyvault secret set --name s --vault-name kv --value "$(az keyvault secret show --nope 1 --vault-name kv -n t --query value -o tsv)"',
        'COUNT=`az keyvault secret list --vault-name kv --nope2 -o tsv | wc -l`',
        'for id in $(az keyvault secret list --vault-name "$(az keyvault show -n kv --nope3 --query name -o tsv)" --query [].id -o tsv); do echo "$id"; done',
      ].join('\n'),
    );
    expect(at(text, 'az-unknown-parameter')).toEqual([
      [line6, 84, 'error'],
      [line6 + 1, 48, 'error'],
      [line6 + 2, 76, 'error'],
    ]);
  });
  it('the outer command keeps its words: --value $( … ) --vault-name kv is no missing --vault-name, quoted or not', () => {
    for (const q of ['', '"']) {
      const text = page(`az keyvault secret set --name s2 --value ${q}$(az keyvault secret show --name s1 --vault-name kv --query value -o tsv)${q} --vault-name kv`);
      expect(at(text, 'az-missing-required')).toEqual([]);
    }
  });
  it('a grant whose --assignee is a substitution keeps its --role and --scope (no rbac-what-if on the upload it allows)', () => {
    for (const q of ['', '"']) {
      const text = page(
        [
          'az login',
          'az group create --name rg1 --location eastus',
          'az storage account create --name st1abc --resource-group rg1',
          `az role assignment create --assignee ${q}$(az ad signed-in-user show --query id -o tsv)${q} --role "Storage Blob Data Contributor" --scope ${q}$(az storage account show --name st1abc --resource-group rg1 --query id -o tsv)${q}`,
          'az storage container create --name cont1 --account-name st1abc --auth-mode login',
        ].join('\n'),
      );
      expect(at(text, 'az-missing-required')).toEqual([]);
      expect(at(text, 'rbac-what-if')).toEqual([]);
    }
  });
});

describe('what a substitution uses and assigns is counted once', () => {
  it('shell-unassigned-variable: $CLUSTER inside "$( … )" once, at its column; a single-quoted $x inside it is no use', () => {
    const text = page(`ISSUER="$(az aks show -n $CLUSTER -g rg --query '[?name==$x]' -o tsv)"`);
    const hits = lintText(text).filter((f) => f.rule === 'shell-unassigned-variable');
    expect(hits.map((f) => [f.line, f.column])).toEqual([[line6, 26]]);
    expect(hits[0]!.message).toContain('$CLUSTER');
  });
  it('page-assumes-resource: a vault named in the command and in its substitution is assumed once', () => {
    const text = page('az keyvault secret set --name s --vault-name kv9 --value "$(az keyvault secret show --vault-name kv9 -n t --query value -o tsv)"');
    expect(lintText(text).filter((f) => f.rule === 'page-assumes-resource' && f.message.includes('kv9'))).toHaveLength(1);
  });
});

describe('the real page: workload-identity-deploy-cluster.md', () => {
  const file = 'tests/fresh/articles/aks/workload-identity-deploy-cluster.md';
  const text = readFileSync(join(root, file), 'utf8');
  it('reads its four az calls inside "$( … )" as commands (lines 38, 59, 73, 169), and finds nothing wrong in them', () => {
    const doc = buildDocument(parseTutorialText(text, file), text);
    const inner = doc.commands.flatMap((c) => simpleCommands(c.words)).filter((cmd) => cmd[0]?.value === 'az' && [38, 59, 73, 169].includes(cmd[0].line));
    expect(inner.map((cmd) => [cmd[0]!.line, cmd[0]!.column, cmd.slice(0, 3).map((w) => w.value).join(' ')])).toEqual([
      [38, 24, 'az account show'],
      [59, 27, 'az aks show'],
      [73, 35, 'az identity show'],
      [169, 39, 'az identity show'],
    ]);
    const lines = new Set([38, 59, 73, 169]);
    expect(lintText(text, 'docfx', file).filter((f) => lines.has(f.line) && f.rule.startsWith('az-'))).toEqual([]);
  });
});
