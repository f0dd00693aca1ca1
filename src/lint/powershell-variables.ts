// The variables PowerShell lines use and assign, read as PowerShell expands them (about_Quoting_Rules,
// about_Variables): `$name` and `${name}` outside single quotes, comments and single-quoted
// here-strings; a backtick escapes the `$`. Names compare without case, as PowerShell compares them.
// Shared state across lines: a `<# … #>` comment and a here-string span lines.
import type { LintDocument } from './document.ts';

export interface PsVariable {
  name: string; // lower-cased
  written: string;
  /** Offset of the `$` in the line. */
  offset: number;
}

export interface PsLineReading {
  uses: PsVariable[];
  assigns: string[];
}

export interface PsScanState {
  inBlockComment: boolean;
  hereString: '"' | "'" | undefined;
  /** Open parentheses of a param( … ) block that spans lines (a script's or runbook's parameters); absent: none open. */
  paramDepth?: number;
  /** The line before was the keyword `param` alone, its `(` on the next line (a runbook's `param` / `(` / … / `)`). */
  paramKeyword?: boolean;
}

/** Opening minus closing parentheses of a line's code (quoted text already blanked). */
const parenBalance = (code: string): number => (code.match(/\(/g)?.length ?? 0) - (code.match(/\)/g)?.length ?? 0);

/**
 * Automatic and preference variables PowerShell (or the Az module session) sets itself: about_Automatic_Variables,
 * about_Preference_Variables. Never the page's to assign.
 */
const AUTOMATIC = new Set(
  [
    '_', 'PSItem', 'true', 'false', 'null', 'args', 'input', 'this', 'PSScriptRoot', 'PSCommandPath', 'MyInvocation', 'PSVersionTable', 'Host', 'HOME', 'PWD',
    'LASTEXITCODE', 'Error', 'Matches', 'PSBoundParameters', 'ExecutionContext', 'IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PID', 'PROFILE', 'ShellId', 'StackTrace',
    'Sender', 'EventArgs', 'Event', 'EventSubscriber', 'foreach', 'switch', 'OFS', 'PSCmdlet', 'PSCulture', 'PSUICulture', 'PSHOME', 'PSEdition', 'PSStyle', 'NestedPromptLevel',
    'ConsoleFileName', 'PSSenderInfo', 'PSDebugContext', 'EnabledExperimentalFeatures', 'ErrorActionPreference', 'ProgressPreference', 'VerbosePreference', 'WarningPreference',
    'InformationPreference', 'DebugPreference', 'ConfirmPreference', 'WhatIfPreference', 'PSDefaultParameterValues', 'PSNativeCommandArgumentPassing',
    'PSNativeCommandUseErrorActionPreference', 'PSModuleAutoLoadingPreference', 'FormatEnumerationLimit', 'MaximumHistoryCount', 'OutputEncoding', 'PSEmailServer',
    'PSSessionApplicationName', 'PSSessionConfigurationName', 'PSSessionOption', 'ErrorView', 'LogCommandHealthEvent', 'Transcript',
  ].map((n) => n.toLowerCase()),
);

/** `$env:X`, `$function:f`… name providers, not variables; `$global:x` and kin are variables in a scope. */
const SCOPES = new Set(['global', 'script', 'local', 'private', 'using']);

export const isAutomaticVariable = (name: string): boolean => AUTOMATIC.has(name.toLowerCase());

const NAME = /^\$(?:\{([^}]+)\}|([A-Za-z_][\w]*(?::[A-Za-z_]\w*)?))/;

function variableAt(line: string, k: number): { written: string; name: string; length: number } | undefined {
  const m = NAME.exec(line.slice(k));
  if (!m) return undefined;
  let name = m[1] ?? m[2] ?? '';
  const colon = name.indexOf(':');
  if (colon >= 0) {
    if (!SCOPES.has(name.slice(0, colon).toLowerCase())) return undefined; // $env:PATH, $function:…
    name = name.slice(colon + 1);
  }
  // `$name:` in a double-quoted string ("$name: …") reads as a drive; a bare `$a:b` without a known scope is skipped above.
  return { written: m[0], name: name.toLowerCase(), length: m[0].length };
}

