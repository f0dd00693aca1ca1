// What the shell rules share: which commands bash reads (a PowerShell or HTTP block is not bash),
// where a fenced block ends, and the shell variables a page assigns. Words come from the one word
// splitter (parse/shell-words.ts) through LintDocument; these helpers read only lines and words.
import type { CommandView, LintDocument } from './document.ts';
import { everyWord, isHeredocEnd, tokenizeShell, type ShellWord } from '../parse/shell-words.ts';

/** A command bash reads: from a shell fence (bash, azurecli, console…) or outside any fence. */
export function isBash(command: CommandView): boolean {
  const lang = command.step.language;
  return lang === undefined || lang === 'shell';
}

export function bashCommands(doc: LintDocument): CommandView[] {
  return doc.commands.filter(isBash);
}

const FENCE = /^\s*(```|~~~)/;

/** True when line `n` closes (or opens) a fence, or is past the end of the text. */
export function isFenceOrEnd(doc: LintDocument, n: number): boolean {
  return n > doc.lineCount || FENCE.test(doc.line(n));
}

/** The line of the fence that opens the block holding line `n` (1 when none is above it). */
export function openingFence(doc: LintDocument, n: number): number {
  let open = n;
  while (open > 1 && !FENCE.test(doc.line(open))) open--;
  return open;
}

/** True when `text` ends inside a quote, `$(` or backtick: bash reads on whatever the next line holds. */
export function endsInsideQuote(text: string): boolean {
  return tokenizeShell(text).error !== undefined;
}

// `local name="$1"` inside a function of a script the page shows (azure-management-docs @d923d588
// azure-arc/agents-tools-foundry-local/connect-file-share-kerberos-setup.md's check() helper) assigns
// too, as do declare, typeset and readonly (GNU Bash Reference Manual §4.2, Bash Builtin Commands).
const LINE_ASSIGN = /^\s*(?:(?:export|local|readonly|(?:declare|typeset)(?:\s+-\w+)*)\s+)?([A-Za-z_][A-Za-z0-9_]*)=\S/;
// `read name` / `for name in …` on a line of its own (a line after "&&" is not always a step of its own)
const LINE_READ = /^\s*(?:read\s+(?:-[a-z]+\s+(?:"[^"]*"\s+)?)*|for\s+)([A-Za-z_][A-Za-z0-9_]*)\b/;
const ASSIGN = /^(?:export\s+|declare\s+(?:-\w+\s+)*|local\s+|readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * Shell variables the page assigns in any bash command (`name=…`, `export name=…`, `read name`,
 * `for name in`), with the first line that assigns each.
 */
export function assignedVariables(doc: LintDocument): Map<string, number> {
  const out = new Map<string, number>();
  const note = (name: string, line: number) => {
    if (!out.has(name)) out.set(name, line);
  };
  // Lines the parser did not make a step of (a lone `name=value` in a block) assign too.
  for (let n = 1; n <= doc.lineCount; n++) {
    const m = LINE_ASSIGN.exec(doc.line(n)) ?? LINE_READ.exec(doc.line(n));
    if (m) note(m[1]!, n);
  }
  for (const command of bashCommands(doc)) {
    const words = command.words;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      // (the words of a command substitution are not walked: what it assigns, a subshell forgets)
      const starts = i === 0 || (!words[i - 1]!.quoted && ['|', ';', '&', '&&', '(', 'export', 'declare', 'local', 'readonly'].includes(words[i - 1]!.value));
      if (!starts) continue;
      const m = ASSIGN.exec(w.raw);
      if (m) note(m[1]!, w.line);
      if ((w.value === 'read' || w.value === 'for') && words[i + 1] && /^[A-Za-z_]\w*$/.test(words[i + 1]!.value)) note(words[i + 1]!.value, w.line);
      // let "name=expr" …: each argument is an arithmetic assignment (the azure-docs CLI samples' let "randomIdentifier=$RANDOM*$RANDOM").
      if (w.value === 'let') for (const a of words.slice(i + 1)) {
        if (a.line !== w.line) break;
        const m = /^([A-Za-z_]\w*)=/.exec(a.value);
        if (m) note(m[1]!, a.line);
      }
    }
  }
  return out;
}

/** Each `$name` / `${name…}` a bash command of the page expands (not in single quotes, not in a PowerShell-style block). */
export function bashVariableUses(doc: LintDocument): { name: string; command: CommandView; word: ShellWord; offset: number; defaulted: boolean }[] {
  const out: { name: string; command: CommandView; word: ShellWord; offset: number; defaulted: boolean }[] = [];
  for (const command of bashCommands(doc)) {
    // a block written for PowerShell keeps its own variables
    if (/^\s*\$\w+\s*=/.test(doc.line(command.step.source.startLine))) continue;
    // Each word once, a substitution's own words included; in the word holding a substitution its
    // text is left to those words, which know their quotes and their lines.
    for (const word of everyWord(command.words))
      for (const { offset, state } of dollarsIn(word.raw)) {
        if (state === 'single' || word.substitutions?.some((s) => offset >= s.from && offset < s.to)) continue;
        const rest = word.raw.slice(offset);
        const m = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/.exec(rest);
        const name = m?.[1] ?? m?.[2];
        if (name) out.push({ name, command, word, offset, defaulted: /^\$\{\w+:?[-=?+]/.test(rest) });
      }
  }
  return out;
}

// Set by bash, the login session, Cloud Shell or the Azure hosts the tutorials run on.
export const SHELL_ENVIRONMENT: ReadonlySet<string> = new Set([
  'HOME', 'USER', 'PATH', 'PWD', 'OLDPWD', 'SHELL', 'RANDOM', 'HOSTNAME', 'IFS', 'LANG', 'TERM', 'UID', 'EUID', 'PPID', 'SECONDS', 'LINENO',
  'BASH', 'BASH_VERSION', 'EDITOR', 'TMPDIR', 'REPLY', 'OSTYPE', 'IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'MSI_ENDPOINT', 'MSI_SECRET', 'ACC_CLOUD',
  'AZURE_HTTP_USER_AGENT', 'GITHUB_WORKSPACE', 'GITHUB_OUTPUT', 'GITHUB_ENV',
]);

/**
 * A variable the page assigns under a near spelling of `name`: one value named two ways. Twins are
 * the same letters up to case, "_" and "-" (AKS_NAME, AKSNAME), or the same name with a "name" suffix
 * more or less (FEDERATED_IDENTITY_CREDENTIAL, FEDERATED_IDENTITY_CREDENTIAL_NAME) when the assigned
 * one holds a value the page writes (not one captured from a command: FW_PUBLIC_IP=$(az … --query
 * ipAddress) is an address, not the FW_PUBLICIP_NAME it was read with). Environment variables are
 * nobody's twin. bash names are exact and case-sensitive, so the other spelling expands to "".
 */
export function assignedTwin(doc: LintDocument, name: string, assigned: ReadonlyMap<string, number>): { name: string; line: number } | undefined {
  if (SHELL_ENVIRONMENT.has(name)) return undefined;
  const norm = (n: string) => n.toLowerCase().replace(/[_-]/g, '');
  const a = norm(name);
  for (const [other, line] of assigned) {
    if (other === name) continue;
    const b = norm(other);
    if (a === b) return { name: other, line };
    const captured = new RegExp(`\\b${other}=\\s*["']?(?:\\$\\(|\`)`).test(doc.line(line));
    if ((a === b + 'name' || b === a + 'name') && !captured) return { name: other, line };
  }
  return undefined;
}

export type QuoteState = 'unquoted' | 'single' | 'double';

/** Each unescaped `$` of a word as written, with the quotes it stands in. */
export function dollarsIn(raw: string): { offset: number; state: QuoteState }[] {
  const out: { offset: number; state: QuoteState }[] = [];
  walkQuotes(raw, raw.length, (i, state) => {
    if (raw[i] === '$') out.push({ offset: i, state });
  });
  return out;
}

/** The quotes that offset `at` of a word as written stands in. */
export function quoteStateAt(raw: string, at: number): QuoteState {
  return walkQuotes(raw, at, () => {});
}

/** Calls `visit` for each character before `end` that is not a quote or an escape, with its quote state. */
export function walkQuotes(raw: string, end: number, visit: (i: number, state: QuoteState) => void): QuoteState {
  let state: QuoteState = 'unquoted';
  for (let i = 0; i < end && i < raw.length; i++) {
    const c = raw[i]!;
    if (state === 'single') {
      if (c === "'") state = 'unquoted';
      else visit(i, state);
      continue;
    }
    if (c === '\\') i++;
    else if (c === "'" && state === 'unquoted') state = 'single';
    else if (c === '"') state = state === 'double' ? 'unquoted' : 'double';
    else visit(i, state);
  }
  return state;
}

/**
 * The one literal value the page gives a shell variable (`VM_IMAGE=debian`, `export VM_IMAGE="debian"`),
 * or undefined when it assigns none, several, or a computed one.
 */
export function literalAssignment(doc: LintDocument, name: string): { value: string; line: number } | undefined {
  const found: { value: string; line: number }[] = [];
  const assign = new RegExp(`^\\s*(?:export\\s+|declare\\s+|local\\s+|readonly\\s+)?${name}=(.*)$`);
  for (let n = 1; n <= doc.lineCount; n++) {
    if (doc.isProse(n)) continue;
    const m = assign.exec(doc.line(n));
    if (!m) continue;
    const v = /^(["']?)([A-Za-z0-9][\w.:-]*)\1\s*(?:#.*)?$/.exec(m[1]!.trim());
    if (!v) return undefined; // computed, quoted with spaces, or a substitution: not a literal
    found.push({ value: v[2]!, line: n });
  }
  return found.length > 0 && found.every((f) => f.value === found[0]!.value) ? found[0] : undefined;
}

/** `<<EOF`, `<<-EOF`, `<< 'EOF'` (not `<<<`): the dash, the quote and the delimiter word. */
export const HEREDOC = /(?<!<)<<(?!<)(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;

/**
 * The here-document bodies between `from` and `to` (page lines): each opening line, and the body's
 * first and last lines (the delimiter line excluded). The body ends at the line that is the word
 * alone (isHeredocEnd, as the parser reads it). A body not closed by `to` is not returned.
 */
export function heredocBodies(doc: LintDocument, from: number, to: number): { at: number; from: number; to: number }[] {
  const out: { at: number; from: number; to: number }[] = [];
  for (let n = from; n <= to; n++) {
    const m = HEREDOC.exec(doc.line(n));
    if (!m) continue;
    const word = m[3]!;
    let end = n + 1;
    while (end <= to && !isHeredocEnd(doc.line(end), word)) end++;
    if (end > to) break;
    out.push({ at: n, from: n + 1, to: end - 1 });
    n = end;
  }
  return out;
}
