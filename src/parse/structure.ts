// markdown-it gives the block structure: headings and fenced code with their line ranges, DocFX tab
// groups and zones. A fence that never closes swallows the rest of its container; the parser then
// records the dangling marker and reads the swallowed lines again as markdown, so the commands and
// JSON after it are still seen. A fence still open at `::: zone-end` ends there, as DocFX ends it
// (the zone is a container: TripleColonBlockParser closes what is open inside it).
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

export interface Heading {
  level: number;
  line: number; // 0-based
  text: string; // inline markdown, as written
}

export interface Fence {
  open: number; // 0-based line of the opening marker
  close: number; // 0-based line of the closing marker (a `::: zone-end` for a fence the zone closed)
  info: string;
}

/** One tab of a DocFX tab group: `# [Linux](#tab/linux)` and the blocks under it. */
export interface Tab {
  line: number; // the tab heading
  end: number; // exclusive: the next tab's heading, the group's `---` or its container's end
  id: string; // as written: "linux", "linux+macos"
  ids: string[]; // the ids it answers to ("linux+macos" → linux, macos)
  condition?: string; // `#tab/dotnet/linux`: a dependent tab
  title: string;
}

/** Tabs that follow one another in one container, closed by a thematic break or the container's end. */
export interface TabGroup {
  line: number; // the first tab heading
  end: number; // exclusive, the closing `---` included
  close?: number; // the `---` line, absent when the container's end closed the group
  tabs: Tab[];
  /** Closed by the end of the document rather than by `---`: Learn shows the rest of the page in the last tab. */
  unclosed: boolean;
}

/** `::: zone pivot="a,b"` … `::: zone-end` (or `target="docs"`). */
export interface Zone {
  open: number;
  close: number; // the `::: zone-end` line, or the last line when it never closes
  closed: boolean;
  pivots?: string[];
  target?: string;
}

export interface Structure {
  headings: Map<number, Heading>;
  fences: Map<number, Fence>; // by opening line; closed fences only
  dangling: Map<number, string>; // unterminated fence markers: line → info string
  /** Fences a `::: zone-end` closed before their own marker: opening line → the zone-end line. */
  closedByZone: Map<number, number>;
  tabGroups: TabGroup[];
  /** Tab heading lines (not section headings: Learn shows them as tab labels). */
  tabLines: Map<number, { group: TabGroup; tab: number }>;
  /** The `---` lines that close a tab group. */
  groupCloses: Map<number, TabGroup>;
  zones: Zone[];
  /** Every `::: zone` and `::: zone-end` line outside code, with its zone. */
  zoneLines: Map<number, Zone>;
  /** `::: zone-end` lines outside code with no zone open: DocFX shows them as text. */
  strayZoneEnds: number[];
  /** `::: zone` lines opened inside another zone (0-based line → the outer zone's line): DocFX refuses them ("Zones cannot be nested"). */
  nestedZones: Map<number, number>;
}

const md = new MarkdownIt('commonmark', { html: true });
// Only the block structure is needed; inline parsing would cost as much again for nothing.
// `normalize` only rewrites CR LF and NUL: the parser splits lines on LF itself (a CR stays at the
// end of its line, outside every marker's reach) and rejects NUL before markdown-it runs.
md.core.ruler.disable(['normalize', 'inline', 'text_join'], true);

/** markdown-it's block tokens for a text. Exposed for the benchmark's baseline. */
export function markdownTokens(text: string): Token[] {
  return md.parse(text, {});
}

export function emptyStructure(): Structure {
  return { headings: new Map(), fences: new Map(), dangling: new Map(), closedByZone: new Map(), tabGroups: [], tabLines: new Map(), groupCloses: new Map(), zones: [], zoneLines: new Map(), strayZoneEnds: [], nestedZones: new Map() };
}

