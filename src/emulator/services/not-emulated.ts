// The honest answer of a handler that is not built yet: 501 and a header naming what is missing,
// so a tutorial run never mistakes an unimplemented path for Azure's behaviour.
import type { EmulatorRequest, EmulatorResponse } from '../types.ts';

export function notEmulated(service: string, req: EmulatorRequest): EmulatorResponse {
  const what = `${service}: ${req.method} ${req.url.pathname} is not emulated`;
  return {
    status: 501,
    statusText: 'Not Implemented',
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-emulator-not-emulated': what, 'x-ms-request-id': req.requestId },
    body: what + '\n',
  };
}
