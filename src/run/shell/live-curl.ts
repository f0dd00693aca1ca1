// curl's configuration for `--target azure`: curl reaches the cloud through DNS and the system's trust
// store like on the reader's VM, except where the live target itself redirects connections: its IMDS
// substitute (off a VM), TC_RESOLVE overrides, and TC_CA_FILE trusted on top of the system roots —
// the same three the live connector applies, so both engines reach the same places.
import { rootCertificates } from 'node:tls';
import type { NetworkConfig } from '../../config.ts';
import { ToolError } from '../../errors.ts';
import type { Target } from '../target.ts';

const IMDS_HOST = '169.254.169.254';

export interface LiveRouting {
  /** Where the live target answers IMDS when not on a VM. */
  imds?: { address: string; port: number };
  network?: Pick<NetworkConfig, 'caPem' | 'resolve'>;
}

/** The live target's IMDS substitute, when it runs one. */
export function imdsOf(target: Target): LiveRouting['imds'] {
  if (!('imds' in target)) return undefined;
  const imds: unknown = target.imds;
  if (typeof imds !== 'object' || imds === null || !('address' in imds) || !('port' in imds)) return undefined;
  return typeof imds.address === 'string' && typeof imds.port === 'number' ? { address: imds.address, port: imds.port } : undefined;
}

function quoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The CA bundle curl needs when an extra CA is configured: curl's `cacert` replaces the defaults. */
export function liveCaBundle(routing: LiveRouting): string | undefined {
  const extra = routing.network?.caPem;
  return extra === undefined ? undefined : [...rootCertificates, extra].join('\n') + '\n';
}

/** Config lines; `caBundlePath` is where liveCaBundle's text was written, when it returned one. */
export function liveCurlConfig(routing: LiveRouting, caBundlePath: string | undefined): string {
  const lines = ['# tutorial-conformance live target: generated for this run'];
  if (caBundlePath !== undefined) lines.push(`cacert = ${quoted(caBundlePath)}`);
  // curl takes the first matching rule: the IMDS substitute before any override.
  if (routing.imds) lines.push(`connect-to = ${quoted(`${IMDS_HOST}:80:${routing.imds.address}:${routing.imds.port}`)}`);
  for (const entry of routing.network?.resolve ?? []) {
    if (entry.pattern.includes('*')) {
      throw new ToolError(
        'E_CONFIG',
        `TC_RESOLVE entry '${entry.pattern}=${entry.address}:${entry.port}' is a wildcard; curl's --connect-to names exact hosts, so --engine shell cannot follow it. List each host (e.g. myaccount.blob.core.windows.net=${entry.address}:${entry.port}) or use --engine http`,
      );
    }
    // An empty source port: every port of that host, as the live connector overrides it.
    lines.push(`connect-to = ${quoted(`${entry.pattern}::${entry.address}:${entry.port}`)}`);
  }
  return lines.join('\n') + '\n';
}
