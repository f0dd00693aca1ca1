// Reads the values a step produces for later steps: the parser says which path of which step's
// response feeds which placeholder; the response is what az printed (az steps) or the final HTTP
// response body (curl steps), or the variable a shell assignment set.
import type { Capture, Step } from '../model.ts';
import { evaluatePath, UnsupportedJqFilter } from './jq.ts';
import type { Observation } from './observation.ts';

export function responseValue(step: Step, obs: Observation): unknown {
  if (step.kind === 'az' && obs.output?.stdout) {
    try {
      return JSON.parse(obs.output.stdout);
    } catch {
      return undefined;
    }
  }
  for (let i = obs.exchanges.length - 1; i >= 0; i--) {
    const json = obs.exchanges[i]?.response?.json;
    if (json !== undefined) return json;
  }
  return undefined;
}

/** The value of one capture, or undefined when the producer's response does not hold it. */
export function captureValue(capture: Capture, producer: Step, obs: Observation): string | undefined {
  const shellKey = Object.keys(obs.captured).find((k) => k === capture.key || k === `$${capture.key.replace(/^\$/, '')}`);
  if (shellKey !== undefined) return obs.captured[shellKey];
  let value: unknown;
  try {
    value = evaluatePath(responseValue(producer, obs), capture.path);
  } catch (err) {
    if (err instanceof UnsupportedJqFilter) return undefined;
    throw err;
  }
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
