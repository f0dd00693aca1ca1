// The resources the pages a page's Prerequisites section sends the reader to create with az, and the
// names those pages write in code. A quickstart series creates its resources once and the later pages
// use them: quickstart-deploy-apps.md (Azure Spring Apps) runs `az spring app create --name api-gateway`,
// and quickstart-logs-metrics-tracing.md, which lists it as a prerequisite, streams the logs of
// `-n gateway`, an app no page of the series makes ("ERROR: App gateway not found", a reader's report:
// https://github.com/MicrosoftDocs/azure-docs/issues/108632).
import { parseTutorialText } from '../parse/index.ts';
import { buildDocument, type LintDocument } from './document.ts';
import { prerequisitePages } from './linked-pages.ts';
import { nameUses, type NameUse } from './name-uses.ts';
import { nameWord } from './text.ts';
import { codeFences, fenceAt } from './fences.ts';

export interface PrerequisiteCreate extends NameUse {
  /** The prerequisite page that creates it, as the resolver shows its path. */
  page: string;
}

export interface PrerequisiteNames {
  created: PrerequisiteCreate[];
  /** Whether a prerequisite page writes the name in code (a command, a code block, an inline code span). */
  mentions: (name: string) => boolean;
}

const INLINE_CODE = /`([^`\n]+)`/g;

// A sweep lints many pages of one series: each linked page is parsed once.
const cache = new Map<string, { created: NameUse[]; code: string[] }>();

function readPage(file: string, text: string): { created: NameUse[]; code: string[] } {
  const key = `${file}\n${text.length}`;
  const known = cache.get(key);
  if (known) return known;
  let created: NameUse[] = [];
  const code: string[] = [];
  try {
    const linked: LintDocument = buildDocument(parseTutorialText(text, file, { form: 'docfx' }), text);
    created = nameUses(linked).filter((u) => u.create && u.name !== '');
    // Code is what names a resource: a prose word ("the API gateway", "Spring Cloud Gateway") does not.
    for (const c of codeOf(linked)) code.push(c.text);
  } catch {
    // A linked page that does not parse names nothing here.
  }
  const out = { created, code };
  cache.set(key, out);
  return out;
}

/** What the pages of the Prerequisites section create, and whether they write a name in code. */
export function prerequisiteNames(doc: LintDocument): PrerequisiteNames {
  const created: PrerequisiteCreate[] = [];
  const code: string[] = [];
  for (const page of prerequisitePages(doc)) {
    const read = readPage(page.file, page.text);
    for (const u of read.created) created.push({ ...u, own: false, page: page.file });
    code.push(...read.code);
  }
  return { created, mentions: (name) => code.some((line) => nameWord(name).test(line)) };
}

/**
 * Whether this page writes the name in code other than the az commands that use it: a code block, a
 * non-az command, an inline code span (an example's output names it too). (introducedName also counts prose words, right for a resource
 * group the prose calls "myResourceGroup", wrong for a product name that happens to match.)
 */
export function writtenInCode(doc: LintDocument, name: string, uses: readonly NameUse[]): boolean {
  const azLines = new Set(uses.map((u) => u.line));
  const word = nameWord(name);
  for (const c of codeOf(doc)) {
    if (azLines.has(c.line)) continue;
    if (c.block ? !/^\s*az\s/.test(c.text) && word.test(c.text) : word.test(c.text)) return true;
  }
  return false;
}

/** The code a document writes: each line of a command or code block whole, and the inline code spans of its prose. */
function* codeOf(doc: LintDocument): Generator<{ line: number; text: string; block: boolean }> {
  const fences = codeFences(doc);
  for (let n = 1; n <= doc.lineCount; n++) {
    const line = doc.line(n);
    if (!doc.isProse(n) || fenceAt(fences, n) !== undefined) yield { line: n, text: line, block: true };
    else for (const m of line.matchAll(INLINE_CODE)) yield { line: n, text: m[1]!, block: false };
  }
}
