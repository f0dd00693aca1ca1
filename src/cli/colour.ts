// Colour for terminal output, without a dependency: on when the stream is a terminal, off with
// NO_COLOR (set and non-empty, https://no-color.org) or TERM=dumb; FORCE_COLOR turns it on anywhere
// (FORCE_COLOR=0 or false: off) and wins over NO_COLOR, as Node's own tty module decides.
import type { CliEnvironment } from './environment.ts';

export function colourWanted(env: Pick<CliEnvironment, 'noColor' | 'forceColor' | 'term'>, isTTY: boolean): boolean {
  if (env.forceColor !== undefined) return env.forceColor !== '0' && env.forceColor.toLowerCase() !== 'false';
  if (env.noColor !== undefined && env.noColor !== '') return false;
  return isTTY && env.term !== 'dumb';
}

export interface Style {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  magenta(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => (s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`);
const plain = (s: string): string => s;

export const COLOURS: Style = { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), magenta: sgr(35, 39), cyan: sgr(36, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
export const NO_COLOURS: Style = { red: plain, green: plain, yellow: plain, magenta: plain, cyan: plain, dim: plain, bold: plain };

export function styleFor(enabled: boolean): Style {
  return enabled ? COLOURS : NO_COLOURS;
}

/** A verdict in its colour: what needs a look stands out, what is fine is quiet. */
export function paintVerdict(style: Style, verdict: string, text: string = verdict): string {
  switch (verdict) {
    case 'pass':
      return style.green(text);
    case 'drift':
      return style.yellow(text);
    case 'fail':
      return style.red(text);
    case 'unsupported':
      return style.magenta(text);
    case 'blocked':
      return style.cyan(text);
    default:
      return style.dim(text);
  }
}
