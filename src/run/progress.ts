// What the terminal shows while a run goes (on stderr): one line per step (tutorial, step, line,
// kind, verdict, reason), the verdict coloured on a terminal, the reason cut to one short line
// unless --verbose. Pure functions of the run's events, so the CLI and the conformance suite print
// the same thing. The run's result (the table) is a reporter's (src/report/reporters).
import { paintVerdict, NO_COLOURS, type Style } from '../cli/colour.ts';
import type { RunEvent } from './index.ts';
import { oneLine } from '../cli/text.ts';
import { tutorialLabel } from '../report/schema.ts';


export function shortRaw(raw: string, max = 60): string {
  return oneLine(raw, max);
}

export interface ProgressOptions {
  style?: Style;
  /** Reasons in full (whitespace folded), not cut at 100 characters. */
  verbose?: boolean;
  /** How a tutorial's file is shown (the CLI: relative to the working folder). */
  path?: (file: string) => string;
}

/** A progress line for an event, or undefined for events that print nothing. */
export function progressLine(event: RunEvent, opts: ProgressOptions = {}): string | undefined {
  const style = opts.style ?? NO_COLOURS;
  switch (event.type) {
    case 'target-ready':
      return style.dim(`target ${event.target} ready in ${Math.round(event.ms)} ms`);
    case 'tutorial-start':
      return `\n${style.bold(tutorialLabel({ file: opts.path?.(event.file) ?? event.file, variant: event.variant }))}  ${oneLine(event.title, 90)}`;
    case 'step':
      // The tutorial on every line, so a step's line can be found (or grepped) on its own.
      return `  ${event.file.replace(/^.*\//, '').replace(/\.md$/, '')} ${event.step.id.padEnd(4)} L${String(event.step.source.startLine).padEnd(4)} ${event.step.kind.padEnd(6)} ${paintVerdict(style, event.verdict, event.verdict.padEnd(11))} ${oneLine(event.reason, opts.verbose === true ? undefined : 100)}`;
    case 'tutorial-end':
      return undefined;
    default: {
      const never: never = event;
      return never;
    }
  }
}
