// The host name curl resolves for a URL word, and whether curl takes the word for a URL at all.
// Checked against curl 7.88.1 (libidn2, C.UTF-8 locale) on 127.0.0.1; curl 8's idn.c and hostip.c
// take the same path: the host as written must not hold one of urlapi's forbidden ASCII characters
// (else exit 3), a non-ASCII host is converted by libidn2 (UTS #46 mapping: NFKC, lower case,
// ignored characters dropped; a non-ASCII label becomes punycode, an ASCII one stays as mapped) and
// "Could not resolve host:" names the converted name, so `–-request` is `xn---request-rn3d` and a
// lone U+00A0 is " ". A converted name with a space in it never resolves: exit 6, not 3.
import { domainToASCII } from 'node:url';

/** urlapi.c's hostname_check: a host holding one of these is "bad/illegal format" (exit 3). */
const CURL_BAD_HOST_CHARS = /[ \r\n\t/:#?!@{}[\]\\$'"^`*<>=;,+&()%]/;
/** Characters UTS #46 maps to nothing. */
const IDNA_IGNORED = /[\u00AD\u034F\u180B-\u180D\u200B\u2060\uFE00-\uFE0F\uFEFF]/g;
/** Full stops UTS #46 maps to ".". */
const IDNA_DOTS = /[\u3002\uFF0E\uFF61]/g;

/** The name curl looks up for `host` as written; undefined when libidn2 would refuse it (curl exit 3). */
export function curlLookupName(host: string): string | undefined {
  if (/^[\x00-\x7f]*$/.test(host)) return host;
  const mapped = host.replace(IDNA_IGNORED, '').normalize('NFKC').toLowerCase().replace(IDNA_DOTS, '.');
  const labels: string[] = [];
  for (const label of mapped.split('.')) {
    if (/^[\x00-\x7f]*$/.test(label)) labels.push(label);
    else {
      const ace = domainToASCII(label);
      if (ace === '') return undefined;
      labels.push(ace);
    }
  }
  return labels.join('.');
}

export type CurlUrlWord =
  | { kind: 'rejected' } // curl: (3)
  | { kind: 'host'; host: string; port: number; lookup: string };

/** How curl reads a URL word's authority (no scheme: http). */
export function curlUrlWord(word: string): CurlUrlWord {
  const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/?#]*)/.exec(word);
  const scheme = (m?.[1] ?? 'http').toLowerCase();
  const authority = (m?.[2] ?? '').replace(/^.*@/, '');
  const hp = /^(\[[0-9A-Fa-f:.]+(?:%[^\]]*)?\]|[^:]*)(?::(\d*))?$/.exec(authority);
  const host = hp?.[1];
  if (host === undefined || host === '' || (!host.startsWith('[') && CURL_BAD_HOST_CHARS.test(host))) return { kind: 'rejected' };
  const port = hp?.[2] ? Number(hp[2]) : scheme === 'https' ? 443 : 80;
  if (port > 65535) return { kind: 'rejected' };
  const lookup = curlLookupName(host);
  return lookup === undefined ? { kind: 'rejected' } : { kind: 'host', host, port, lookup };
}

/**
 * A name public DNS may answer: dotted labels ending in an alphabetic top-level domain, none of the
 * names reserved never to resolve (RFC 2606/6761: .test, .example, .invalid, .localhost, .local).
 * `https` (a doubled scheme's first half) or a no-break space taken for a host is no such name.
 */
export function mayResolvePublicly(host: string): boolean {
  if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host)) return false;
  return !/\.(?:test|example|invalid|localhost|local)$/.test(host);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** The reader's own machine (lower case; an IPv6 literal with or without its brackets). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host);
}

/** Why a request to the reader's own machine is not judged in an emulator run. */
export function ownMachineReason(where: string): string {
  return `${where} is the reader's own machine: whatever the page starts there (func start, npm start, a local server) is not run here, so this request is not judged`;
}

/**
 * A private IPv4 address (RFC 1918: 10/8, 172.16/12, 192.168/16): reachable only from inside the
 * network that holds it (a VNet, a pod of a cluster, the reader's LAN), never from this machine.
 */
export function isPrivateAddress(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m || m.slice(1).some((o) => Number(o) > 255)) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * A public unicast IPv4 address: a load balancer's, a VM's or a gateway's external IP that the page
 * shows (`http://52.186.64.52:8080` from `kubectl get service`'s EXTERNAL-IP) and the reader's own
 * resource has another of. Not private (RFC 1918), loopback (127/8), "this network" (0/8), shared
 * (100.64/10), link-local (169.254/16: IMDS is the emulator's), the IETF and documentation blocks
 * (192.0.0/24, 192.0.2/24, 198.51.100/24, 203.0.113/24: RFC 5737, examples that never route),
 * benchmarking (198.18/15) or multicast and reserved (224/3).
 */
export function isPublicAddress(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m || m.slice(1).some((o) => Number(o) > 255) || isPrivateAddress(host)) return false;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (a === 0 || a === 127 || a >= 224 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 198 && (b === 18 || b === 19))) return false;
  return !((a === 192 && b === 0 && (c === 0 || c === 2)) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113));
}

/** Why a request to a public IP address is not judged in an emulator run. */
export function publicAddressReason(where: string): string {
  return `${where} is a public IP address (a load balancer's, a VM's: the reader's own resource has its own), which the emulator run does not reach since it never leaves the machine, so this request is not judged (--target azure reaches it)`;
}

/** Why a request to a private address is not judged in an emulator run. */
export function privateNetworkReason(where: string): string {
  return `${where} is a private address (RFC 1918), reachable only from inside its network (a VNet, a pod of a cluster, the reader's LAN): the emulator run is not there, so this request is not judged`;
}

/** Why a request to a public host outside Azure is not judged in an emulator run. */
export function outsideAzureReason(hosts: readonly string[]): string {
  const many = hosts.length > 1;
  return `${hosts.join(', ')} ${many ? 'are' : 'is'} outside Azure: the emulator run never leaves the machine, so ${many ? 'they are' : 'it is'} not reached here (--target azure reaches ${many ? 'them' : 'it'})`;
}
