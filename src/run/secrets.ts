// Every secret a run sees goes to the redactor before anything is printed or written: tokens and Basic
// credentials in Authorization headers, tokens in token responses, account keys from listKeys, SAS tokens and signatures,
// Key Vault secret values, client secrets in form bodies. The run also keeps the raw values so a test
// can prove none of them reached any output.
import { Redactor } from '../report/redact.ts';
import type { SecretSink } from './context.ts';
import type { ObservedExchange, Observation } from './observation.ts';

export class RunSecrets implements SecretSink {
  readonly redactor: Redactor;
  readonly #seen = new Map<string, string>();

  constructor(redactor: Redactor = new Redactor()) {
    this.redactor = redactor;
  }

  add(secret: string, label: string): void {
    if (secret === '' || this.#seen.has(secret)) return;
    this.#seen.set(secret, label);
    this.redactor.add(secret, label);
  }

  /** Every secret value recorded so far, with its label. */
  values(): { value: string; label: string }[] {
    return [...this.#seen].map(([value, label]) => ({ value, label }));
  }
}

const TOKEN_FIELDS = new Set(['access_token', 'refresh_token', 'id_token', 'client_secret', 'serviceSasToken', 'accountSasToken']);

function addSas(sink: SecretSink, sas: string, label: string): void {
  sink.add(sas, label);
  const sig = /(?:^|[?&])sig=([^&]+)/.exec(sas)?.[1];
  if (sig) {
    sink.add(sig, `${label} signature`);
    try {
      sink.add(decodeURIComponent(sig), `${label} signature`);
    } catch {
      // a malformed escape is kept as written
    }
  }
}

function walkJson(value: unknown, sink: SecretSink, where: string, parent?: Record<string, unknown>, key?: string): void {
  if (typeof value === 'string') {
    if (key && TOKEN_FIELDS.has(key)) {
      if (key.endsWith('SasToken')) addSas(sink, value, `${key} from ${where}`);
      else sink.add(value, `${key} from ${where}`);
    }
    if (key === 'value' && parent && typeof parent.keyName === 'string') sink.add(value, `${String(parent.keyName)} from ${where}`);
    if (key === 'value' && parent && typeof parent.id === 'string' && /\/secrets\//.test(parent.id)) sink.add(value, `secret value from ${where}`);
    return;
  }
  if (Array.isArray(value)) for (const v of value) walkJson(v, sink, where);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) walkJson(v, sink, where, o, k);
  }
}

export function harvestExchange(ex: ObservedExchange, sink: SecretSink): void {
  const where = ex.request.url.replace(/\?.*$/, '');
  for (const [name, value] of ex.request.headers) {
    if (name.toLowerCase() !== 'authorization') continue;
    const bearer = /^\s*Bearer\s+(\S+)/i.exec(value)?.[1];
    if (bearer) sink.add(bearer, `bearer token sent to ${where}`);
    const sharedKey = /^\s*SharedKey\s+[^:]+:(\S+)/i.exec(value)?.[1];
    if (sharedKey) sink.add(sharedKey, `Shared Key signature sent to ${where}`);
    // curl -u id:secret: the credentials, and the password on its own (it may be printed elsewhere).
    const basic = /^\s*Basic\s+(\S+)/i.exec(value)?.[1];
    if (basic) {
      sink.add(basic, `Basic credentials sent to ${where}`);
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) sink.add(decoded.slice(colon + 1), `password sent to ${where}`);
    }
  }
  const query = ex.request.url.includes('?') ? ex.request.url.slice(ex.request.url.indexOf('?')) : '';
  if (/[?&]sig=/.test(query)) addSas(sink, query.slice(1), `SAS sent to ${where}`);
  const body = ex.request.body;
  if (body && ex.request.bodyEncoding === 'utf8') {
    if (/client_secret=/.test(body)) {
      const secret = new URLSearchParams(body).get('client_secret');
      if (secret) sink.add(secret, 'client secret');
    }
    if (/^\s*[[{]/.test(body)) {
      try {
        walkJson(JSON.parse(body), sink, where);
      } catch {
        // not JSON after all
      }
    }
  }
  if (ex.response?.json !== undefined) walkJson(ex.response.json, sink, where);
}

export function harvestObservation(obs: Observation, sink: SecretSink): void {
  for (const ex of obs.exchanges) harvestExchange(ex, sink);
  if (obs.output?.stdout && /^\s*[[{]/.test(obs.output.stdout)) {
    try {
      walkJson(JSON.parse(obs.output.stdout), sink, `step ${obs.stepId} output`);
    } catch {
      // curl -i output or text: the exchanges above already hold its secrets
    }
  }
}
