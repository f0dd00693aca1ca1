// The emulator's curl config sends every host on ports 80 and 443 to the emulator (curl's
// --connect-to has no host wildcards). On the reader's VM a host that is not Azure's — `https` from a
// doubled scheme, a no-break space curl takes for a URL — fails to connect; under the catch-all it
// would be answered by the emulator instead. So for the hosts a step names that the emulator does
// not serve, the step's config gets a rule to a loopback port nobody listens on, and curl fails to
// connect there as the http engine's connector refuses them.
import type { Step } from '../../model.ts';
import type { BoundValue } from '../substitute.ts';
import type { Target } from '../target.ts';
import { curlLookupName, isLoopbackHost, isPrivateAddress, isPublicAddress, mayResolvePublicly, outsideAzureReason, ownMachineReason, privateNetworkReason, publicAddressReason } from '../curl/host.ts';
import { substitutePlaceholders } from './placeholders.ts';

type Route = (host: string, port: number) => { kind: 'connect' | 'refuse' } | undefined;

/** Port 1 (tcpmux) on loopback: nothing listens there, so the connection is refused at once. */
export const CLOSED_PORT = 1;

/** The emulator target's router, from its handle. */
export function emulatorRouteOf(target: Target): Route | undefined {
  if (target.name !== 'emulator' || !('handle' in target)) return undefined;
  const handle: unknown = target.handle;
  if (typeof handle !== 'object' || handle === null || !('route' in handle) || typeof handle.route !== 'function') return undefined;
  const route = handle.route as (host: string, port: number) => unknown;
  return (host, port) => {
    const d = route(host, port);
    return typeof d === 'object' && d !== null && 'kind' in d && (d.kind === 'connect' || d.kind === 'refuse') ? { kind: d.kind } : undefined;
  };
}

/** The words curl will take for URLs, as far as the text shows them before bash runs. */
function urlWords(step: Step, text: string, values: readonly BoundValue[]): string[] {
  const curl = step.kind === 'http' ? step.curl : step.kind === 'shell' && step.shell.kind === 'assign' ? step.shell.curl : undefined;
  const words = curl ? [curl.url, ...curl.extraUrls].map((w) => substitutePlaceholders(w, values)) : [];
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s"'/?#]+/g)) words.push(m[0]);
  // A word bash has yet to expand (or an unbound placeholder bash would read as a redirection) is not known here.
  return words.filter((w) => !/[$<>]/.test(w));
}

/** Host and port curl connects to for a URL word (no scheme: http), its host mapped as curl's IDN does (curl/host.ts), lower case. */
export function curlHostPort(word: string): { host: string; port: number } | undefined {
  const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/?#]*)/.exec(word);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const authority = (m[2] ?? '').replace(/^[^@]*@/, '');
  // "https:" (a doubled scheme's first half) has an empty port: curl uses the scheme's default.
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  if (!hp || hp[1] === undefined || hp[1] === '') return undefined;
  // curl matches connect-to against the converted name: `–-request` is looked up as `xn---request-rn3d`.
  return { host: (curlLookupName(hp[1]) ?? hp[1].normalize('NFKC')).toLowerCase(), port: hp[2] ? Number(hp[2]) : scheme === 'https' ? 443 : 80 };
}

function quoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The step's hosts outside Azure that public DNS may answer (a template on GitHub, the reader's own
 * site), on the reader's own machine (a server the page starts), at a private address (a pod's IP) or
 * at a public IP address (a load balancer's EXTERNAL-IP the page shows):
 * the emulator run does not reach them, so a
 * step that fails on one is `unsupported`, not the page's fault.
 */
export function outsideHosts(route: Route, step: Step, text: string, values: readonly BoundValue[]): string[] {
  const out = new Set<string>();
  for (const word of urlWords(step, text, values)) {
    const hp = curlHostPort(word);
    if (hp && route(hp.host, hp.port) === undefined && (mayResolvePublicly(hp.host) || isLoopbackHost(hp.host) || isPrivateAddress(hp.host) || isPublicAddress(hp.host))) out.add(hp.host);
  }
  return [...out];
}

/** Why a step that failed on these hosts is not judged. */
export function outsideMessage(hosts: readonly string[]): string {
  const local = hosts.filter(isLoopbackHost);
  const inside = hosts.filter(isPrivateAddress);
  const addresses = hosts.filter(isPublicAddress);
  const remote = hosts.filter((h) => !isLoopbackHost(h) && !isPrivateAddress(h) && !isPublicAddress(h));
  const parts: string[] = [];
  if (remote.length > 0) parts.push(outsideAzureReason(remote));
  if (local.length > 0) parts.push(ownMachineReason(local.join(', ')));
  if (inside.length > 0) parts.push(privateNetworkReason(inside.join(', ')));
  if (addresses.length > 0) parts.push(publicAddressReason(addresses.join(', ')));
  return parts.join('; ');
}

/** connect-to lines (placed before the emulator's catch-all) for the step's hosts the emulator does not serve. */
export function unservedHostRules(route: Route, step: Step, text: string, values: readonly BoundValue[]): string {
  const lines = new Set<string>();
  for (const word of urlWords(step, text, values)) {
    const hp = curlHostPort(word);
    // Other ports are not caught by the catch-all, so curl would leave the machine: a public IP address
    // (a load balancer's EXTERNAL-IP on :8080) is closed here on any port, as the http engine refuses it.
    if (!hp || (hp.port !== 80 && hp.port !== 443 && !isPublicAddress(hp.host))) continue;
    const d = route(hp.host, hp.port);
    if (d?.kind === 'connect') continue;
    lines.add(`connect-to = ${quoted(`${hp.host}:${hp.port}:127.0.0.1:${CLOSED_PORT}`)}`);
  }
  return lines.size === 0 ? '' : [...lines].join('\n') + '\n';
}
