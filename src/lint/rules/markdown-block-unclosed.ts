// A code fence, tab group or zone the page opens and never closes (or closes twice): what the
// reader sees and copies is not what the author wrote. The parser (src/parse/structure.ts and
// blocks.ts) finds these places while it reads the page's structure and reports them as
// diagnostics; this rule turns those diagnostics into findings, so that lint and the parser agree on
// where a block ends (a fence still open at `::: zone-end` ends there, as DocFX ends it).
import type { ParseDiagnostic } from '../../model.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';
import type { LintDocument } from '../document.ts';

/** The parser's diagnostic codes this rule reports. */
const CODES = new Set(['unterminated-fence', 'fence-closed-by-zone', 'tab-group-unclosed', 'zone-unclosed', 'zone-end-unmatched', 'zone-nested']);

const FENCE = /^[\s>]*(`{3,}|~{3,})\s*([^\s`]*)/;
const ZONE_END = /^[\s>]*:::\s*zone-end\b/;

export const markdownBlockUnclosed: Rule = {
  id: 'markdown-block-unclosed',
  name: 'MarkdownBlockUnclosed',
  severity: 'warning',
  shortDescription: 'A code fence, tab group or zone pivot is opened and never closed (or a zone is closed that was never opened, or opened inside another).',
  fullDescription:
    'CommonMark (spec 0.31.2, 4.5 Fenced code blocks): "If the end of the containing block (or document) is reached and no closing code fence has been found, the code block contains all of the lines after the opening code fence". GitHub and every CommonMark renderer then show the rest of the list item or page — prose, later commands, a second fence\'s opener as text — inside one code block, and its Copy button (Learn\'s too) pastes all of it into the shell. A fence left open in a list item whose code is one run of lines after which the item ends (the next item, less indented text) is not reported: the block ends with the item and holds just that code. Learn\'s DocFX ends a fence still open at "::: zone-end" with the zone (dotnet/docfx TripleColonBlockParser: the zone is a container block and closing it closes what is open inside), so Learn shows that page right while GitHub\'s preview and other renderers do not. A DocFX tab group ("# [Azure CLI](#tab/azure-cli)") ends at a line "---" (or at the end of the document: TabGroupAggregator does not end it at a heading); without it Learn shows the rest of the page inside the group\'s last tab. An include (front matter ms.topic: include) is rendered as a document of its own, so its unclosed group ends with the file: it is reported only when a heading of the tabs\' level or above follows the last tab inside the include (azure-management-docs azure-arc/servers/includes/esu-network-requirements.md ends with its last tab and is not). A zone opened inside another zone is refused ("Zones cannot be nested", ZoneExtension.TryValidateAncestry) and its line shown as text, and its "::: zone-end" closes the outer zone; a "::: zone-end" with no zone open is shown as text.',
  help: 'Close each code fence with a line of the same backticks before the prose or the next block, end each tab group with a line "---", and pair every "::: zone pivot=…" with one "::: zone-end" before the next zone opens.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const d of doc.tutorial.diagnostics) {
      if (!CODES.has(d.code)) continue;
      // A diagnostic about an included file has that file's line numbers: it is the include's own.
      if (d.file && doc.file && d.file !== doc.file) continue;
      if (d.code === 'tab-group-unclosed' && doc.hasText && inInclude(doc, d.line) && !sectionAfterLastTab(doc, d.line)) continue;
      if (d.code === 'unterminated-fence' && doc.hasText && endsWithItsListItem(doc, d.line)) continue;
      const message = messageOf(d, doc.hasText ? doc.line(d.line) : '', doc.hasText ? zoneEndAfter(doc, d.line) : undefined);
      if (message) hits.push({ line: d.line, message });
    }
    hits.push(...swallowedOpeners(doc));
    return hits;
  },
};

