// Secrets never reach a report. Two nets: every secret the runner saw, in every encoding it may be
// written in (base64, base64url, URL-encoded, JSON-escaped, HTML-escaped), and patterns for secret
// shapes the runner may not have been told about (JWTs, SAS signatures, Shared Key signatures,
// connection-string keys, listKeys and Key Vault values).

/** Shorter strings would redact ordinary words; no Azure secret is this short. */
export const MIN_SECRET_LENGTH = 6;

interface Known {
  form: string;
  label: string;
}

function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Every way a secret may appear in text the tool writes. */
export function encodedForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const b64 = Buffer.from(secret, 'utf8').toString('base64');
  forms.add(b64);
  forms.add(b64.replace(/=+$/, ''));
  forms.add(Buffer.from(secret, 'utf8').toString('base64url'));
  forms.add(encodeURIComponent(secret));
  forms.add(new URLSearchParams({ x: secret }).toString().slice(2)); // form encoding: spaces as "+"
  forms.add(JSON.stringify(secret).slice(1, -1));
  forms.add(htmlEscape(secret));
  forms.add(htmlEscape(JSON.stringify(secret).slice(1, -1)));
  try {
    const decoded = decodeURIComponent(secret);
    forms.add(decoded);
    forms.add(htmlEscape(decoded));
  } catch {
    // not URL-encoded; nothing to add
  }
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

const R = (label: string) => `[REDACTED:${label}]`;

function isElided(v: string): boolean {
  return /(\.\.\.|…)$/.test(v) || v.startsWith('[REDACTED:');
}

const PATTERNS: ReadonlyArray<[RegExp, (m: string, ...g: string[]) => string]> = [
  [/eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, () => R('jwt')],
  [/(\bBearer\s+)([A-Za-z0-9._~+/-]{20,}=*)/g, (_m, p) => `${p}${R('bearer-token')}`],
  [/(\bsig(?:=|%3D))([^&\s"'<>]+)/gi, (_m, p) => `${p}${R('sas-signature')}`],
  [/(\bSharedKey(?:Lite)?\s+[^:\s]+:)([A-Za-z0-9+/=]{16,})/g, (_m, p) => `${p}${R('shared-key-signature')}`],
  [/(\bAccountKey=)([^;\s"']+)/g, (_m, p) => `${p}${R('account-key')}`],
  [/(\bclient_secret=)([^&\s"']+)/g, (_m, p) => `${p}${R('client-secret')}`],
  // Not the page's elided examples ("eyJ0eXAiOiJ..."): those are text, and already shortened.
  [/("(?:access_token|refresh_token|client_secret)"\s*:\s*")([^"]{8,})(")/g, (m, p, v, s) => (isElided(v) ? m : `${p}${R('token')}${s}`)],
  // listKeys: an account key is 88 base64 characters under "value".
  [/("value"\s*:\s*")([A-Za-z0-9+/]{40,}={0,2})(")/g, (_m, p, _v, s) => `${p}${R('account-key')}${s}`],
];

/**
 * Text none of PATTERNS can match: it holds none of these words. A report holds thousands of short
 * strings (ids, verdicts, header names); testing them once is cheaper than nine replaces each.
 */
const PATTERN_TRIGGER = /eyJ|Bearer|sig|SharedKey|AccountKey|client_secret|access_token|refresh_token|"value"/i;

/** A Key Vault secret body: its "value" is a secret whatever its shape. */
const KV_BODY = /"id"\s*:\s*"https:\/\/[^"]+\/secrets\//;

export class SecretLeakError extends Error {
  readonly labels: string[];
  readonly where: string;
  constructor(where: string, labels: string[]) {
    // Names the label and the output, never the secret.
    super(`refusing to write ${where}: it contains an unredacted secret (${[...new Set(labels)].join(', ')})`);
    this.name = 'SecretLeakError';
    this.labels = labels;
    this.where = where;
  }
}

export class Redactor {
  readonly #known: Known[] = [];

  /** Record a secret; it and its encodings are replaced by [REDACTED:<label>] everywhere. */
  add(secret: string, label: string): void {
    if (secret.length < MIN_SECRET_LENGTH) return;
    for (const form of encodedForms(secret)) {
      if (!this.#known.some((k) => k.form === form)) this.#known.push({ form, label });
    }
    // Longest first, so a secret inside a longer secret's encoding never leaves a tail behind.
    this.#known.sort((a, b) => b.form.length - a.form.length);
  }

  get size(): number {
    return this.#known.length;
  }

  redact(text: string): string {
    // Every known form and every pattern's match is at least this long.
    if (text.length < MIN_SECRET_LENGTH) return text;
    let out = text;
    // One includes() per form: a search V8 does much faster than an alternation of ~100 forms
    // (tried: over a full run the alternation cost ~4x what these searches cost).
    for (const k of this.#known) if (out.includes(k.form)) out = out.split(k.form).join(R(k.label));
    if (PATTERN_TRIGGER.test(out)) for (const [re, fn] of PATTERNS) out = out.replace(re, fn as (m: string, ...g: string[]) => string);
    if (KV_BODY.test(out)) out = out.replace(/("value"\s*:\s*")((?:[^"\\]|\\.)*)(")/g, (_m, p: string, _v: string, s: string) => `${p}${R('key-vault-secret')}${s}`);
    return out;
  }

  /** A deep copy with every string redacted and labelled secret fields replaced. */
  redactDeep<T>(value: T): T {
    return this.#walk(value, undefined) as T;
  }

  #walk(v: unknown, parent: Record<string, unknown> | undefined, key?: string): unknown {
    if (typeof v === 'string') {
      if (parent && key === 'value' && typeof parent['keyName'] === 'string') return R('account-key');
      if (parent && key === 'value' && typeof parent['id'] === 'string' && /\/secrets\//.test(parent['id'])) return R('key-vault-secret');
      if (parent && (key === 'access_token' || key === 'refresh_token' || key === 'client_secret') && v.length >= 8 && !isElided(v)) return R('token');
      return this.redact(v);
    }
    if (Array.isArray(v)) return v.map((x) => this.#walk(x, undefined));
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, this.#walk(x, o, k)]));
    }
    return v;
  }

  /** Labels of known secrets (any encoding) still present in `text`. */
  findLeaks(text: string): string[] {
    const labels = this.#known.filter((k) => text.includes(k.form)).map((k) => k.label);
    if (/eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/.test(text)) labels.push('jwt');
    return labels;
  }

  /** Throw SecretLeakError if `text` still holds a secret. */
  assertClean(text: string, where: string): void {
    const leaks = this.findLeaks(text);
    if (leaks.length > 0) throw new SecretLeakError(where, leaks);
  }
}
