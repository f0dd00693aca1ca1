// How a substituted answer is recognised in the evidence: the live target's IMDS stand-in marks its
// responses with one header, and the runner turns it into Observation.substitution.
import type { ObservedExchange } from '../run/observation.ts';

export const SUBSTITUTION_HEADER = 'x-tutorial-conformance-substitution';

export function substitutionOf(exchanges: readonly ObservedExchange[]): string | undefined {
  for (const e of exchanges) {
    const hit = e.response?.headers.find(([name]) => name.toLowerCase() === SUBSTITUTION_HEADER);
    if (hit !== undefined) return hit[1];
  }
  return undefined;
}
