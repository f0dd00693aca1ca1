// Block structure of a document: front matter, markdown-it's headings and fences (with a re-read
// after an unterminated fence), the form (DocFX markdown or rendered page text), the title and the
// sections. Which language a fenced block holds is language.ts's business.
import { F_COMMAND, F_ITEM, contentOf, indentOf, plainInline, trimEndAll } from './lines.ts';
import { Role, type ScanState } from './scan-state.ts';
import { emptyStructure, readStructure, readZones } from './structure.ts';
import { placeLines } from './variants.ts';

const ADMONITION = /^(?:Note|Tip|Important|Warning|Caution|Request|Response)$/;

/** Front matter, block structure, form and title: everything the line scan needs to start. */
export function readBlocks(st: ScanState): void {
  frontMatter(st);
  // markdown-it decides fences, headings and front matter. A text with none of their markers
  // (rendered page text, most of it) gets nothing from it: the structure is then empty, as
  // markdown-it would give, and the line recogniser reads the text alone. `alwaysMarkdown`
  // forces the parse (a test proves both paths give the same model for every tutorial).
  st.struct = st.opts.alwaysMarkdown || hasBlockSyntax(st) ? readStructure(st.lines, st.bodyStart, st.n, undefined, st.text) : emptyStructure();
  readZones(st.lines, st.bodyStart, st.struct);
  variantStructure(st);
  for (const [line, info] of st.struct.dangling) {
    st.role[line] = Role.Marker;
    st.diag(
      'unterminated-fence',
      'warning',
      line + 1,
      `the code fence opened here (${JSON.stringify(contentOf(st.lines[line]!).trim())}${info ? `, info "${info}"` : ''}) is never closed: markdown-it reads the rest of its container as code; the parser reads those lines as text again`,
    );
  }
  st.form = st.opts.form ?? detectForm(st);
  findTitle(st);
}

/** Markers of the markdown block syntax the scanner takes from markdown-it. */
function hasBlockSyntax(st: ScanState): boolean {
  if (st.bodyStart > 0) return true;
  const t = st.text;
  if (t.includes('```') || t.includes('~~~') || t.includes('[!') || t.includes(':::') || t.includes('<!--')) return true;
  if (!t.includes('#') && !t.includes('===') && !t.includes('---')) return false;
  for (let k = 0; k < st.n; k++) {
    const c = st.cont[k]!;
    if (c.length === 0) continue;
    const first = c.charCodeAt(0);
    if (first === 35 /* # */) return true;
    // setext underlines and list items that open with a heading
    if ((first === 61 || first === 45) && /^(?:=+|-+)[ \t]*$/.test(c)) return true;
    if (c.includes('#') && /^(?:[-*+]|\d{1,9}[.)])[ \t]+#/.test(c)) return true;
  }
  return false;
}

/** Tab headings, group closes and zone markers: markers for the scan, places for the lines. */
function variantStructure(st: ScanState) {
  const s = st.struct;
  for (const line of s.tabLines.keys()) st.role[line] = Role.Marker;
  for (const line of s.groupCloses.keys()) st.role[line] = Role.Marker;
  for (const line of s.zoneLines.keys()) st.role[line] = Role.Marker;
  for (const g of s.tabGroups) {
    if (g.unclosed) st.diag('tab-group-unclosed', 'warning', g.line + 1, `the tab group that starts here is never closed with "---": Learn shows the rest of the page inside its last tab (${JSON.stringify(g.tabs[g.tabs.length - 1]!.title)}); end the group with a line "---"`);
  }
  for (const z of s.zones) {
    if (!z.closed) st.diag('zone-unclosed', 'warning', z.open + 1, `the zone opened here is never closed with "::: zone-end": it runs to the end of the page`);
    for (const p of z.pivots ?? []) st.addPivot(p);
  }
  for (const end of s.strayZoneEnds) st.diag('zone-end-unmatched', 'warning', end + 1, `"::: zone-end" here closes no zone (none is open): Learn shows the line as text`);
  for (const [inner, outer] of s.nestedZones) {
    st.diag('zone-nested', 'warning', inner + 1, `the zone opened here is inside the zone opened on line ${outer + 1}, which is not closed before it: DocFX refuses nested zones ("Zones cannot be nested") and shows this line as text; the next "::: zone-end" closes the outer zone`);
  }
  for (const [open, zoneEnd] of s.closedByZone) {
    st.diag(
      'fence-closed-by-zone',
      'warning',
      open + 1,
      `the code fence opened here is not closed before "::: zone-end" on line ${zoneEnd + 1}: Learn ends it with the zone, but any other markdown renderer (GitHub's preview) shows the zone markers and what follows inside the code block; close the fence before "::: zone-end"`,
    );
  }
  st.linePlaces = placeLines(s, st.n, st.file, st.groups);
}

