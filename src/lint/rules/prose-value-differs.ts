// The sentence leading into a command names the value it passes by the option's own noun ("lists the
// containers whose names begin with the prefix *container-*", "in the *eastus* location"), and the
// command passes another value to that option (`--prefix $containerPrefix` with
// containerPrefix="demo-container-"). az passes what the command says: the reader gets what the
// command does, not what the prose promised, and cannot tell which one the page meant.
import type { Rule, RuleHit } from '../rule.ts';
import { azOf, azOption, simpleCommands } from '../commands.ts';
import { codeFences, fenceAt } from '../fences.ts';

/** The option each noun names (an az option's conventional spelling). */
const NOUNS: Readonly<Record<string, readonly string[]>> = {
  prefix: ['--prefix'],
  location: ['--location', '-l'],
  region: ['--location', '-l'],
  sku: ['--sku'],
};
const EMPH = '(?:\\*\\*|\\*|`|_)';
const BEFORE = new RegExp(`\\b(prefix|location|region|sku)\\s+(?:of\\s+)?${EMPH}([^*\`_\\s]+)${EMPH}`, 'gi');
const AFTER = new RegExp(`${EMPH}([^*\`_\\s]+)${EMPH}\\s+(prefix|location|region|sku)\\b`, 'gi');
/** How far a lead-in sentence may stand from its block. */
const LEAD = 6;

export const proseValueDiffers: Rule = {
  id: 'prose-value-differs',
  name: 'ProseValueDiffers',
  severity: 'warning',
  shortDescription: 'The sentence leading into a command names a value for an option that the command passes differently.',
  fullDescription:
    "az uses the value the command passes. When the prose says the example lists containers with the prefix container- and the command passes demo-container-, the reader gets other results than the prose describes and cannot tell which one the page meant. Az passes an option the value the command gives it, nothing else (a shell variable expands to what the block assigned). A prose line within six lines before a command block that names a value by the option's own noun, emphasized (`the prefix *container-*`, `*eastus* location`; prefix → `--prefix`, location/region → `--location`/`-l`, sku → `--sku`), while the block's az commands pass that option only other values (variables resolved through `name=value` assignments of the same block) is a warning on the prose line. Silent when any command of the block passes the named value (case aside), when the value or the option is a placeholder or an unresolved variable, and when the block has no such option.",
  help: 'Name in the prose the value the command passes (or change the command).',
  check(doc) {
    if (!doc.hasText) return [];
    const hits: RuleHit[] = [];
    const fences = codeFences(doc);
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const line = doc.line(n);
      const said = [...line.matchAll(BEFORE)].map((m) => ({ noun: (m[1] as string).toLowerCase(), value: m[2] as string, at: m.index ?? 0 }));
      for (const m of line.matchAll(AFTER)) said.push({ noun: (m[2] as string).toLowerCase(), value: m[1] as string, at: m.index ?? 0 });
      if (said.length === 0) continue;
      const c = doc.commandAfter(n);
      if (!c || c.step.source.startLine - n > LEAD) continue;
      // The whole block the sentence leads into (each line of a script is a step of its own).
      const fence = fenceAt(fences, c.step.source.startLine);
      const block = fence ? doc.commands.filter((x) => x.step.source.startLine > fence.open && x.step.source.startLine < fence.close) : [c];
      const words = block.flatMap((x) => x.words);
      // Variables the block assigns (name=value as one word), to read `--prefix $containerPrefix`.
      const vars = new Map<string, string>();
      for (const w of words) {
        const a = /^([A-Za-z_]\w*)=(.*)$/s.exec(w.value);
        if (a) vars.set(a[1] as string, a[2] as string);
      }
      const resolve = (v: string): string | undefined => {
        const r = v.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (_, name: string) => vars.get(name) ?? '\u0000');
        return r.includes('\u0000') ? undefined : r;
      };
      for (const s of said) {
        if (/[<>{}$]/.test(s.value)) continue;
        const passed: string[] = [];
        let passedAt = c.step.source.startLine;
        for (const cmd of block.flatMap((x) => simpleCommands(x.words))) {
          const az = azOf(cmd);
          if (!az) continue;
          for (const option of NOUNS[s.noun] ?? []) {
            const v = azOption(az, option)?.value;
            const r = v ? resolve(v.value) : undefined;
            if (r !== undefined && v && !/[<>{}]/.test(r)) {
              if (passed.length === 0) passedAt = v.line;
              passed.push(r);
            }
          }
        }
        if (passed.length === 0 || passed.some((p) => p.toLowerCase() === s.value.toLowerCase())) continue;
        hits.push({
          line: n,
          column: s.at + 1,
          message: `the prose says ${s.noun} "${s.value}", but the command that follows passes (line ${passedAt}) ${[...new Set(passed)].map((p) => `"${p}"`).join(', ')}: az uses what the command passes, so the reader gets another result than the prose describes. Name the same value in both.`,
          suggestion: passed[0] as string,
        });
      }
    }
    return hits;
  },
};
