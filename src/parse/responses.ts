// Response attachment: JSON, HTTP transcripts and text shown after a step become that step's
// expectation, or an example when a lead-in introduces request parameters. Prose paragraphs are read
// here too, because they decide it: the last paragraph before a block is its lead-in.
import type { Expectation, TextExpectation } from '../model.ts';
import { enterSection, isRenderedHeading } from './blocks.ts';
import { httpExpectation, isTranscriptLine } from './http.ts';
import { readIncludes, shellCodeInclude } from './includes.ts';
import { blockLanguage } from './language.ts';
import { jsonExpectation } from './json-expectation.ts';
import { scanJsonEnd, type JsonScanState } from './json-reader.ts';
import { BULLET_ITEM, F_COMMAND, F_HASH, F_ITEM, F_JSON, F_PROGRESS, F_STATUS, isBlank, prefixLength, trimEndAll } from './lines.ts';
import { takeRequestBody } from './request.ts';
import { Role, type ScanState } from './scan-state.ts';
import type { Fence } from './structure.ts';

/** A lead-in sentence that introduces a response. */
const RESPONSE_LEADIN = /\b(?:respon[sd]\w*|output|returns?|contents?|result)\b/i;
/**
 * A lead-in that tells the reader to run a command or send a request of its own ("To list them, run
 * the following command:", "Next, call the API:"): a response after it is not the earlier step's.
 * The imperative opens a sentence or follows a leading clause; prose about what a command shows
 * ("This command may take a few minutes to run. It displays the following:") is not one.
 */
const COMMAND_LEADIN = /(?:^|[.!?]\s+|,\s+)(?:(?:then|next|now|first|finally),?\s+)?(?:run|execute|enter|type|call|send|issue|invoke|use|paste)\b[^.!?]*\b(?:command|cmdlet|request|script|following|api)\b[^.!?]*:$/i;
const SHOWS_OUTPUT = /\b(?:display|show|print|look|similar to|like the following)/i;
/** Fenced blocks that hold data, not something the reader runs: they do not stand between a request and its response. */
const DATA_LANGUAGES: ReadonlySet<string> = new Set(['json', 'yaml', 'xml', 'output']);
/**
 * A lead-in that sends the reader to look somewhere else than the command's output — the web app,
 * the browser, the portal, a viewer, the endpoint that received it ("View your web app to see the
 * event you just sent."): what follows is what that place shows, not the step's response.
 */
const ELSEWHERE_LEADIN = /\b(?:(?:view|open|check|refresh|browse to|navigate to|go (?:back )?to|switch to|return to)\s+(?:to\s+)?(?:your|the)\s+(?:web ?app|site|browser|portal|viewer|endpoint|logs?|log stream)\b|\bin (?:the|your) (?:web ?app|browser|portal|viewer)\b|\b(?:web ?app|viewer|endpoint|browser|portal) (?:shows|displays|receives|lists)\b)/i;
/**
 * A lead-in about a file the reader writes ("A settings file after this operation might look similar
 * to the following:", "Create a file named `parameters.json` with this content:"): what follows is that
 * file's content, not the previous command's response, unless the lead-in also says output or response.
 */
const FILE_LEADIN = /\b(?:file|[\w-]+\.(?:json|ya?ml|xml|bicep|tf|ps1|sh|txt))\b/i;
/** Words by which a lead-in about a file still says the block is what the command printed ("contents" alone names the file's). */
const OUTPUT_WORDS = /\b(?:respon[sd]\w*|output|returns?|result|prints?|displays?)\b/i;
/** A lead-in that introduces request parameters rather than a response. */
const EXAMPLE_LEADIN = /\b(?:request parameters|following (?:http )?(?:request )?parameters|request body|parameters? (?:in|for) the body)\b/i;

/** The JSON start after a progress line (blank lines allowed between), or -1. */
export function nextJson(st: ScanState, i: number, to: number): number {
  let k = i + 1;
  while (k < to && st.isBlankAt(k) && !st.isBoundary(k)) k++;
  return k < to && !st.isBoundary(k) && st.has(k, F_JSON) ? k : -1;
}

/**
 * `authorizationrules⏎{⏎  c:[type=="x"] => permit();⏎};` (Azure Attestation's policy grammar, or any
 * curly-brace language in a block with no language): a `{` alone on its line under a bare word that
 * names the block, in a fence whose text ends statements with `;`. That is the body of a named block,
 * not a JSON value: JSON has no `;` outside strings and no bare word before a value.
 */
