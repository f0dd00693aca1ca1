// Command recognition: how far a command runs (`\` continuations, an open quote, option lines
// written under it without `\`), and what it is once bash has split it into words (curl, az, an
// `echo … > file`, `var=$(curl … | jq …)`, `var=$(az … [| tr -d …])`, a `#` comment).
import type { AzStep, CharMark, HttpStep, ShellAction, ShellStep, Step } from '../model.ts';
import { parseAzArgv } from './az.ts';
import { azSynopsisEnd } from './az-synopsis.ts';
import { parseCurlArgv } from './curl.ts';
import { blockLanguage } from './language.ts';
import { F_HASH, indentOf } from './lines.ts';
import { marksInLine } from './marks.ts';
import { findCommandPlaceholders, findShellVariables, uniqueKeys } from './placeholders.ts';
import { Role, type ScanState } from './scan-state.ts';
import { tokenizeShell, type TokenizeResult } from './shell-words.ts';
import { toPipelines, type SimpleCommand } from './pipelines.ts';
import { promptedCommand } from './read-prompts.ts';
import type { Fence } from './structure.ts';

/** A line that opens a bash array and leaves it open: `NAME=(`, `declare -A NAME=(`, `local -a NAME+=(`. */
const ARRAY_OPENS = /(?:^|[\s;])[A-Za-z_]\w*\+?=\(\s*(?:#.*)?$/;

export function readCommand(st: ScanState, i: number, to: number, fence: Fence | undefined): number {
  let j = i;
  const c = st.content(i);
  let tk: TokenizeResult | undefined;
  const synopsisEnd = /^az\s/.test(c) ? azSynopsisEnd(st, i, to) : -1;
  if (synopsisEnd >= 0) return readSynopsis(st, i, synopsisEnd);
  if (!st.has(i, F_HASH)) {
    // `\` line continuations, exactly as bash reads them (the backslash must end the line); a line
    // ending in `&&`, `||` or `|` goes on too (bash reads the next command from the next line).
    while ((st.lines[j]!.endsWith('\\') || /(?:&&|\|\||\|)[ \t]*$/.test(st.lines[j]!)) && st.continues(j + 1, to)) j++;
    // An open quote makes bash read on; bounded by the paragraph. If it never closes, the
    // command keeps its own lines and the quote is reported.
    // A bash array written one element per line (`declare -A CERT_FILES=(` … `)`, `VARS=(` … `)`): bash reads
    // on to the closing parenthesis, and the elements (`["tls.crt"]="tls-client-cert-file"`) are the
    // command's, not an output (azure-aks-docs how-to-configure-container-network-logs.md).
    if (fence && ARRAY_OPENS.test(st.content(j))) {
      for (let k = j + 1; k < to; k++) {
        if (/^\s*\)/.test(st.content(k))) {
          j = k;
          break;
        }
      }
    }
    tk = tokenizeShell(st.rawOf(i, j));
    // A here-document's body (`cat <<EOF > body.json` … `EOF`) is the command's input: its lines are the
    // command's, through the delimiter line (or to the block's end, where bash reads to end of input).
    if (fence && tk.heredocs?.some((h) => !h.closed) && to - 1 > j) {
      const whole = st.rawOf(i, to - 1);
      const docs = tokenizeShell(whole).heredocs ?? [];
      const end = docs.length > 0 ? docs[docs.length - 1]!.end : 0;
      let last = i;
      for (let k = whole.indexOf('\n'); k >= 0 && k < end; k = whole.indexOf('\n', k + 1)) last++;
      if (last > j) {
        j = last;
        tk = tokenizeShell(st.rawOf(i, j));
      }
    }
    if (tk.error) {
      const m = quoteCloses(st, i, j, to);
      if (m > j) {
        j = m;
        tk = tokenizeShell(st.rawOf(i, m));
      }
    }
  }
  // Option lines written under an az/curl command without a trailing `\` (000-storage-sas.md:
  //   az storage blob upload --container-name
  //                          --file …)
  // Decision: model what bash does, and keep what the page shows. Bash runs the first line alone
  // (az then fails: --container-name expects a value) and each further line as a command of its
  // own ("--file: command not found"). So the step's argv/options are the first line's words only;
  // the step's source range and raw text still cover the whole visual group, its response is
  // attached to it, the other lines are listed in az.detachedLines, and a
  // "command-lines-without-continuation" diagnostic says all this. Captures may still point at a
  // detached option (--sas-token) so that the report can say which value the page meant.
  const commandEnd = j;
  const baseIndent = indentOf(st.lines[i]!);
  if (/^(?:az|curl)\s/.test(c)) {
    while (st.continues(j + 1, to) && /^-/.test(st.content(j + 1)) && indentOf(st.lines[j + 1]!) > baseIndent) j++;
  }
  const step = buildCommandStep(st, i, commandEnd, j, fence, tk);
  if (step) registerStep(st, i, j, step);
  return j + 1;
}

/** An az usage synopsis (az-synopsis.ts) is reference text: no step, no response waits on it. */
function readSynopsis(st: ScanState, i: number, j: number): number {
  for (let k = i; k <= j; k++) st.role[k] = Role.Code;
  const path = st.content(i).trim().split(/\s+/).filter((w) => /^[a-z][a-z0-9-]*$/.test(w));
  st.diag('az-usage-synopsis', 'info', i + 1, `lines ${i + 1}-${j + 1} are the usage synopsis of '${path.join(' ')}' (parameter names only, as the az reference writes them), read as reference text, not as a command to run`);
  st.pending = undefined;
  st.recentProse = [];
  st.leadIn = undefined;
  return j + 1;
}

/** Lines i..j are the step's: their role, the step in document order, the prose that led in to it. */
export function registerStep(st: ScanState, i: number, j: number, step: Step): void {
  {
    for (let k = i; k <= j; k++) {
      st.role[k] = Role.Command;
      st.lineStep[k] = step;
    }
    st.steps.push({ order: i, step });
    if (st.recentProse.length > 0) {
      st.stepProse.set(
        step,
        st.recentProse.map((p) => ({ text: st.paragraphText(p.start, p.end), line: p.start + 1 })),
      );
      st.recentProse = [];
    }
    if (!(step.kind === 'shell' && step.shell.kind === 'comment')) st.pending = step;
    st.leadIn = undefined;
  }
}

/**
 * The first line after `j` (a line that does not end with `\`, or the paragraph's last) at which
 * the command's text from line `first` leaves no quote, `$( … )` or backtick open; -1 when none
 * does. The paragraph is tokenized once: a text cut at a line end leaves a construct open exactly
 * when the construct opens before the cut and closes after it.
 */
function quoteCloses(st: ScanState, first: number, j: number, to: number): number {
  const ends: number[] = []; // candidate last lines
  let m = j;
  while (st.continues(m + 1, to)) {
    m++;
    while (st.lines[m]!.endsWith('\\') && st.continues(m + 1, to)) m++;
    ends.push(m);
  }
  if (ends.length === 0) return -1;
  const text = st.rawOf(first, ends[ends.length - 1]!);
  const spans: number[] = [];
  tokenizeShell(text, spans);
  let line = first;
  let cut = -1; // length of the text up to the end of `line`
  let s = 0;
  for (const end of ends) {
    while (line <= end) {
      cut = text.indexOf('\n', cut + 1);
      if (cut < 0) cut = text.length;
      line++;
    }
    while (s < spans.length && spans[s + 1]! < cut) s += 2;
    if (s >= spans.length || spans[s]! >= cut) return end;
  }
  return -1;
}

function buildCommandStep(st: ScanState, first: number, commandEnd: number, last: number, fence: Fence | undefined, tokenized?: TokenizeResult): Step | undefined {
  const commandText = st.rawOf(first, commandEnd);
  const raw = last === commandEnd ? commandText : st.rawOf(first, last);
  const source = { file: st.file, startLine: first + 1, endLine: last + 1 };
  let marks: CharMark[] = [];
  for (let k = first; k <= last; k++) {
    const m = marksInLine(st.lines[k]!, k + 1);
    if (m.length > 0) {
      if (marks.length === 0) marks = m;
      else for (const x of m) marks.push(x);
    }
  }
  const keys = uniqueKeys(findCommandPlaceholders(raw), findShellVariables(raw));
  // Every step object gets the same fields in the same order (one hidden class, no spreads).
  const base = { id: '', source, raw, section: st.section, marks, placeholders: keys, fence: fence?.info };
  const tk = tokenized ?? tokenizeShell(commandText);
  if (tk.error) {
    st.diag('unbalanced-quote', 'warning', first + 1 + (commandText.slice(0, tk.error.offset).split('\n').length - 1), `${tk.error.message}: bash would keep reading the following lines as part of this command; the parser reads the quote to the end of the command`);
  }
  const pipelines = toPipelines(tk.tokens);
  // `echo "Enter …" && read RG && az … $RG`: the prompts print and take the reader's value; the step is its one other command.
  const prompted = promptedCommand(pipelines);
  const alone = prompted?.command === undefined ? prompted?.reads : undefined;
  if (alone?.length === 1 && alone[0]!.variables.length === 1) {
    const variable = alone[0]!.variables[0]!;
    return finish({ ...base, placeholders: uniqueKeys(findCommandPlaceholders(raw), findShellVariables(raw), [{ spelling: `$${variable}`, index: 0 }]) }, { kind: 'shell', shell: { kind: 'assign', variable, pipeline: `$${variable}`, literal: true, read: true } });
  }
  const firstCmd = prompted?.command ?? pipelines[0]?.commands[0];
  if (!firstCmd || firstCmd.words.length === 0) {
    const comment = tk.tokens.find((t) => t.kind === 'comment');
    if (!comment || comment.kind !== 'comment') return undefined;
    return finish(base, { kind: 'shell', shell: { kind: 'comment', text: comment.text.replace(/^ /, '') } });
  }
  let commands = 0;
  for (const p of pipelines) commands += p.commands.length;
  const isAssign = /^[A-Za-z_][A-Za-z0-9_]*=/.test(firstCmd.words[0]!);
  let construct: string | undefined;
  if (prompted?.command === undefined && (pipelines.length > 1 || (commands > 1 && !isAssign))) {
    const extra = pipelines.length > 1 ? `${pipelines.length} commands (an unquoted ${JSON.stringify(pipelines[0]!.terminator ?? ';')} separates them)` : `a pipeline of ${commands} commands`;
    st.diag('several-commands', 'warning', first + 1, `bash reads ${extra} here; the step models the first`);
    construct = pipelines.length > 1 ? extra : `a pipeline (${pipelines[0]!.commands.map((c) => c.words[0] ?? '').join(' | ')})`;
  }
  // curl.exe (Windows' own curl, the command prompt's name for it) is read as the curl it is.
  const words = firstCmd.words[0] === 'curl.exe' ? ['curl', ...firstCmd.words.slice(1)] : firstCmd.words;
  if (construct === undefined && words.some((w) => w.includes('$(') || w.includes('`'))) construct = 'a command substitution $( … ) in its arguments';
  // `az … > out.json`: bash writes the output to a file a later step may read; running the command
  // alone would drop that file (and show output the reader never sees). /dev/null keeps nothing.
  // A `>` with no file after it is bash's syntax error, not a file (`--scope </subscriptions/id>`).
  const toFile = firstCmd.redirects.find((r) => (r.op === '>' || r.op === '>>' || r.op === '&>') && r.target !== '' && r.target !== '/dev/null');
  if (construct === undefined && toFile !== undefined && (words[0] === 'az' || words[0] === 'curl')) construct = `a redirection of the output to ${toFile.target} (${toFile.op} ${toFile.target})`;
  const detached = [];
  for (let k = commandEnd + 1; k <= last; k++) {
    const w = toPipelines(tokenizeShell(st.content(k)).tokens)[0]?.commands[0]?.words ?? [];
    detached.push({ line: k + 1, argv: w });
  }
  if (detached.length > 0) {
    st.diag(
      'command-lines-without-continuation',
      'warning',
      first + 1,
      `lines ${commandEnd + 2}-${last + 1} are written as options of this command but the line before them has no trailing "\\": bash runs "${commandText.trim()}" on its own and then each of those lines as a separate command (${detached.map((d) => JSON.stringify(d.argv[0] ?? '')).join(', ')}: command not found). The step keeps argv as bash passes it and lists those lines in detachedLines.`,
    );
  }
  if (words[0] === 'curl' || words[0] === 'az') {
    const step = buildToolStep(st, base, words, detached, first);
    if (construct !== undefined) step.shellConstruct = construct;
    return step;
  }
  const shell = shellAction(st, firstCmd, pipelines[0]!.commands, first);
  // $RANDOM is bash's, new at each expansion: no placeholder of the page.
  if (shell.kind === 'assign' && shell.generator === 'bash-random') return finish({ ...base, placeholders: base.placeholders.filter((p) => p !== 'RANDOM') }, { kind: 'shell', shell });
  return finish(base, { kind: 'shell', shell });
}

function buildToolStep(st: ScanState, base: Parameters<typeof finish>[0], words: string[], detached: { line: number; argv: string[] }[], first: number): Step {
  if (words[0] === 'curl') {
    const curl = parseCurlArgv(words.slice(1));
    if (curl.unknownFlags.length > 0) st.diag('unknown-curl-flag', 'info', first + 1, `curl options not modelled: ${curl.unknownFlags.join(' ')}`);
    if (curl.extraUrls.length > 0)
      st.diag('extra-curl-url', 'warning', first + 1, `curl reads ${curl.extraUrls.map((u) => JSON.stringify(u)).join(', ')} as further URL(s) and requests each of them`);
    if (curl.url === '') st.diag('curl-without-url', 'warning', first + 1, 'curl command without a URL');
    return finish(base, { kind: 'http', curl });
  }
  const az = parseAzArgv(words.slice(1));
  if (detached.length > 0) az.detachedLines = detached;
  return finish(base, { kind: 'az', az });
}

export function finish(
  base: { id: string; source: Step['source']; raw: string; section: string; marks: CharMark[]; placeholders: string[]; fence: string | undefined },
  body: { kind: 'http'; curl: HttpStep['curl'] } | { kind: 'az'; az: AzStep['az'] } | { kind: 'shell'; shell: ShellAction },
): Step {
  const step = { kind: body.kind, id: base.id, source: base.source, raw: base.raw, section: base.section, marks: base.marks, placeholders: base.placeholders } as Step;
  if (base.fence !== undefined) {
    step.fence = base.fence;
    step.language = blockLanguage(base.fence);
  }
  if (body.kind === 'http') (step as HttpStep).curl = body.curl;
  else if (body.kind === 'az') (step as AzStep).az = body.az;
  else (step as ShellStep).shell = body.shell;
  return step;
}

/** tr's escapes in a SET (tr(1)): the ones a page writes to strip quotes and carriage returns. */
const TR_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', n: '\n', r: '\r', t: '\t' };

/** The characters `tr -d SET` deletes, or undefined for a set this tool does not read exactly (ranges, classes, octal). */
function trDeleteSet(words: readonly string[]): string | undefined {
  if (words.length !== 3 || words[0] !== 'tr' || words[1] !== '-d') return undefined;
  const set = words[2]!;
  let chars = '';
  for (let i = 0; i < set.length; i++) {
    const c = set[i]!;
    if (c === '[' || (c === '-' && i > 0 && i < set.length - 1)) return undefined;
    if (c !== '\\') {
      chars += c;
      continue;
    }
    const escaped = TR_ESCAPES[set[i + 1] ?? ''];
    if (escaped === undefined) return undefined;
    chars += escaped;
    i++;
  }
  return chars === '' ? undefined : chars;
}

/**
 * `az …` alone inside $( … ), or piped through `tr -d SET` filters only: the argv after `az` and what
 * the filters delete. Anything else in the pipeline (jq, sed, head) is left to bash.
 */
function azCapture(inner: readonly SimpleCommand[]): { words: string[]; trDelete?: string } | undefined {
  const [az, ...tail] = inner;
  if (!az || az.words[0] !== 'az' || az.redirects.length > 0) return undefined;
  let trDelete = '';
  for (const c of tail) {
    const set = c.redirects.length === 0 ? trDeleteSet(c.words) : undefined;
    if (set === undefined) return undefined;
    trDelete += set;
  }
  return trDelete === '' ? { words: az.words.slice(1) } : { words: az.words.slice(1), trDelete };
}

function shellAction(st: ScanState, cmd: SimpleCommand, pipeline: SimpleCommand[], first: number): ShellAction {
  const words = cmd.words;
  if (words[0] === 'echo') {
    const out = cmd.redirects.find((r) => r.op === '>' || r.op === '>>');
    let args = words.slice(1);
    let newline = '\n';
    while (args[0] && /^-[neE]+$/.test(args[0])) {
      if (args[0].includes('n')) newline = '';
      args = args.slice(1);
    }
    // `content` is what echo writes: its arguments joined by one space, plus echo's newline.
    if (out) return { kind: 'write-file', file: out.target, content: args.join(' ') + newline, append: out.op === '>>' };
    return { kind: 'other', argv: words };
  }
  // `touch file` creates the file empty when it does not exist and leaves its content otherwise:
  // appending nothing does exactly that.
  if (words[0] === 'touch' && words.length === 2 && !words[1]!.startsWith('-') && cmd.redirects.length === 0) return { kind: 'write-file', file: words[1]!, content: '', append: true };
  // let "var=$RANDOM*$RANDOM" (the azure-docs CLI samples' unique suffix): arithmetic over $RANDOM and digits.
  const letRandom = words[0] === 'let' && words.length === 2 && pipeline.length === 1 ? /^([A-Za-z_][A-Za-z0-9_]*)=((?:\$RANDOM|\d+)(?:[*+](?:\$RANDOM|\d+))*)$/.exec(words[1]!) : null;
  if (letRandom) return { kind: 'assign', variable: letRandom[1]!, pipeline: letRandom[2]!, generator: 'bash-random' };
  const assignWord = words[0] === 'export' && words.length === 2 ? words[1]! : words[0]!;
  const assign = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(assignWord);
  // name=( … ) is a bash array (the tokenizer ends the word at the parenthesis): not a value the http engine sets.
  if (assign && assign[2] === '' && /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=\(/.test(st.content(first))) return { kind: 'other', argv: [st.content(first).trim()] };
  if (assign && pipeline.length === 1) {
    const value = assign[2]!;
    const action: ShellAction = { kind: 'assign', variable: assign[1]!, pipeline: value };
    const sub = /^\$\(([\s\S]*)\)$/.exec(value);
    // `name=value` alone (not a prefix of a command's environment) just sets the variable.
    if (!sub && words.length === (words[0] === 'export' ? 2 : 1)) action.literal = true;
    if (sub) {
      action.pipeline = sub[1]!;
      if (/^openssl\s+rand\s+-hex\s+\d+$/.test(sub[1]!.trim())) action.generator = 'openssl-rand-hex';
      const tk = tokenizeShell(sub[1]!);
      if (tk.error) st.diag('unbalanced-quote', 'warning', first + 1, `${tk.error.message} inside $( … )`);
      const pipelines = toPipelines(tk.tokens);
      const inner = pipelines[0]?.commands ?? [];
      const az = pipelines.length === 1 ? azCapture(inner) : undefined;
      if (az) {
        action.az = parseAzArgv(az.words);
        if (az.trDelete !== undefined) action.trDelete = az.trDelete;
      }
      const curl = inner.find((c) => c.words[0] === 'curl');
      if (curl) action.curl = parseCurlArgv(curl.words.slice(1));
      const jq = inner.find((c) => c.words[0] === 'jq');
      if (jq) {
        const filter = jq.words.slice(1).find((w) => !w.startsWith('-'));
        if (filter !== undefined) action.jqFilter = filter;
      }
    }
    return action;
  }
  return { kind: 'other', argv: words };
}
