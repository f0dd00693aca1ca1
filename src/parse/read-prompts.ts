// `read` prompts: the page asking the reader for a value (`read -p "Enter the resource group name: " RG`,
// or `echo "Enter …" && read RG && az … $RG && echo "Press [ENTER] …"`). What the reader types is a
// value like a placeholder's: the plan binds it by the shared precedence (--set, sidecar, World), so
// `--set RG=…` fills it and a later `$RG` expands; unbound, the step is blocked asking for it. The
// prompts themselves (`echo`/`printf` to the terminal) only print. `read` without a name reads into
// $REPLY (bash manual, "Bash Builtins": read).
import { toPipelines, type Pipeline, type SimpleCommand } from './pipelines.ts';
import { tokenizeShell } from './shell-words.ts';

/** Options of bash's `read` that take an argument (the rest are flags: -r, -s, -e). */
const WITH_ARGUMENT = new Set(['a', 'd', 'i', 'n', 'N', 'p', 't', 'u']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ReadPrompt {
  /** The variables it sets, in order (`REPLY` when it names none). */
  variables: string[];
  prompt?: string;
}

/** `read [-ers] [-p prompt] [-d delim] [-n|-N n] [-t timeout] [-u fd] [name …]`, or undefined (not read, an array read, a redirect). */
export function readPrompt(cmd: SimpleCommand): ReadPrompt | undefined {
  const w = cmd.words;
  if (w[0] !== 'read' || cmd.redirects.length > 0) return undefined;
  let prompt: string | undefined;
  let k = 1;
  for (; k < w.length && w[k]!.startsWith('-') && w[k] !== '-'; k++) {
    if (w[k] === '--') {
      k++;
      break;
    }
    const flags = w[k]!.slice(1);
    for (let f = 0; f < flags.length; f++) {
      const c = flags[f]!;
      if (!WITH_ARGUMENT.has(c)) {
        if (!'ers'.includes(c)) return undefined;
        continue;
      }
      // The argument is the rest of the word, or the next word.
      const arg = f + 1 < flags.length ? flags.slice(f + 1) : w[++k];
      if (arg === undefined || c === 'a') return undefined; // -a reads an array: not one value
      if (c === 'p') prompt = arg;
      break;
    }
  }
  const variables = w.slice(k);
  if (!variables.every((v) => NAME.test(v))) return undefined;
  return { variables: variables.length > 0 ? variables : ['REPLY'], ...(prompt !== undefined ? { prompt } : {}) };
}

/** `echo …` / `printf …` to the terminal: a prompt that only prints. */
function printsOnly(cmd: SimpleCommand): boolean {
  return (cmd.words[0] === 'echo' || cmd.words[0] === 'printf') && cmd.redirects.length === 0;
}

/**
 * A list whose commands, besides at most one, are the reader's prompts (echo/printf to the terminal,
 * read), joined by `&&`, `;` or newlines: the one other command (undefined when there is none) and
 * the reads. Undefined when the list is anything else (two commands that do something, `||`, `&`, a pipe).
 */
export function promptedCommand(pipelines: readonly Pipeline[]): { command: SimpleCommand | undefined; reads: ReadPrompt[] } | undefined {
  const reads: ReadPrompt[] = [];
  let command: SimpleCommand | undefined;
  for (const [i, p] of pipelines.entries()) {
    if (p.commands.length !== 1) return undefined;
    if (i < pipelines.length - 1 && p.terminator !== '&&' && p.terminator !== ';' && p.terminator !== '\n') return undefined;
    const cmd = p.commands[0]!;
    const read = readPrompt(cmd);
    if (read) reads.push(read);
    else if (!printsOnly(cmd)) {
      if (command !== undefined) return undefined;
      command = cmd;
    }
  }
  return reads.length > 0 ? { command, reads } : undefined;
}

/** Whether `text` (a step's raw text) reads `name` at a `read` prompt. */
export function readsVariable(text: string, name: string): boolean {
  if (!/(?:^|[\s;&|(])read(?:\s|$)/.test(text)) return false;
  return toPipelines(tokenizeShell(text).tokens).some((p) => p.commands.some((c) => readPrompt(c)?.variables.includes(name) === true));
}
