// Reads the saved excerpts of the Az module help markdown (src/reference/powershell-help/<Module>.md: each cmdlet's
// SYNTAX blocks and the Aliases / Accepted values / Type lines of its PARAMETERS, verbatim, headed by the repo, path
// and commit they come from) into the cmdlet table src/reference/powershell-cmdlets.json that lint reads
// (src/reference/powershell-cmdlets.ts). The syntax line says everything else, in platyPS's notation:
//   -Name <String>        a mandatory parameter that takes a value
//   [-Name <String>]      an optional one
//   [-Name] <String>      mandatory, also positional;   [[-Name] <String>]   optional and positional
//   [-Force] / -Identity  a switch (SwitchParameter: no value), optional / mandatory in that set
// Output depends on the inputs only (sorted keys, no clock). How fresh each help is, and the parameters releases after
// it added, come from the ChangeLog excerpts (src/reference/powershell-changelog-source.ts).
import { readChangeLogExcerpt, type PsFreshness, type PsLaterParameter } from './powershell-changelog-source.ts';

export type { PsFreshness, PsLaterParameter };

export interface PsParameterEntry {
  /** As the help writes it (`ResourceGroupName`). */
  name: string;
  /** The type as the syntax line writes it (`String`, `Hashtable`, `Boolean`); absent for a switch. */
  type?: string;
  switch: boolean;
  aliases: string[];
  /** ValidateSet values, where the help lists "Accepted values". */
  values?: string[];
}

export interface PsParameterSetEntry {
  name: string;
  default: boolean;
  /** Mandatory parameters of the set. */
  mandatory: string[];
  /** Every parameter of the set, in syntax order. */
  parameters: string[];
}

export interface PsCmdletEntry {
  name: string;
  module: string;
  source: { repo: string; path: string; commit: string };
  parameterSets: PsParameterSetEntry[];
  parameters: PsParameterEntry[];
  /** Whether the help was compared with the module's ChangeLog; `unknown` makes an unknown parameter a warning. */
  freshness: PsFreshness;
  /** Parameters releases after the help added (ChangeLog): bound by PowerShell, not described by the help. */
  later: PsLaterParameter[];
}

export interface PsCmdletTable {
  about: string;
  /** Modules some of whose cmdlets were read: a cmdlet of another module is not known to be wrong or right. */
  modules: string[];
  /** about_CommonParameters: every cmdlet (advanced function) takes these, with their aliases. */
  common: PsParameterEntry[];
  cmdlets: Record<string, PsCmdletEntry>;
}

/**
 * about_CommonParameters (PowerShell 7.4): the common parameters and their aliases, and the risk-mitigation
 * parameters -WhatIf (wi) and -Confirm (cf) that the syntax line lists on the cmdlets that support them.
 * ProgressAction (proga) is common since PowerShell 7.4.
 */
export const COMMON_PARAMETERS: PsParameterEntry[] = [
  { name: 'Debug', switch: true, aliases: ['db'] },
  { name: 'ErrorAction', type: 'ActionPreference', switch: false, aliases: ['ea'], values: ['Break', 'Continue', 'Ignore', 'Inquire', 'SilentlyContinue', 'Stop', 'Suspend'] },
  { name: 'ErrorVariable', type: 'String', switch: false, aliases: ['ev'] },
  { name: 'InformationAction', type: 'ActionPreference', switch: false, aliases: ['infa'], values: ['Break', 'Continue', 'Ignore', 'Inquire', 'SilentlyContinue', 'Stop', 'Suspend'] },
  { name: 'InformationVariable', type: 'String', switch: false, aliases: ['iv'] },
  { name: 'OutBuffer', type: 'Int32', switch: false, aliases: ['ob'] },
  { name: 'OutVariable', type: 'String', switch: false, aliases: ['ov'] },
  { name: 'PipelineVariable', type: 'String', switch: false, aliases: ['pv'] },
  { name: 'ProgressAction', type: 'ActionPreference', switch: false, aliases: ['proga'], values: ['Break', 'Continue', 'Ignore', 'Inquire', 'SilentlyContinue', 'Stop', 'Suspend'] },
  { name: 'Verbose', switch: true, aliases: ['vb'] },
  { name: 'WarningAction', type: 'ActionPreference', switch: false, aliases: ['wa'], values: ['Break', 'Continue', 'Ignore', 'Inquire', 'SilentlyContinue', 'Stop', 'Suspend'] },
  { name: 'WarningVariable', type: 'String', switch: false, aliases: ['wv'] },
];

