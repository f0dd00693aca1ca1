// Secrets never reach a report. Two nets: every secret the runner saw, in every form a tool may write
// it in (secret-forms.ts), found by one scan of the text and of its views where tools broke it apart
// (secret-views.ts: folded lines, trace and dump prefixes, od and hex dumps) whatever the number of
// secrets (secret-index.ts); and patterns for secret shapes the runner may not have been told about
// (JWTs, also wrapped across lines, SAS signatures, Shared Key signatures, connection-string keys,
// listKeys and Key Vault values).
import { encodedForms, MIN_SECRET_LENGTH } from './secret-forms.ts';
import { SecretIndex, type ScanWork } from './secret-index.ts';
import { dumpViews, endOfFoldedRun, mayHoldDump, skeletonView, type View } from './secret-views.ts';

export { encodedForms, MIN_SECRET_LENGTH };
export type { ScanWork };

/** Views of a long text are built a chunk at a time (plus an overlap that holds any folded secret). */
const CHUNK = 1 << 20;

interface Span {
  start: number;
  end: number;
  label: string;
}

const R = (label: string) => `[REDACTED:${label}]`;

const JWT = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

function isElided(v: string): boolean {
  return /(\.\.\.|…)$/.test(v) || v.startsWith('[REDACTED:');
}

