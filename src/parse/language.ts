// Block language: a fence's info string read as one of a closed set of classes, so that later stages
// decide by class (run shell, leave PowerShell alone, read YAML as YAML) rather than by spelling.
// Learn's own spellings come first (azurecli-interactive, azurepowershell-interactive, console).
import type { BlockLanguage } from '../model.ts';

const CLASSES: ReadonlyMap<string, BlockLanguage> = new Map<string, BlockLanguage>([
  ['bash', 'shell'],
  ['azurecli', 'shell'],
  ['azurecli-interactive', 'shell'],
  ['azure-cli', 'shell'],
  // Older azure-docs pages tag Azure CLI blocks ```CLI (service-fabric-cluster-creation-via-arm.md, 2017-2020):
  // the reader pastes them into the shell az runs in, which reads `declare` and `$name` as bash does.
  ['cli', 'shell'],
  ['console', 'shell'],
  ['sh', 'shell'],
  ['shell', 'shell'],
  ['zsh', 'shell'],
  ['terminal', 'shell'],
  ['powershell', 'powershell'],
  ['pwsh', 'powershell'],
  ['ps1', 'powershell'],
  ['cmd', 'cmd'],
  ['bat', 'cmd'],
  ['batch', 'cmd'],
  ['json', 'json'],
  ['jsonc', 'json'],
  ['yaml', 'yaml'],
  ['yml', 'yaml'],
  ['xml', 'xml'],
  ['http', 'http'],
  ['rest', 'http'],
  ['output', 'output'],
  ['text', 'output'],
]);

/** The language class of a fence info string ("azurecli-interactive", "bash title=x", ""). */
export function blockLanguage(info: string): BlockLanguage {
  const exact = CLASSES.get(info); // the usual case: one lower-case word
  if (exact !== undefined) return exact;
  let end = 0;
  while (end < info.length && info.charCodeAt(end) > 32) end++;
  const word = (end === info.length ? info : info.slice(0, end)).toLowerCase();
  // azurepowershell, azurepowershell-interactive, powershell-interactive and whatever suffix Learn adds next
  if (word.startsWith('azurepowershell') || word.startsWith('powershell') || word.startsWith('pwsh')) return 'powershell';
  return CLASSES.get(word) ?? 'other';
}