/** Uses and assignments on one PowerShell line; `state` carries comments and here-strings to the next line. */
export function readPowerShellLine(line: string, state: PsScanState): PsLineReading {
  const uses: PsVariable[] = [];
  const assigns: string[] = [];
  if (state.hereString) {
    if (new RegExp(`^${state.hereString}@`).test(line)) state.hereString = undefined;
    else if (state.hereString === "'") return { uses, assigns };
  }
  let quote: '"' | "'" | undefined = state.hereString === '"' ? '"' : undefined;
  const inHere = state.hereString === '"';
  for (let k = 0; k < line.length; k++) {
    const c = line[k] as string;
    if (state.inBlockComment) {
      if (line.startsWith('#>', k)) { state.inBlockComment = false; k++; }
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = undefined;
      continue;
    }
    if (c === '`') { k++; continue; }
    if (quote === '"') {
      if (c === '"' && !inHere) { quote = undefined; continue; }
    } else {
      if (line.startsWith('<#', k)) { state.inBlockComment = true; k++; continue; }
      if (c === '#') break;
      if (line.startsWith("@'", k) && line.slice(k + 2).trim() === '') { state.hereString = "'"; break; }
      if (line.startsWith('@"', k) && line.slice(k + 2).trim() === '') { state.hereString = '"'; break; }
      if (c === "'") { quote = "'"; continue; }
      if (c === '"') { quote = '"'; continue; }
    }
    if (c !== '$') continue;
    const v = variableAt(line, k);
    if (!v) continue;
    uses.push({ name: v.name, written: v.written, offset: k });
    k += v.length - 1;
  }
  // Assignments: `$a = …`, `[type]$a = …`, `$a, $b = …`, `$a += …`, `foreach ($a in …)`, `param($a, [int]$b)`,
  // `-OutVariable a`, `Set-Variable -Name a`.
  const quoted = line.replace(/'[^']*'/g, "''");
  // `param` alone on a line opens its block on the next: read that line as `param(…` (blank lines between keep it open).
  const keyword = state.paramKeyword === true;
  if (/^\s*param\s*(?:#.*)?$/i.test(quoted) || (keyword && quoted.trim() === '')) state.paramKeyword = true;
  else delete state.paramKeyword;
  const code = keyword && /^\s*\(/.test(quoted) ? `param${quoted}` : quoted;
  const lhs = /^\s*((?:\[[^\]]+\]\s*)?\$[\w:{}]+(?:\s*,\s*(?:\[[^\]]+\]\s*)?\$[\w:{}]+)*)\s*(?:[+\-*/]?=)(?!=)/.exec(code);
  if (lhs) for (const m of lhs[1]!.matchAll(/\$\{?(?:(?:global|script|local|private):)?(\w+)\}?/gi)) assigns.push(m[1]!.toLowerCase());
  for (const m of code.matchAll(/\bforeach\s*\(\s*\$(\w+)\s+in\b/gi)) assigns.push(m[1]!.toLowerCase());
  for (const m of code.matchAll(/\bfor\s*\(\s*\$(\w+)\s*=/gi)) assigns.push(m[1]!.toLowerCase());
  for (const param of code.matchAll(/\b(?:param\s*\(|function\s+[\w-]+\s*\()([^)]*)/gi)) for (const m of param[1]!.matchAll(/\$(\w+)/g)) assigns.push(m[1]!.toLowerCase());
  // A param( block over several lines, its parameters written one a line with attributes such as
  // [Parameter(Mandatory=$true)] (a runbook's or script's parameters): the caller gives each a value.
  if (state.paramDepth) {
    for (const m of code.replace(/#.*$/, '').matchAll(/\$(\w+)/g)) assigns.push(m[1]!.toLowerCase());
    const depth = state.paramDepth + parenBalance(code.replace(/#.*$/, ''));
    state.paramDepth = depth > 0 ? depth : undefined;
  } else {
    const open = /\bparam\s*\(/i.exec(code.replace(/#.*$/, ''));
    if (open) {
      const depth = parenBalance(code.replace(/#.*$/, '').slice(open.index));
      if (depth > 0) state.paramDepth = depth;
    }
  }
  for (const m of code.matchAll(/-(?:OutVariable|ov|ErrorVariable|ev|PipelineVariable|pv|WarningVariable|wv|InformationVariable|iv)\s*[:\s]\s*['"]?\+?(\w+)/gi)) assigns.push(m[1]!.toLowerCase());
  for (const m of code.matchAll(/\b(?:Set|New)-Variable\s+(?:-Name\s+)?['"]?(\w+)/gi)) assigns.push(m[1]!.toLowerCase());
  // A condition's `$a = …` inside if (…) or while (…) assigns too.
  for (const m of code.matchAll(/\(\s*\$(\w+)\s*=(?!=)/g)) assigns.push(m[1]!.toLowerCase());
  return { uses, assigns };
}

export interface PsAssignment {
  /** Step index * 1e6 + line: the order a reader runs them in. */
  at: number;
  line: number;
  /** The line is the page's own (not an include's). */
  own: boolean;
  /** The name as the assignment writes it (`resourceGroup`), for the twin test. */
  written: string;
  /** The value is what a cmdlet returns (`$publicIp = New-AzPublicIpAddress …`): an object, not a name. */
  cmdletResult?: boolean;
}

export interface PsUse {
  name: string;
  written: string;
  at: number;
  line: number;
  column: number;
  stepId: string;
}

/**
 * Every PowerShell variable use of the page's own steps and the first assignment of each name (the page's and its
 * includes' PowerShell steps, in page order). A here-string or a <# … #> comment may span the statements the parser
 * splits a fence into, so the scan state carries over within one fence.
 */
export function scanPowerShellVariables(doc: LintDocument): { firstAssigned: Map<string, PsAssignment>; uses: PsUse[] } {
  const firstAssigned = new Map<string, PsAssignment>();
  const uses: PsUse[] = [];
  let state: PsScanState = { inBlockComment: false, hereString: undefined };
  let previous: { file: string | undefined; end: number } | undefined;
  doc.tutorial.steps.forEach((step, index) => {
    if (step.kind === 'manual' || step.language !== 'powershell') return;
    const own = !step.source.file || !doc.file || step.source.file === doc.file;
    const sameFence = previous !== undefined && previous.file === step.source.file && previous.end < step.source.startLine && (!own || !doc.hasText || ![...Array(step.source.startLine - previous.end - 1).keys()].some((k) => /^\s*(```|:::)/.test(doc.line(previous!.end + 1 + k))));
    if (!sameFence) state = { inBlockComment: false, hereString: undefined };
    previous = { file: step.source.file, end: step.source.endLine };
    step.raw.split('\n').forEach((raw, i) => {
      const line = step.source.startLine + i;
      // A fence inside a blockquote (a > [!TIP]) keeps its `>` markers on the page's line: blanked, columns kept.
      const text = own && doc.hasText ? doc.line(line).replace(/^(?:[ \t]*>)+/, (m) => ' '.repeat(m.length)) : raw;
      const at = index * 1e6 + line;
      const read = readPowerShellLine(text, state);
      for (const name of read.assigns) {
        if (firstAssigned.has(name)) continue;
        const written = new RegExp(`\\$\\{?(?:(?:global|script|local|private):)?(${name})\\b`, 'i').exec(text)?.[1] ?? new RegExp(`\\b(${name})\\b`, 'i').exec(text)?.[1] ?? name;
        const cmdletResult = new RegExp(`\\$\\{?(?:(?:global|script|local|private):)?${name}\\}?\\s*=\\s*(?:\\(\\s*)?[A-Za-z]+-[A-Za-z]\\w*(?:\\s|$)`, 'i').test(text);
        firstAssigned.set(name, { at, line, own, written, ...(cmdletResult ? { cmdletResult } : {}) });
      }
      if (own) for (const u of read.uses) uses.push({ name: u.name, written: u.written, at, line, column: u.offset + 1, stepId: step.id });
    });
  });
  return { firstAssigned, uses };
}

/** The words of a name as its writer split them: camelCase, PascalCase, `_` and `-` (`resourceGroupName` → resource, group, name). */
function words(name: string): string[] {
  return name.replace(/^\$\{?|\}$/g, '').split(/[_-]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((w) => w.toLowerCase());
}

/** Initials of a name of two words or more (`resourceGroup` → rg), also without a trailing "name" word (`storageAccountName` → sa). */
function initials(name: string): string[] {
  const w = words(name);
  const out: string[] = [];
  if (w.length >= 2) out.push(w.map((x) => x[0]).join(''));
  if (w.length >= 3 && w[w.length - 1] === 'name') out.push(w.slice(0, -1).map((x) => x[0]).join(''));
  return out;
}

/**
 * The variable the page assigns that a used, never-assigned `$written` most likely means: the same name up to `_`
 * and `-` (case never matters to PowerShell), the same with or without a "Name" suffix, or one is the initials of
 * the other (`$rg` / `$resourceGroup`, `$sa` / `$storageAccountName`). `before` is the use's line up to the use.
 */
export function powerShellTwin(written: string, assigned: ReadonlyMap<string, PsAssignment>, before = ''): PsAssignment | undefined {
  const usedName = written.replace(/^\$\{?|\}$/g, '').toLowerCase();
  const used = words(written).join('');
  // Given to kubectl's or helm's -n/--namespace, the value is a namespace: initials alone do not make it the
  // twin of a name that says something else (`kubectl exec … -n $cr` beside $connectedRegistryName, the
  // extension's name, while its pods run in the connected-registry namespace: azure-management-docs
  // @d923d588 azure-arc/workload-orchestration/how-to-stage.md).
  const namespace = /\b(?:kubectl|helm)\b.*\s(?:-n|--namespace)[\s=]+$/.test(before);
  for (const [name, a] of assigned) {
    if (name === usedName) continue;
    const other = words(a.written).join('');
    // $publicIpName beside `$publicIp = New-AzPublicIpAddress …` (azure-docs virtual-network/
    // configure-routing-preference-powershell.md): the assigned one holds the object a cmdlet returns, the used
    // one a resource's name — two values, so the unassigned name is shell-unassigned-variable's, not a twin.
    if (used === `${other}name` && a.cmdletResult) continue;
    if (other === used || other === `${used}name` || used === `${other}name`) return a;
    if (namespace && !words(a.written).some((w) => w === 'namespace' || w === 'ns')) continue;
    if (initials(written).includes(other) || initials(a.written).includes(used)) return a;
  }
  return undefined;
}
