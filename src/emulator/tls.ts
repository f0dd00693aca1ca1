// TLS material for the emulator: a private CA and one server certificate for every Azure host the
// emulator answers, generated at first start and cached, so clients trust the emulator explicitly
// through its CA (never by turning verification off). Keys come from node:crypto (fast); node-forge
// only builds and signs the X.509 structures, so it is loaded only when a certificate is made (the
// first start, an unlisted host name): a boot with a cached bundle checks it with node:crypto.
// A client that trusts the CA trusts it for the Azure domains only (RFC 5280 name constraints, which
// OpenSSL, Go and browsers enforce), for 90 days, and it cannot sign another CA: whoever obtains its
// key can impersonate no other site.
import { X509Certificate, createHash, createPrivateKey, createSign, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publishStateFile } from './state-file.ts';
import type * as ForgeTypes from 'node-forge';

type Forge = typeof ForgeTypes;

/** node-forge (~25 ms to load), when a certificate has to be made. */
async function loadForge(): Promise<Forge> {
  const mod = (await import('node-forge')) as Forge & { default?: Forge };
  return mod.default ?? mod;
}

/** Names the server certificate covers: every host a tutorial reaches over HTTPS, plus loopback. */
export const SERVER_NAMES = [
  'management.azure.com',
  'management.core.windows.net',
  'login.microsoftonline.com',
  'login.windows.net',
  'sts.windows.net',
  'login.microsoft.com',
  'graph.microsoft.com',
  '*.blob.core.windows.net',
  '*.vault.azure.net',
  '*.azuredatalakestore.net',
  'localhost',
] as const;
export const SERVER_IPS = ['127.0.0.1'] as const;

/**
 * The DNS domains the emulator answers for (each with every name below it): the CA's permitted
 * name subtrees, the names it makes certificates for, and the hosts `route()` sends to the emulator.
 */
// Services the emulator does not model live under some of these too (azurewebsites.net: App Service
// and Kudu; azurecr.io: Container Registry …): the emulator answers them "not emulated" rather than
// letting them look like names that do not resolve.
export const AZURE_DOMAINS = ['windows.net', 'azure.com', 'azure.net', 'microsoftonline.com', 'azuredatalakestore.net', 'microsoft.com', 'azurewebsites.net', 'azurecr.io', 'azure-api.net', 'azurefd.net', 'azureedge.net', 'azurestaticapps.net', 'azure-devices.net', 'trafficmanager.net', 'azconfig.io', 'azmk8s.io'] as const;

/** Is `name` (lower case, no port) an Azure host name, i.e. in one of AZURE_DOMAINS? */
export function isAzureHostName(name: string): boolean {
  return AZURE_DOMAINS.some((d) => name.endsWith(`.${d}`) || name === d);
}

/** Validity of the CA and the cached server certificate; the bundle is made anew when less than MIN_REMAINING_MS is left. */
const VALIDITY_MS = 90 * 24 * 3600 * 1000;
/** On-demand certificates live at most this long (and never beyond the CA). */
const ON_DEMAND_VALIDITY_MS = 7 * 24 * 3600 * 1000;

// 3: the CA's name constraints cover the added AZURE_DOMAINS (a v2 CA would not sign them).
const FORMAT_VERSION = 3;
/** The cached CA and server certificate with their keys (state-dir.ts checks it is private). */
export const BUNDLE_FILE = `tls-v${FORMAT_VERSION}.json`;
/** Regenerate when a certificate has less than this left, so a cached bundle never expires mid-run. */
const MIN_REMAINING_MS = 7 * 24 * 3600 * 1000;

interface Bundle {
  version: number;
  names: string[];
  caCert: string;
  caKey: string;
  cert: string;
  key: string;
}

export interface TlsMaterial {
  caPem: string;
  /** A file holding only the CA certificate (for curl's `cacert`, NODE_EXTRA_CA_CERTS, …). */
  caPath: string;
  certPem: string;
  keyPem: string;
  /** The CA's key, to sign certificates for Azure host names outside the static list on demand. */
  caKeyPem: string;
}

function newRsaKey(forge: Forge): { forgeKey: ForgeTypes.pki.rsa.PrivateKey; key: KeyObject; pem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return { forgeKey: forge.pki.privateKeyFromPem(pem) as ForgeTypes.pki.rsa.PrivateKey, key: privateKey, pem };
}

/**
 * Signs `cert` (SHA-256 with RSA) with node:crypto: node-forge builds the structure, but its
 * JavaScript RSA takes 50-150 ms per signature on the event loop, native signing about 1 ms.
 */
function sign(forge: Forge, cert: ForgeTypes.pki.Certificate, key: KeyObject): void {
  const signer = { sign: () => createSign('sha256').update(Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), 'binary')).sign(key).toString('binary') };
  cert.sign(signer as unknown as ForgeTypes.pki.rsa.PrivateKey, forge.md.sha256.create());
}

function serial(): string {
  // Positive (high bit clear) 16-byte serial, as RFC 5280 asks.
  const b = randomBytes(16);
  b[0] = (b[0] ?? 0) & 0x7f;
  return b.toString('hex');
}

/**
 * NameConstraints (RFC 5280 §4.2.1.10) permitting the Azure domains, `localhost` and 127.0.0.1 only.
 * A dNSName constraint covers the name and every name below it; with an iPAddress subtree present,
 * any other address is outside it.
 */