export function namedBlockBody(st: ScanState, i: number, fence: Fence): boolean {
  if (st.content(i).trim() !== '{') return false;
  let k = i - 1;
  while (k > fence.open && st.isBlankAt(k)) k--;
  if (k <= fence.open) return false;
  const header = st.content(k).trim();
  if (!/^[A-Za-z_][\w-]*$/.test(header) || /^(?:true|false|null)$/.test(header)) return false;
  for (let m = fence.open + 1; m < fence.close; m++) if (!st.isBlankAt(m) && st.content(m).trimEnd().endsWith(';')) return true;
  return false;
}

/**
 * A script's statement block: `{` alone on its line right under a control header (`do`, `if(…)`,
 * `foreach (…)`, `try`, `else`…). Pages of 2018–2019 write PowerShell loops as indented code in list
 * items (azure-docs site-recovery hyper-v-vmm-powershell-resource-manager.md: `do⏎{⏎  $isNotInstalled =
 * $true;⏎…}While($isNotInstalled)`), where no fence language says PowerShell. No JSON value follows a
 * keyword or a parenthesised condition, so the block is code. Returns the line after the brace that
 * closes it, or -1.
 */
export function statementBlockEnd(st: ScanState, i: number, to: number): number {
  if (st.content(i).trim() !== '{') return -1;
  let k = i - 1;
  while (k >= 0 && st.isBlankAt(k) && !st.isBoundary(k)) k--;
  if (k < 0 || st.isBoundary(k) || !CONTROL_HEADER.test(st.content(k).trim())) return -1;
  let depth = 0;
  for (let m = i; m < to; m++) {
    if (m > i && st.isBoundary(m)) return -1;
    // Braces inside quotes ("Job State:{0}") are a string's text.
    for (const c of st.content(m).replace(/"(?:[^"`\\]|[`\\].)*"|'[^']*'/g, '')) {
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return m + 1;
    }
  }
  return -1;
}

/** A control statement's header, before its block: PowerShell's and the C family's keywords. */
const CONTROL_HEADER = /^(?:do|else|try|finally|begin|process|end|(?:if|elseif|else\s+if|while|for|foreach|switch|until|catch)\s*\(.*\)|catch(?:\s*\[[\w.]+\])?|function\s+[\w-]+(?:\s*\(.*\))?)$/i;

