// The host router: picks the service by the request's Host and runs the stages in this order:
//   1. host → service (none: a distinct "not emulated" answer, never a fake success)
//   2. faults (injected by tests: status, latency, connection reset)
//   3. service.handle
// Errors thrown by a service become a 500 that says so, so a bug never passes for Azure behaviour.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultEngine } from './faults.ts';
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext } from './types.ts';

export interface RoutedResponse extends EmulatorResponse {
  /** Which service answered, or "router" for the not-emulated and error answers. */
  service: string;
}

/** The answer for anything the emulator does not model: 501 plus a header the runner reports as "not emulated". */
export function notEmulatedResponse(reason: string, requestId: string): EmulatorResponse {
  return {
    status: 501,
    statusText: 'Not Implemented',
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-emulator-not-emulated': reason, 'x-ms-request-id': requestId },
    body: JSON.stringify({ error: { code: 'NotEmulated', message: `The tutorial-conformance emulator does not model this: ${reason}` } }),
  };
}

export interface Router {
  serviceFor(host: string, port: number | undefined): Service | undefined;
  handle(req: EmulatorRequest, port: number | undefined): Promise<RoutedResponse>;
}

export function createRouter(opts: { services: readonly Service[]; ctx: ServiceContext; faults: FaultEngine }): Router {
  const serviceFor = (host: string, port: number | undefined): Service | undefined => opts.services.find((s) => s.matchHost(host, port));
  return {
    serviceFor,
    async handle(req, port) {
      const service = serviceFor(req.host, port);
      if (service === undefined) {
        return { ...notEmulatedResponse(`host '${req.host}${port !== undefined ? `:${port}` : ''}' is not an Azure endpoint the emulator serves`, req.requestId), service: 'router' };
      }
      const fault = opts.faults.take(req, service.name);
      if (fault.kind === 'respond') return { ...fault.response, service: service.name };
      if (fault.kind === 'delay') await sleep(fault.ms);
      try {
        return { ...(await service.handle(req, opts.ctx)), service: service.name };
      } catch (err) {
        const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        return {
          status: 500,
          statusText: 'Internal Server Error',
          headers: { 'content-type': 'application/json; charset=utf-8', 'x-emulator-error': 'service-crashed', 'x-ms-request-id': req.requestId },
          body: JSON.stringify({ error: { code: 'EmulatorError', message: `The emulator's ${service.name} service failed (an emulator bug, not Azure behaviour): ${message}` } }),
          service: service.name,
        };
      }
    },
  };
}
