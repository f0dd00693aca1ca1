// 'Replace "myResourceGroup" with the name of your resource group and run the following command': the
// sentence leading into a block makes a literal name of the command the reader's to change. When that name
// appears in no other step of the page, it stands for nothing the page has (the page created testRG), so
// running it as written tests a value the page told the reader not to keep: the step is blocked, said
// plainly, never a ResourceGroupNotFound fail. A name the page uses elsewhere is the page's own and runs.
import type { Step, Tutorial } from '../model.ts';

// The name is quoted, in backticks or in emphasis, so that it is a literal token of the command. One sentence may
// list several ('Replace `RESOURCEGROUPNAME`, `LOCATION`, and `PASSWORD` with the desired values', above a block
// of `export name=VALUE` lines); the machine-translated Learn pages keep the list in their own words ('将 `A`、`B`
// 和 `C` 替换为所需的值', zh-cn: "replace A, B and C with the desired values").
const TOKEN = '(?:"[^"\\s]+"|“[^”\\s]+”|\x60[^\x60\\s]+\x60|\\*{1,2}[^*\\s]+\\*{1,2})';
const SEP = '(?:\\s*[,、]\\s*(?:(?:and|or)\\s+)?|\\s+(?:and|or)\\s+|\\s*[和及或]\\s*)';
const LIST = `${TOKEN}(?:${SEP}${TOKEN})*`;
const REPLACE = new RegExp(`\\breplace\\s+(${LIST})\\s+with\\b|将\\s*(${LIST})\\s*替换为`, 'gi');
const NAME = /"([^"\s]+)"|“([^”\s]+)”|`([^`\s]+)`|\*{1,2}([^*\s]+)\*{1,2}/g;
const FENCE = /^\s*(?:```|~~~)/;

/** The lead-in paragraph of the fence opening at line `open` (1-based): the non-blank lines right above it. */
function leadIn(lines: readonly string[], open: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let n = open - 1;
  while (n >= 1 && (lines[n - 1] ?? '').trim() === '') n--;
  for (; n >= 1; n--) {
    const text = lines[n - 1] ?? '';
    if (text.trim() === '' || FENCE.test(text) || /^\s*#/.test(text)) break;
    out.unshift({ line: n, text });
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The name the lead-in of this step's block tells the reader to replace, when the step uses it and no other
 * step of the page does; `line` is where the sentence is. Only the page's own lines are read (`text` is the
 * page as written, includes not rendered).
 */
export function readerReplaces(text: string, tutorial: Tutorial, step: Step): { name: string; line: number } | undefined {
  if (step.kind === 'manual' || (step.source.file && step.source.file !== tutorial.file)) return undefined;
  const lines = text.split('\n');
  let open = step.source.startLine - 1;
  while (open >= 1 && !FENCE.test(lines[open - 1] ?? '')) open--;
  if (open < 1) return undefined;
  for (const { line, text: sentence } of leadIn(lines, open)) {
    const names = [...sentence.matchAll(REPLACE)].flatMap((m) => [...(m[1] ?? m[2] ?? '').matchAll(NAME)].map((n) => n[1] ?? n[2] ?? n[3] ?? n[4]));
    for (const name of names) {
      if (!name || name.startsWith('<') || name.startsWith('$')) continue; // a placeholder or a variable is bound elsewhere
      const word = new RegExp(`(?<![\\w.-])${escapeRegExp(name)}(?![\\w-])`);
      if (!word.test(step.raw)) continue;
      if (tutorial.steps.some((s) => s.id !== step.id && s.kind !== 'manual' && word.test(s.raw))) continue;
      return { name, line };
    }
  }
  return undefined;
}
