// "$name" that no step of the page assigns and the prose never tells the reader to set: bash
// expands it to the empty string (PowerShell to $null) and the command runs without that value.
import type { Rule, RuleHit } from '../rule.ts';
import { assignedTwin, assignedVariables, bashVariableUses, SHELL_ENVIRONMENT as ENVIRONMENT } from '../shell.ts';
import { shellCodeInclude } from '../../parse/includes.ts';
import { isAutomaticVariable, powerShellTwin, scanPowerShellVariables } from '../powershell-variables.ts';
import { linkedPageVariables } from '../linked-pages.ts';
import { labelledPowerShell, readerInPowerShell } from '../powershell-page.ts';
import { openingFence } from '../shell.ts';
import { sentences } from '../../parse/sentences.ts';

const GIVES = /\b(set|sets|export|exports|define|defines|assign|assigns|replace|substitute|store|stores|save|saves|with your|to your)\b/i;

export const shellUnassignedVariable: Rule = {
  id: 'shell-unassigned-variable',
  name: 'ShellUnassignedVariable',
  severity: 'warning',
  shortDescription: 'A command uses a shell variable that no step of the page assigns (or only a later one) and the prose never says to set.',
  fullDescription:
    'bash expands an unset variable to the empty string without complaint: "--name $vaultName" becomes "--name" with no value, a URL loses a segment. A page that uses $name must assign it in a step (name=…) or tell the reader to set it. A PowerShell-style "$name = …" in a bash block is not an assignment to bash. A sentence saying the variable was "created in previous steps" when no step assigns it is reported too, and so is a variable whose first assignment comes further down the page than its first use (the reader runs the steps in order). PowerShell blocks are read the same way (PowerShell expands an unassigned $name to $null without complaint, about_Variables): a variable no PowerShell line of the page or its includes assigns before its use, compared without case as PowerShell names are, is reported; automatic and preference variables ($_, $PSItem, $true, $null, $args, $PSScriptRoot, $HOME, $LASTEXITCODE…), $env: and other provider paths, single-quoted text, comments, backtick-escaped dollars, loop variables, param() and function parameters, -OutVariable names and what the prose tells the reader to set are not (a sentence that says so, or a table or list of variables under a sentence that does: "Set the following environment variables: | KEY_VAULT_NAME | … |"). An assignment in the bash tab (RESOURCE_GROUP=…) does not assign $ResourceGroupName in the PowerShell tab. A page that shows its script from another file (a DocFX code include: [!code-azurecli[…](x.sh)] or :::code language="azurecli" source="x.sh":::) gets a note instead: the script this tool does not read presumably assigns the variable. So does a page whose code runs `source FILE` (or `. FILE`) before the use, a file it does not show (`source env.example` of a cloned sample); a shell profile or a virtualenv\'s activate script is no such file. A page whose prose sends the reader to another page for its variables ("uses the same … variables defined in [Deploy a basic solution](solution-without-common-configuration.md)") is read with that page: a variable it assigns is not reported; so are the pages its Prerequisites section links to ("make sure you have created the required service principal … see [Create service principal](…)", whose steps export SPN_CLIENT_ID). `$Env:NAME` in a bash-fenced block is PowerShell\'s environment drive (an azurecli fence under a PowerShell tab), not a bash variable $Env. A runbook\'s `param` alone on its line with its `(` on the next declares parameters as param( does; a fence inside a blockquote (> [!TIP]) is read without its `>` markers. A name the page\'s code declares the JavaScript way (`for (let i = 1; …)`, `const x =`) belongs to a script typed into mongosh or node, even in a bash fence: its `${i}` is a template literal\'s. The "created in previous steps" sentence is read as a sentence: one that names another variable does not say so of this one.',
  help: 'Add the step that assigns the variable (name="<value>") before its first use, or use a placeholder the prose explains.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const assigned = assignedVariables(doc);
    const linked = linkedPageVariables(doc);
    const reported = new Set<string>();
    for (const { name, command, word: w, offset, defaulted } of bashVariableUses(doc)) {
      if (ENVIRONMENT.has(name) || reported.has(name)) continue;
      if (defaulted) continue; // ${name:-default}
      // `$Env:NAME` is PowerShell's environment drive, in a block fenced azurecli under a PowerShell tab
      // (azure-arc/data/upload-metrics.md:62 `--assignee $Env:MSI_OBJECT_ID`): no bash variable `$Env`.
      if (/^\$env:\w/i.test(w.raw.slice(offset))) continue;
      // A line the block's comment labels PowerShell ("# Script for a PowerShell scripting language" over
      // `if ($? -eq $false) {`, azure-docs-cli use-azure-cli-successfully-powershell.md): $false is PowerShell's.
      if (command.step.fence !== undefined && labelledPowerShell(doc, openingFence(doc, w.line), w.line)) continue;
      const at = assigned.get(name);
      if (at !== undefined && at > command.step.source.endLine && !proseGives(doc, name)) {
        // assigned, but only further down the page: the reader who follows the steps in order gets ""
        reported.add(name);
        hits.push({
          line: w.line,
          column: w.column + offset,
          stepId: command.step.id,
          message: `$${name} is used here, but the first step that assigns it is on line ${at}, further down: a reader who runs the steps in order gets the empty string here, so the command runs without that value. Move the assignment before this command.`,
        });
        continue;
      }
      if (at !== undefined || proseGives(doc, name)) continue;
      if (linked.bash.has(name)) continue; // the page that the prose says sets "the variables" assigns it
      if (assignedTwin(doc, name, assigned)) continue; // shell-variable-two-names reports it: the page assigns it under another spelling
      if (javascriptDeclaration(doc, name) !== undefined) continue; // a JavaScript variable of a script the page types into mongosh or node
      reported.add(name);
      const powershell = powershellAssignment(doc, name);
      // Assigned the PowerShell way on a page that tells the reader to use PowerShell: set for that reader.
      if (powershell !== undefined && readerInPowerShell(doc, command.step)) continue;
      const script = powershell === undefined ? shellCodeIncludeOf(doc) ?? sourcedScriptOf(doc, w.line) : undefined;
      if (script !== undefined) {
        // The page shows its script from a file (a DocFX code include) this tool does not read:
        // the variable is most likely assigned there, so this is no defect the page shows.
        hits.push({
          line: w.line,
          column: w.column + offset,
          stepId: command.step.id,
          severity: 'note',
          message: script.sourced
            ? `no step this tool can read assigns $${name}; the page runs "source ${script.source}" on line ${script.line}, a file it does not show, which presumably assigns it.`
            : `no step this tool can read assigns $${name}; the page shows its script from ${script.source} (a code include on line ${script.line}, not read here), which presumably assigns it.`,
        });
        continue;
      }
      hits.push({
        line: w.line,
        column: w.column + offset,
        stepId: command.step.id,
        message: powershell
          ? `$${name} is assigned PowerShell-style on line ${powershell} ("$${name} = …"), which bash does not read as an assignment: here it expands to the empty string. Assign it as bash does (${name}="…", no spaces around "=") or run the block in PowerShell.`
          : `no step of the page assigns $${name} and the prose never says to set it: bash expands it to the empty string, so the command runs without that value. Assign it first (${name}="<value>") or use a placeholder the prose explains.`,
      });
      const claim = proseClaimsEarlier(doc, name);
      if (claim !== undefined)
        hits.push({
          line: claim,
          stepId: command.step.id,
          message: `the prose says ${name} was set in an earlier step, but no step of the page (or its includes) assigns it: $${name} on line ${w.line} expands to the empty string. Add the step that sets it (export ${name}="<value>") or point at the page that does.`,
        });
    }
    if (shellCodeIncludeOf(doc) === undefined) hits.push(...powershellUnassigned(doc, linked.powershell));
    return hits;
  },
};

