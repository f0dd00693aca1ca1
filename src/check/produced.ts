// What a step produced, in the terms the checks compare: the final HTTP response for curl, the
// printed JSON for az (after its progress line), stdout for shell. One place decides this so the
// three layers never disagree about what "the response" was.
import type { Step } from '../model.ts';
import type { Observation, ObservedExchange, ObservedResponse } from '../run/observation.ts';

export interface Produced {
  exchanges: ObservedExchange[];
  /** The response the page's example describes: the last one (after redirects). */
  final: ObservedResponse | undefined;
  /** Parsed JSON of what the reader sees, when it is JSON. */
  json: unknown;
  /** Text of what the reader sees (body for curl, stdout for az/shell). */
  text: string | undefined;
}

export function bodyText(r: ObservedResponse): string {
  return r.bodyEncoding === 'base64' ? Buffer.from(r.body, 'base64').toString('utf8') : r.body;
}

export function tryJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/** az prints "Finished[####…]  100.0000%" before its JSON; the page shows it too. */
export function stripProgress(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*(Finished|Alive)\[#*\s*\]/.test(l))
    .join('\n');
}

export function producedBy(step: Step, obs: Observation): Produced {
  const exchanges = obs.exchanges;
  const final = [...exchanges].reverse().find((e) => e.response !== undefined)?.response;
  if (step.kind === 'http') {
    const text = final ? bodyText(final) : undefined;
    return { exchanges, final, text, json: final?.json ?? tryJson(text) };
  }
  let text = obs.output?.stdout;
  // `export IDENTITY_ID=$(az identity create … --query id --output tsv)` prints nothing: an example after it
  // shows the value the variable now holds (what `echo $IDENTITY_ID` prints), which is what it describes.
  if (step.kind === 'shell' && step.shell.kind === 'assign' && (text ?? '') === '') {
    const value = obs.captured[`$${step.shell.variable}`];
    if (value !== undefined) text = `${value}\n`;
  }
  return { exchanges, final, text, json: tryJson(text === undefined ? undefined : stripProgress(text)) };
}