const FENCE_CLOSE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*$/;
/** DocFX's tab link (TabGroupAggregator): `#tab/id(+id)*` and an optional `/condition`. */
const TAB_LINK = /^\[([^\]]*)\]\(\s*#tab\/([A-Za-z0-9-]+(?:\+[A-Za-z0-9-]+)*)(?:\/([A-Za-z0-9-]+)?)?\s*\)$/;
const ZONE_OPEN = /^(?:[ \t]*>)*[ \t]*:::[ \t]*zone(?:[ \t]+([^\r]*?))?[ \t]*:*[ \t]*\r?$/;
const ZONE_END = /^(?:[ \t]*>)*[ \t]*:::[ \t]*zone-end[ \t]*:*[ \t]*\r?$/;

function isClosing(line: string | undefined, markup: string): boolean {
  if (line === undefined) return false;
  const m = FENCE_CLOSE.exec(line);
  return !!m && m[1]![0] === markup[0] && m[1]!.length >= markup.length;
}

/** 1 for `::: zone …`, -1 for `::: zone-end`, 0 for anything else. */
function zoneMarker(line: string): number {
  if (!line.includes(':::')) return 0;
  if (ZONE_END.test(line)) return -1;
  return ZONE_OPEN.test(line) ? 1 : 0;
}

interface OpenGroup {
  group: TabGroup;
  level: number;
  last: number; // exclusive end of the last block seen in it
}

/**
 * Read the structure of lines [from, to) (0-based). `lines` is the whole file; lines outside the
 * range are ignored. `zoneDepth`: zones open at `from` (a re-read inside a zone).
 */
export function readStructure(lines: string[], from: number, to: number, out?: Structure, wholeText?: string): Structure {
  const s: Structure = out ?? emptyStructure();
  readRange(lines, from, to, s, wholeText, 0);
  return s;
}

/** readStructure's work on one range; returns the zone depth at its end. */
function readRange(lines: string[], from: number, to: number, s: Structure, wholeText: string | undefined, zoneDepth: number): number {
  if (from >= to) return zoneDepth;
  // `wholeText` spares re-joining the lines when the range is the whole file.
  const text = wholeText !== undefined && from === 0 && to === lines.length ? wholeText : lines.slice(from, to).join('\n');
  const tokens = md.parse(text, {});
  // Zone markers are plain paragraphs to markdown-it; they are found by line and counted only
  // outside fences, in document order, to know whether a fence opens inside a zone.
  const markers: number[] = [];
  if (text.includes(':::')) for (let k = from; k < to; k++) if (zoneMarker(lines[k]!) !== 0) markers.push(k);
  let next = 0; // the first marker not yet counted
  let depth = zoneDepth;
  const countMarkersBefore = (line: number) => {
    for (; next < markers.length && markers[next]! < line; next++) depth = Math.max(0, depth + zoneMarker(lines[markers[next]!]!));
  };
  const skipMarkersThrough = (line: number) => {
    while (next < markers.length && markers[next]! <= line) next++;
  };
  const open: OpenGroup[] = [];
  const closeGroup = (g: OpenGroup, end: number, close?: number) => {
    g.group.end = end;
    if (close !== undefined) g.group.close = close;
    const tabs = g.group.tabs;
    tabs[tabs.length - 1]!.end = close ?? end;
  };

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    // A token of a lower level closes the containers the open groups sit in.
    while (open.length > 0 && open[open.length - 1]!.level > t.level) {
      const g = open.pop()!;
      closeGroup(g, g.last);
    }
    if (!t.map) continue;
    const start = from + t.map[0];
    const end = from + t.map[1];
    for (const g of open) g.last = Math.max(g.last, end);
    const top = open[open.length - 1];
    if (t.type === 'hr' && top && top.level === t.level) {
      open.pop();
      closeGroup(top, end, start);
      s.groupCloses.set(start, top.group);
      continue;
    }
    if (t.type === 'heading_open') {
      const inline = tokens[k + 1];
      const content = (inline?.content ?? '').trim();
      const tab = TAB_LINK.exec(content);
      if (tab) {
        const entry: Tab = { line: start, end, id: tab[2]!, ids: tab[2]!.split('+'), title: tab[1]!.trim(), ...(tab[3] ? { condition: tab[3] } : {}) };
        if (top && top.level === t.level) {
          const tabs = top.group.tabs;
          tabs[tabs.length - 1]!.end = start;
          tabs.push(entry);
          s.tabLines.set(start, { group: top.group, tab: tabs.length - 1 });
        } else {
          const group: TabGroup = { line: start, end, tabs: [entry], unclosed: false };
          s.tabGroups.push(group);
          open.push({ group, level: t.level, last: end });
          s.tabLines.set(start, { group, tab: 0 });
        }
        continue;
      }
      // A setext underline of dashes right under a tab's last paragraph: the author's `---`.
      if (top && top.level === t.level && t.markup === '-' && /^[ \t]*-{3,}[ \t]*\r?$/.test(lines[end - 1] ?? '')) {
        s.headings.set(start, { level: Number(t.tag.slice(1)), line: start, text: inline?.content ?? '' });
        open.pop();
        closeGroup(top, end, end - 1);
        s.groupCloses.set(end - 1, top.group);
        continue;
      }
      s.headings.set(start, { level: Number(t.tag.slice(1)), line: start, text: inline?.content ?? '' });
    } else if (t.type === 'fence') {
      countMarkersBefore(start);
      const last = end - 1;
      // DocFX closes a fence still open at the `::: zone-end` of the zone it opened in.
      let zoneEnd = -1;
      if (depth > 0) {
        for (let m = next; m < markers.length && markers[m]! <= last; m++) {
          if (markers[m]! > start && zoneMarker(lines[markers[m]!]!) < 0) {
            zoneEnd = markers[m]!;
            break;
          }
        }
      }
      if (zoneEnd > 0) {
        s.fences.set(start, { open: start, close: zoneEnd, info: t.info.trim() });
        s.closedByZone.set(start, zoneEnd);
        skipMarkersThrough(zoneEnd);
        depth--;
        // Read what the fence swallowed after the zone's end (its tokens are not this parse's);
        // this parse goes on after the fence token, at the depth the re-read ends with.
        depth = readRange(lines, zoneEnd + 1, end, s, undefined, depth);
        skipMarkersThrough(end - 1);
        continue;
      }
      skipMarkersThrough(last);
      if (last > start && isClosing(lines[last], t.markup)) {
        s.fences.set(start, { open: start, close: last, info: t.info.trim() });
      } else {
        // Unterminated: everything after the marker was swallowed; read it again.
        s.dangling.set(start, t.info.trim());
        depth = readRange(lines, start + 1, end, s, undefined, depth);
        skipMarkersThrough(end - 1);
      }
    }
  }
  while (open.length > 0) {
    const g = open.pop()!;
    closeGroup(g, Math.max(g.last, to));
    if (open.length === 0 && g.level === 0 && to === lines.length) g.group.unclosed = true;
  }
  countMarkersBefore(to);
  return depth;
}

