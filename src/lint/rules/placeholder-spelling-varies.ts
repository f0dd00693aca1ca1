// One placeholder written with different separators or letter case (<app-name> and <app_name>,
// {objectid} and {objectID}): a reader's search-and-replace of one spelling leaves the other.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceAt } from '../fences.ts';
import { findAnglePlaceholders, findBracePlaceholders } from '../../parse/placeholders.ts';
import { shownApart } from '../shown-apart.ts';
import { saysErrorFollows } from '../../parse/quoted-error.ts';

// Blocks whose <…> and {…} are the page's own placeholders; program source (<T> generics), XML and
// templates ({{ }}, Bicep objects) are not read, nor what a command prints (```output, a JSON response):
// the reader fills in and search-replaces the commands, never a sample output, so an output that spells
// the subscription <subscriptionid> leaves nothing unreplaced (azure-aks-docs kubernetes-fleet/use-managed-identity.md).
const READ_FENCES = new Set([
  '', 'bash', 'sh', 'shell', 'console', 'azurecli', 'azurecli-interactive', 'azcli', 'cli', 'azure-cli', 'http', 'rest', 'json',
  'text', 'powershell', 'azurepowershell', 'azurepowershell-interactive', 'pwsh', 'ps', 'cmd', 'dos', 'curl',
]);

interface Use {
  spelling: string;
  line: number;
  column: number;
  inCode: boolean;
}

/** `<App_Name>`, `\<app-name\>`, `{app.name}` → "<appname>": brackets kept, separators and case dropped. */
export const spellingForm = (spelling: string): string => {
  const s = spelling.replace(/\\/g, '');
  return `${s[0]}${s.slice(1, -1).replace(/[\s_.-]+/g, '').toLowerCase()}${s[s.length - 1]}`;
};