/**
 * PowerShell blocks (the page's and its includes', in page order): a `$name` that no PowerShell line
 * assigns before it, that is no automatic variable and that the prose does not tell the reader to set.
 * PowerShell, unlike bash under `set -u`, also expands it to $null without complaint.
 */
function powershellUnassigned(doc: Parameters<Rule['check']>[0], linked: ReadonlySet<string>): RuleHit[] {
  const hits: RuleHit[] = [];
  const { firstAssigned, uses } = scanPowerShellVariables(doc);
  const reported = new Set<string>();
  for (const u of uses) {
    if (reported.has(u.name) || isAutomaticVariable(u.name) || proseGives(doc, u.name.replace(/\W/g, ''), 'i') || linked.has(u.name.toLowerCase())) continue;
    const first = firstAssigned.get(u.name);
    if (first !== undefined && first.at <= u.at) continue;
    if (first === undefined && powerShellTwin(u.written, firstAssigned, doc.hasText ? doc.line(u.line).slice(0, u.column - 1) : '')) continue; // powershell-variable-two-names reports it
    reported.add(u.name);
    hits.push({
      line: u.line,
      column: u.column,
      stepId: u.stepId,
      message: first !== undefined
        ? `${u.written} is used here, but the first PowerShell line that assigns it is line ${first.line}${first.own ? '' : ' of an included file'}, further down: PowerShell expands an unassigned variable to $null without complaint, so this command runs without that value. Assign it before this line.`
        : `no PowerShell line of the page (or its includes) assigns ${u.written} and the prose never says to set it: PowerShell expands it to $null without complaint, so the command runs without that value. Assign it first (${u.written} = "<value>") or use the variable the page assigns.`,
    });
  }
  return hits;
}

