// curl's configuration for `--target azure`: curl reaches the cloud through DNS and the system's trust
// store like on the reader's VM, except where the live target itself redirects connections: its IMDS
// substitute (off a VM), TC_RESOLVE overrides, and TC_CA_FILE trusted on top of the system roots —
// the same three the live connector applies, so both engines reach the same places.
import { rootCertificates } from 'node:tls';
import type { NetworkConfig } from '../../config.ts';
import { resolveOverride } from '../../live/http.ts';
import type { AzureTarget } from '../../live/target.ts';
import type { Target } from '../target.ts';

const IMDS_HOST = '169.254.169.254';

export interface LiveRouting {
  /** Where the live target answers IMDS when not on a VM. */
  imds?: { address: string; port: number };
  network?: Pick<NetworkConfig, 'caPem' | 'resolve'>;
}

function isAzureTarget(target: Target): target is AzureTarget {
  return target.name === 'azure' && 'session' in target && 'imds' in target;
}

/** What the live target redirects: its IMDS substitute (off a VM) and its configuration's network settings. */
export function liveRoutingOf(target: Target): LiveRouting {
  if (!isAzureTarget(target)) return {};
  const { imds } = target;
  const { caPem, resolve } = target.session.config.network;
  return { ...(imds ? { imds: { address: imds.address, port: imds.port } } : {}), network: { caPem, resolve } };
}

function quoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The CA bundle curl needs when an extra CA is configured: curl's `cacert` replaces the defaults. */
export function liveCaBundle(routing: LiveRouting): string | undefined {
  const extra = routing.network?.caPem;
  return extra === undefined ? undefined : [...rootCertificates, extra].join('\n') + '\n';
}

// An empty source port: every port of that host, as the live connector overrides it.
const rule = (host: string, to: { address: string; port: number }): string => `connect-to = ${quoted(`${host}::${to.address}:${to.port}`)}`;

/** Config lines for the whole run; `caBundlePath` is where liveCaBundle's text was written, when it returned one. */
export function liveCurlConfig(routing: LiveRouting, caBundlePath: string | undefined): string {
  const lines = ['# tutorial-conformance live target: generated for this run'];
  if (caBundlePath !== undefined) lines.push(`cacert = ${quoted(caBundlePath)}`);
  // curl takes the first matching rule: the IMDS substitute before any override, as the live connector.
  if (routing.imds) lines.push(`connect-to = ${quoted(`${IMDS_HOST}:80:${routing.imds.address}:${routing.imds.port}`)}`);
  // Exact TC_RESOLVE hosts hold for every step; wildcard ones are expanded per step (stepConnectTo).
  for (const entry of routing.network?.resolve ?? []) if (!entry.pattern.includes('*')) lines.push(rule(entry.pattern, entry));
  return lines.join('\n') + '\n';
}

const URL_HOST = /\bhttps?:\/\/([A-Za-z0-9.-]+)/g;

/**
 * curl's --connect-to names exact hosts, so a wildcard TC_RESOLVE entry (`*.blob.core.windows.net`)
 * becomes one rule per host the step's text names. A host that only a variable expansion produces
 * is not seen here and goes to DNS, as it would without the override.
 */
export function stepConnectTo(routing: LiveRouting, text: string): string {
  const network = routing.network;
  if (!network || network.resolve.length === 0) return '';
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(URL_HOST)) {
    const host = (m[1] ?? '').toLowerCase();
    if (seen.has(host) || (host === IMDS_HOST && routing.imds)) continue;
    seen.add(host);
    const to = resolveOverride(network, host);
    if (to) lines.push(rule(host, to));
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
