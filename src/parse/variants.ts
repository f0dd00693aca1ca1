// Tabs and zone pivots are variants of one page: a reader picks one tab id (Learn keeps the tabs of
// every group with that id in step) and one pivot, and sees the steps outside any tab plus those of
// the tabs and zones the choice shows. A group without the chosen id shows its first tab, as Learn
// does (ActiveAndVisibleRewriter: the first visible tab unless a selected id is in the group).
// This module places each line of a scanned document (which tabs of which groups, which pivots),
// and, once the whole page is read (includes too), lists the variants and the steps each shows.
import type { Example, ParseDiagnostic, Step, Variant } from '../model.ts';
import type { Structure } from './structure.ts';

/** Where a line sits: the tabs around it (outermost first) and the pivots of its zone. */
export interface Place {
  tabs: ReadonlyArray<{ group: string; tab: number; id: string }>;
  pivots?: readonly string[];
}

export const NOWHERE: Place = { tabs: [] };

/** The tabs of each group a page (or an include) holds, by group key ("file:line"): each tab's ids. */
export type GroupTabs = Map<string, string[][]>;

/** More variants than this are not run; a diagnostic names what was left out. */
export const MAX_VARIANTS = 16;

/** Each line's place (0-based), and the groups found, for one document's structure. */
export function placeLines(struct: Structure, n: number, file: string, groups: GroupTabs): Place[] {
  const at = new Array<Place>(n).fill(NOWHERE);
  if (struct.tabGroups.length === 0 && !struct.zones.some((z) => z.pivots)) return at;
  // Interned: every line of one region shares one Place.
  const interned = new Map<Place, Map<string, Place>>();
  const child = (parent: Place, key: string, make: () => Place): Place => {
    let m = interned.get(parent);
    if (!m) interned.set(parent, (m = new Map()));
    let p = m.get(key);
    if (!p) m.set(key, (p = make()));
    return p;
  };
  // Outer groups start before the groups nested in their tabs: painting in order of the first line
  // lets an inner tab extend the place its outer tab gave.
  const groupsInOrder = [...struct.tabGroups].sort((a, b) => a.line - b.line);
  for (const g of groupsInOrder) {
    const key = `${file}:${g.line + 1}`;
    groups.set(key, g.tabs.map((t) => t.ids));
    g.tabs.forEach((tab, index) => {
      const ref = { group: key, tab: index, id: tab.id };
      for (let k = tab.line; k < Math.min(tab.end, n); k++) {
        const parent = at[k]!;
        at[k] = child(parent, `t${key}#${index}`, () => ({ tabs: [...parent.tabs, ref], ...(parent.pivots ? { pivots: parent.pivots } : {}) }));
      }
    });
  }
  for (const z of struct.zones) {
    const pivots = z.pivots;
    if (!pivots) continue; // `target="docs"` zones are shown to every reader
    for (let k = z.open; k <= Math.min(z.close, n - 1); k++) {
      const parent = at[k]!;
      at[k] = child(parent, `p${pivots.join(',')}`, () => ({ tabs: parent.tabs, pivots }));
    }
  }
  return at;
}

/** The place of a line of an included file, the include line's place around it. */
export function within(outer: Place, inner: Place): Place {
  if (outer === NOWHERE) return inner;
  if (inner === NOWHERE) return outer;
  const pivots = inner.pivots ?? outer.pivots;
  return { tabs: [...outer.tabs, ...inner.tabs], ...(pivots ? { pivots } : {}) };
}

/** The written place of a step as goldens and reports name it: its innermost tab and its pivots. */
export function placeLabels(p: Place): { tab?: string; pivot?: string } {
  const tab = p.tabs[p.tabs.length - 1]?.id;
  return { ...(tab !== undefined ? { tab } : {}), ...(p.pivots ? { pivot: p.pivots.join(',') } : {}) };
}

export function variantName(tab: string | undefined, pivot: string | undefined): string {
  return [tab !== undefined ? `tab=${tab}` : undefined, pivot !== undefined ? `pivot=${pivot}` : undefined].filter((x) => x !== undefined).join(';');
}

function shows(place: Place, groups: GroupTabs, tab: string | undefined, pivot: string | undefined): boolean {
  if (place.pivots && (pivot === undefined || !place.pivots.includes(pivot))) return false;
  for (const ref of place.tabs) {
    const tabs = groups.get(ref.group) ?? [];
    const chosen = tab === undefined ? -1 : tabs.findIndex((ids) => ids.includes(tab));
    if ((chosen < 0 ? 0 : chosen) !== ref.tab) return false;
  }
  return true;
}