// A line inside a block that would close it but for its info string ("```powershell"): the author
// forgot the close before opening the next block. CommonMark takes the line as code (a closing fence
// "may not be followed by an info string"), the next bare fence closes the first block, and what was
// meant as the second block's content and the prose between are shown as one block.
const OPENER_LIKE = /^\s*(`{3,}|~{3,})\s*([A-Za-z][\w+#.-]*)\s*$/;
// Blocks that show Markdown may hold fences on purpose.
const SHOWS_MARKDOWN = /^(markdown|md|mdx)$/;

function swallowedOpeners(doc: LintDocument): RuleHit[] {
  const hits: RuleHit[] = [];
  if (!doc.hasText) return hits;
  for (const fence of codeFences(doc)) {
    if (fence.close > doc.lineCount || SHOWS_MARKDOWN.test(fence.info)) continue;
    const own = FENCE.exec(doc.line(fence.open));
    if (!own) continue;
    const marker = own[1]!;
    for (let n = fence.open + 1; n < fence.close; n++) {
      const text = doc.line(n);
      // a zone's end closes the fence first (the parser's fence-closed-by-zone)
      if (ZONE_END.test(text)) break;
      const m = OPENER_LIKE.exec(text);
      if (!m || m[1]![0] !== marker[0] || m[1]!.length < marker.length) continue;
      hits.push({
        line: fence.open,
        message: `the code block opened here (${marker}${fence.info}) is not closed before the next block opens on line ${n} (${m[1]}${m[2]}): a closing fence cannot carry an info string, so CommonMark (GitHub, Learn) reads that opener as a line of this block, which runs on to the bare fence on line ${fence.close}; the two blocks and the text between them are shown, and copied, as one. Close this block with ${marker} before line ${n}.`,
      });
      break;
    }
  }
  return hits;
}

const LIST_ITEM = /^ *(?:[-*+]|\d{1,9}[.)]) {1,4}\S/;
const indentOf = (text: string): number => /^ */.exec(text)![0].length;

/**
 * A fence left open in a list item whose lines are one run of code, after which (blank lines between)
 * the item ends: the next list item or less indented text. CommonMark ends the code block with its
 * container (spec 0.31.2, 4.5: "the code block contains all of the lines after the opening code fence
 * until the end of the containing block"), so the block holds exactly that run and nothing the author
 * meant outside it is shown as code (azure-aks-docs deploy-valkey-cluster.md:52, then "1. Set the
 * policy…"). A run broken by a blank line is still reported: what follows it may be prose swallowed.
 */
function endsWithItsListItem(doc: LintDocument, open: number): boolean {
  const fence = doc.line(open);
  const fenceIndent = indentOf(fence);
  // The list item the fence stands in: the nearest less indented non-blank line above, a list marker.
  let item: RegExpExecArray | null = null;
  for (let n = open - 1; n >= 1; n--) {
    const text = doc.line(n);
    if (text.trim() === '' || indentOf(text) >= fenceIndent) continue;
    item = LIST_ITEM.exec(text);
    break;
  }
  if (!item) return false;
  // The item's content column: where the text after its marker starts.
  const content = item[0].length - 1;
  if (fenceIndent < content) return false;
  let n = open + 1;
  for (; n <= doc.lineCount && doc.line(n).trim() !== ''; n++) {
    const text = doc.line(n);
    if (indentOf(text) < content) return true;
    // a fence line in the run (a closer of the wrong length, another opener) is shown as code
    if (FENCE.test(text)) return false;
  }
  while (n <= doc.lineCount && doc.line(n).trim() === '') n++;
  return n > doc.lineCount || indentOf(doc.line(n)) < content;
}

const FRONT_MATTER_INCLUDE = /^ms\.topic:\s*["']?include["']?\s*$/i;
const TAB_HEADING = /^\s{0,3}(#{1,6})\s+\[[^\]]*\]\(#tab\//;
const HEADING = /^\s{0,3}(#{1,6})\s/;

/**
 * The line is an include's: the page's text holds it in place of an [!INCLUDE] (lineFile names another
 * file), or the file linted is itself an include (front matter "ms.topic: include", as Learn's declare).
 */
function inInclude(doc: LintDocument, line: number): boolean {
  const file = doc.lineFile?.(line);
  if (file !== undefined && file !== doc.file && file !== doc.tutorial.file) return true;
  if (doc.lineCount < 1 || doc.line(1).trim() !== '---') return false;
  for (let n = 2; n <= doc.lineCount && doc.line(n).trim() !== '---'; n++) if (FRONT_MATTER_INCLUDE.test(doc.line(n).trim())) return true;
  return false;
}

/**
 * Whether a heading of the tab headings' level or above follows the group's last tab: a section the
 * author meant outside the group. An include is rendered as a document of its own (DocFX's block
 * inclusion parses the included file apart), so its unclosed group ends with the file and the page
 * that includes it goes on outside the tabs: only a section inside the include after the last tab
 * is swallowed (TabGroupAggregator ends a group at "---" or at the end of the blocks, not at a heading).
 */
function sectionAfterLastTab(doc: LintDocument, start: number): boolean {
  // In a page with its includes in place, the include's own lines end where its file does.
  const file = doc.lineFile?.(start);
  let end = start;
  while (end < doc.lineCount && (file === undefined || doc.lineFile?.(end + 1) === file)) end++;
  let level = 0;
  let last = start;
  for (let n = start; n <= end; n++) {
    const tab = TAB_HEADING.exec(doc.line(n));
    if (tab && (level === 0 || tab[1]!.length === level)) {
      level = tab[1]!.length;
      last = n;
    }
  }
  if (level === 0) return true;
  for (let n = last + 1; n <= end; n++) {
    if (!doc.isProse(n)) continue;
    const h = HEADING.exec(doc.line(n));
    if (h && h[1]!.length <= level) return true;
  }
  return false;
}

function zoneEndAfter(doc: { lineCount: number; line(n: number): string }, from: number): number | undefined {
  for (let n = from + 1; n <= doc.lineCount; n++) if (ZONE_END.test(doc.line(n))) return n;
  return undefined;
}

function messageOf(d: ParseDiagnostic, text: string, zoneEnd: number | undefined): string | undefined {
  const marker = FENCE.exec(text);
  const opener = marker ? `${marker[1]}${marker[2] ?? ''}` : 'the fence';
  switch (d.code) {
    case 'unterminated-fence':
      return `the code block opened here (${opener}) is never closed: GitHub, Learn and every CommonMark renderer show every line after it, to the end of its list item or of the page, inside the code block (prose and the next blocks' fences included), and the block's Copy button pastes all of it into the shell. Close it with a line ${marker?.[1] ?? '```'} where its content ends.`;
    case 'fence-closed-by-zone':
      return `the code block opened here (${opener}) is not closed before "::: zone-end"${zoneEnd ? ` on line ${zoneEnd}` : ''}: Learn ends it with the zone, but GitHub's preview and other CommonMark renderers show the zone markers and the rest of the page inside the code block, and its Copy button pastes them. Close the fence (${marker?.[1] ?? '```'}) before "::: zone-end".`;
    case 'tab-group-unclosed':
      return `the tab group that starts here is never closed with a line "---": Learn shows the rest of the page inside its last tab, so a reader who picks another tab does not see it. End the group with "---" after its last tab's content.`;
    case 'zone-unclosed':
      return `the zone opened here is never closed with "::: zone-end": DocFX warns ("No \\"::: zone-end\\" found") and the zone runs to the end of the page, so everything after it belongs to this zone (shown only for its pivot or target). Close it with "::: zone-end".`;
    case 'zone-end-unmatched':
      return `this "::: zone-end" closes no zone (none is open here): Learn shows the line as text. Remove it, or open the zone it was meant to close.`;
    case 'zone-nested':
      return `${d.message.replace(/^the zone/, 'this zone')}. Close the outer zone with "::: zone-end" before opening this one.`;
    default:
      return undefined;
  }
}
