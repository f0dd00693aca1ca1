// Which certificate the HTTPS listener presents for a TLS server name. The static server
// certificate covers the tutorials' hosts; another Azure host name the emulator answers (with "not
// emulated") gets one made on demand; any other name gets none, so the handshake fails as it would
// against a server that is not that host. On-demand certificates are kept in a bounded
// least-recently-used cache: a client asking for thousands of names costs a certificate each, never
// memory for all of them.
import net from 'node:net';
import tls from 'node:tls';
import type { ConnectDecision } from './server.ts';
import { SERVER_NAMES, issueServerCertificate, isAzureHostName, type TlsMaterial } from './tls.ts';

/** How many on-demand certificates an emulator keeps; a tutorial run touches a handful of names. */
export const MAX_CACHED_CERTIFICATES = 32;

type SniCallback = (servername: string, cb: (err: Error | null, ctx?: tls.SecureContext) => void) => void;

/** Is `name` one of the static certificate's names (a wildcard covers one label)? */
function covered(name: string): boolean {
  return SERVER_NAMES.some((san) => (san.startsWith('*.') ? name.endsWith(san.slice(1)) && !name.slice(0, -san.length + 1).includes('.') : name === san));
}

export function sniCertificates(material: TlsMaterial, decide: (host: string, port: number) => ConnectDecision, max = MAX_CACHED_CERTIFICATES): SniCallback {
  const defaultCtx = tls.createSecureContext({ key: material.keyPem, cert: material.certPem });
  // Map order is insertion order: re-inserting on use makes the first entry the least recently used.
  const cache = new Map<string, tls.SecureContext>();
  const issuing = new Map<string, Promise<tls.SecureContext>>();
  const keep = (name: string, ctx: tls.SecureContext): void => {
    cache.delete(name);
    cache.set(name, ctx);
    while (cache.size > max) cache.delete(cache.keys().next().value as string);
  };
  return (servername, cb) => {
    const name = servername.toLowerCase();
    // A client that reached this listener without name resolution (curl --connect-to) for an
    // account or vault that does not exist: the handshake fails, as no server would answer it.
    const d = name === '' ? undefined : decide(name, 443);
    if (d?.kind === 'refuse' && d.noSuchHost === true) return cb(new Error(`${name} does not resolve: ${d.reason}`));
    if (name === '' || covered(name) || net.isIP(name) !== 0) return cb(null, defaultCtx);
    if (d?.kind !== 'connect' || !isAzureHostName(name) || !/^[a-z0-9.-]{1,253}$/.test(name)) {
      return cb(new Error(`no certificate for server name '${name}': not an Azure host name the emulator answers`));
    }
    const ready = cache.get(name);
    if (ready !== undefined) {
      keep(name, ready);
      return cb(null, ready);
    }
    let pending = issuing.get(name);
    if (pending === undefined) {
      pending = issueServerCertificate(material, name).then((cert) => tls.createSecureContext({ key: material.keyPem, cert }));
      issuing.set(name, pending);
      void pending.finally(() => issuing.delete(name)).catch(() => undefined);
    }
    pending.then(
      (ctx) => {
        keep(name, ctx);
        cb(null, ctx);
      },
      (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
    );
  };
}