/** One parameter of a syntax line: `[[-Name] <T>]`, `[-Name] <T>`, `[-Name <T>]`, `-Name <T>`, `[-Name]`, `-Name`. */
const SYNTAX_PARAMETER = /(\[\[-(\w+)\] <([^>]+)>\])|(\[-(\w+)\] <([^>]+)>)|(\[-(\w+) <([^>]+)>\])|(\[-(\w+)\])|(-(\w+) <([^>]+)>)|(-(\w+))(?=\s|$)/g;

interface SyntaxParameter { name: string; type?: string; mandatory: boolean }

export function readSyntaxLine(line: string): SyntaxParameter[] {
  const out: SyntaxParameter[] = [];
  const body = line.replace(/^\S+\s*/, ''); // the cmdlet name
  for (const m of body.matchAll(SYNTAX_PARAMETER)) {
    if (m[1]) out.push({ name: m[2]!, type: m[3]!, mandatory: false });
    else if (m[4]) out.push({ name: m[5]!, type: m[6]!, mandatory: true });
    else if (m[7]) out.push({ name: m[8]!, type: m[9]!, mandatory: false });
    else if (m[10]) out.push({ name: m[11]!, mandatory: false });
    else if (m[12]) out.push({ name: m[13]!, type: m[14]!, mandatory: true });
    else if (m[15]) out.push({ name: m[16]!, mandatory: true });
  }
  return out;
}

export class HelpExcerptError extends Error {}

