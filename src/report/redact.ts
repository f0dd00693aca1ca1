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

/** Replacements made, by label: what a report says it redacted (`redactions`). */
export type RedactionCounts = Map<string, number>;

function counted(counts: RedactionCounts | undefined, label: string, n = 1): void {
  if (counts !== undefined && n > 0) counts.set(label, (counts.get(label) ?? 0) + n);
}

/**
 * Whether a value given with `--set KEY=VALUE` is a secret: by its key's words (TOKEN, KEY, SECRET,
 * PASSWORD, SAS, SIG, CREDENTIAL, CONNECTION STRING — unless the next word says it names the thing:
 * KEY_VAULT, SECRET_NAME, KEY_ID, TOKEN_TYPE…) or by its shape (a JWT, a SAS query, a connection
 * string with a key, base64 of a key's length, an Entra client secret). Not by length: role names,
 * GUIDs, resource ids and URLs are printed as given.
 */
export function isSecretSetting(key: string, value: string): boolean {
  const words = key.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w !== '');
  const SECRET_WORDS = new Set(['TOKEN', 'KEY', 'KEYS', 'SECRET', 'PASSWORD', 'PASSWD', 'PWD', 'SAS', 'SIG', 'SIGNATURE', 'CREDENTIAL', 'CREDENTIALS', 'CONNECTIONSTRING']);
  const NAMING = new Set(['VAULT', 'NAME', 'ID', 'URI', 'URL', 'VERSION', 'TYPE', 'SIZE', 'EXPIRY', 'PERMISSIONS']);
  const joined = words.join('_');
  if (joined.includes('CONNECTION_STRING')) return true;
  for (const [i, w] of words.entries()) if (SECRET_WORDS.has(w) && !NAMING.has(words[i + 1] ?? '')) return true;
  const v = value.trim();
  if (/^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(v)) return true; // a JWT
  if (/(?:^|[?&])sig=[^&]+/.test(v)) return true; // a SAS token or URL
  if (/(?:AccountKey|SharedAccessKey|Password)=[^;]+/i.test(v)) return true; // a connection string with a key
  if (/^[A-Za-z0-9_\-.~]{3}\dQ~[A-Za-z0-9_\-.~]{31,34}$/.test(v)) return true; // an Entra client secret
  if (/^[A-Za-z0-9+/]{40,}={0,2}$/.test(v) && v.length % 4 === 0) {
    const bytes = Buffer.from(v, 'base64').length;
    if (bytes === 32 || bytes === 64) return true; // base64 of a storage or Key Vault key's length
  }
  return false;
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

  /** `text` with every known secret and secret-shaped value replaced; `counts` (optional) tallies the replacements by label. */
  redact(text: string, counts?: RedactionCounts): string {
    // Every known form and every pattern's match is at least this long.
    if (text.length < MIN_SECRET_LENGTH) return text;
    let out = text;
    // One includes() per form: a search V8 does much faster than an alternation of ~100 forms
    // (tried: over a full run the alternation cost ~4x what these searches cost).
    for (const k of this.#known) {
      if (!out.includes(k.form)) continue;
      const parts = out.split(k.form);
      counted(counts, k.label, parts.length - 1);
      out = parts.join(R(k.label));
    }
    const tally = (label: string, replacement: string): string => {
      counted(counts, label);
      return replacement;
    };
    if (PATTERN_TRIGGER.test(out)) {
      for (const [re, fn] of PATTERNS) {
        out = out.replace(re, (...args: string[]) => {
          const replaced = (fn as (m: string, ...g: string[]) => string)(...(args as [string, ...string[]]));
          const label = /\[REDACTED:([^\]]+)\]/.exec(replaced)?.[1];
          return replaced !== args[0] && label !== undefined ? tally(label, replaced) : replaced;
        });
      }
    }
    if (KV_BODY.test(out)) out = out.replace(/("value"\s*:\s*")((?:[^"\\]|\\.)*)(")/g, (_m, p: string, _v: string, s: string) => tally('key-vault-secret', `${p}${R('key-vault-secret')}${s}`));
    return out;
  }

  /** A deep copy with every string redacted and labelled secret fields replaced; `counts` tallies them. */
  redactDeep<T>(value: T, counts?: RedactionCounts): T {
    return this.#walk(value, counts, undefined) as T;
  }

  #walk(v: unknown, counts: RedactionCounts | undefined, parent: Record<string, unknown> | undefined, key?: string): unknown {
    if (typeof v === 'string') {
      const fixed = (label: string): string => {
        counted(counts, label);
        return R(label);
      };
      if (parent && key === 'value' && typeof parent['keyName'] === 'string') return isElided(v) ? v : fixed('account-key');
      if (parent && key === 'value' && typeof parent['id'] === 'string' && /\/secrets\//.test(parent['id'])) return isElided(v) ? v : fixed('key-vault-secret');
      if (parent && (key === 'access_token' || key === 'refresh_token' || key === 'client_secret') && v.length >= 8 && !isElided(v)) return fixed('token');
      return this.redact(v, counts);
    }
    if (Array.isArray(v)) return v.map((x) => this.#walk(x, counts, undefined));
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, this.#walk(x, counts, o, k)]));
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
