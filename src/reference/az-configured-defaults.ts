// The az options a default set with `az configure --defaults <key>=…` supplies (azure-cli declares them
// with configured_default='<key>'; each reference entry says "You can configure the default … using
// `az configure --defaults <key>=…`"), generated into az-configured-defaults.json by
// scripts/generate-az-repeatable.ts. group and location (--resource-group, --location) are not listed:
// every command takes them from `group` and `location`.
import { readFileSync } from 'node:fs';

let table: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;

/** The `az configure --defaults` key that supplies one of these option names on the command, if any. */
export function configuredDefaultKey(path: string, names: readonly string[]): string | undefined {
  table ??= (JSON.parse(readFileSync(new URL('./az-configured-defaults.json', import.meta.url), 'utf8')) as { commands: Record<string, Record<string, string>> }).commands;
  const byOption = table[path];
  if (!byOption) return undefined;
  for (const n of names) if (byOption[n] !== undefined) return byOption[n];
  return undefined;
}

/** The option names a configure step's words set defaults for: `defaults.group=x` (config set) or `group=x` (configure --defaults). */
export function defaultOptionsSet(path: string, words: readonly string[]): string[] {
  const pattern = path === 'configure' ? /^([a-z-]+)=/ : path === 'config set' ? /^defaults\.([a-z-]+)=/ : undefined;
  if (!pattern) return [];
  return words.flatMap((w) => {
    const key = pattern.exec(w)?.[1];
    return key === undefined ? [] : [key === 'group' ? '--resource-group' : `--${key}`];
  });
}