export function readJsonResponse(st: ScanState, i: number, to: number, fence: Fence | undefined): number {
  let jsonStart = i;
  if (!st.has(i, F_JSON)) jsonStart = nextJson(st, i, to);
  const state: JsonScanState = { depth: 0, inString: false, escape: false };
  let end = -1;
  let lastNonBlank = jsonStart;
  for (let k = jsonStart; k < to; k++) {
    if (k > jsonStart) {
      if (st.isBoundary(k) || st.role[k] === Role.Marker) break;
      if (st.isBlankAt(k)) {
        let m = k + 1;
        while (m < to && st.isBlankAt(m)) m++;
        // A `//` comment after the blank lines, inside a value still open, is that value's (a page's
        // explanation between members): the block goes on, and is read as the commented JSON it is.
        // Indents of Unicode spaces (U+202F on azure-arc vmware-vsphere/built-in-roles.md) are still the
        // value's lines: what JSON thinks of those characters is the lint's to say, not where the block ends.
        if (m >= to || st.isBoundary(m)) break;
        const next = st.content(m).trimStart();
        if ( !(/^(?:[{}[\]",:\d-]|true\b|false\b|null\b)/.test(next) || (state.depth > 0 && !state.inString && next.startsWith('//')))) break;
        k = m - 1; // the whole run of blank lines is decided at once
        continue;
      }
      if (state.depth <= 1 && !state.inString && (st.has(k, F_COMMAND) || st.has(k, F_HASH))) break;
    }
    const text = k === jsonStart ? st.content(k) : st.lines[k]!;
    lastNonBlank = k;
    // a `//` comment ends with its line: scanning line by line needs no newline appended
    if (scanJsonEnd(text, 0, state) >= 0) {
      end = k;
      break;
    }
  }
  if (end < 0) {
    end = lastNonBlank;
    st.diag('unterminated-json', 'warning', jsonStart + 1, 'a JSON block starts here but its brackets never balance; it is kept as invalid JSON');
  }
  if (fence && end >= 0) end = strayClosers(st, end, to);
  const lines = st.lines.slice(i, end + 1);
  const exp = jsonExpectation(lines, { file: st.file, startLine: i + 1, endLine: end + 1 });
  if (fence) exp.language = blockLanguage(fence.info);
  attach(st, exp, i, end);
  return end + 1;
}

/**
 * The JSON value closes at line `end`, yet the fence goes on with nothing but closing braces or
 * brackets (first-query-rest-api.md: `"query": "…"⏎ }⏎ }`): the reader copies the whole block, which
 * is not JSON. The block keeps those lines, so the example reads as the invalid JSON it is.
 */
function strayClosers(st: ScanState, end: number, to: number): number {
  let last = end;
  let k = end + 1;
  for (; k < to; k++) {
    if (st.isBlankAt(k)) continue;
    if (!/^[}\]]+,?$/.test(st.content(k).trim())) return end;
    last = k;
  }
  return last;
}

export function readTranscript(st: ScanState, i: number, to: number, fence: Fence | undefined): number {
  let last = i;
  let k = i + 1;
  while (k < to && !st.isBoundary(k)) {
    if (st.isBlankAt(k)) {
      let m = k + 1;
      while (m < to && st.isBlankAt(m)) m++;
      if (m < to && !st.isBoundary(m) && st.has(m, F_STATUS)) {
        k = m;
        continue;
      }
      break;
    }
    if (!isTranscriptLine(st.content(k))) break;
    last = k;
    k++;
  }
  const exp = httpExpectation(st.lines.slice(i, last + 1), { file: st.file, startLine: i + 1, endLine: last + 1 });
  if (fence) exp.language = blockLanguage(fence.info);
  attach(st, exp, i, last);
  return last + 1;
}

function attach(st: ScanState, exp: Expectation, first: number, last: number) {
  if (takeRequestBody(st, exp, first, last)) return;
  const lead = st.leadIn !== undefined ? st.leadText() : undefined;
  let exampleLead = false;
  if (st.leadIn && lead !== undefined) {
    let cue = false;
    for (let k = st.leadIn.start; k <= st.leadIn.end && !cue; k++) cue = st.cont[k]!.includes('aramet') || st.cont[k]!.includes('body');
    exampleLead = cue && EXAMPLE_LEADIN.test(lead);
  }
  const elsewhere = lead !== undefined && ELSEWHERE_LEADIN.test(lead);
  const fileContent = lead !== undefined && FILE_LEADIN.test(lead) && !OUTPUT_WORDS.test(lead);
  st.leadIn = undefined;
  if (st.recentProse.length > 0) st.recentProse = []; // prose about a response is not the next command's lead-in
  if (exp.kind === 'json' && (exampleLead || elsewhere || fileContent || !st.pending)) {
    st.examples.push({ source: exp.source, json: exp });
    for (let k = first; k <= last; k++) st.role[k] = Role.Example;
    if (fileContent && st.pending) st.diag('json-file-content', 'info', first + 1, 'the lead-in says this JSON is a file\'s content, not the previous step\'s output: kept as an example');
    else if (elsewhere && st.pending) st.diag('json-shown-elsewhere', 'info', first + 1, 'the lead-in sends the reader to another place (a web app, the browser, the portal) to see this JSON: kept as an example, not the previous step\'s response');
    else if (!exampleLead) st.diag('json-without-step', 'info', first + 1, 'JSON follows no step that lacks a response; kept as an example');
    return;
  }
  if (!st.pending) {
    st.diag('response-without-step', 'info', first + 1, `a ${exp.kind} response follows no step that lacks one; ignored`);
    for (let k = first; k <= last; k++) st.role[k] = Role.Code;
    return;
  }
  st.pending.expectation = exp;
  for (const twin of st.pendingTwins) twin.expectation ??= exp;
  for (let k = first; k <= last; k++) {
    st.role[k] = Role.Expectation;
    st.lineStep[k] = st.pending;
  }
  st.pending = undefined;
}

function textExpectation(st: ScanState, first: number, last: number, fence: Fence | undefined) {
  const lines = st.lines.slice(first, last + 1);
  let p = Infinity; // the smallest container prefix of a non-blank line (no spread: a block may be long)
  for (const l of lines) if (!isBlank(l)) p = Math.min(p, prefixLength(l));
  const text = lines.map((l) => l.slice(Math.min(p, prefixLength(l)))).join('\n');
  const exp: TextExpectation = { kind: 'text', source: { file: st.file, startLine: first + 1, endLine: last + 1 }, raw: lines.join('\n'), text };
  if (fence) exp.language = blockLanguage(fence.info);
  attach(st, exp, first, last);
}

function isSpecial(st: ScanState, k: number, to: number): boolean {
  const f = st.flags[k]!;
  if (f === 0) return false;
  return (
    (f & (F_COMMAND | F_JSON | F_STATUS | F_ITEM)) !== 0 ||
    ((f & F_HASH) !== 0 && st.commentInGroup(k)) ||
    ((f & F_PROGRESS) !== 0 && nextJson(st, k, to) >= 0)
  );
}

export function readProse(st: ScanState, i: number, to: number): number {
  let k = i;
  while (k + 1 < to && st.continues(k + 1, to) && st.role[k + 1] !== Role.Marker && !isSpecial(st, k + 1, to)) k++;
  if (st.form === 'rendered' && k === i && isRenderedHeading(st, i)) {
    enterSection(st, i, trimEndAll(st.lines[i]!).trim(), 2);
    return i + 1;
  }
  // DocFX directives (:::image:::, :::zone:::, [!INCLUDE], [!NOTE]) are neither lead-ins nor text.
  const first = st.cont[i]!;
  if (first.startsWith(':::') || first.startsWith('[!')) {
    if (first.includes('[!INCLUDE')) readIncludes(st, i, trimEndAll(first));
    const script = shellCodeInclude(first);
    if (script !== undefined) st.diag('code-include', 'warning', i + 1, `the page shows a shell script from ${script} (a DocFX code include); this tool reads [!INCLUDE] files only, so that script's commands are neither run nor linted`);
    return i + 1; // the directive line alone: a note's text below it is prose
  }
  // An HTML comment on lines of its own (`<!-- expected_similarity=0.3 -->`, the annotation Innovation
  // Engine reads between "Example output:" and its block) is not rendered: it is neither the lead-in's
  // text nor a lead-in of its own, so the block after it stays the response the lead-in introduces.
  if (first.startsWith('<!--') && trimEndAll(st.cont[k]!).endsWith('-->')) return k + 1;
  // Short text right after "The response contains …:" is the response itself; a list (ordered or
  // bulleted: "- **Vault URI**: …") after it names fields of the output, it does not quote it.
  if (st.pending && k - i < 3 && st.leadIn && !st.has(i, F_ITEM) && !BULLET_ITEM.test(st.content(i)) && !trimEndAll(st.content(k)).endsWith(':')) {
    const lead = st.leadText();
    if (lead.endsWith(':') && RESPONSE_LEADIN.test(lead)) {
      textExpectation(st, i, k, undefined);
      return k + 1;
    }
  }
  st.paragraphs.push({ start: i, end: k });
  st.recentProse.push({ start: i, end: k });
  st.leadIn = { start: i, end: k };
  if (st.pending) {
    const text = st.leadText();
    if (text.endsWith(':') && COMMAND_LEADIN.test(text) && !RESPONSE_LEADIN.test(text) && !SHOWS_OUTPUT.test(text)) st.pending = undefined;
  }
  for (let m = i; m <= k; m++) {
    if (st.cont[m]!.includes('[!')) {
      readIncludes(st, i, st.paragraphText(i, k));
      break;
    }
  }
  return k + 1;
}

export function readFenceText(st: ScanState, i: number, to: number, fence: Fence, startsStep?: (k: number) => boolean): number {
  let k = i;
  // A line the block's reader makes a step of (in a shell block: an assignment, another program)
  // ends the text: text never swallows the commands after it.
  while (k + 1 < to && !isSpecial(st, k + 1, to) && !startsStep?.(k + 1)) k++;
  let last = k;
  while (last > i && st.isBlankAt(last)) last--;
  const lead = st.leadText();
  if (st.pending && (RESPONSE_LEADIN.test(lead) || /^(?:output|text|console)$/i.test(fence.info))) {
    textExpectation(st, i, last, fence);
  } else {
    st.diag('unrecognised-code', 'info', i + 1, `code block lines ${i + 1}-${last + 1} hold no command the parser knows and follow no step that awaits a response`);
    // Another block of code the reader runs (PowerShell, a program, a command the parser does not
    // know) stands between the earlier request and any response shown after it.
    const pending = st.pending;
    if (pending && pending.source.file === st.file && pending.source.startLine - 1 < fence.open && !DATA_LANGUAGES.has(blockLanguage(fence.info))) st.pending = undefined;
  }
  return k + 1;
}
