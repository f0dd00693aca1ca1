// Reads curl and az invocations out of shell words, as curl and az themselves would read them.
// Lint parses argv itself (rather than trusting a repaired model) because its job is to say what
// the programs do with the words exactly as written, look-alike characters included.
import { COMMAND_OPERATORS, type ShellWord } from '../parse/shell-words.ts';
import { looksLikeOption, readAzArgv, type AzRead } from '../reference/az-args.ts';
import type { AzParameterLookup } from '../reference/az-table.ts';

const LIST_OPENERS: ReadonlySet<string> = new Set(['do', 'then', 'else', 'if', 'elif', 'while', 'until', '{', '!']);

/**
 * Cuts words into simple commands at pipes, `;` and `&&`. Each command substitution in a word
 * (`"$(az … -o tsv)"`, backticks, nested) is a command bash runs too: its simple commands come just
 * before the command whose word holds it (bash runs them first), while that command keeps the word whole.
 */
// Programs a page's scripts run that no command takes as the first word of a continuation line.
const LINE_PROGRAMS = new Set(['az', 'kubectl', 'helm', 'docker', 'curl', 'echo', 'export', 'printf', 'sleep', 'cd', 'mkdir', 'git']);

export function simpleCommands(words: readonly ShellWord[]): ShellWord[][] {
  const out: ShellWord[][] = [];
  // the substitutions of the words read since the last command was pushed (assignments included)
  let inner: ShellWord[][] = [];
  const flush = (cmd: ShellWord[] | undefined): void => {
    out.push(...inner);
    inner = [];
    if (cmd?.length) out.push(cmd);
  };
  let current: ShellWord[] = [];
  for (const w of words) {
    for (const s of w.substitutions ?? []) inner.push(...simpleCommands(s.words));
    if (!w.quoted && COMMAND_OPERATORS.has(w.value)) {
      flush(current);
      current = [];
      continue;
    }
    // "var=$(…)" and "NAME=value az …": assignments before the program name are bash's, not a program.
    if (current.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.raw)) continue;
    // Newlines are not kept as words, so a compound command's body reads as one list ("fi" on one
    // line, "az vmss create …" on the next, "kubectl apply -f - <<EOF" under an az command in a for
    // loop): an unquoted program name that begins a later line than the word before it starts a
    // command of its own (a continued command does not put a program name first on a continuation line).
    if (current.length > 0 && !w.quoted && LINE_PROGRAMS.has(w.value) && (current[current.length - 1] as ShellWord).line < w.line) {
      flush(current);
      current = [];
    }
    // A reserved word that opens a command list ("for i in …; do az vm create …", "then", "else",
    // "if", "elif", "while", "until az … show; do", "{", "!") is bash's, not the program's: the command
    // is the word after it (bash(1), SHELL GRAMMAR).
    if (current.length === 0 && !w.quoted && LIST_OPENERS.has(w.value)) continue;
    current.push(w);
  }
  flush(current);
  return out;
}

export interface CurlHeader {
  name: string;
  value: string;
  word: ShellWord;
}

export interface CurlView {
  words: ShellWord[];
  urls: ShellWord[]; // every positional word: curl treats each as a URL
  headers: CurlHeader[];
  method: string;
  data: ShellWord[];
  uploadFile: ShellWord | undefined;
}

// curl options that take a value (the ones tutorials use, plus common ones so a value is not
// mistaken for a URL).
const CURL_VALUE_FLAGS = new Set([
  '-H', '--header', '-X', '--request', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode',
  '-T', '--upload-file', '-o', '--output', '-u', '--user', '-F', '--form', '--url', '-A', '--user-agent',
  '-e', '--referer', '-b', '--cookie', '-c', '--cookie-jar', '--cacert', '--cert', '--key', '-m', '--max-time',
  '--connect-timeout', '-x', '--proxy', '-w', '--write-out', '-K', '--config', '--retry',
]);

export function curlOf(cmd: readonly ShellWord[]): CurlView | undefined {
  if (cmd[0]?.value !== 'curl') return undefined;
  const view: CurlView = { words: [...cmd], urls: [], headers: [], method: 'GET', data: [], uploadFile: undefined };
  let explicitMethod: string | undefined;
  for (let i = 1; i < cmd.length; i++) {
    const w = cmd[i] as ShellWord;
    const v = w.value;
    if (v.startsWith('-') && v.length > 1) {
      if (!CURL_VALUE_FLAGS.has(v)) continue; // boolean flag (-i, -L, -s …) or an unknown one
      const arg = cmd[i + 1];
      i++;
      if (!arg) break;
      if (v === '-H' || v === '--header') {
        const colon = arg.value.indexOf(':');
        const name = colon < 0 ? arg.value : arg.value.slice(0, colon);
        const value = colon < 0 ? '' : arg.value.slice(colon + 1).replace(/^[ \t]+/, '');
        view.headers.push({ name, value, word: arg });
      } else if (v === '-X' || v === '--request') explicitMethod = arg.value;
      else if (v.startsWith('-d') || v.startsWith('--data') || v === '-F' || v === '--form') view.data.push(arg);
      else if (v === '-T' || v === '--upload-file') view.uploadFile = arg;
      else if (v === '--url') view.urls.push(arg);
      continue;
    }
    view.urls.push(w);
  }
  view.method = explicitMethod ?? (view.uploadFile ? 'PUT' : view.data.length ? 'POST' : 'GET');
  return view;
}

