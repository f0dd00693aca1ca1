// Reads the values a step produces for later steps: the parser says which path of which step's
// response feeds which placeholder. The value is what the reader of the page would have in hand: what
// az printed (az steps), the final HTTP response body (curl steps), the variable a shell assignment
// set (shell steps) — never another exchange's body: a command that printed nothing, or printed what
// holds no such field, produced no value, and the steps that need it are blocked saying why.
import type { Capture, Step } from '../model.ts';
import { evaluatePath, UnsupportedJqFilter } from './jq.ts';
import type { Observation } from './observation.ts';

export type CaptureResult = { value: string } | { missing: string };

type Printed = { json: unknown } | { missing: string };

/** The JSON the producer handed its reader, or why there is none. */
function printedJson(producer: Step, obs: Observation): Printed {
  if (producer.kind === 'az') {
    const stdout = obs.output?.stdout ?? '';
    if (stdout.trim() === '') return { missing: `az printed nothing${obs.error ? ` (${obs.error.message})` : ''}` };
    try {
      return { json: JSON.parse(stdout) };
    } catch {
      return { missing: 'what az printed is not JSON (an -o or --query that prints text)' };
    }
  }
  if (producer.kind === 'http') {
    for (let i = obs.exchanges.length - 1; i >= 0; i--) {
      const json = obs.exchanges[i]?.response?.json;
      if (json !== undefined) return { json };
    }
    return { missing: obs.exchanges.length === 0 ? `no request was sent${obs.error ? ` (${obs.error.message})` : ''}` : 'the response has no JSON body' };
  }
  // A shell step's value is the variable it assigned (found by the caller); no response stands in for it.
  return { missing: `the step assigned no value${obs.error ? ` (${obs.error.message})` : ''}` };
}

/** The value of one capture, or why the producer did not produce it. */
export function captureValue(capture: Capture, producer: Step, obs: Observation): CaptureResult {
  const variable = `$${capture.key.replace(/^\$/, '')}`;
  const assigned = obs.captured[capture.key] ?? obs.captured[variable];
  if (assigned !== undefined) return { value: assigned };
  const printed = printedJson(producer, obs);
  if ('missing' in printed) return printed;
  let value: unknown;
  try {
    value = evaluatePath(printed.json, capture.path);
  } catch (err) {
    if (err instanceof UnsupportedJqFilter) return { missing: err.message };
    throw err;
  }
  if (value === undefined || value === null) return { missing: `${producer.kind === 'az' ? 'what az printed' : 'the response'} has no ${capture.path || 'value'}` };
  return { value: typeof value === 'string' ? value : JSON.stringify(value) };
}
