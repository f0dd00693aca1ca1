// The Az cmdlets as their help declares them: the generated table powershell-cmdlets.json
// (scripts/generate-powershell-table.ts, from the Az help markdown of Azure/azure-powershell; never edited by
// hand), and PowerShell's own parameter binding over it (about_Parameters, about_CommonParameters):
// a parameter is named by its name or an alias, or by a prefix of one that fits exactly one parameter,
// all without case; a prefix that fits several is an error of its own.
import { readFileSync } from 'node:fs';
import { closeMatches } from './close-matches.ts';
import type { PsCmdletEntry, PsCmdletTable, PsParameterEntry } from './powershell-help-source.ts';

export type { PsCmdletEntry, PsParameterEntry };

let table: PsCmdletTable | undefined;

function load(): PsCmdletTable {
  table ??= JSON.parse(readFileSync(new URL('./powershell-cmdlets.json', import.meta.url), 'utf8')) as PsCmdletTable;
  return table;
}

/** The cmdlet the table holds under that name (without case), or undefined. */
export function findCmdlet(name: string): PsCmdletEntry | undefined {
  return load().cmdlets[name.toLowerCase()];
}

/** Modules some of whose cmdlets the table read. */
export function readModules(): readonly string[] {
  return load().modules;
}

/** Every cmdlet the table holds. */
export function allCmdlets(): PsCmdletEntry[] {
  return Object.values(load().cmdlets);
}

export type ParameterResolution =
  | { kind: 'parameter'; parameter: PsParameterEntry; common: boolean; how: 'name' | 'alias' | 'prefix' }
  | { kind: 'ambiguous'; candidates: PsParameterEntry[] }
  /** A parameter a release after the help added (the module's ChangeLog): PowerShell binds it, its type is not known. */
  | { kind: 'later'; name: string; release: string }
  | { kind: 'unknown'; suggestions: string[] };

/**
 * What PowerShell binds `-written` to on this cmdlet: an exact name or alias first, then the one parameter
 * whose name or alias starts with it. Several → ambiguous ("Parameter cannot be processed because the
 * parameter name 'X' is ambiguous"), none → unknown ("A parameter cannot be found that matches parameter name 'X'").
 */
export function resolveParameter(cmdlet: PsCmdletEntry, written: string): ParameterResolution {
  const w = written.toLowerCase();
  const all: { p: PsParameterEntry; common: boolean }[] = [
    ...cmdlet.parameters.map((p) => ({ p, common: false })),
    ...load().common.map((p) => ({ p, common: true })),
  ];
  for (const { p, common } of all) if (p.name.toLowerCase() === w) return { kind: 'parameter', parameter: p, common, how: 'name' };
  for (const { p, common } of all) if (p.aliases.some((a) => a.toLowerCase() === w)) return { kind: 'parameter', parameter: p, common, how: 'alias' };
  // A parameter the help lacks but a later release added binds too; a prefix of one is not judged either, since
  // its aliases are not known.
  const later = cmdlet.later.find((l) => l.name.toLowerCase().startsWith(w));
  if (later) return { kind: 'later', name: later.name, release: later.release };
  const fits = all.filter(({ p }) => [p.name, ...p.aliases].some((n) => n.toLowerCase().startsWith(w)));
  const unique = [...new Map(fits.map((f) => [f.p.name, f])).values()];
  if (unique.length === 1) return { kind: 'parameter', parameter: unique[0]!.p, common: unique[0]!.common, how: 'prefix' };
  if (unique.length > 1) return { kind: 'ambiguous', candidates: unique.map((f) => f.p) };
  return { kind: 'unknown', suggestions: closeMatches(written, cmdlet.parameters.map((p) => p.name), 3, 0.6) };
}

/** The .NET type PowerShell names in "Missing an argument for parameter 'X'. Specify a parameter of type '…'". */
export function dotnetType(type: string | undefined): string {
  const known: Record<string, string> = { String: 'System.String', Boolean: 'System.Boolean', Int32: 'System.Int32', Hashtable: 'System.Collections.Hashtable', Guid: 'System.Guid', SecureString: 'System.Security.SecureString', TimeSpan: 'System.TimeSpan' };
  if (!type) return 'System.Object';
  if (type.endsWith('[]')) return `${dotnetType(type.slice(0, -2))}[]`;
  return known[type] ?? type;
}
