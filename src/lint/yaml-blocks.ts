// The YAML code blocks of a page, read once with positions (the `yaml` package's CST, YAML 1.2):
// each block's document, a way from a node's offset back to the page's line, and whether the block
// is a whole GitHub Actions workflow (a top-level mapping with `on` and `jobs`). Rules that judge
// YAML read it here and never parse it themselves.
// A manifest can also stand inside a shell block, as the body of a here-document that kubectl reads
// (`cat <<EOF | kubectl apply -f -`, `kubectl apply -f - <<EOF`) or that writes a .yaml file
// (`cat <<EOF > app.yaml`): that body is what kubectl applies, so it is read here too, as YAML.
import { isMap, isPair, isScalar, LineCounter, parseAllDocuments, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import type { LintDocument } from './document.ts';
import { codeFences, type CodeFence } from './fences.ts';
import { blockLanguage } from '../parse/language.ts';
import { heredocBodies } from './shell.ts';

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
  /** Read from the body of a here-document in a shell block (the line of its `<<`), not a YAML block. */
  heredoc?: number;
}

const YAML_INFO = new Set(['yaml', 'yml']);

const cache = new WeakMap<LintDocument, YamlBlock[]>();

export function yamlBlocks(doc: LintDocument): YamlBlock[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const out: YamlBlock[] = [];
  for (const fence of codeFences(doc)) {
    if (fence.close > doc.lineCount) continue;
    if (YAML_INFO.has(fence.info)) {
      if (!describeOutput(doc, fence)) out.push(...readYaml(doc, fence, fence.open + 1, fence.close));
    } else if (fence.info === '' || blockLanguage(fence.info) === 'shell') {
      for (const h of manifestHeredocs(doc, fence)) out.push(...readYaml(doc, fence, h.from, h.to, h.at));
    }
  }
  cache.set(doc, out);
  return out;
}

// What `kubectl describe` prints opens with these fields, in this order (k8s.io/kubectl pkg/describe:
// "Name:", "Namespace:", "Labels:", "Annotations:" for every object). It looks like YAML and is not: the
// items of a list follow one another with no "-" (two stages each print "Max Concurrency:" in one
// mapping, azure-aks-docs kubernetes-fleet/howto-staged-update-run.md), keys hold spaces ("API Version").
const DESCRIBE_HEAD = ['Name', 'Namespace', 'Labels', 'Annotations'];

/** A ```yaml block that is `kubectl describe` output: its first lines are Name:, Namespace:, Labels:, Annotations:. */
function describeOutput(doc: LintDocument, fence: CodeFence): boolean {
  const keys: string[] = [];
  for (let n = fence.open + 1; n < fence.close && keys.length < DESCRIBE_HEAD.length; n++) {
    const t = doc.line(n).trim();
    if (t === '') continue;
    keys.push(/^([A-Za-z ]+):/.exec(t)?.[1] ?? '');
  }
  return keys.length === DESCRIBE_HEAD.length && keys.every((k, i) => k === DESCRIBE_HEAD[i]);
}

/** The YAML documents of page lines [from, to) of a fence (its indentation removed). */
function readYaml(doc: LintDocument, fence: CodeFence, from: number, to: number, heredoc?: number): YamlBlock[] {
  const out: YamlBlock[] = [];
  // A block inside a list item is indented like its fence: that indentation is not YAML's.
  const indent = /^\s*/.exec(doc.line(fence.open))?.[0].length ?? 0;
  const lines: string[] = [];
  const cut: number[] = [];
  for (let n = from; n < to; n++) {
    const t = doc.line(n);
    const strip = /^\s*/.exec(t)![0].length >= indent ? indent : 0;
    cut.push(strip);
    lines.push(t.slice(strip));
  }
  if (lines.length === 0) return out;
  const counter = new LineCounter();
  const parsed = parseAllDocuments(lines.join('\n'), { uniqueKeys: false, lineCounter: counter, prettyErrors: false });
  // A block that is not valid YAML (an excerpt with "...", a template placeholder) is not judged.
  if (!Array.isArray(parsed) || parsed.some((d) => d.errors.length > 0)) return out;
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = counter.linePos(offset);
    return { line: from - 1 + line, column: col + (cut[line - 1] ?? 0) };
  };
  for (const doc of parsed) {
    const top = doc.contents;
    const workflow = isMap(top) && ['on', 'jobs'].every((k) => top.items.some((p) => isScalar(p.key) && p.key.value === k));
    const [start, , end] = doc.range;
    out.push({ fence, doc, workflow, at, from: at(start).line, to: at(Math.max(end - 1, start)).line, ...(heredoc !== undefined ? { heredoc } : {}) });
  }
  return out;
}

// Here-documents (`<<EOF`, `<<-EOF`, `<< 'EOF'`: a quoted word only stops expansion) are found by
// heredocBodies (shell.ts). What makes a here-document a manifest: kubectl reads it (on the same line, piped or `-f -`), or it
// is written to a .yaml/.yml file. Anything else (a JSON body, a script, a config file) is not YAML
// the page applies to a cluster, and is left alone.
const KUBECTL = /(^|[\s|;&(])kubectl\s/;
const YAML_FILE = />\s*['"]?[^\s'"|;&]+\.ya?ml\b/;

/** The bodies of the manifest here-documents of a shell block: page lines [from, to), and the `<<` line. */
function manifestHeredocs(doc: LintDocument, fence: CodeFence): { at: number; from: number; to: number }[] {
  // A body never closed inside the block is not a whole manifest: not judged.
  return heredocBodies(doc, fence.open + 1, fence.close - 1)
    .filter((h) => KUBECTL.test(doc.line(h.at)) || YAML_FILE.test(doc.line(h.at)))
    .map((h) => ({ at: h.at, from: h.from, to: h.to + 1 }));
}

/** Every mapping of a block, with its pairs. */
export function mappings(block: YamlBlock): YAMLMap[] {
  const out: YAMLMap[] = [];
  visit(block.doc, { Map: (_, node) => void out.push(node) });
  return out;
}

/** The pair of a mapping whose key is the scalar `name` (`apiVersion`, `metadata`…). */
export function pairNamed(map: YAMLMap, name: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === name);
}

/** A pair's key as text (scalars only), and the offset it starts at. */
export function keyOf(pair: Pair): { name: string; offset: number } | undefined {
  if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return undefined;
  return { name: String(pair.key.value), offset: pair.key.range[0] };
}