export interface PlacedPage {
  steps: readonly Step[];
  stepPlaces: ReadonlyMap<Step, Place>;
  examples: readonly Example[];
  examplePlaces: ReadonlyMap<Example, Place>;
  groups: GroupTabs;
  /** Pivot ids in the order the page's zones give them. */
  pivots: readonly string[];
  file: string;
}

/** Names of variants left out that a diagnostic lists; the rest are counted. */
const LISTED_LEFT_OUT = 10;
/** Tab × pivot combinations examined at most (each is a pass over the steps); real pages have a few dozen. */
export const MAX_EXAMINED = 4 * MAX_VARIANTS;

/**
 * The page's variants: one per tab id times each pivot, those showing the same steps and examples
 * as an earlier one merged into it, at most MAX_VARIANTS. Empty when the page has one path. Once
 * MAX_VARIANTS distinct ones are found, or MAX_EXAMINED combinations were examined, the remaining
 * combinations are not (a page of thousands of tab ids must not cost thousands of passes over its
 * steps): they are counted and the first few named in the warning.
 */
export function listVariants(page: PlacedPage, diag: (d: ParseDiagnostic) => void): Variant[] {
  const ids = new Set<string>();
  for (const tabs of page.groups.values()) for (const tab of tabs) for (const id of tab) ids.add(id);
  if (ids.size === 0 && page.pivots.length === 0) return [];
  const tabIds: Array<string | undefined> = ids.size > 0 ? [...ids] : [undefined];
  const pivots: Array<string | undefined> = page.pivots.length > 0 ? [...page.pivots] : [undefined];
  const combinations = tabIds.length * pivots.length;
  const combination = (i: number) => ({ tab: tabIds[i % tabIds.length], pivot: pivots[Math.floor(i / tabIds.length)] });
  const distinct: Variant[] = [];
  const byShape = new Map<string, Variant>();
  const merged: string[] = [];
  let i = 0;
  for (; i < combinations && i < MAX_EXAMINED && distinct.length <= MAX_VARIANTS; i++) {
    const { tab, pivot } = combination(i);
    const steps = page.steps.filter((s) => shows(page.stepPlaces.get(s) ?? NOWHERE, page.groups, tab, pivot)).map((s) => s.id);
    const examples: number[] = [];
    page.examples.forEach((e, k) => {
      if (shows(page.examplePlaces.get(e) ?? NOWHERE, page.groups, tab, pivot)) examples.push(k);
    });
    const name = variantName(tab, pivot);
    const shape = `${steps.join(',')}|${examples.join(',')}`;
    const same = byShape.get(shape);
    if (same) {
      merged.push(`${name} shows what ${same.name} shows`);
      continue;
    }
    const v: Variant = { name, ...(tab !== undefined ? { tab } : {}), ...(pivot !== undefined ? { pivot } : {}), steps, examples };
    byShape.set(shape, v);
    distinct.push(v);
  }
  if (merged.length > 0 && distinct.length > 1) {
    diag({ code: 'variants-merged', severity: 'info', line: 1, file: page.file, message: `${merged.slice(0, LISTED_LEFT_OUT).join('; ')}${merged.length > LISTED_LEFT_OUT ? `; and ${merged.length - LISTED_LEFT_OUT} more` : ''}: run once each` });
  }
  const capped = distinct.length > MAX_VARIANTS;
  if (!capped && i === combinations) return distinct.length <= 1 ? [] : distinct;
  // Left out: the first variant past the cap, and every combination not examined.
  const left = capped ? [distinct[MAX_VARIANTS]!.name] : [];
  for (let k = i; k < combinations && left.length < LISTED_LEFT_OUT; k++) left.push(variantName(combination(k).tab, combination(k).pivot));
  const count = (capped ? 1 : 0) + combinations - i;
  diag({
    code: 'variants-capped',
    severity: 'warning',
    line: 1,
    file: page.file,
    message: `the page has ${capped ? `more than ${MAX_VARIANTS} variants` : `${combinations} tab/pivot combinations, more than the ${MAX_EXAMINED} examined`} (${tabIds.length} tab id(s) × ${pivots.length} pivot(s)); the first ${Math.min(distinct.length, MAX_VARIANTS)} distinct are run, ${count} combination(s) are not: ${left.join(', ')}${count > left.length ? `, and ${count - left.length} more` : ''}`,
  });
  const kept = distinct.slice(0, MAX_VARIANTS);
  return kept.length <= 1 ? [] : kept;
}
