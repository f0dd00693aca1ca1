// Line-level recognisers shared by the document scanner: what a line of a tutorial looks like once
// its markdown container (indentation, blockquote markers) is set aside.
import { STATUS_LINE } from './http.ts';

/** A progress bar printed before a CLI's JSON: "Finished[#####…]  100.0000%". */
export const PROGRESS_LINE = /^\S*\[[#=>. -]*\]\s*\d+(?:\.\d+)?\s*%\s*$/;

/** Length of the indentation and blockquote markers in front of a line's content. */
export function prefixLength(line: string): number {
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n) {
      const c = line.charCodeAt(i);
      if (c !== 32 && c !== 9) break;
      i++;
    }
    if (i < n && line.charCodeAt(i) === 62 /* > */) {
      i++;
      continue;
    }
    return i;
  }
}

/** A line without its container prefix (indentation and `>` markers). */
export function contentOf(line: string): string {
  return line.slice(prefixLength(line));
}

/** Indentation in columns (tabs count 4), blockquote markers excluded. */
export function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

/** Blank for markdown: ASCII whitespace only (a line of NBSPs is text). */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 62) return false;
  }
  return true;
}

// `touch file` (one file name, nothing else on the line): a prose line never reads like that.
// `curl.exe`: the curl Windows ships (System32 since Windows 10 1803), which AI services quickstarts write
// for the command prompt; it takes curl's options.
// `az version: error: argument --query: invalid jmespath_type value: 'azure-cli'` is what az's argparse
// prints (its prog, "az version", then ": error:"), shown under the command that got it
// (azure-docs-cli use-azure-cli-successfully-quoting.md): output, not a command. So is `az vm image>>`, the
// prompt of az interactive scoped to a group (interactive-azure-cli.md), like `az>>` before it: what
// follows is typed into az interactive, not a shell.
const COMMAND_START = /^(?:curl(?:\.exe)?(?:\s|$)|az\s+(?![a-z][\w-]*(?:\s+[a-z][\w-]*)*(?::\s+error:|>>))[a-z]|echo(?:\s|$)|touch\s+[^\s-][^\s]*\s*$|(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=\$\()/;

/**
 * Programs a page tells the reader to run in a shell block besides az and curl. Only read inside a
 * shell fence (prose starts with such words too): the line is a command the http engine does not run
 * (a plain `name=value` assignment it does: it sets the variable; `se=2019-07-27&sp=r…`, a SAS token
 * shown as output, is no assignment). `oc` is the OpenShift CLI (Arc-enabled Kubernetes pages run
 * `oc adm policy …` lines under a `NS=…` assignment in one console block: commands, not its output).
 */
const PROGRAM_LINE = /^(?:sudo\s+)?(?:git|func|npm|npx|node|yarn|mvn|gradle|java|python3?|py|pip3?|dotnet|zip|unzip|tar|cd|mkdir|cat|ls|cp|mv|rm|chmod|source|\.|jq|openssl|wget|code|docker|kubectl|oc|helm|azcopy|ssh|scp|sed|grep|awk|base64|printf|sleep|read|set|unset|export|let|declare|typeset|readonly|apt-get|apt|brew|terraform|bicep|go|cargo|php|composer|ruby|gem|bundle)(?:\s|$)|^[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|`[^`]*`|\$\([^)]*\)|[^\s&;|'"`])*\s*$/;

export function isProgramLine(content: string): boolean {
  return PROGRAM_LINE.test(content) || TEST_COMMAND.test(content);
}

/** A line (content only) that begins a command the tutorial tells the reader to type. */
export function isCommandStart(content: string): boolean {
  return COMMAND_START.test(content);
}

/** `# text` — a shell comment when it sits in a command group, a heading otherwise. */
export function isHashLine(content: string): boolean {
  return /^#(?!#)/.test(content);
}

/** bash's `[ … ]` / `[[ … ]]` test closed on the line and followed by `&&`, `||` or `;`. */
const TEST_COMMAND = /^\[\[?\s.*\s\]\]?\s*(?:&&|\|\||;)/;