/** The first shell script the page shows from another file (DocFX code include), if any. */
function shellCodeIncludeOf(doc: Parameters<Rule['check']>[0]): { line: number; source: string; sourced?: false } | undefined {
  for (let n = 1; n <= doc.lineCount; n++) {
    const source = shellCodeInclude(doc.line(n));
    if (source !== undefined) return { line: n, source };
  }
  return undefined;
}

// `source env.example` (or `. ./env.sh`): a file of the reader's clone or download sets variables the page
// never shows. A shell profile (~/.bashrc) or a virtualenv's activate script sets none a page names.
const SOURCE = /^\s*(?:source|\.)\s+(?!\S*(?:bashrc|bash_profile|profile|zshrc|\/activate)\b)([^\s;&|<>$]+)/;

/** The first `source FILE` a code line of the page runs before line `before`, if any. */
function sourcedScriptOf(doc: Parameters<Rule['check']>[0], before: number): { line: number; source: string; sourced: true } | undefined {
  for (let n = 1; n < before && n <= doc.lineCount; n++) {
    if (doc.isProse(n)) continue;
    const m = SOURCE.exec(doc.line(n));
    if (m) return { line: n, source: m[1]!, sourced: true };
  }
  return undefined;
}

// "relies on the `KEY_VAULT_NAME` … environment variables created in previous steps"
const EARLIER = /\b(?:created|set|defined|assigned|exported)\b.*\b(?:previous|earlier|above|before|prior)\b/i;

/**
 * The prose line whose sentence names `name` and says it was set earlier. The sentence, not the line: "Create a
 * pod in the `${AKS_MONGODB_NAMESPACE}` namespace … Make sure you're passing correct `$connectionString`
 * exported from the step 3 of the previous tutorial" (azure-aks-docs validate-mongodb-cluster.md) says so of
 * $connectionString only.
 */
function proseClaimsEarlier(doc: Parameters<Rule['check']>[0], name: string): number | undefined {
  const word = new RegExp(`(?<![\\w$])\\$?${name}(?!\\w)`);
  for (let n = 1; n <= doc.lineCount; n++) if (doc.isProse(n) && word.test(doc.line(n)) && sentences(doc.line(n)).some((x) => word.test(x.text) && EARLIER.test(x.text))) return n;
  return undefined;
}

/**
 * The line that declares `name` the JavaScript way (`for (let i = 1; …)`, `const x =`) in the page's code:
 * a script typed into mongosh or node, which a bash fence holds (azure-aks-docs validate-mongodb-cluster.md's
 * "In the MongoDB shell, … using the following script"); its `${i}` is a template literal's, not bash's.
 */
function javascriptDeclaration(doc: Parameters<Rule['check']>[0], name: string): number | undefined {
  const re = new RegExp(`(?:^|[\\s(;{])(?:let|const|var)\\s+${name}\\s*=`);
  for (let n = 1; n <= doc.lineCount; n++) if (!doc.isProse(n) && re.test(doc.line(n))) return n;
  return undefined;
}

function proseGives(doc: Parameters<Rule['check']>[0], name: string, flags = ''): boolean {
  const word = new RegExp(`(?<![\\w$])\\$?${name}(?!\\w)`, flags);
  for (let n = 1; n <= doc.lineCount; n++) if (doc.isProse(n) && word.test(doc.line(n)) && (GIVES.test(doc.line(n)) || GIVES.test(leadIn(doc, n)))) return true;
  return false;
}

const ROW = /^\s*(?:\||[-*+]\s|\d+\.\s)/;

/**
 * The sentence that introduces the table or list line `n` stands in ("Set the following environment
 * variables to use throughout this article:" above a `| KEY_VAULT_NAME | … |` table), or '' when the
 * line is in none: the rows are what that sentence tells the reader to set.
 */
function leadIn(doc: Parameters<Rule['check']>[0], n: number): string {
  if (!ROW.test(doc.line(n))) return '';
  let at = n;
  while (at > 1 && ROW.test(doc.line(at - 1)) && doc.isProse(at - 1)) at--;
  at--;
  while (at >= 1 && doc.line(at).trim() === '') at--;
  return at >= 1 && doc.isProse(at) && !ROW.test(doc.line(at)) ? doc.line(at) : '';
}

function powershellAssignment(doc: Parameters<Rule['check']>[0], name: string): number | undefined {
  const re = new RegExp(`^\\s*\\$${name}\\s*=`);
  for (let n = 1; n <= doc.lineCount; n++) if (re.test(doc.line(n))) return n;
  return undefined;
}