/**
 * Where the body starts after YAML front matter (`---` … `---` or `...` from line 0): the 0-based line
 * after its closing marker; 0 without front matter; -1 when it is opened and never closed.
 */
export function frontMatterEnd(lines: readonly string[]): number {
  if (lines.length === 0 || lines[0]!.trimEnd() !== '---') return 0;
  for (let k = 1; k < lines.length; k++) {
    const l = lines[k]!.trimEnd();
    if (l === '---' || l === '...') return k + 1;
  }
  return -1;
}

function frontMatter(st: ScanState) {
  const end = frontMatterEnd(st.lines);
  if (end > 0) {
    for (let m = 0; m < end; m++) st.role[m] = Role.Skip;
    st.bodyStart = end;
  } else if (end < 0) st.diag('unterminated-front-matter', 'warning', 1, 'front matter opened with "---" is never closed; it is read as text');
}

function detectForm(st: ScanState): 'docfx' | 'rendered' {
  if (st.bodyStart > 0 || st.struct.fences.size > 0) return 'docfx';
  for (const h of st.struct.headings.values()) {
    if (st.content(h.line).startsWith('#') && !st.commentInGroup(h.line)) return 'docfx';
  }
  if (!st.text.includes('[!') && !st.text.includes(':::')) return 'rendered';
  for (let k = 0; k < st.n; k++) {
    const l = st.lines[k]!;
    if (l.includes('[!') && /\[!INCLUDE|^\s*>\s*\[!/i.test(l)) return 'docfx';
    if (l.includes(':::') && /^\s*:::\s*(?:image|zone|moniker|row|column|code)/.test(l)) return 'docfx';
  }
  return 'rendered';
}

function findTitle(st: ScanState) {
  if (st.form === 'docfx') {
    let best: { level: number; line: number; text: string } | undefined;
    for (const h of st.struct.headings.values()) {
      if (!st.content(h.line).startsWith('#')) continue; // ATX only (see isDocfxHeading)
      if (st.commentInGroup(h.line)) continue;
      if (!best || h.level < best.level || (h.level === best.level && h.line < best.line)) best = h;
    }
    if (best) {
      st.title = plainInline(best.text);
      st.titleLine = best.line;
      return;
    }
    for (let k = 0; k < st.bodyStart; k++) {
      const m = /^title:\s*(.*)$/.exec(st.lines[k]!);
      if (m) {
        st.title = trimEndAll(m[1]!).trim();
        return;
      }
    }
  }
  for (let k = st.bodyStart; k < st.n; k++) {
    if (!st.isBlankAt(k)) {
      st.title = trimEndAll(st.content(k)).trim();
      if (st.form === 'rendered') {
        st.titleLine = k;
        st.sections.push({ title: st.title, level: 1, line: k + 1 });
        st.section = st.title;
        st.role[k] = Role.Heading;
        st.headingLines.add(k);
      }
      return;
    }
  }
}

/** Rendered text has no heading syntax: a short, standalone, unpunctuated line at column 0. */
export function isRenderedHeading(st: ScanState, k: number): boolean {
  const line = st.lines[k]!;
  if (indentOf(line) !== 0 || line.startsWith('>')) return false;
  if (k > st.bodyStart && !st.isBlankAt(k - 1)) return false;
  if (k + 1 < st.n && !st.isBlankAt(k + 1)) return false;
  const t = trimEndAll(line);
  const first = t.charCodeAt(0);
  if (t.length === 0 || t.length > 120 || first < 65 || first > 90) return false;
  if (';:.,!?)'.includes(t[t.length - 1]!) || ADMONITION.test(t)) return false;
  let words = 1;
  for (let p = 0; p < t.length; p++) if (t.charCodeAt(p) === 32) words++;
  return words <= 20 && (st.flags[k]! & (F_COMMAND | F_ITEM)) === 0;
}

/** "Response", "Sample output", "Example result": a heading that introduces the previous request's answer. */
const RESPONSE_HEADING = /^(?:(?:sample|example)\s+)?(?:http\s+)?(?:response|output|result)s?(?:\s+body)?$/i;

export function enterSection(st: ScanState, k: number, title: string, level: number) {
  st.role[k] = Role.Heading;
  st.headingLines.add(k);
  st.section = title;
  st.sections.push({ title, level: Math.min(6, Math.max(1, level)), line: k + 1 });
  st.leadIn = undefined;
  // A response belongs to a request of its own section; only a heading that names the response
  // itself keeps the previous request waiting for it.
  if (!RESPONSE_HEADING.test(title.trim())) st.pending = undefined;
}

/** The title of the section a line (1-based) is in (sections are found in line order). */
export function sectionAt(st: ScanState, line: number): string {
  let lo = 0;
  let hi = st.sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (st.sections[mid]!.line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? st.sections[lo - 1]!.title : '';
}
