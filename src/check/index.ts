// The check stage's entry: judge one executed step against the page (example), the operation's
// REST contract and the page's literal claims, in that fixed order, and decide its verdict.
// No I/O: everything judged is in the Observation; everything expected is in the Tutorial.
import { otherSubscription } from './subscription-switch.ts';
import { assumedAccessRefusal } from './assumed-access.ts';
import type { World } from '../world/types.ts';
import type { Step, Tutorial } from '../model.ts';
import type { Observation } from '../run/observation.ts';
import { checkContract } from './contract.ts';
import { isAudienceError, serviceError, type ServiceError } from './errors-body.ts';
import { checkExample } from './example.ts';
import { checkLiteral } from './literal.ts';
import { bindingLookup } from './placeholders.ts';
import { producedBy } from './produced.ts';
import { suggest } from './suggest.ts';
import { FAILURE_KINDS, UNSUPPORTED_REASONS, type CheckResult, type Difference, type FailureKind, type StepCheck, type UnsupportedReason } from './verdict.ts';
import { isNotEmulated } from './contract.ts';

export { FAILURE_KINDS, FailureKind, Verdict, VERDICTS, CheckedVerdict, StepCheck, CheckResult, Difference, UNSUPPORTED_REASONS, UnsupportedReason } from './verdict.ts';
export type { FailureKindInfo, UnsupportedReasonInfo } from './verdict.ts';
export { identifyOperation } from './operations.ts';
export type { OperationId } from './operations.ts';

const ERROR_KIND: Readonly<Record<Exclude<NonNullable<Observation['error']>['kind'], 'unsupported'>, FailureKind>> = {
  network: 'network-error',
  timeout: 'timeout',
  'invalid-command': 'invalid-command',
  'az-usage': 'az-usage',
  'unbound-placeholder': 'unbound-placeholder',
  shell: 'shell-error',
};

const skippedAll = (why: string): CheckResult[] =>
  (['example', 'contract', 'literal'] as const).map((layer) => ({ layer, ok: true, skipped: why, differences: [] }));

// Reasons are one line (whitespace folded) and never cut: reports hold them whole; the terminal
// shortens its own lines (src/run/progress.ts) unless --verbose.
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}

/** Most actionable first: the page contradicting itself, then values, then shape. */
const ORDER: Readonly<Record<Difference['kind'], number>> = { claim: 0, status: 1, value: 2, missing: 3, format: 4, type: 5, header: 6, extra: 7 };

function firstDifference(checks: readonly CheckResult[]): { d: Difference; layer: string; more: string } | undefined {
  const all = checks.flatMap((c) => c.differences.map((d) => ({ d, layer: c.layer })));
  all.sort((a, b) => ORDER[a.d.kind] - ORDER[b.d.kind]);
  const first = all[0];
  if (!first) return undefined;
  const rest = all.slice(1);
  const byKind = new Map<string, number>();
  for (const x of rest) byKind.set(x.d.kind, (byKind.get(x.d.kind) ?? 0) + 1);
  const more = rest.length === 0 ? '' : ` (+${rest.length} more: ${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')})`;
  return { ...first, more };
}

/** The tool or target could not execute or judge the step: said plainly, with what would run it; never the page's fault. */
function unsupported(reason: UnsupportedReason, message: string, checks: CheckResult[]): StepCheck {
  return { verdict: 'unsupported', unsupported: reason, reason: oneLine(`${UNSUPPORTED_REASONS[reason].title}: ${message}. ${UNSUPPORTED_REASONS[reason].runsIt}`), checks };
}

function fail(kind: FailureKind, reason: string, checks: CheckResult[], suggestion: string | undefined): StepCheck {
  return { verdict: 'fail', failure: kind, reason: oneLine(reason), checks, ...(suggestion !== undefined ? { suggestion } : {}) };
}

/**
 * The stderr line that says why a command exited non-zero. Without -s curl's progress meter comes
 * first (its header, then \r-separated updates with `curl: (N) …` glued to the last one), so the
 * line quoted is curl's own: the last `curl: (N)` whose N is the exit status, else the last one;
 * for az its `ERROR:` line; otherwise the last non-empty line.
 */
export function stderrReason(stderr: string, exit: number): string {
  const curl = [...stderr.matchAll(/curl: \((\d+)\)[^\r\n]*/g)];
  const own = curl.filter((m) => Number(m[1]) === exit);
  const line = (own[own.length - 1] ?? curl[curl.length - 1])?.[0];
  if (line !== undefined) return line.trim();
  const lines = stderr.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
  return lines.find((l) => /^ERROR:/.test(l)) ?? lines[lines.length - 1] ?? '';
}

/**
 * The subscription a `SubscriptionNotFound` names, when the page writes that id literally: pages use
 * an example subscription (00000000-0000-…) where the reader puts theirs, so the target not knowing
 * it says nothing about the page. A subscription the tool bound (a placeholder) is never literal.
 */
