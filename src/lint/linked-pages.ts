// Pages a page sends its reader to first, read beside its file: for the variables they assign and for
// what their prerequisites steps install.
//
// Variables a page says another page sets. Multi-page guides assign their variables once and point
// at that page: "This guide uses the same environment, schema, and application variables defined in
// [Deploy a basic solution](solution-without-common-configuration.md#define-the-variables)", "You can
// reuse the global variables defined in [Set up workload orchestration](set-up-workload-orchestration.md)"
// (azure-management-docs @d923d588, azure-arc/workload-orchestration). A variable the linked page
// assigns is set for the reader who follows that sentence; one it does not assign is still unset.
import { resolve } from 'node:path';
import { findDocsetRoot, includeResolver } from '../parse/docset.ts';
import type { LintDocument } from './document.ts';

// One variable too: "Make sure you're passing correct `$connectionString` environment variable exported from
// the step 3 of the [previous tutorial][deploy-mongodb-cluster]" (azure-aks-docs validate-mongodb-cluster.md,
// whose deploy-mongodb-cluster.md exports connectionString).
const NAMES_VARIABLES = /\bvariables?\b/i;
const SAYS_WHERE = /\b(?:defined|set|created|assigned|declared|exported|reuse|same)\b/i;
/** A relative link to another page of the docset: `](other-page.md)`, `](../x/page.md#anchor)`. */
const PAGE_LINK = /\]\(((?!https?:|\/)[^)\s#]+\.md)(?:#[^)\s]*)?\)/g;
/** A reference-style link `[text][label]` and the definitions `[label]: ./page.md#anchor` (CommonMark 4.7). */
const REFERENCE_LINK = /\]\[([^\]]+)\]/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[([^\]]+)\]:\s*<?((?!https?:|\/)[^>\s#]+\.md)(?:#[^>\s]*)?>?/;

/** The relative pages a line links to, inline or by reference (`definitions`: label, lower-cased → page). */
function linkedPages(text: string, definitions: ReadonlyMap<string, string>): string[] {
  const out = [...text.matchAll(PAGE_LINK)].map((m) => m[1]!);
  for (const m of text.matchAll(REFERENCE_LINK)) {
    const page = definitions.get(m[1]!.trim().toLowerCase());
    if (page !== undefined) out.push(page);
  }
  return out;
}
const BASH_ASSIGN = /^\s*(?:export\s+)?([A-Za-z_]\w*)=/;
const POWERSHELL_ASSIGN = /^\s*\$([A-Za-z_]\w*)\s*=(?!=)/;

export interface LinkedVariables {
  /** Names the linked pages assign the bash way (name=…), as written. */
  bash: Set<string>;
  /** Names they assign the PowerShell way ($name = …), lower-cased (PowerShell ignores case). */
  powershell: Set<string>;
}

/** What the pages a prose sentence sends the reader to for "the variables" assign (read beside this page's file). */
export function linkedPageVariables(doc: LintDocument): LinkedVariables {
  const out: LinkedVariables = { bash: new Set(), powershell: new Set() };
  if (!doc.file || !doc.hasText) return out;
  const pages = new Set<string>();
  const definitions = new Map<string, string>();
  for (let n = 1; n <= doc.lineCount; n++) {
    const d = doc.isProse(n) ? REFERENCE_DEFINITION.exec(doc.line(n)) : null;
    if (d) definitions.set(d[1]!.trim().toLowerCase(), d[2]!);
  }
  for (let n = 1; n <= doc.lineCount; n++) {
    const text = doc.line(n);
    if (!doc.isProse(n) || !NAMES_VARIABLES.test(text) || !SAYS_WHERE.test(text)) continue;
    for (const page of linkedPages(text, definitions)) pages.add(page);
  }
  // And the pages the Prerequisites section links to: "make sure you have created the required service
  // principal … see [Create service principal](upload-metrics-and-logs-to-azure-monitor.md#create-service-principal)"
  // (azure-management-docs @d923d588, azure-arc/data/upload-metrics.md), whose steps export SPN_CLIENT_ID:
  // the reader who meets the prerequisites has run them.
  for (const { text } of [...readPages(doc, pages), ...prerequisitePages(doc)]) {
    for (const line of text.split(/\r?\n/)) {
      const bash = BASH_ASSIGN.exec(line);
      if (bash) out.bash.add(bash[1]!);
      const ps = POWERSHELL_ASSIGN.exec(line);
      if (ps) out.powershell.add(ps[1]!.toLowerCase());
    }
  }
  return out;
}

const HEADING = /^(#{1,6})\s+(.*)$/;

/**
 * The text of each page the Prerequisites section links to ("Set up the required resources for workload
 * orchestration. If you haven't, refer to [Set up workload orchestration](set-up-workload-orchestration.md)"):
 * what that page installs and signs in to, the reader who meets the prerequisites has.
 */
export function prerequisitePageTexts(doc: LintDocument): string[] {
  return prerequisitePages(doc).map((p) => p.text);
}

/** The pages the Prerequisites section links to, with the path each was read from (see prerequisitePageTexts). */
export function prerequisitePages(doc: LintDocument): readonly LinkedPage[] {
  if (!doc.file || !doc.hasText) return [];
  // Four readers ask per document (prerequisite tools, az defaults, variables, names): the section is
  // scanned and its pages read from disk once.
  const known = prerequisiteCache.get(doc);
  if (known) return known;
  const out = readPages(doc, prerequisiteLinks(doc));
  prerequisiteCache.set(doc, out);
  return out;
}

const prerequisiteCache = new WeakMap<LintDocument, readonly LinkedPage[]>();

/** The relative pages the lines of the Prerequisites section link to. */
function prerequisiteLinks(doc: LintDocument): Set<string> {
  const pages = new Set<string>();
  let level = 0; // the Prerequisites heading's level while inside its section, else 0
  for (let n = 1; n <= doc.lineCount; n++) {
    const text = doc.line(n);
    const heading = doc.isProse(n) ? HEADING.exec(text) : null;
    if (heading) {
      if (level > 0 && heading[1]!.length <= level) level = 0;
      if (/prerequisite/i.test(heading[2]!)) level = heading[1]!.length;
      continue;
    }
    if (level > 0 && doc.isProse(n)) for (const m of text.matchAll(PAGE_LINK)) pages.add(m[1]!);
  }
  return pages;
}

export interface LinkedPage {
  /** The path the page was read from, as the include resolver shows it. */
  file: string;
  text: string;
}

/**
 * The linked pages' text, read as includes are (parse/docset.ts): inside the docset root only, regular
 * files only (a link to a named pipe must not hang lint), a link that cannot be read is skipped. The
 * caller's resolver (its --docset-root) when it gave one, else the docset found upwards from the page.
 */
function readPages(doc: LintDocument, links: Iterable<string>): LinkedPage[] {
  const from = doc.file;
  const read = doc.resolveInclude ?? includeResolver(findDocsetRoot(resolve(from)));
  const out: LinkedPage[] = [];
  for (const link of links) {
    const got = read(link, from);
    if ('text' in got) out.push({ file: got.file, text: got.text });
  }
  return out;
}
