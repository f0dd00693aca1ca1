// The DocFX tab groups of a page (`# [OpenID Connect](#tab/openid)` … `---`), read as the parser reads
// them (src/parse/structure.ts), with page line numbers; and which lines the reader of one tab sees.
// Learn shows one tab of a group at a time and keeps the choice across the page's groups by tab id, so
// the reader who picks "openid" in one group reads the openid tab of every group, the lines outside all
// groups, and any group that has no openid tab (whichever of its tabs they pick).
import type { LintDocument } from './document.ts';
import { pageStructure } from './page-structure.ts';

export interface PageTab {
  group: number;
  /** The tab heading's line (1-based); the tab runs to `end`, exclusive. */
  line: number;
  end: number;
  ids: readonly string[];
  title: string;
}

const cache = new WeakMap<LintDocument, PageTab[]>();

export function pageTabs(doc: LintDocument): PageTab[] {
  if (!doc.hasText) return [];
  const known = cache.get(doc);
  if (known) return known;
  const out = pageStructure(doc).tabGroups.flatMap((g, group) => g.tabs.map((t) => ({ group, line: t.line + 1, end: t.end + 1, ids: t.ids, title: t.title })));
  cache.set(doc, out);
  return out;
}

/** The tabs a line is in (one per enclosing group). */
export function tabsAt(doc: LintDocument, line: number): PageTab[] {
  return pageTabs(doc).filter((t) => t.line < line && line < t.end);
}

/**
 * Whether the reader of `tab` sees `line`, or else the tab that holds it instead (a tab of a group
 * that also offers the reader's own tab).
 */
export function hiddenFrom(doc: LintDocument, tab: PageTab, line: number): PageTab | undefined {
  const groups = new Map<number, PageTab[]>();
  for (const t of pageTabs(doc)) groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
  for (const at of tabsAt(doc, line)) {
    const offersMine = (groups.get(at.group) ?? []).some((t) => t.ids.some((id) => tab.ids.includes(id)));
    if (offersMine && !at.ids.some((id) => tab.ids.includes(id))) return at;
  }
  return undefined;
}