function nameConstraints(forge: Forge): ForgeTypes.asn1.Asn1 {
  const { asn1 } = forge;
  const subtree = (base: ForgeTypes.asn1.Asn1) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [base]);
  const dns = (name: string) => subtree(asn1.create(asn1.Class.CONTEXT_SPECIFIC, 2, false, name));
  const ip = (address: number[], mask: number[]) => subtree(asn1.create(asn1.Class.CONTEXT_SPECIFIC, 7, false, String.fromCharCode(...address, ...mask)));
  const permitted = [...AZURE_DOMAINS, 'localhost'].map(dns);
  for (const a of SERVER_IPS) permitted.push(ip(a.split('.').map(Number), [255, 255, 255, 255]));
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, permitted)]);
}

function generateBundle(forge: Forge, names: string[]): Bundle {
  const now = Date.now();
  const ca = newRsaKey(forge);
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = forge.pki.setRsaPublicKey(ca.forgeKey.n, ca.forgeKey.e);
  caCert.serialNumber = serial();
  caCert.validity.notBefore = new Date(now - 24 * 3600 * 1000);
  caCert.validity.notAfter = new Date(now + VALIDITY_MS);
  const caSubject = [
    { name: 'commonName', value: 'tutorial-conformance emulator CA' },
    { name: 'organizationName', value: 'tutorial-conformance (local emulator, not Microsoft)' },
  ];
  caCert.setSubject(caSubject);
  caCert.setIssuer(caSubject);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'nameConstraints', id: '2.5.29.30', critical: true, value: nameConstraints(forge) },
    { name: 'subjectKeyIdentifier' },
  ]);
  sign(forge, caCert, ca.key);

  const host = newRsaKey(forge);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(host.forgeKey.n, host.forgeKey.e);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now + VALIDITY_MS);
  cert.setSubject([{ name: 'commonName', value: 'management.azure.com' }]);
  cert.setIssuer(caSubject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...names.map((value) => ({ type: 2, value })), ...SERVER_IPS.map((ip) => ({ type: 7, ip }))] },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  sign(forge, cert, ca.key);

  return {
    version: FORMAT_VERSION,
    names,
    caCert: forge.pki.certificateToPem(caCert),
    caKey: ca.pem,
    cert: forge.pki.certificateToPem(cert),
    key: host.pem,
  };
}

function usable(b: Bundle, names: string[]): boolean {
  if (b.version !== FORMAT_VERSION || b.names.join(',') !== names.join(',')) return false;
  const horizon = Date.now() + MIN_REMAINING_MS;
  try {
    return [b.caCert, b.cert].every((pem) => Date.parse(new X509Certificate(pem).validTo) > horizon);
  } catch {
    return false; // not a certificate (a damaged file): made anew
  }
}

async function readBundle(path: string): Promise<Bundle | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Bundle;
  } catch {
    return undefined;
  }
}

/**
 * Load the cached CA and server certificate from `stateDir`, generating them when absent, stale or
 * made for other host names. Safe when several emulators start at once: the first bundle written
 * wins (hard link, which fails if the file exists) and everyone uses that one.
 */
export async function loadTlsMaterial(stateDir: string): Promise<TlsMaterial> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const names = [...SERVER_NAMES];
  const bundlePath = join(stateDir, BUNDLE_FILE);
  let bundle = await readBundle(bundlePath);
  if (bundle === undefined || !usable(bundle, names)) {
    const stale = bundle !== undefined;
    const fresh = generateBundle(await loadForge(), names);
    if (await publishStateFile(bundlePath, JSON.stringify(fresh), { replace: stale })) bundle = fresh;
    else {
      const winner = await readBundle(bundlePath);
      bundle = winner !== undefined && usable(winner, names) ? winner : fresh;
    }
  }
  // Content-addressed, so two instances never overwrite each other's CA file with a different CA.
  const fingerprint = createHash('sha256').update(bundle.caCert).digest('hex').slice(0, 16);
  const caPath = join(stateDir, `emulator-ca-${fingerprint}.pem`);
  const caTmp = `${caPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(caTmp, bundle.caCert, { mode: 0o644 });
  await rename(caTmp, caPath);
  return { caPem: bundle.caCert, caPath, certPem: bundle.cert, keyPem: bundle.key, caKeyPem: bundle.caKey };
}

/** The CA as node-forge objects, parsed once per material (every on-demand certificate needs them). */
const parsedCa = new WeakMap<TlsMaterial, { cert: ForgeTypes.pki.Certificate; key: KeyObject; hostKey: ForgeTypes.pki.rsa.PrivateKey }>();

/**
 * A server certificate for one Azure host name the static list does not cover, signed by the
 * emulator CA, so an unmodelled Azure host still completes a TLS handshake and gets a "not emulated"
 * answer. Names outside AZURE_DOMAINS are refused: the CA's name constraints would make such a
 * certificate fail verification anyway.
 */
export async function issueServerCertificate(material: TlsMaterial, name: string): Promise<string> {
  if (!isAzureHostName(name)) throw new Error(`no certificate for '${name}': not an Azure host name`);
  const forge = await loadForge();
  let ca = parsedCa.get(material);
  if (ca === undefined) {
    ca = { cert: forge.pki.certificateFromPem(material.caPem), key: createPrivateKey(material.caKeyPem), hostKey: forge.pki.privateKeyFromPem(material.keyPem) as ForgeTypes.pki.rsa.PrivateKey };
    parsedCa.set(material, ca);
  }
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(ca.hostKey.n, ca.hostKey.e);
  cert.serialNumber = `01${randomUUID().replace(/-/g, '')}`;
  cert.validity.notBefore = new Date(Date.now() - 3600 * 1000);
  cert.validity.notAfter = new Date(Math.min(Date.now() + ON_DEMAND_VALIDITY_MS, ca.cert.validity.notAfter.getTime()));
  cert.setSubject([{ name: 'commonName', value: name }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: name }] },
  ]);
  sign(forge, cert, ca.key);
  return forge.pki.certificateToPem(cert);
}
