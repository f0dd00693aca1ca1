// Helm 2 commands that Helm 3 (the only Helm supported since November 2020, and the one Azure Cloud
// Shell and Helm's install script give) rejects: `helm init` (Tiller is gone), `helm install --name`
// (the release name is the first argument), `helm install <chart>` with no release name, and the old
// `stable`/`incubator` repositories at kubernetes-charts*.storage.googleapis.com, which Helm refuses
// to add. Readers reported each on AKS and Application Gateway pages (azure-docs#44813, #104782,
// #112631, #124535, #47692, PR #67271).
import type { Rule, RuleHit } from '../rule.ts';
import { invocations } from '../commands.ts';
import { bashCommands } from '../shell.ts';
import type { ShellWord } from '../../parse/shell-words.ts';

// helm install/template flags that take a value (Helm 3 `helm install --help`, and Helm 2's --name):
// a value is not the release name or the chart. A flag outside both lists makes the rule stay silent.
const VALUE_FLAGS = new Set([
  '--namespace', '-n', '--version', '--values', '-f', '--set', '--set-string', '--set-file', '--set-json', '--set-literal',
  '--kube-context', '--kubeconfig', '--timeout', '--repo', '--username', '--password', '--ca-file', '--cert-file', '--key-file',
  '--keyring', '--description', '--name-template', '--output', '-o', '--post-renderer', '--post-renderer-args',
  '--registry-config', '--repository-cache', '--repository-config', '--kube-apiserver', '--kube-as-user', '--kube-as-group',
  '--kube-ca-file', '--kube-token', '--burst-limit', '--qps', '--labels', '-l', '--name', '--api-versions', '-a', '--output-dir',
  '--show-only', '-s', '--release-name',
]);
const BOOL_FLAGS = new Set([
  '--create-namespace', '--dry-run', '--debug', '--wait', '--wait-for-jobs', '--atomic', '--devel', '--dependency-update',
  '--disable-openapi-validation', '--generate-name', '-g', '--no-hooks', '--replace', '--skip-crds', '--render-subchart-notes',
  '--verify', '--insecure-skip-tls-verify', '--pass-credentials', '--plain-http', '--force', '--enable-dns', '--skip-schema-validation',
  '--hide-notes', '--take-ownership', '--include-crds', '--validate', '--is-upgrade', '--skip-tests',
]);

// Helm's deprecatedRepos (helm/helm pkg/cmd/repo_add.go): `helm repo add` refuses any URL containing these.
const DEPRECATED_REPOS: readonly [string, string][] = [
  ['//kubernetes-charts.storage.googleapis.com', 'https://charts.helm.sh/stable'],
  ['//kubernetes-charts-incubator.storage.googleapis.com', 'https://charts.helm.sh/incubator'],
];

interface Found {
  word: ShellWord;
  message: string;
}

/** The positional arguments of helm install/template after the subcommand, or undefined when a flag is unknown. */
function positionals(args: readonly ShellWord[]): ShellWord[] | undefined {
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!.value;
    if (w === '--') return undefined;
    if (!w.startsWith('-') || w === '-') {
      out.push(args[i]!);
      continue;
    }
    const name = w.includes('=') ? w.slice(0, w.indexOf('=')) : w;
    if (VALUE_FLAGS.has(name)) {
      if (!w.includes('=')) i++;
    } else if (!BOOL_FLAGS.has(name)) return undefined;
  }
  return out;
}

function judge(words: readonly ShellWord[]): Found | undefined {
  const sub = words[1];
  if (!sub) return undefined;
  const args = words.slice(2);
  const flag = (name: string) => args.find((w) => w.value === name || w.value.startsWith(`${name}=`));
  if (sub.value === 'init') {
    return { word: sub, message: `'helm init' is a Helm 2 command: Helm 3 has no Tiller to install and answers 'Error: unknown command "init" for "helm"'. Drop this step (and the Tiller service account and role binding made for it); Helm 3 needs no initialisation.` };
  }
  if (sub.value === 'install' || sub.value === 'template') {
    const name = flag('--name');
    if (name) {
      return { word: name, message: `'helm ${sub.value} --name' is Helm 2 syntax: Helm 3 answers 'Error: unknown flag: --name'. Give the release name as the first argument: helm ${sub.value} <release-name> <chart> …` };
    }
    if (sub.value === 'install' && !flag('--generate-name') && !flag('-g') && !flag('--name-template')) {
      const pos = positionals(args);
      if (pos?.length === 1) {
        return { word: pos[0]!, message: `'helm install ${pos[0]!.value}' gives a chart but no release name: Helm 3 answers 'Error: must either provide a name or specify --generate-name'. Write helm install <release-name> ${pos[0]!.value} (or add --generate-name).` };
      }
    }
    return undefined;
  }
  if (sub.value === 'repo' && words[2]?.value === 'add' && !flag('--allow-deprecated-repos')) {
    for (const w of words.slice(3)) {
      const old = DEPRECATED_REPOS.find(([url]) => w.value.includes(url));
      if (old) {
        return { word: w, message: `Helm 3 refuses this repository: 'Error: repo "${w.value}" is no longer available; try "${old[1]}" instead'. The stable and incubator charts left kubernetes-charts.storage.googleapis.com in November 2020 and are no longer maintained; use ${old[1]} (archived) or the chart's own repository.` };
      }
    }
  }
  return undefined;
}

export const helm2Command: Rule = {
  id: 'helm-2-command',
  name: 'HelmTwoCommand',
  severity: 'error',
  shortDescription: 'A Helm 2 command that Helm 3 rejects: helm init, helm install --name, helm install <chart> without a release name, or the removed stable/incubator chart repositories.',
  fullDescription:
    'Helm 2 has been unsupported since 13 November 2020 (helm.sh blog, "Helm 2 and the Charts Project Are Now Unsupported"); Azure Cloud Shell and Helm\'s install script give Helm 3, whose CLI differs: there is no `helm init` (Tiller was removed: \'Error: unknown command "init" for "helm"\'), `helm install` takes the release name as its first argument and has no --name (\'Error: unknown flag: --name\'; a chart alone gives \'Error: must either provide a name or specify --generate-name\'), and `helm repo add` refuses the old stable and incubator repositories at kubernetes-charts(-incubator).storage.googleapis.com (\'repo … is no longer available; try "https://charts.helm.sh/stable" instead\', helm/helm pkg/cmd/repo_add.go deprecatedRepos). Readers reported these on Azure pages: MicrosoftDocs/azure-docs#44813 (ingress-basic, --name), #47692 (ingress-own-tls, no release name), #104782, #112631 and #124535 (ingress-controller-install-existing, helm init), PR #67271 (kubernetes-helm, the stable repository). Only bash commands are judged; a helm install whose flags the rule does not know is left alone.',
  help: 'Use Helm 3 syntax: no helm init; helm install <release-name> <chart> [flags]; helm repo add <name> <the chart\'s current repository>.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of bashCommands(doc)) {
      for (const inv of invocations(command.words)) {
        if (inv.words[0]?.value !== 'helm') continue;
        const found = judge(inv.words);
        if (found) hits.push({ line: found.word.line, column: found.word.column, stepId: command.step.id, message: found.message });
      }
    }
    return hits;
  },
};
