// `az config set defaults.group=MyResourceGroup` (or the older `az configure --defaults group=…`) writes
// the [defaults] section of az's configuration, and every later az command takes its --resource-group
// (--location, the acr= registry…) from there when the line omits it (azure-cli core: resource_group_name_type
// declares configured_default='group'; the reference of az config set: "az config set defaults.group=MyResourceGroup").
// azure-docs-cli manage-azure-groups-azure-cli.md sets it, then runs `az storage account create --name storage01
// …` and `az group lock create` without --resource-group. This tool keeps no az configuration: a "required"
// error the default would have answered is not az's, so such a step is not failed as a usage error.
// Lint reads the same words (src/lint/rules/az-missing-required.ts) through defaultOptionsSet.
import type { Tutorial } from '../../model.ts';
import { defaultOptionsSet } from '../../reference/az-configured-defaults.ts';

/** Each option a step of the page sets a default for, with the first line that sets it. */
export function configuredDefaults(tutorial: Tutorial): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const step of tutorial.steps) {
    if (step.kind !== 'az') continue;
    for (const name of defaultOptionsSet(step.az.path.join(' '), step.az.argv)) if (!out.has(name)) out.set(name, step.source.startLine);
  }
  return out;
}

/**
 * The line of the configure step that answers az's "the following arguments are required: …" for a step
 * on `line`, when a default set before it covers every argument named; undefined otherwise.
 */
export function defaultAnswers(message: string, defaults: ReadonlyMap<string, number> | undefined, line: number): number | undefined {
  const listed = /^the following arguments are required: (.*)$/.exec(message)?.[1];
  if (listed === undefined || defaults === undefined) return undefined;
  let at: number | undefined;
  for (const arg of listed.split(', ')) {
    const set = arg.split('/').map((n) => defaults.get(n)).find((l) => l !== undefined && l < line);
    if (set === undefined) return undefined;
    at = Math.max(at ?? 0, set);
  }
  return at;
}
