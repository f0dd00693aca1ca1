// Long-running operations as ARM runs them: the first answer is 202 with a polling URL and
// Retry-After, the operation reports "in progress" for some polls before it finishes. How many, and
// how long clients are told to wait, is the scenario's `timing` (instant by default: one poll,
// Retry-After 1). An operation also finishes by the emulator clock once its polls would have been
// made at the asked pace, so a client that never polls (`--no-wait`) still sees it end. Operations
// live with the emulator instance (keyed by its state object), never across instances.
import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from '../../types.ts';
import type { EmulatorState } from '../../state.ts';
import { timingOf } from '../../scenario.ts';
import { armErrors } from './errors.ts';
import type { ArmCall, ArmResult } from './route.ts';

export interface Operation {
  id: string;
  /** Polls answered "in progress" before the operation reports its result. */
  pollsLeft: number;
  /** When it is done whatever the polls (the emulator clock). */
  doneAt: number;
  /** Body of the final answer on the Location URL (the resource, or nothing for a delete). */
  result: unknown;
  /** Runs once when the operation completes (a group delete that was in progress ends). */
  onDone?: () => void;
  finished: boolean;
}

const operations = new WeakMap<EmulatorState, Map<string, Operation>>();

function opsOf(state: EmulatorState): Map<string, Operation> {
  let ops = operations.get(state);
  if (ops === undefined) {
    ops = new Map();
    operations.set(state, ops);
  }
  return ops;
}

/** The default timing: operations end on the next poll, nothing waits on the clock. */
export function isInstant(state: EmulatorState): boolean {
  const t = timingOf(state.data);
  return t.lroPolls <= 1 && t.retryAfterSeconds <= 1 && t.roleAssignmentDelaySeconds === 0;
}

/** The Retry-After ARM asks for, as the header value. */
export function retryAfter(state: EmulatorState): string {
  return String(timingOf(state.data).retryAfterSeconds);
}

export function startOperation(state: EmulatorState, now: Date, result: unknown, onDone?: () => void): Operation {
  const { lroPolls, retryAfterSeconds } = timingOf(state.data);
  const op: Operation = {
    id: randomUUID(),
    pollsLeft: lroPolls,
    // Instant timing keeps the poll count alone (the first poll answers "in progress", the next the result).
    doneAt: isInstant(state) ? Number.POSITIVE_INFINITY : now.getTime() + lroPolls * Math.max(retryAfterSeconds, 1) * 1000,
    result,
    ...(onDone !== undefined ? { onDone } : {}),
    finished: false,
  };
  opsOf(state).set(op.id, op);
  if (lroPolls === 0) finish(op);
  return op;
}

function finish(op: Operation): void {
  if (op.finished) return;
  op.finished = true;
  op.onDone?.();
}

/** Completes every operation whose time has come (called before each ARM request is served). */
export function settleOperations(state: EmulatorState, now: Date): void {
  const ops = operations.get(state);
  if (ops === undefined) return;
  for (const op of ops.values()) if (!op.finished && now.getTime() >= op.doneAt) finish(op);
}

/** One poll: `running` while polls are left, then `done`. */
export function pollOperation(state: EmulatorState, id: string, now: Date): { kind: 'unknown' } | { kind: 'running' } | { kind: 'done'; result: unknown } {
  const ops = operations.get(state);
  const op = ops?.get(id) ?? ops?.get(id.toLowerCase());
  if (op === undefined) return { kind: 'unknown' };
  if (!op.finished && op.pollsLeft > 0 && now.getTime() < op.doneAt) {
    op.pollsLeft -= 1;
    return { kind: 'running' };
  }
  finish(op);
  return { kind: 'done', result: op.result };
}

/**
 * ARM's answer on a polling URL: 400 for an id it never issued, 202 with the same URL and
 * Retry-After while running, then what `done` makes of the operation's result.
 */
export function answerPoll(call: ArmCall, done: (result: unknown) => EmulatorResponse): ArmResult {
  const poll = pollOperation(call.ctx.state, call.params.operationId!, call.ctx.now());
  if (poll.kind === 'unknown') return armErrors.invalidParameter(`The operation '${call.params.operationId}' is not known.`);
  if (poll.kind === 'running') {
    return { status: 202, headers: { ...call.baseHeaders, location: `https://${call.req.host}${call.req.rawTarget}`, 'retry-after': retryAfter(call.ctx.state) } };
  }
  return done(poll.result);
}