export const placeholderSpellingVaries: Rule = {
  id: 'placeholder-spelling-varies',
  name: 'PlaceholderSpellingVaries',
  severity: 'warning',
  shortDescription: 'One placeholder is written with different separators or letter case (<app-name> and <app_name>, {objectid} and {objectID}).',
  fullDescription:
    'Readers and scripts fill a placeholder by search-and-replace of its exact spelling (sed, an editor\'s Replace All, a --set binding). <app_name> is not <app-name> to them, and sed and most replace tools match case: a spelling that differs from the others by an underscore, a dash or a capital is left in the command, where bash reads "<" as a redirection or the service receives the literal text. Spellings in two tabs of the page (Learn syncs tab groups by tab id, so the CLI tab and the PowerShell tab are never shown together) or in zones with no pivot in common are not compared: the reader who follows one path never meets the other. What a command prints (an output block, a JSON response) is not compared: the reader replaces nothing there. Error messages quoted in a list that the prose introduces as errors the reader may see ("You may see the following errors:") are what the service prints, not placeholders to replace, and are not read. Source: POSIX sed s/// and grep match bytes exactly (case-sensitive unless told otherwise).',
  help: 'Spell the placeholder the same way everywhere (the page\'s most frequent spelling).',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const fences = codeFences(doc);
    const groups = new Map<string, Use[]>();
    // What the page shows a command print: each step's expected output (PowerShell's too, which the
    // document keeps out of its JSON blocks), and JSON fenced as output.
    const printed = [
      ...doc.tutorial.steps.flatMap((st) => (st.kind !== 'manual' && st.expectation && (!st.expectation.source.file || st.expectation.source.file === doc.tutorial.file) ? [st.expectation.source] : [])),
      ...doc.json.filter((b) => b.language === 'output').map((b) => b.json.source),
    ];
    for (let n = 1; n <= doc.lineCount; n++) {
      const fence = fenceAt(fences, n);
      if (fence ? !READ_FENCES.has(fence.info) : !doc.isProse(n) && !doc.commands.some((c) => c.lines.some((l) => l.line === n))) continue;
      if (printed.some((r) => r.startLine <= n && n <= r.endLine)) continue;
      const text = doc.line(n);
      // A list of error messages the reader may meet ("You may see the following errors:", then one `…` per
      // item): their <Resource Group> is what the service prints, nothing the reader replaces.
      if (!fence && errorListItem(doc, n)) continue;
      // In prose, only what the reader copies: inline code (`https://<app_name>.azurewebsites.net`).
      const spans = fence || !doc.isProse(n) ? [[0, text.length]] : [...text.matchAll(/`[^`]+`/g)].map((m) => [m.index!, m.index! + m[0].length]);
      for (const p of [...findAnglePlaceholders(text), ...findBracePlaceholders(text)]) {
        if (!spans.some(([from, to]) => p.index >= from! && p.index < to!)) continue;
        const spelling = p.spelling.replace(/\\/g, '');
        // one-word lower-case <name> in prose is usually an HTML-ish tag or an English aside
        if (spelling.length < 5) continue;
        const key = spellingForm(spelling);
        const list = groups.get(key) ?? [];
        list.push({ spelling, line: n, column: p.index + 1, inCode: fence !== undefined });
        groups.set(key, list);
      }
    }
    for (const uses of groups.values()) {
      const count = new Map<string, number>();
      for (const u of uses) count.set(u.spelling, (count.get(u.spelling) ?? 0) + 1);
      if (count.size < 2) continue;
      const top = Math.max(...count.values());
      const leaders = [...count.keys()].filter((s) => count.get(s) === top);
      // With one most frequent spelling the others are the slips; on a tie each is named once.
      const flagged = leaders.length === 1 ? [...count.keys()].filter((s) => s !== leaders[0]) : leaders;
      for (const spelling of flagged) {
        const mine = uses.filter((u) => u.spelling === spelling);
        // Only a spelling the reader meets on the same path counts: one in the PowerShell tab and
        // another in the CLI tab (azure-arc servers/arc-gateway.md) are never replaced together.
        const together = (u: Use): boolean => mine.some((m) => !shownApart(doc, m.line, u.line));
        const others = [...count.keys()].filter((s) => s !== spelling && uses.some((u) => u.spelling === s && together(u)));
        if (others.length === 0) continue;
        const at = mine.find((u) => u.inCode) ?? mine[0]!;
        const where = (s: string) => uses.find((u) => u.spelling === s && together(u))!.line;
        hits.push({
          line: at.line,
          column: at.column,
          message: `${spelling} is written elsewhere on the page as ${others.map((o) => `${o} (line ${where(o)}, ${count.get(o)}×)`).join(' and ')}: the same value under spellings that differ only by ${separatorOrCase(spelling, others)}; a reader who replaces one leaves ${spelling} in place. Write ${leaders.length === 1 ? leaders[0] : 'one spelling'} everywhere.`,
          ...(leaders.length === 1 ? { suggestion: leaders[0] } : {}),
        });
      }
    }
    return hits;
  },
};

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

/** Line `n` is an item of a list whose lead-in says error messages follow (azure-arc servers/ssh-arc-troubleshoot.md). */
function errorListItem(doc: { line(n: number): string }, n: number): boolean {
  if (!LIST_ITEM.test(doc.line(n))) return false;
  let k = n - 1;
  while (k >= 1 && (LIST_ITEM.test(doc.line(k)) || doc.line(k).trim() === '')) k--;
  return k >= 1 && saysErrorFollows(doc.line(k));
}

function separatorOrCase(a: string, others: readonly string[]): string {
  const sep = (s: string) => s.replace(/[A-Za-z0-9]/g, '');
  const differsBySeparator = others.some((o) => sep(o) !== sep(a));
  const differsByCase = others.some((o) => o.replace(/[\s_.-]/g, '') !== a.replace(/[\s_.-]/g, ''));
  return differsBySeparator && differsByCase ? 'separators and letter case' : differsBySeparator ? 'a separator ("_", "-", " ")' : 'letter case';
}