export interface AzOptionView {
  name: string;
  nameWord: ShellWord;
  value: ShellWord | undefined;
  /** The table's reading of the option on this command (parameter, ambiguous prefix, or unknown). */
  lookup: AzParameterLookup;
  /** It needs a value and has none (`sure`: the table's own evidence says so, not only az's default). */
  missingValue: { sure: boolean } | undefined;
}

export interface AzView {
  words: ShellWord[];
  path: string[];
  options: AzOptionView[];
  /** The command as az reads the words (src/reference/az-args.ts). */
  read: AzRead;
}

/**
 * An az invocation read as az reads it against the command table: the path, each option with its
 * value by the parameter's value kind (a flag such as `az login --identity` takes none). An option
 * the table does not know on the command keeps the next word as its value, so that rules can still
 * read what the page meant by it.
 */
export function azOf(cmd: readonly ShellWord[]): AzView | undefined {
  if (cmd[0]?.value !== 'az') return undefined;
  const argv = cmd.slice(1).map((w) => w.value);
  const read = readAzArgv(argv);
  const view: AzView = { words: [...cmd], path: argv.slice(0, read.pathLength), options: [], read };
  for (const o of read.options) {
    const nameWord = cmd[o.at + 1] as ShellWord;
    let value: ShellWord | undefined;
    if (o.inline !== undefined) value = { ...nameWord, value: o.inline };
    else if (o.values.length > 0) value = cmd[(o.values[0] as number) + 1];
    else if (o.lookup.kind !== 'parameter') {
      const next = cmd[o.at + 2];
      if (next && !looksLikeOption(next.value) && read.positionals.includes(o.at + 1)) value = next;
    }
    view.options.push({ name: o.written, nameWord, value, lookup: o.lookup, missingValue: o.missingValue });
  }
  // Look-alike dashes ("–-name") are no option to argparse, but they are what the page meant as one.
  for (const k of read.positionals) {
    const w = cmd[k + 1] as ShellWord;
    if (/^[\u2010-\u2015\u2212]/u.test(w.value)) view.options.push({ name: w.value, nameWord: w, value: undefined, lookup: { kind: 'unknown', written: w.value }, missingValue: undefined });
  }
  return view;
}

/** The option that names one of these parameters, however written (an alias, a prefix, `--x=value`). */
export function azOption(az: AzView, ...names: string[]): AzOptionView | undefined {
  return az.options.find((o) => names.includes(o.name) || (o.lookup.kind === 'parameter' && o.lookup.parameter.names.some((n) => names.includes(n))));
}

/**
 * The occurrence of an option az acts on: the last one. argparse stores each occurrence over the previous
 * (az role assignment create --role A --role B assigns B only, and never looks A up); az-option-repeated
 * says that the earlier ones are dropped.
 */
export function azOptionUsed(az: AzView, ...names: string[]): AzOptionView | undefined {
  const all = az.options.filter((o) => names.includes(o.name) || (o.lookup.kind === 'parameter' && o.lookup.parameter.names.some((n) => names.includes(n))));
  return all[all.length - 1];
}

/** The tags an az command's --tags gives: space-separated key[=value] words (azure-cli validate_tags), all of them, not only the first. */
export function azTags(az: AzView): Record<string, string> | undefined {
  const tags = az.read.options.find((o) => o.lookup.kind === 'parameter' && o.lookup.parameter.names.includes('--tags'));
  if (!tags || tags.inline !== undefined || tags.values.length === 0) return undefined;
  const words = tags.values.map((k) => az.words[k + 1]?.value ?? '');
  if (words.some((w) => /^["']?$/.test(w))) return undefined;
  return Object.fromEntries(words.map((w) => [w.split('=')[0]!, w.includes('=') ? w.slice(w.indexOf('=') + 1) : '']));
}

/** Query parameters of a URL as written (placeholders and all), decoded where decoding is possible. */
export function queryParams(url: string): Map<string, string> {
  const out = new Map<string, string>();
  const q = url.indexOf('?');
  if (q < 0) return out;
  for (const part of url.slice(q + 1).split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // keep as written: a malformed escape is reported by whoever needs the value
    }
    out.set(key, value);
  }
  return out;
}

/** Host (lower case) and path of a URL that may contain placeholders such as "<STORAGE ACCOUNT>". */
export function hostAndPath(url: string): { scheme: string; host: string; path: string } | undefined {
  const m = /^(https?):\/\/([^/?#]*)([^?#]*)/i.exec(url);
  if (!m) return undefined;
  return { scheme: (m[1] as string).toLowerCase(), host: (m[2] as string).toLowerCase(), path: m[3] as string };
}

export interface CommandInvocation {
  curl?: CurlView;
  az?: AzView;
  words: ShellWord[];
}

export function invocations(words: readonly ShellWord[]): CommandInvocation[] {
  return simpleCommands(words).map((cmd) => {
    const curl = curlOf(cmd);
    const az = azOf(cmd);
    return { words: cmd, ...(curl ? { curl } : {}), ...(az ? { az } : {}) };
  });
}