/** The zones of a document whose structure is read: their markers outside code, nested in order. */
export function readZones(lines: string[], from: number, s: Structure): void {
  const intervals: Array<[number, number]> = [];
  for (const f of s.fences.values()) intervals.push([f.open, s.closedByZone.has(f.open) ? f.close - 1 : f.close]);
  intervals.sort((a, b) => a[0] - b[0]);
  const stack: Zone[] = [];
  let iv = 0;
  for (let k = from; k < lines.length; k++) {
    const line = lines[k]!;
    if (!line.includes(':::')) continue;
    while (iv < intervals.length && intervals[iv]![1] < k) iv++;
    const inCode = iv < intervals.length && intervals[iv]![0] <= k && k <= intervals[iv]![1];
    if (inCode) continue;
    const kind = zoneMarker(line);
    if (kind === 0) continue;
    if (kind > 0) {
      // DocFX refuses a zone inside a zone (ZoneExtension.TryValidateAncestry: "Zones cannot be
      // nested"): the line stays text and the next `::: zone-end` closes the outer zone.
      if (stack.length > 0) {
        s.nestedZones.set(k, stack[stack.length - 1]!.open);
        continue;
      }
      const attrs = ZONE_OPEN.exec(line)?.[1] ?? '';
      const pivot = /\bpivot\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      const target = /\btarget\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      const zone: Zone = { open: k, close: lines.length - 1, closed: false };
      if (pivot !== undefined) zone.pivots = pivot.split(',').map((p) => p.trim()).filter((p) => p !== '');
      if (target !== undefined) zone.target = target;
      stack.push(zone);
      s.zones.push(zone);
      s.zoneLines.set(k, zone);
    } else {
      const zone = stack.pop();
      if (zone) {
        zone.close = k;
        zone.closed = true;
        s.zoneLines.set(k, zone);
      } else s.strayZoneEnds.push(k);
    }
  }
}
