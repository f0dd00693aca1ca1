// Which cmdlet names belong to the retired Azure Service Management ("Azure") and Azure.Storage
// PowerShell modules, and their Az names: the generated table retired-powershell.json
// (scripts/generate-retired-powershell.ts, from MicrosoftDocs/azure-docs-powershell; never edited by hand).
import { readFileSync } from 'node:fs';
import type { RetiredPowerShellFile } from './retired-powershell-source.ts';

let table: RetiredPowerShellFile | undefined;
let byName: Map<string, { module: string; name: string }> | undefined;

export const retiredPowerShell = (): RetiredPowerShellFile =>
  (table ??= JSON.parse(readFileSync(new URL('./retired-powershell.json', import.meta.url), 'utf8')) as RetiredPowerShellFile);

/** The retired module a cmdlet (any case) belongs to, with its Az name when Az has one. */
export function retiredCmdlet(cmdlet: string): { module: string; name: string; az?: string } | undefined {
  if (!byName) {
    byName = new Map();
    for (const [module, names] of Object.entries(retiredPowerShell().modules)) for (const name of names) byName.set(name.toLowerCase(), { module, name });
  }
  const hit = byName.get(cmdlet.toLowerCase());
  if (!hit) return undefined;
  const az = retiredPowerShell().az[cmdlet.toLowerCase()];
  return az ? { ...hit, az } : hit;
}
