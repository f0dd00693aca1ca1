// Fault injection for the runner's retry tests: the router consults this before a service answers,
// so a test can make IMDS throttle (429 + Retry-After), ARM fail with 503, or a socket drop, a fixed
// number of times. Nothing is injected unless a test asks.
import type { EmulatorRequest, EmulatorResponse } from './types.ts';

interface FaultMatch {
  /** Service name as the registry names it: imds, legacy-msi, entra, arm, blob, keyvault, datalake. */
  service?: string;
  method?: string;
  pathPattern?: RegExp;
}

export type FaultSpec = FaultMatch &
  (
    | { kind: 'status'; status: 429 | 500 | 503 | 410 | 404; retryAfterSeconds?: number; count: number }
    | { kind: 'reset'; count: number }
    | { kind: 'latency'; ms: number; count: number }
  );

export interface FaultController {
  inject(spec: FaultSpec): void;
  clear(): void;
  /** How many injected faults are still pending (all specs together). */
  pending(): number;
}

/** What the router does with a request after consulting the faults. */
export type FaultOutcome = { kind: 'none' } | { kind: 'delay'; ms: number } | { kind: 'respond'; response: EmulatorResponse };

export interface FaultEngine extends FaultController {
  take(req: EmulatorRequest, service: string): FaultOutcome;
}

const REASONS: Record<number, string> = { 404: 'Not Found', 410: 'Gone', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };
const IMDS_CODES: Record<number, string> = { 404: 'not_found', 410: 'service_unavailable', 429: 'too_many_requests', 500: 'server_error', 503: 'service_unavailable' };

function faultBody(service: string, status: number): string {
  // Each service's own error envelope, so clients parse the injected fault as they would a real one.
  if (service === 'imds' || service === 'legacy-msi') {
    return JSON.stringify({ error: IMDS_CODES[status] ?? 'server_error', error_description: `${REASONS[status] ?? 'Error'} (injected by the emulator)` });
  }
  const code = status === 429 ? 'TooManyRequests' : status === 404 ? 'NotFound' : status === 410 ? 'Gone' : status === 503 ? 'ServiceUnavailable' : 'InternalServerError';
  return JSON.stringify({ error: { code, message: `${REASONS[status] ?? 'Error'} (injected by the emulator)` } });
}

export function createFaultEngine(): FaultEngine {
  let specs: { spec: FaultSpec; left: number }[] = [];

  const matches = (spec: FaultSpec, req: EmulatorRequest, service: string): boolean =>
    (spec.service === undefined || spec.service === service) &&
    (spec.method === undefined || spec.method.toUpperCase() === req.method) &&
    (spec.pathPattern === undefined || spec.pathPattern.test(req.url.pathname));

  return {
    inject(spec) {
      if (!Number.isInteger(spec.count) || spec.count < 1) throw new RangeError(`fault count must be a positive integer, got ${spec.count}`);
      specs.push({ spec, left: spec.count });
    },
    clear() {
      specs = [];
    },
    pending: () => specs.reduce((n, s) => n + s.left, 0),
    take(req, service) {
      const hit = specs.find((s) => s.left > 0 && matches(s.spec, req, service));
      if (hit === undefined) return { kind: 'none' };
      hit.left -= 1;
      specs = specs.filter((s) => s.left > 0);
      const { spec } = hit;
      switch (spec.kind) {
        case 'latency':
          return { kind: 'delay', ms: spec.ms };
        case 'reset':
          return { kind: 'respond', response: { status: 0, headers: {}, reset: true } };
        case 'status': {
          const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': req.requestId, 'x-emulator-fault': 'injected' };
          if (spec.retryAfterSeconds !== undefined) headers['retry-after'] = String(spec.retryAfterSeconds);
          return { kind: 'respond', response: { status: spec.status, statusText: REASONS[spec.status] ?? 'Error', headers, body: faultBody(service, spec.status) } };
        }
        default: {
          const never: never = spec;
          throw new Error(`unknown fault ${JSON.stringify(never)}`);
        }
      }
    },
  };
}
