// An az option the prose or a parameter table names with one dash: `-resource-group -g` in the table
// of az logic workflow delete's parameters. az's long options take two dashes; argparse matches
// "-resource-group" against no option (not a prefix of --resource-group, no -r short form) and az stops.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { invocations } from '../commands.ts';
import { azCommand } from '../../reference/az-table.ts';

/** Inline code in a prose line or table cell. */
const CODE_SPAN = /`([^`]+)`/g;
/** One dash before a long, hyphenated name (`-resource-group`), not `--resource-group` nor a look-alike dash before it (lookalike-dash-in-flag's). */
const SINGLE_DASH_LONG = /(?<![\w\-\u2010-\u2015\u2212])-([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\w-])/g;

export const proseAzOptionSingleDash: Rule = {
  id: 'prose-az-option-single-dash',
  name: 'ProseAzOptionSingleDash',
  severity: 'warning',
  shortDescription: "The prose or a parameter table names an az command's long option with one dash (`-resource-group` for --resource-group).",
  fullDescription:
    'Every long option of the Azure CLI starts with two dashes (--resource-group; the short forms are one dash and one letter, -g). Written with one dash, as a page\'s parameter table or prose may give it, the option is what the reader types: Python argparse, which az uses, matches "-resource-group" against no option (a one-dash word is matched as a short option -r plus its value, or as a prefix of a one-dash option; it is not a prefix of --resource-group), so az stops with an error (unrecognized arguments, or the option it needs reported missing) instead of running. Reported only where an az command of the page has the two-dash option and no other command of the page uses the one-dash spelling (terraform -auto-approve, Go tools\' -dry-run are single-dash by design).',
  help: 'Write the option with two dashes, as the az reference gives it (--resource-group).',
  check(doc) {
    if (!doc.hasText) return [];
    // The long options of the az commands on the page, as the reference lists them.
    const azLong = new Set<string>();
    for (const { az } of eachAz(doc)) {
      for (const p of azCommand(az.path.join(' '))?.parameters ?? []) for (const n of p.names) if (n.startsWith('--')) azLong.add(n.toLowerCase());
    }
    if (azLong.size === 0) return [];
    // One-dash words other programs of the page use as they are (terraform -var-file).
    const oneDash = new Set<string>();
    for (const c of doc.commands) for (const i of invocations(c.words)) if (i.words[0]?.value !== 'az') for (const w of i.words) if (/^-[a-z]/.test(w.value)) oneDash.add(w.value.toLowerCase().split('=')[0]!);
    const hits: RuleHit[] = [];
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const text = doc.line(n);
      if (/^\s*(```|:::)/.test(text)) continue;
      for (const span of text.matchAll(CODE_SPAN)) {
        for (const m of span[1]!.matchAll(SINGLE_DASH_LONG)) {
          const written = m[0];
          const long = `-${written}`.toLowerCase();
          if (!azLong.has(long) || oneDash.has(written.toLowerCase())) continue;
          hits.push({
            line: n,
            column: (span.index ?? 0) + 2 + (m.index ?? 0),
            message: `${written} is written with one dash: the az option is ${long} (long options take two dashes; one dash and one letter is a short form, such as -g). A reader who types ${written} gets an error from az (argparse matches no option to it), not the command. Write ${long}.`,
            suggestion: long,
          });
        }
      }
    }
    return hits;
  },
};
