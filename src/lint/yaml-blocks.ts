// The YAML code blocks of a page, read once with positions (the `yaml` package's CST, YAML 1.2):
// each block's document, a way from a node's offset back to the page's line, and whether the block
// is a whole GitHub Actions workflow (a top-level mapping with `on` and `jobs`). Rules that judge
// YAML read it here and never parse it themselves.
import { isMap, isPair, isScalar, LineCounter, parseAllDocuments, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import type { LintDocument } from './document.ts';
import { codeFences, type CodeFence } from './fences.ts';

/** One YAML document of a code block (a block may hold several, separated by `---`). */
export interface YamlBlock {
  fence: CodeFence;
  doc: Document;
  /** The page line and column of an offset into the block's text. */
  at(offset: number): { line: number; column: number };
  /** A top-level mapping with `on` and `jobs`: a GitHub Actions workflow file. */
  workflow: boolean;
  /** The page lines this document spans. */
  from: number;
  to: number;
}

const YAML_INFO = new Set(['yaml', 'yml']);

const cache = new WeakMap<LintDocument, YamlBlock[]>();

export function yamlBlocks(doc: LintDocument): YamlBlock[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const out: YamlBlock[] = [];
  for (const fence of codeFences(doc)) {
    if (!YAML_INFO.has(fence.info) || fence.close > doc.lineCount) continue;
    // A block inside a list item is indented like its fence: that indentation is not YAML's.
    const indent = /^\s*/.exec(doc.line(fence.open))?.[0].length ?? 0;
    const lines: string[] = [];
    const cut: number[] = [];
    for (let n = fence.open + 1; n < fence.close; n++) {
      const t = doc.line(n);
      const strip = /^\s*/.exec(t)![0].length >= indent ? indent : 0;
      cut.push(strip);
      lines.push(t.slice(strip));
    }
    const counter = new LineCounter();
    const parsed = parseAllDocuments(lines.join('\n'), { uniqueKeys: false, lineCounter: counter, prettyErrors: false });
    // A block that is not valid YAML (an excerpt with "...", a template placeholder) is not judged.
    if (!Array.isArray(parsed) || parsed.some((d) => d.errors.length > 0)) continue;
    const at = (offset: number): { line: number; column: number } => {
      const { line, col } = counter.linePos(offset);
      return { line: fence.open + line, column: col + (cut[line - 1] ?? 0) };
    };
    for (const doc of parsed) {
      const top = doc.contents;
      const workflow = isMap(top) && ['on', 'jobs'].every((k) => top.items.some((p) => isScalar(p.key) && p.key.value === k));
      const [start, , end] = doc.range;
      out.push({ fence, doc, workflow, at, from: at(start).line, to: at(Math.max(end - 1, start)).line });
    }
  }
  cache.set(doc, out);
  return out;
}

/** Every mapping of a block, with its pairs. */
export function mappings(block: YamlBlock): YAMLMap[] {
  const out: YAMLMap[] = [];
  visit(block.doc, { Map: (_, node) => void out.push(node) });
  return out;
}

/** A pair's key as text (scalars only), and the offset it starts at. */
export function keyOf(pair: Pair): { name: string; offset: number } | undefined {
  if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return undefined;
  return { name: String(pair.key.value), offset: pair.key.range[0] };
}
