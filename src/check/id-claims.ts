// The id and name a page's example shows for a Resource Manager resource, held to the request the
// run really sent: ARM returns the resource the path names. Only path segments the page wrote as
// they were sent are compared; a segment the run bound from a placeholder is the reader's value,
// which the example cannot know. A PUT body's location, kind, SKU and tags as the page writes them are
// held to the example the same way. The same facts as lint's example-id-vs-request (reference/arm-echo.ts).
import type { Observation } from '../run/observation.ts';
import type { Difference } from './verdict.ts';
import { armEchoMismatches, armResourcePath, requestedByBody, requestedMismatches } from '../reference/arm-echo.ts';

export function idClaims(writtenUrl: string | undefined, obs: Observation, exampleJson: unknown, writtenData: readonly string[] = []): Difference[] {
  const sent = obs.exchanges[obs.exchanges.length - 1]?.request;
  if (!sent || writtenUrl === undefined) return [];
  const path = armResourcePath(sent.method, sent.url);
  const written = /^https:\/\/management\.azure\.com(\/[^?#]*)/i.exec(writtenUrl)?.[1]?.split('/').filter(Boolean);
  if (!path || !written || written.length !== path.length) return [];
  const literal = (i: number) => decodeSegment(written[i]!) === decodeSegment(path[i]!);
  // A PUT body's location, kind, SKU and tags as the page wrote them (placeholders and $variables match anything).
  const asked = sent.method.toUpperCase() === 'PUT' ? requestedByBody(writtenData) : undefined;
  const values: Difference[] = requestedMismatches(asked ?? {}, exampleJson, { tagsExact: true }).map((m) => ({
    path: `claim:example.${m.key}`,
    kind: 'claim' as const,
    expected: m.expected,
    actual: m.shown,
    message: m.key === 'type' ? `the example's type is "${m.shown}" but its own id names a ${m.expected}` : `the example's ${m.key} is ${m.shown} but the request, as the page writes it, sets ${m.expected}`,
  }));
  return [...values, ...armEchoMismatches(path, exampleJson, literal).map((m) => ({
    path: `claim:example.${m.key}`,
    kind: 'claim' as const,
    expected: m.key === 'id' ? m.segment!.expected : m.expected,
    actual: m.key === 'id' ? m.segment!.shown : m.shown,
    message:
      m.key === 'id'
        ? `the example's id has "${m.segment!.shown}" where the request (as the run sent it) has "${m.segment!.expected}", written so on the page: Resource Manager returns the resource the request names`
        : `the example's name is "${m.shown}" but the request (as the run sent it) names "${m.expected}", written so on the page: a resource's name is the last segment of its path`,
  }))];
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s).toLowerCase();
  } catch {
    return s.toLowerCase();
  }
}
