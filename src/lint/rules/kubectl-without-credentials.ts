// kubectl run on a page that creates its AKS cluster (az aks create, New-AzAksCluster) but never
// fetched the cluster's credentials before (az aks get-credentials, Import-AzAksCredential): kubectl
// talks to the cluster of ~/.kube/config's current context, which az aks create does not write, so
// the command reaches no cluster ("The connection to the server localhost:8080 was refused") or,
// worse, another one. A reader reported it on the HTTP application routing page (azure-docs#44059).
// Pages that use a cluster they do not create (a prerequisite) are not judged: the reader may well
// be connected already. A warning: a reader who set KUBECONFIG by other means is not wrong.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption, invocations } from '../commands.ts';
import { eachPowerShellCommand } from '../powershell-commands.ts';
import { codeFences } from '../fences.ts';

type Event =
  | { kind: 'create'; line: number; group?: string; name?: string }
  | { kind: 'credentials'; line: number }
  | { kind: 'kubectl'; line: number; column: number; text: string };

const lower = (s: string) => s.toLowerCase();

// Shell blocks that show a prompt and its output ("$ kubectl apply -f x.yaml" then "deployment created")
// are not steps the parser runs, but the reader types their prompt lines all the same.
const SHELL_FENCES = new Set(['bash', 'console', 'shell', 'sh', 'azurecli', 'azurecli-interactive', 'azure-cli', 'cli']);
const PROMPT = /^(\s*\$\s+)(kubectl(?:\s+\S+){0,2}|az aks get-credentials)\b/;

export const kubectlWithoutCredentials: Rule = {
  id: 'kubectl-without-credentials',
  name: 'KubectlWithoutCredentials',
  severity: 'warning',
  shortDescription: 'kubectl runs on a page that creates an AKS cluster but has not fetched its credentials (az aks get-credentials) before.',
  fullDescription:
    'kubectl sends every request to the cluster of the current context in ~/.kube/config (or $KUBECONFIG). az aks create and New-AzAksCluster create the cluster but do not write that file: az aks get-credentials (Import-AzAksCredential in Azure PowerShell) does ("Get access credentials for a managed Kubernetes cluster", az aks reference). A page that creates its cluster and then runs kubectl without that step leaves kubectl with no cluster ("The connection to the server localhost:8080 was refused - did you specify the right host or port?") or with another cluster the reader happens to be connected to, where the manifests land unnoticed. A reader reported it on the HTTP application routing page (MicrosoftDocs/azure-docs#44059, "you need to get credentials before applying config"). Pages that use a cluster they do not create, and pages that set KUBECONFIG or run kubectl config before, are not judged.',
  help: 'Add az aks get-credentials --resource-group <group> --name <cluster> (Import-AzAksCredential in PowerShell) after the cluster is created and before the first kubectl command.',
  check(doc) {
    const events: Event[] = [];
    for (const command of doc.commands) {
      for (const inv of invocations(command.words)) {
        const first = inv.words[0];
        if (!first) continue;
        const path = inv.az?.path.join(' ');
        if (inv.az && path === 'aks create') {
          const group = azOption(inv.az, '--resource-group', '-g')?.value?.raw;
          const name = azOption(inv.az, '--name', '-n')?.value?.raw;
          events.push({ kind: 'create', line: first.line, ...(group ? { group } : {}), ...(name ? { name } : {}) });
        } else if (path === 'aks get-credentials' || /^KUBECONFIG=/.test(first.value) || (first.value === 'export' && inv.words.some((w) => w.value.startsWith('KUBECONFIG=')))) {
          events.push({ kind: 'credentials', line: first.line });
        } else if (first.value === 'kubectl') {
          // kubectl config … (use-context, set-cluster) chooses a cluster itself.
          if (inv.words[1]?.value === 'config') events.push({ kind: 'credentials', line: first.line });
          else events.push({ kind: 'kubectl', line: first.line, column: first.column, text: inv.words.slice(0, 3).map((w) => w.value).join(' ') });
        }
      }
    }
    const known = new Set(events.map((e) => e.line));
    for (const fence of codeFences(doc)) {
      if (!SHELL_FENCES.has(fence.info)) continue;
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
        const m = PROMPT.exec(doc.line(n));
        if (!m || known.has(n)) continue;
        const said = m[2]!;
        if (said.startsWith('az ') || said.startsWith('kubectl config')) events.push({ kind: 'credentials', line: n });
        else events.push({ kind: 'kubectl', line: n, column: m[1]!.length + 1, text: said });
      }
    }
    for (const c of eachPowerShellCommand(doc)) {
      const name = lower(c.command.name);
      const line = c.step.source.startLine;
      if (name === 'new-azakscluster') events.push({ kind: 'create', line });
      else if (name === 'import-azakscredential') events.push({ kind: 'credentials', line });
      else if (name === 'kubectl') events.push({ kind: 'kubectl', line, column: 1, text: 'kubectl' });
    }
    events.sort((a, b) => a.line - b.line);
    let create: Extract<Event, { kind: 'create' }> | undefined;
    for (const e of events) {
      if (e.kind === 'credentials') return [];
      if (e.kind === 'create') create ??= e;
      else if (create) {
        const later = events.find((x) => x.kind === 'credentials' && x.line > e.line);
        const fetch = `az aks get-credentials --resource-group ${create.group ?? '<group>'} --name ${create.name ?? '<cluster>'}`;
        const hit: RuleHit = {
          line: e.line,
          column: e.column,
          message: `${e.text} talks to the cluster of kubectl's current context, but the page created its cluster (line ${create.line}) and ${later ? `fetches its credentials only at line ${later.line}, after this` : 'never fetches its credentials'}: az aks create does not write ~/.kube/config, so kubectl reaches no cluster ("The connection to the server localhost:8080 was refused") or another one. Run ${fetch} before the first kubectl command.`,
        };
        return [hit];
      }
    }
    return [];
  },
};