/** Reads one excerpt file (one module) into its cmdlets. */
export function readHelpExcerpt(file: string, text: string): PsCmdletEntry[] {
  const fail = (line: number, what: string): never => {
    throw new HelpExcerptError(`${file}:${line}: ${what}`);
  };
  const lines = text.split('\n');
  const module = /^Module Name: (\S+)$/m.exec(text)?.[1] ?? fail(1, 'no "Module Name:" line');
  const cmdlets: PsCmdletEntry[] = [];
  let cmdlet: PsCmdletEntry | undefined;
  let section: 'syntax' | 'parameters' | undefined;
  let setName: { name: string; default: boolean } | undefined;
  let param: PsParameterEntry | undefined;
  const extra = new Map<string, { aliases: string[]; values?: string[] }>();
  const finish = (): void => {
    if (!cmdlet) return;
    if (cmdlet.source.commit === '') fail(0, `${cmdlet.name}: no "source:" line`);
    for (const [name, e] of extra) {
      const p = cmdlet.parameters.find((q) => q.name.toLowerCase() === name.toLowerCase());
      if (!p) fail(0, `${cmdlet.name}: -${name} in PARAMETERS is in no syntax line`);
      else {
        p.aliases = e.aliases;
        if (e.values) p.values = e.values;
      }
    }
    extra.clear();
    cmdlets.push(cmdlet);
  };
  lines.forEach((raw, k) => {
    const line = raw.trimEnd();
    let m: RegExpExecArray | null;
    if ((m = /^# (\S+)$/.exec(line))) {
      finish();
      cmdlet = { name: m[1]!, module, source: { repo: '', path: '', commit: '' }, parameterSets: [], parameters: [], freshness: { checked: 'unknown' }, later: [] };
      section = undefined;
      setName = undefined;
      return;
    }
    if (!cmdlet) return;
    if ((m = /^source: (\S+\/\S+) (\S+) ([0-9a-f]{40})$/.exec(line))) {
      cmdlet.source = { repo: m[1]!, path: m[2]!, commit: m[3]! };
      return;
    }
    if (line === '## SYNTAX') { section = 'syntax'; return; }
    if (line === '## PARAMETERS') { section = 'parameters'; return; }
    if (section === 'syntax') {
      if ((m = /^### (\S+)( \(Default\))?$/.exec(line))) { setName = { name: m[1]!, default: m[2] !== undefined }; return; }
      if (!line.startsWith(`${cmdlet.name} `) && line !== cmdlet.name) { if (line) fail(k + 1, `a syntax line must start with ${cmdlet.name}`); return; }
      const params = readSyntaxLine(line);
      for (const p of params) {
        const known = cmdlet.parameters.find((q) => q.name === p.name);
        const entry: PsParameterEntry = { name: p.name, switch: p.type === undefined, aliases: [], ...(p.type ? { type: p.type } : {}) };
        if (!known) cmdlet.parameters.push(entry);
        else if (known.switch !== entry.switch) fail(k + 1, `-${p.name} is a switch in one set and takes a value in another`);
      }
      cmdlet.parameterSets.push({
        name: setName?.name ?? '__AllParameterSets',
        default: setName?.default ?? cmdlet.parameterSets.length === 0,
        mandatory: params.filter((p) => p.mandatory).map((p) => p.name),
        parameters: params.map((p) => p.name),
      });
      return;
    }
    if (section === 'parameters') {
      if ((m = /^### -(\w+)$/.exec(line))) { param = { name: m[1]!, switch: false, aliases: [] }; extra.set(param.name, { aliases: [] }); return; }
      if (!param) return;
      const e = extra.get(param.name)!;
      if ((m = /^Aliases:\s*(.*)$/.exec(line))) e.aliases = m[1]!.split(',').map((s) => s.trim()).filter(Boolean);
      else if ((m = /^Accepted values:\s*(.*)$/.exec(line))) e.values = m[1]!.split(',').map((s) => s.trim()).filter(Boolean);
      else if (line) fail(k + 1, `unexpected line in PARAMETERS: ${line}`);
    }
  });
  finish();
  return cmdlets;
}

/**
 * The names (parameters and aliases) an older help of the cmdlet binds and the release's help lacks. That help (of
 * Azure/azure-powershell at some commit) may be newer than the release (Remove-AzResourceGroup -AcquirePolicyToken
 * at 14c2972 is not in Az 16.2.0) or older (New-AzKeyVault -EnableRbacAuthorization, removed in Az.KeyVault 6.0.0),
 * and the commit's date is not recorded: such a name is kept as bound but not described, never judged unknown.
 */
function namesOnlyIn(older: PsCmdletEntry, current: PsCmdletEntry): PsLaterParameter[] {
  const known = new Set([...current.parameters, ...COMMON_PARAMETERS].flatMap((p) => [p.name, ...p.aliases]).map((n) => n.toLowerCase()));
  const where = `not in ${current.freshness.release}'s help; in ${older.source.repo} ${older.source.path} at ${older.source.commit.slice(0, 7)}`;
  const names = [...older.parameters.flatMap((p) => [p.name, ...p.aliases]), ...older.later.map((l) => l.name)];
  return [...new Set(names)].filter((n) => !known.has(n.toLowerCase())).map((name) => ({ name, release: where }));
}

/**
 * The table from the older help excerpts and their ChangeLog excerpts, and `current` the cmdlets read from an Az
 * release's published help (powershell-docs-source.ts): a cmdlet there is taken from it, the excerpts serve only the
 * cmdlets it lacks.
 */
export function renderCmdletTable(inputs: { file: string; text: string }[], changelogs: { file: string; text: string }[] = [], current: PsCmdletEntry[] = []): string {
  const cmdlets: Record<string, PsCmdletEntry> = {};
  for (const { file, text } of inputs) {
    for (const c of readHelpExcerpt(file, text)) {
      const key = c.name.toLowerCase();
      if (cmdlets[key]) throw new HelpExcerptError(`${file}: ${c.name} is read twice`);
      cmdlets[key] = c;
    }
  }
  // A ChangeLog block is checked against the older excerpt it was written for, and unused where that is superseded.
  const old = { ...cmdlets };
  const superseded = new Set<string>();
  for (const c of current) {
    const key = c.name.toLowerCase();
    if (superseded.has(key)) throw new HelpExcerptError(`${c.source.path}: ${c.name} is read twice`);
    const before = cmdlets[key];
    if (before) {
      superseded.add(key);
      c.later = namesOnlyIn(before, c);
    }
    cmdlets[key] = c;
  }
  const modules = new Set(Object.values(cmdlets).map((c) => c.module));
  for (const { file, text } of changelogs) {
    for (const b of readChangeLogExcerpt(file, text, (name) => old[name.toLowerCase()])) {
      if (superseded.has(b.cmdlet.toLowerCase())) continue;
      const c = cmdlets[b.cmdlet.toLowerCase()]!;
      if (c.freshness.checked !== 'unknown') throw new HelpExcerptError(`${file}: ${c.name}'s ChangeLog is read twice`);
      c.freshness = b.freshness;
      c.later = b.later;
    }
  }
  const sorted = Object.fromEntries(Object.keys(cmdlets).sort().map((k) => [k, cmdlets[k]!]));
  const table: PsCmdletTable = {
    about:
      'Generated by scripts/generate-powershell-table.ts from the published help of Az 16.2.0 (MicrosoftDocs/azure-docs-powershell azps-16.2.0/Az.<Module>/<Cmdlet>.md at the commit each cmdlet names; freshness.checked "current") for the cmdlets listed in src/reference/powershell-docs-cmdlets.txt, and for any it lacks from src/reference/powershell-help/*.md (excerpts of the Az help markdown of Azure/azure-powershell; each cmdlet names its path and commit) and src/reference/powershell-changelog/*.md (the module ChangeLog lines that say how fresh each help is: freshness.checked "unknown" where no ChangeLog was compared; "later" the parameters releases after the help added). Do not edit.',
    modules: [...modules].sort(),
    common: COMMON_PARAMETERS,
    cmdlets: sorted,
  };
  return `${JSON.stringify(table, null, 1)}\n`;
}
