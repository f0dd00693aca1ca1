// Simple commands and pipelines from shell tokens: the words of each command with its redirections,
// and the operator that ends each pipeline. What bash would run, before anything is expanded.
import type { ShellToken } from './shell-words.ts';

export interface Redirect {
  op: string;
  target: string;
}

export interface SimpleCommand {
  words: string[];
  redirects: Redirect[];
  start: number;
  end: number;
}

/** A pipeline of simple commands, and the operator that ends it (`;`, `&&`, `||`, `&`, newline). */
export interface Pipeline {
  commands: SimpleCommand[];
  terminator?: string;
}

/** Group tokens into pipelines of simple commands with their redirections. */
export function toPipelines(tokens: ShellToken[]): Pipeline[] {
  const out: Pipeline[] = [];
  let pipe: SimpleCommand[] = [];
  let cmd: SimpleCommand | null = null;
  // (plain loops, no closures: this runs for every command line)
  for (let k = 0; k <= tokens.length; k++) {
    const t = tokens[k];
    if (t !== undefined && t.kind === 'comment') continue;
    if (t !== undefined && t.kind === 'word') {
      cmd ??= { words: [], redirects: [], start: t.start, end: t.end };
      cmd.words.push(t.text);
      cmd.end = t.end;
      continue;
    }
    if (t !== undefined && (t.op === '>' || t.op === '>>' || t.op === '<' || t.op === '&>' || t.op === '>&' || t.op === '<<')) {
      cmd ??= { words: [], redirects: [], start: t.start, end: t.end };
      const next = tokens[k + 1];
      if (next && next.kind === 'word') {
        cmd.redirects.push({ op: t.op, target: next.text });
        cmd.end = next.end;
        k++;
      } else {
        cmd.redirects.push({ op: t.op, target: '' });
      }
      continue;
    }
    // end of a simple command: a pipe, another operator, or the end of the tokens
    if (cmd && (cmd.words.length > 0 || cmd.redirects.length > 0)) pipe.push(cmd);
    cmd = null;
    if (t !== undefined && (t.op === '|' || t.op === '|&')) continue;
    if (pipe.length > 0) out.push(t !== undefined ? { commands: pipe, terminator: t.op } : { commands: pipe });
    pipe = [];
  }
  return out;
}
