// Lines a reader never sees together: two tabs of one DocFX tab group (Learn shows the tab the reader
// picks) or two zones whose pivots share none (the page shows one pivot). A page is linted whole, so
// a rule comparing two places of the page asks this before saying a reader meets both.
import type { LintDocument } from './document.ts';
import type { TabGroup } from '../parse/structure.ts';
import { pageStructure } from './page-structure.ts';

/** Whether 1-based lines `a` and `b` lie in different tabs of one tab group or in zones with no pivot in common. */
export function shownApart(doc: LintDocument, a: number, b: number): boolean {
  if (!doc.hasText) return false;
  const s = pageStructure(doc);
  // Learn syncs tab groups by tab id: the reader who picks "cli" sees the cli tab of every group.
  // So a line under tab "cli" and one under tab "powershell" are apart when the second's group also
  // offers "cli" (or the first's offers "powershell"), in the same group or in another.
  const tabAt = (n: number) => {
    for (const g of s.tabGroups) {
      const t = g.tabs.find((x) => x.line < n - 1 && n - 1 < x.end);
      if (t) return { group: g, ids: t.ids };
    }
    return undefined;
  };
  const ta = tabAt(a);
  const tb = tabAt(b);
  if (ta && tb && !ta.ids.some((id) => tb.ids.includes(id))) {
    const offers = (g: TabGroup, ids: readonly string[]) => g.tabs.some((t) => t.ids.some((id) => ids.includes(id)));
    if (offers(tb.group, ta.ids) || offers(ta.group, tb.ids)) return true;
  }
  const pivotsAt = (n: number): string[] | undefined => s.zones.find((z) => z.pivots !== undefined && z.open < n - 1 && n - 1 < z.close)?.pivots;
  const pa = pivotsAt(a);
  const pb = pivotsAt(b);
  return pa !== undefined && pb !== undefined && !pa.some((p) => pb.includes(p));
}
