// A program on the page reads an environment variable that the page never sets, while the page does
// set environment variables for it — under another name. The quickstart pattern: "create an environment
// variable named KEY_VAULT_NAME" (`export KEY_VAULT_NAME=quickstart-kv`) and main.go reads
// os.Getenv("AZURE_KEY_VAULT_URI"). The program then runs with nothing where the vault should be.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceAt } from '../fences.ts';
import { assigns, envVarAssignments, setsEnvironment, type EnvAssignment } from '../env-var-assignments.ts';

interface EnvRead {
  name: string;
  line: number;
  column: number;
  /** What the language gives for an unset variable, said to the reader. */
  unset: string;
}

const GO = /^(go|golang)$/;
const PYTHON = /^(python|py|python3)$/;
const JS = /^(javascript|js|typescript|ts|node|nodejs)$/;
const CSHARP = /^(csharp|cs|c#)$/;
const JAVA = /^(java)$/;

/** The reads one line of program source makes, by its language's standard library. */
function readsOn(text: string, info: string): { name: string; index: number; unset: string }[] {
  const out: { name: string; index: number; unset: string }[] = [];
  const add = (re: RegExp, unset: string | ((m: RegExpMatchArray) => string)): void => {
    for (const m of text.matchAll(re)) {
      // `process.env.TIMEOUT || 5000`, `GetEnvironmentVariable("X") ?? "y"`: the program has its own default.
      if (/^\s*(?:\|\||\?\?)/.test(text.slice((m.index ?? 0) + m[0].length))) continue;
      out.push({ name: m[1] as string, index: (m.index ?? 0) + m[0].indexOf(m[1] as string), unset: typeof unset === 'string' ? unset : unset(m) });
    }
  };
  if (GO.test(info)) {
    add(/\bos\.Getenv\(\s*"([A-Za-z_]\w*)"\s*\)/g, 'os.Getenv returns "" for an unset variable');
    add(/\bos\.LookupEnv\(\s*"([A-Za-z_]\w*)"\s*\)/g, 'os.LookupEnv reports it unset');
  } else if (PYTHON.test(info)) {
    add(/\bos\.environ\[\s*["']([A-Za-z_]\w*)["']\s*\]/g, (m) => `os.environ[...] raises KeyError: '${m[1]}'`);
    add(/\bos\.(?:environ\.get|getenv)\(\s*["']([A-Za-z_]\w*)["']\s*\)/g, 'os.getenv returns None');
  } else if (JS.test(info)) {
    add(/\bprocess\.env\.([A-Za-z_]\w*)/g, 'process.env gives undefined');
    add(/\bprocess\.env\[\s*["'`]([A-Za-z_]\w*)["'`]\s*\]/g, 'process.env gives undefined');
  } else if (CSHARP.test(info)) {
    add(/\bEnvironment\.GetEnvironmentVariable\(\s*"([A-Za-z_]\w*)"/g, 'Environment.GetEnvironmentVariable returns null');
  } else if (JAVA.test(info)) {
    add(/\bSystem\.getenv\(\s*"([A-Za-z_]\w*)"\s*\)/g, 'System.getenv returns null');
  }
  return out;
}

/** Blocks a reader types into a shell (bash, cmd, PowerShell; Learn's azurecli and azurepowershell; no info string). */
const SHELL = /^(?:bash|sh|zsh|shell|console|terminal|azurecli(?:-interactive)?|azurepowershell(?:-interactive)?|powershell|pwsh|ps1|cmd|bat|batch|)$/;

export const programEnvVarNotSet: Rule = {
  id: 'program-env-var-not-set',
  name: 'ProgramEnvVarNotSet',
  severity: 'warning',
  shortDescription: 'A program on the page reads an environment variable the page never sets, while it sets others for the program.',
  fullDescription:
    'Quickstarts for the Azure SDKs pass the vault, account or endpoint to the sample program in an environment variable the reader sets first (export X=…, set X=…, setx X …, $env:X = …, [Environment]::SetEnvironmentVariable(\'X\', …)). When the program reads a name the page never sets and never mentions, it runs without the value: Go\'s os.Getenv returns "", Python\'s os.environ["X"] raises KeyError, process.env.X is undefined, Environment.GetEnvironmentVariable and System.getenv return null — and the client then fails with an error about an empty URL, far from the cause. Found on MicrosoftDocs/azure-docs key-vault/secrets/quick-create-go.md, which exports KEY_VAULT_NAME while main.go reads AZURE_KEY_VAULT_URI (reader report https://github.com/MicrosoftDocs/azure-docs/issues/107530, fixed by MicrosoftDocs/azure-security-docs PR #4). The rule speaks only when the page sets at least one environment variable and the name the program reads appears nowhere else on the page (prose, commands, settings files, includes).',
  help: 'Set the variable the program reads (export NAME=…) or make the program read the one the page sets.',
  check(doc) {
    if (!doc.hasText) return [];
    const fences = codeFences(doc);
    const reads: EnvRead[] = [];
    const sets = new Map<string, number>();
    const setForms: EnvAssignment[] = [];
    const mentions = new Map<string, number>();
    const word = /[A-Za-z_]\w*/g;
    for (let n = 1; n <= doc.lineCount; n++) {
      const text = doc.line(n);
      const fence = fenceAt(fences, n);
      const found = fence ? readsOn(text, fence.info) : [];
      for (const r of found) reads.push({ name: r.name, line: n, column: r.index + 1, unset: r.unset });
      if (found.length > 0) continue; // a program line that reads is no mention of what it reads
      if (fence !== undefined && SHELL.test(fence.info)) {
        // The environment variables the line sets for the programs it starts (export, set, setx, $env:…; env-var-assignments.ts).
        for (const set of envVarAssignments(text)) {
          if (!setsEnvironment(set)) continue;
          setForms.push(set);
          if (!sets.has(set.name)) sets.set(set.name, n);
        }
      }
      for (const m of text.matchAll(word)) mentions.set(m[0], (mentions.get(m[0]) ?? 0) + 1);
    }
    if (sets.size === 0 || reads.length === 0) return [];
    // Text from includes (and the steps the page runs) counts as the page's too.
    const elsewhere = doc.tutorial.steps.filter((s) => s.source.file && doc.file && s.source.file !== doc.file).map((s) => s.raw).join('\n');
    const hits: RuleHit[] = [];
    const said = new Set<string>();
    const isSet = (name: string): boolean => setForms.some((set) => assigns(set, name));
    for (const r of reads) {
      if (said.has(r.name) || isSet(r.name) || mentions.has(r.name) || new RegExp(`\\b${r.name}\\b`).test(elsewhere)) continue;
      said.add(r.name);
      const setNames = [...sets.entries()];
      const shown = setNames.slice(0, 3).map(([name, line]) => `${name} (line ${line})`).join(', ');
      hits.push({
        line: r.line,
        column: r.column,
        message: `the program reads the environment variable ${r.name}, but the page never sets it — it sets ${shown}${setNames.length > 3 ? ' …' : ''}: ${r.unset}, so the program runs without the value. Set ${r.name} before running it, or read the variable the page sets.`,
      });
    }
    return hits;
  },
};
