// "az role assignment create … --role acrpush --role acrpull": az reads its options with Python's
// argparse, whose default action stores each occurrence of an option over the previous one, so only
// the last value reaches the command (--role acrpull) and the first is dropped without a word. Some
// reference entries say it outright ("Cannot be specified multiple times. If specified multiple
// times, last one will be used."); the options that do gather every occurrence (action='append')
// are the ones whose entries say "Multiples supported by passing --set multiple times"
// (src/reference/az-repeatable-options.json, generated from the reference), plus azure-cli core's
// generic update arguments (--set, --add, --remove: OrderedArgsAction, azure/cli/core/commands/arm.py)
// and az deployment's --parameters (action='append', resource/_params.py).
import { readFileSync } from 'node:fs';
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import type { AzOptionView } from '../commands.ts';
import type { AzParameter } from '../../reference/az-table.ts';

let repeatable: Readonly<Record<string, readonly string[]>> | undefined;
function repeatableOptions(): Readonly<Record<string, readonly string[]>> {
  repeatable ??= (JSON.parse(readFileSync(new URL('../../reference/az-repeatable-options.json', import.meta.url), 'utf8')) as { commands: Record<string, string[]> }).commands;
  return repeatable;
}

function gathers(path: string, p: AzParameter, genericUpdate: boolean): boolean {
  if (p.value === 'none' || p.multiple) return true; // a flag, or nargs '+'/'*': not this rule's
  if (genericUpdate && p.names.some((n) => n === '--set' || n === '--add' || n === '--remove')) return true;
  if (/^(deployment|group deployment|stack) /.test(path) && p.names.includes('--parameters')) return true;
  return p.names.some((n) => repeatableOptions()[path]?.includes(n) ?? false);
}

export const azOptionRepeated: Rule = {
  id: 'az-option-repeated',
  name: 'AzOptionRepeated',
  severity: 'warning',
  shortDescription: 'An az option given twice: az keeps only the last value.',
  fullDescription:
    'az parses its arguments with Python\'s argparse, whose default action stores each occurrence of an option over the previous one: "az role assignment create --role acrpush --role acrpull" assigns only acrpull, and nothing says the first value was dropped (the reference says so of some options: "If specified multiple times, last one will be used"). Only options declared to gather their occurrences take several (their reference entries say "Multiples supported by passing --set multiple times"; generic update commands\' --set/--add/--remove; az deployment\'s --parameters); options that take a space-separated list take it after one flag. An option written first with no value ("--scope --scope /subscriptions/…") is not dropped: argparse stops at it with "expected one argument", which az-flag-without-value reports.',
  help: 'Give the option once; to do the same thing with several values, run the command once per value (or pass the values as the option\'s list when it takes one).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      if (az.read.found.kind !== 'command') continue;
      const info = az.read.found.command;
      const genericUpdate = info.parameters.some((q) => q.names.includes('--force-string'));
      const seen = new Map<AzParameter, AzOptionView>();
      for (const o of az.options) {
        if (o.lookup.kind !== 'parameter') continue;
        const p = o.lookup.parameter;
        if (gathers(info.path, p, genericUpdate)) continue;
        const first = seen.get(p);
        if (!first) {
          seen.set(p, o);
          continue;
        }
        // "--scope --scope /subscriptions/…": the first takes no value, and argparse stops there with
        // "argument --scope: expected one argument" (az-flag-without-value's) instead of dropping it.
        if (!first.value && p.value !== 'none') continue;
        const shown = (x: AzOptionView): string => (x.value ? `${x.name} ${x.value.value}` : x.name);
        hits.push({
          line: o.nameWord.line,
          column: o.nameWord.column,
          stepId: command.step.id,
          message: `${p.names[0]} is given twice (${shown(first)} on line ${first.nameWord.line}, ${shown(o)} here): az keeps only the last one, so ${first.value ? `"${first.value.value}"` : 'the first'} is silently dropped (argparse stores each occurrence over the previous). Run 'az ${info.path}' once per value.`,
        });
      }
    }
    return hits;
  },
};
