// Resource Manager calls as an Az.* cmdlet makes them: the same session as az's equivalents (token of
// the signed-in account, JSON bodies, URL quoting), with Azure PowerShell's own headers (its
// User-Agent, CommandName = the cmdlet, ParameterSetName) and PowerShell's error record text.
import { ArmSession, type ArmCall } from '../../az/arm.ts';
import type { StepContext } from '../../context.ts';
import type { UnsupportedReason } from '../../../model.ts';

/** The Az release these equivalents follow (Az 12 on PowerShell 7.4): api-versions and output shapes are that release's. */
export const AZ_PS_USER_AGENT = 'AzurePowershell/v12.0.0 PSVersion/v7.4.6';

export function psSession(ctx: StepContext, cmdlet: string, parameterSet: string): ArmSession {
  return new ArmSession(ctx, { userAgent: AZ_PS_USER_AGENT, commandName: cmdlet, headers: [['ParameterSetName', parameterSet]] });
}

/**
 * What a failed call makes of the cmdlet: PowerShell's error record, or, when the call got no answer
 * through the target's own fault (the emulator dropped the connection) or the target does not model
 * it, `unsupported` — an error record there would fail the page for the emulator's limit.
 */
export function psCallFailure(call: ArmCall): { error: string } | { unsupported: string; unsupportedReason: UnsupportedReason } {
  const failed = call.result.error;
  if (failed?.kind === 'unsupported') return { unsupported: failed.message, unsupportedReason: failed.unsupported ?? 'not-emulated' };
  return { error: psCallError(call) };
}

/** The message of the error record a failed call becomes (the service's message; its code in brackets, as Az's CloudException text shows it). */
function psCallError(call: ArmCall): string {
  const response = call.result.exchange.response;
  if (!response) return call.result.error?.message ?? 'No response from the service.';
  const err = (call.json as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (err?.message) return err.code ? `${err.message} (${err.code})` : err.message;
  return `Operation returned an invalid status code '${response.statusText || response.status}'`;
}