// A value already replaced by a known secret's label ("[REDACTED:Tutorial Reader client secret]") is not
// taken again: the pattern would stop at its first space and leave the rest of the label behind.
const PATTERNS: ReadonlyArray<[RegExp, (m: string, ...g: string[]) => string]> = [
  [JWT, () => R('jwt')],
  [/(\bBearer\s+)([A-Za-z0-9._~+/-]{20,}=*)/g, (_m, p) => `${p}${R('bearer-token')}`],
  // base64(id:secret), as curl -u and clients send it; not prose ("Basic authentication" decodes to no "id:").
  [/(\bBasic\s+)([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g, (m, p, v) => (/^[\x20-\x7e]*:/.test(Buffer.from(v, 'base64').toString('latin1')) ? `${p}${R('basic-credentials')}` : m)],
  [/(\bsig(?:=|%3D))(?!\[REDACTED:)([^&\s"'<>]+)/gi, (_m, p) => `${p}${R('sas-signature')}`],
  [/(\bSharedKey(?:Lite)?\s+[^:\s]+:)([A-Za-z0-9+/=]{16,})/g, (_m, p) => `${p}${R('shared-key-signature')}`],
  [/(\bAccountKey=)(?!\[REDACTED:)([^;\s"']+)/g, (_m, p) => `${p}${R('account-key')}`],
  // Service Bus, Event Hubs, Notification Hubs and Relay (SharedAccessKey=), SignalR and Web PubSub (AccessKey=)
  // connection strings: a key is base64 of 32 bytes; the pages' placeholders (SharedAccessKey=yourKey, <key>) stay.
  [/(\b(?:Shared)?AccessKey=)([A-Za-z0-9+/]{20,}={0,2})(?![A-Za-z0-9+/=])/g, (_m, p) => `${p}${R('access-key')}`],
  [/(\bclient_secret=)(?!\[REDACTED:)([^&\s"']+)/g, (_m, p) => `${p}${R('client-secret')}`],
  // Not the page's elided examples ("eyJ0eXAiOiJ..."): those are text, and already shortened.
  [/("(?:access_token|refresh_token|client_secret)"\s*:\s*")([^"]{8,})(")/g, (m, p, v, s) => (isElided(v) ? m : `${p}${R('token')}${s}`)],
  // listKeys: an account key is 88 base64 characters under "value".
  [/("value"\s*:\s*")([A-Za-z0-9+/]{40,}={0,2})(")/g, (_m, p, _v, s) => `${p}${R('account-key')}${s}`],
];

/**
 * Text none of PATTERNS can match: it holds none of these words. A report holds thousands of short
 * strings (ids, verdicts, header names); testing them once is cheaper than nine replaces each.
 */
const PATTERN_TRIGGER = /eyJ|Bearer|Basic|sig|SharedKey|AccountKey|AccessKey|client_secret|access_token|refresh_token|"value"/i;

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
  if (/(?:AccountKey|AccessKey|Password)=[^;]+/i.test(v)) return true; // a connection string with a key (AccessKey: SharedAccessKey too)
  if (/^[A-Za-z0-9_\-.~]{3}\dQ~[A-Za-z0-9_\-.~]{31,34}$/.test(v)) return true; // an Entra client secret
  if (/^[A-Za-z0-9+/]{40,}={0,2}$/.test(v) && v.length % 4 === 0) {
    const bytes = Buffer.from(v, 'base64').length;
    if (bytes === 32 || bytes === 64) return true; // base64 of a storage or Key Vault key's length
  }
  return false;
}

/** Overlapping matches become one span, labelled by the longest of them. */
function merged(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  let longest = 0;
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > longest) {
        longest = s.end - s.start;
        last.label = s.label;
      }
      last.end = Math.max(last.end, s.end);
    } else {
      out.push({ ...s });
      longest = s.end - s.start;
    }
  }
  return out;
}

/**
 * What of a registered value is the secret, read with one JSON.parse. A secret as az prints it with
 * -o json is a JSON string, quotes (and the newline after them) included: its quotes are not the
 * secret, and redacting them with it would cut JSON apart wherever the value sits in a JSON text (a
 * report.json that no longer parses), so the value inside is the secret. A JSON object or array is
 * not one secret but a structure (undefined): cut out whole, it would take JSON syntax with it; its
 * secret fields are found by name where it was read.
 */
function secretPart(secret: string): string | undefined {
  const t = secret.trim();
  if (!/^["[{]/.test(t)) return secret;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return secret;
  }
  // A JSON string holding a structure (az printing a secret whose value is JSON) is that structure.
  if (typeof v === 'string') return /^\s*[[{]/.test(v) ? secretPart(v) : v;
  return typeof v === 'object' && v !== null ? undefined : secret;
}

export class Redactor {
  readonly #index = new SecretIndex();

  /** Record a secret; it and its encodings are replaced by [REDACTED:<label>] everywhere. */
  add(secret: string, label: string): void {
    const value = secretPart(secret);
    if (value !== undefined) this.#index.add(value, label);
  }

  /** Forms of known secrets looked for. */
  get size(): number {
    return this.#index.size;
  }

  /** Characters scanned and forms compared so far (tests count work, never time). */
  get work(): Readonly<ScanWork> {
    return this.#index.work;
  }

  #scanView(text: string, view: View, spans: Span[]): void {
    // In view offsets first (end inclusive), then mapped back in one walk.
    const found: Span[] = [];
    this.#index.scan(view.text, (m) => found.push({ start: m.start, end: m.end - 1, label: m.label }));
    const jwts = found.length;
    // A JWT nobody registered, wrapped across lines: the pattern net, in the skeleton.
    if (view.text.includes('eyJ')) for (const m of view.text.matchAll(JWT)) found.push({ start: m.index, end: m.index + m[0].length - 1, label: 'jwt' });
    if (found.length === 0) return;
    const offsets = [...new Set(found.flatMap((f) => [f.start, f.end]))].sort((a, b) => a - b);
    const located = new Map(view.locate(offsets).map((o, k) => [offsets[k]!, o]));
    for (const [k, f] of found.entries()) {
      const start = located.get(f.start)!;
      const end = located.get(f.end)! + 1;
      if (k < jwts) spans.push({ start, end, label: f.label });
      // On one line the pattern below sees it whole.
      else if (text.lastIndexOf('\n', end - 1) >= start) spans.push({ start, end: endOfFoldedRun(text, start, end), label: 'jwt' });
    }
  }

  /** Where known secrets (any form, any view) and wrapped JWTs are, merged. */
  #spans(text: string): Span[] {
    const spans: Span[] = [];
    this.#index.scan(text, (m) => spans.push(m));
    const blanks = /\s/.test(text);
    const dumps = mayHoldDump(text);
    if (!blanks && !dumps) return merged(spans);
    const overlap = 8 * this.#index.longest + 4096;
    for (let at = 0; at < text.length; at += CHUNK) {
      const from = at === 0 ? 0 : text.lastIndexOf('\n', at) + 1;
      const to = Math.min(text.length, at + CHUNK + overlap);
      if (blanks) this.#scanView(text, skeletonView(text, from, to), spans);
      if (dumps && mayHoldDump(text, from, to)) for (const view of dumpViews(text, from, to)) this.#scanView(text, view, spans);
      if (to === text.length) break;
    }
    return merged(spans);
  }

  /** Where known secrets (any form) and wrapped JWTs are in `text`: what a cut must not split. */
  secretSpans(text: string): { start: number; end: number; label: string }[] {
    return this.#spans(text);
  }

  /** `text` with every known secret and secret-shaped value replaced; `counts` (optional) tallies the replacements by label. */
  redact(text: string, counts?: RedactionCounts): string {
    // Every known form and every pattern's match is at least this long.
    if (text.length < MIN_SECRET_LENGTH) return text;
    let out = text;
    const spans = this.#spans(text);
    if (spans.length > 0) {
      const parts: string[] = [];
      let at = 0;
      for (const s of spans) {
        parts.push(text.slice(at, s.start), R(s.label));
        counted(counts, s.label);
        at = s.end;
      }
      parts.push(text.slice(at));
      out = parts.join('');
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

  /** Labels of known secrets (any form, any view) and JWTs still present in `text`. */
  findLeaks(text: string): string[] {
    const labels = this.#spans(text).map((s) => s.label);
    JWT.lastIndex = 0;
    if (JWT.test(text)) labels.push('jwt');
    return labels;
  }

  /** Throw SecretLeakError if `text` still holds a secret. */
  assertClean(text: string, where: string): void {
    const leaks = this.findLeaks(text);
    if (leaks.length > 0) throw new SecretLeakError(where, leaks);
  }
}