function foreignSubscription(step: Step, e: ServiceError): string | undefined {
  if (e.code !== 'SubscriptionNotFound') return undefined;
  const id = /'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'/i.exec(e.message ?? '')?.[1];
  return id !== undefined && step.raw.toLowerCase().includes(id.toLowerCase()) ? id : undefined;
}

export function checkStep(input: { tutorial: Tutorial; step: Step; observation: Observation; world?: World }): StepCheck {
  const { tutorial, step, observation } = input;

  // 1. The step could not produce a response at all.
  if (observation.error?.kind === 'unsupported') {
    return unsupported(observation.error.unsupported ?? 'not-emulated', observation.error.message, skippedAll('the tool or target could not execute the step'));
  }
  if (observation.error) {
    const kind = ERROR_KIND[observation.error.kind];
    const checks = skippedAll('the step produced no response');
    return fail(kind, `${FAILURE_KINDS[kind].title}: ${observation.error.message}`, checks, suggest({ step, observation, failure: kind }));
  }

  // 2. The three layers, always all three, so the report shows every comparison.
  const produced = producedBy(step, observation);
  const example = checkExample(step.expectation, produced, { elided: new Set(), lookup: bindingLookup(tutorial, observation.bindings) }, { httpStep: step.kind === 'http' });
  const contract = checkContract(step, produced, observation.output?.exitCode);
  const literal = checkLiteral({ tutorial, step, observation, produced });
  const checks = [example, contract.result, literal.result];

  // 3. Does the step work as written? Fixed order: response, status, contract, claims, exit code.
  const final = produced.final;
  const lastRequest = observation.exchanges[observation.exchanges.length - 1]?.request;
  if (step.kind === 'http' && !final) return fail('no-response', 'the request produced no response', checks, undefined);
  if (final && isNotEmulated(final)) {
    const what = final.headers.find(([n]) => n.toLowerCase() === 'x-emulator-not-emulated')?.[1] ?? 'this request';
    return unsupported('not-emulated', what, checks);
  }
  if (final && final.status >= 400) {
    const e: ServiceError = serviceError(final);
    const foreign = foreignSubscription(step, e);
    if (foreign !== undefined) return unsupported('not-emulated', `the page writes the example subscription ${foreign} literally; the target serves only its own subscription, so it answered ${final.status} ${e.code}. A reader puts their own subscription id there (a placeholder for it would let --set bind it)`, checks);
    const elsewhere = otherSubscription(tutorial, step);
    if (elsewhere !== undefined)
      return unsupported('not-emulated', `the page works in another subscription here (line ${elsewhere.line}: az account set --subscription ${elsewhere.written}, after ${elsewhere.first}); the target serves one subscription, where this answered ${final.status} ${e.code}, which says nothing about the page's other subscription`, checks);
    const assumed = lastRequest ? assumedAccessRefusal(input.world, step, lastRequest.url, final.status, e) : undefined;
    if (assumed !== undefined) return unsupported('assumed-access', assumed, checks);
    const kind: FailureKind = isAudienceError(e) ? 'token-audience-mismatch' : 'http-error-status';
    // The detail (Storage's AuthenticationErrorDetail, Key Vault's inner code) is the specific part; it goes first.
    const said = [e.code, e.detail && e.detail !== e.code ? e.detail : undefined, e.message].filter(Boolean).join(': ');
    const reason = `${lastRequest ? `${lastRequest.method} ${where(lastRequest.url)}` : 'the request'} answered ${final.status}${said ? ` ${said}` : ''}`;
    return fail(kind, reason, checks, suggest({ step, observation, failure: kind, serviceError: e, status: final.status }));
  }
  if (contract.breaks) {
    const d = contract.result.differences[0];
    return fail('contract-broken', `the ${contract.operations.join(', ')} response breaks its contract: ${d?.message ?? 'see differences'}`, checks, undefined);
  }
  if (literal.breaks) {
    return fail(literal.breaks, literal.broken?.message ?? FAILURE_KINDS[literal.breaks].title, checks, undefined);
  }
  const exit = observation.output?.exitCode;
  if (exit !== undefined && exit !== 0) {
    const said = stderrReason(observation.output?.stderr ?? '', exit);
    return fail('exit-code', `the command exited with status ${exit}${said ? `: ${said}` : ''}`, checks, suggest({ step, observation, failure: 'exit-code' }));
  }

  // 4. It works; does the page describe it?
  const first = firstDifference(checks);
  const suggestion = literal.suggestion ?? suggest({ step, observation });
  if (first) {
    return { verdict: 'drift', reason: oneLine(`works, but differs from the page (${first.layer}): ${first.d.message}${first.more}`), checks, ...(suggestion !== undefined ? { suggestion } : {}) };
  }
  const compared = checks.filter((c) => !c.skipped).map((c) => c.layer);
  const reason = compared.length === 0 ? 'ran without error; the page states nothing to compare' : `matches the page (${compared.join(', ')})`;
  return { verdict: 'pass', reason, checks, ...(suggestion !== undefined ? { suggestion } : {}) };
}
