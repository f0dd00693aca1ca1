// What of an observation the report keeps, once the checks have judged it: every text of the
// evidence at most KEPT_BYTES (head and tail around a marked cut, never through a known secret), and
// a body's parsed JSON only while the body is whole (it would hold the cut part again).
import { capText, KEPT_BYTES, type SecretLocator } from './output-cap.ts';
import type { Observation, ObservedExchange } from './observation.ts';

function keptBody<T extends { body?: string; bodyEncoding: 'utf8' | 'base64'; json?: unknown }>(part: T, locate: SecretLocator | undefined): T {
  if (part.body === undefined) return part;
  // base64 text is ASCII: cut as text, it stays a readable (if partial) base64 dump with its marker.
  const body = capText(part.body, KEPT_BYTES, locate);
  if (body === part.body) return part;
  const { json: _dropped, ...rest } = part;
  return { ...rest, body } as T;
}

function keptExchange(x: ObservedExchange, locate: SecretLocator | undefined): ObservedExchange {
  const request = keptBody(x.request, locate);
  const response = x.response ? keptBody(x.response, locate) : undefined;
  return request === x.request && response === x.response ? x : { ...x, request, ...(response ? { response } : {}) };
}

export function keptEvidence(obs: Observation, locate?: SecretLocator): Observation {
  const cap = (t: string): string => capText(t, KEPT_BYTES, locate);
  return {
    ...obs,
    exchanges: obs.exchanges.map((x) => keptExchange(x, locate)),
    ...(obs.output ? { output: { ...obs.output, stdout: cap(obs.output.stdout), stderr: cap(obs.output.stderr) } } : {}),
    files: obs.files.map((f) => ({ ...f, content: cap(f.content) })),
  };
}