/** `{` or `[` opening a JSON value (markdown links and `[!NOTE]` excluded). */
export function isJsonStart(content: string): boolean {
  const c = content[0];
  // `{` opens JSON when what follows reads as a member ("name": …, or a bare key: as pages mistype
  // it) or nothing; `{ProviderNamespace : Microsoft.Batch` (PowerShell's formatted output) and
  // `{batchAccounts}` are not JSON.
  // `{ [664 bytes data]` is curl --verbose's trace of a body it received (`} […]` of one it sent) when
  // its output is no terminal (curl src/tool_cb_dbg.c: the "{ " prefix, then "[%zu bytes data]"): a
  // line of the transcript, not a JSON value (howto-deploy-java-quarkus-app.md's curl --verbose … | jq .).
  if (c === '{') return !/^\{ \[\d+ bytes data\]/.test(content) && /^\{\s*(?:$|["'{}[]|[A-Za-z_$][\w$-]*:)/.test(content);
  if (c !== '[') return false;
  // `[ "$principal" ] || principal=$(az …)` and `[[ -z $x ]] && …` are bash's test command (`[` is a
  // program, its last argument `]`), joined to the next command by a list operator: no JSON value is
  // followed by `&&`, `||` or `;` (azure-security-docs managed-hsm/how-to-secure-access.md).
  if (TEST_COMMAND.test(content)) return false;
  // `[3]: ./media/x.png` is a Markdown link reference definition (CommonMark 4.7), never JSON: no JSON
  // value is followed by a colon.
  if (/^\[[^\]]*\]:/.test(content)) return false;
  // `[1/3] Verify package files   100% | …` (dnf5's progress) and `[2024-05-01 10:00:00] …` (a log
  // line's stamp) open with a digit that no JSON number goes on from: an array's number is followed
  // by a comma, its closing bracket or the end of the line.
  // `[1]   Facility Services Subscription   0000…` (az login's subscription selector) numbers a row: a
  // closed array is followed by nothing, a comma or a bracket, never by words.
  if (/^\[\s*-?\d/.test(content)) return /^\[\s*-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*(?:$|,|\](?!\s*[^\s,\]}]))/.test(content);
  return /^\[\s*(?:$|[{["\]-]|true|false|null)/.test(content);
}

export function isProgressLine(content: string): boolean {
  return PROGRESS_LINE.test(content.trim());
}

export function isStatusLine(content: string): boolean {
  return STATUS_LINE.test(content);
}

/** `1. text` or `1) text`: an ordered list item. */
export const ORDERED_ITEM = /^(\d{1,3})[.)][ \t]+\S/;
export const BULLET_ITEM = /^(?:[-*+•][ \t]+\S)/;

/** Trailing whitespace a rendered page leaves behind, NBSP included. */
export function trimEndAll(s: string): string {
  let end = s.length;
  while (end > 0 && isSpaceLike(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** ASCII and Unicode whitespace, NBSP and zero-width characters included. */
export function isSpaceLike(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x85
  );
}

/** Bits of `lineFlags`. */
export const F_COMMAND = 1;
export const F_JSON = 2;
export const F_HASH = 4;
export const F_STATUS = 8;
export const F_ITEM = 16;
export const F_PROGRESS = 32;

/** What a line's content may start: one pass, dispatched on the first character. */
export function lineFlags(content: string): number {
  if (content.length === 0) return 0;
  const c = content.charCodeAt(0);
  let f = 0;
  if (c === 123 /* { */ || c === 91 /* [ */) {
    if (isJsonStart(content)) f |= F_JSON;
  } else if (c === 35 /* # */) {
    if (isHashLine(content)) f |= F_HASH;
  } else if (c >= 48 && c <= 57) {
    if (ORDERED_ITEM.test(content)) f |= F_ITEM;
  } else if (c === 72 /* H */ && content.startsWith('HTTP/')) {
    if (isStatusLine(content)) f |= F_STATUS;
  }
  if ((c === 99 || c === 97 || c === 101 || c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && isCommandStart(content)) f |= F_COMMAND;
  // a progress line ends with "%" (trailing spaces aside)
  let e = content.length - 1;
  while (e > 0 && (content.charCodeAt(e) === 32 || content.charCodeAt(e) === 9)) e--;
  if (content.charCodeAt(e) === 37 /* % */ && isProgressLine(content)) f |= F_PROGRESS;
  return f;
}

/** Markdown inline syntax removed: links, emphasis, code spans, escapes. */
export function plainInline(s: string): string {
  let t = s;
  if (t.includes('](')) t = t.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (t.includes('**')) t = t.replace(/\*\*([^*]+)\*\*/g, '$1');
  if (t.includes('__')) t = t.replace(/__([^_]+)__/g, '$1');
  if (t.includes('`')) t = t.replace(/`([^`]*)`/g, '$1');
  if (t.includes('\\')) t = t.replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1');
  return trimEndAll(t).trim();
}
