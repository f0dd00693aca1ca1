// Reads the code and message out of any Azure error body (ARM, IMDS, Key Vault, Storage XML,
// WebHDFS), so a reason can quote the service's own words.
import { bodyText, tryJson } from './produced.ts';
import type { ObservedResponse } from '../run/observation.ts';

export interface ServiceError {
  code?: string;
  message?: string;
  detail?: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function serviceError(r: ObservedResponse): ServiceError {
  const text = bodyText(r);
  const json = (r.json ?? tryJson(text)) as Record<string, unknown> | undefined;
  if (json && typeof json === 'object') {
    const err = json['error'];
    if (err && typeof err === 'object') {
      const e = err as Record<string, unknown>;
      const inner = e['innererror'] as Record<string, unknown> | undefined;
      return { code: str(e['code']), message: str(e['message']), detail: str(inner?.['code']) };
    }
    if (typeof err === 'string') return { code: err, message: str(json['error_description']) };
    const remote = (json['RemoteException'] ?? json['remoteException']) as Record<string, unknown> | undefined;
    if (remote) return { code: str(remote['exception']), message: str(remote['message']) };
  }
  const xml = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(text)?.[1];
  const code = xml('Code');
  if (code !== undefined) {
    return { code, message: xml('Message')?.split('\n')[0], detail: xml('AuthenticationErrorDetail') };
  }
  const headerCode = r.headers.find(([n]) => n.toLowerCase() === 'x-ms-error-code')?.[1];
  const firstLine = text.trim().split('\n')[0];
  return { code: headerCode, message: firstLine ? firstLine.slice(0, 160) : r.statusText || undefined };
}

/** Audience errors of ARM, Key Vault and Storage (azure-behavior.md §2). */
export function isAudienceError(e: ServiceError): boolean {
  const all = `${e.code ?? ''} ${e.message ?? ''} ${e.detail ?? ''}`;
  return /InvalidAuthenticationTokenAudience|AKV10022|Audience validation failed|wrong audience/i.test(all);
}
