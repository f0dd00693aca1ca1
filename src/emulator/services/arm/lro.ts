// Long-running operations as ARM runs them: the first answer is 202 with a polling URL and
// Retry-After, the operation reports "in progress" for a poll before it finishes. Operations live
// with the emulator instance (keyed by its state object), never across instances.
import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from '../../types.ts';
import type { EmulatorState } from '../../state.ts';
import { armErrors } from './errors.ts';
import type { ArmCall, ArmResult } from './route.ts';

export interface Operation {
  id: string;
  /** Polls answered "in progress" before the operation reports its result. */
  pollsLeft: number;
  /** Body of the final answer on the Location URL (the resource, or nothing for a delete). */
  result: unknown;
}

/** Seconds ARM asks clients to wait between polls (kept short: the emulator finishes on the next poll). */
export const POLL_RETRY_AFTER_SECONDS = 1;

const operations = new WeakMap<EmulatorState, Map<string, Operation>>();

export function startOperation(state: EmulatorState, result: unknown, polls = 1): Operation {
  let ops = operations.get(state);
  if (ops === undefined) {
    ops = new Map();
    operations.set(state, ops);
  }
  const op: Operation = { id: randomUUID(), pollsLeft: polls, result };
  ops.set(op.id, op);
  return op;
}

/** One poll: `running` while polls are left, then `done` (and the operation is forgotten after). */
export function pollOperation(state: EmulatorState, id: string): { kind: 'unknown' } | { kind: 'running' } | { kind: 'done'; result: unknown } {
  const op = operations.get(state)?.get(id.toLowerCase()) ?? operations.get(state)?.get(id);
  if (op === undefined) return { kind: 'unknown' };
  if (op.pollsLeft > 0) {
    op.pollsLeft -= 1;
    return { kind: 'running' };
  }
  return { kind: 'done', result: op.result };
}

/**
 * ARM's answer on a polling URL: 400 for an id it never issued, 202 with the same URL and
 * Retry-After while running, then what `done` makes of the operation's result.
 */
export function answerPoll(call: ArmCall, done: (result: unknown) => EmulatorResponse): ArmResult {
  const poll = pollOperation(call.ctx.state, call.params.operationId!);
  if (poll.kind === 'unknown') return armErrors.invalidParameter(`The operation '${call.params.operationId}' is not known.`);
  if (poll.kind === 'running') {
    return { status: 202, headers: { ...call.baseHeaders, location: `https://${call.req.host}${call.req.rawTarget}`, 'retry-after': String(POLL_RETRY_AFTER_SECONDS) } };
  }
  return done(poll.result);
}
