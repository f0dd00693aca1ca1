// Captures: which earlier step's response supplies a value a later step consumes. A consumer's
// producer is the nearest earlier step that can produce the value.
import type { AzStep, Capture, Step } from '../model.ts';
import { findAnglePlaceholders, placeholderKey } from './placeholders.ts';
import { sentences } from './sentences.ts';

const foldDashes = (s: string) => s.replace(/[\u2010-\u2015\u2212]/g, '-');

/** Token requests: IMDS, the legacy VM extension endpoint, Entra's token endpoint. */
export function isTokenUrl(url: string): boolean {
  return /\/oauth2(?:\/v2\.0)?\/token\b/i.test(url);
}

/** The resource (audience) a token request asks for, decoded when it can be. */
export function tokenResource(step: Step): string | undefined {
  const curl = step.kind === 'http' ? step.curl : step.kind === 'shell' && step.shell.kind === 'assign' ? step.shell.curl : undefined;
  if (!curl) return undefined;
  const sources = [curl.url, ...curl.data.map((d) => d.value)];
  for (const s of sources) {
    const m = /(?:^|[?&])resource=([^&\s]*)/.exec(s);
    if (m) {
      try {
        return decodeURIComponent(m[1]!);
      } catch {
        return m[1];
      }
    }
  }
  return undefined;
}

const line = (s: Step) => `${s.source.file}:${s.source.startLine}`;

/** What a step's response can supply: one bit per producer kind. */
const P_TOKEN = 1;
const P_LIST_KEYS = 2;
const P_IDENTITY = 4;
const P_SERVICE_SAS = 8;

function producerBits(s: Step): number {
  if (s.kind === 'http') {
    const url = s.curl.url;
    if (isTokenUrl(url)) return P_TOKEN;
    if (/\/listKeys\b/i.test(url)) return P_LIST_KEYS;
    if (/\/listServiceSas\b/i.test(url)) return P_SERVICE_SAS;
    return 0;
  }
  if (s.kind === 'az' && s.az.path.length === 2 && s.az.path[0] === 'identity' && s.az.path[1] === 'create') return P_IDENTITY;
  return 0;
}

/** Which producer fills a placeholder key, and from which response path. */
const endsWord = (key: string, suffix: string) => key === suffix || key.endsWith(`_${suffix}`);
/**
 * The sentence of the consumer's lead-in prose that asks for the value: one that names the value
 * and says where it comes from ("replace … with the token returned in the previous step"), else
 * one that names it.
 */
function proseCue(prose: ProseMap | undefined, step: Step, cue: RegExp): string {
  const paragraphs = prose?.get(step);
  if (!paragraphs) return '';
  let best = '';
  let bestScore = -1;
  for (const p of paragraphs) {
    for (const { text: sentence } of sentences(p.text)) {
      if (!cue.test(sentence)) continue;
      const score = /\b(?:returned|retrieved|obtained|previous|earlier)\b/i.test(sentence) ? 2 : /\b(?:replace|use the)\b/i.test(sentence) ? 1 : 0;
      if (score <= bestScore) continue;
      const s = sentence.replace(/\s+/g, ' ').trim();
      best = `; prose (line ${p.line}): "${s.length > 200 ? `${s.slice(0, 197)}...` : s}"`;
      bestScore = score;
    }
  }
  return best;
}

export type ProseMap = Map<Step, Array<{ text: string; line: number }>>;

const CUES: Record<string, RegExp> = {
  access_token: /token/i,
  'keys[0].value': /\bkey\b/i,
  clientId: /client ?id/i,
  principalId: /principal ?id/i,
  id: /--identities/i,
  serviceSasToken: /\bSAS\b/,
};

const CONSUMER_RULES: Array<{ bit: number; path: string; what: string; key: (key: string) => boolean }> = [
  {
    bit: P_TOKEN,
    path: 'access_token',
    what: 'token request',
    key: (k) => endsWord(k, 'ACCESS_TOKEN') || endsWord(k, 'ACCESS_TOKEN_VALUE') || k === 'TOKEN' || k === 'BEARER_TOKEN',
  },
  { bit: P_LIST_KEYS, path: 'keys[0].value', what: 'listKeys request', key: (k) => k.endsWith('ACCOUNT_KEY') || k.endsWith('STORAGE_KEY') || k.endsWith('ACCESS_KEY') },
  { bit: P_IDENTITY, path: 'clientId', what: 'az identity create', key: (k) => endsWord(k, 'CLIENT_ID') || endsWord(k, 'CLIENTID') },
  { bit: P_IDENTITY, path: 'principalId', what: 'az identity create', key: (k) => endsWord(k, 'PRINCIPAL_ID') || endsWord(k, 'PRINCIPALID') },
];

/**
 * The nearest earlier producer of each kind, for every step: one forward pass, so that linking stays
 * linear however many steps a text has.
 */
function nearestProducers(steps: Step[], bits: number[]): Array<Map<number, Step>> {
  const out: Array<Map<number, Step>> = [];
  let last = new Map<number, Step>();
  for (let k = 0; k < steps.length; k++) {
    out.push(last);
    if (bits[k] !== 0) {
      last = new Map(last);
      for (const bit of [P_TOKEN, P_LIST_KEYS, P_IDENTITY, P_SERVICE_SAS]) if ((bits[k]! & bit) !== 0) last.set(bit, steps[k]!);
    }
  }
  return out;
}

/** Captures keyed by (key, producer, path); a reason is composed only for a new capture. */
class Links {
  private readonly byKey = new Map<string, Capture>();

  /** Adds the consumer to an existing capture; false when the capture is new. */
  known(key: string, producer: Step, path: string, consumer: Step): boolean {
    const c = this.byKey.get(`${key}\u0000${producer.id}\u0000${path}`);
    if (!c) return false;
    // Steps are linked in order, so a consumer already listed is the last one.
    if (c.consumers[c.consumers.length - 1] !== consumer.id) c.consumers.push(consumer.id);
    return true;
  }

  create(key: string, producer: Step, path: string, consumer: Step, reason: string): void {
    this.byKey.set(`${key}\u0000${producer.id}\u0000${path}`, { key, producer: producer.id, path, consumers: [consumer.id], reason });
  }

  all(): Capture[] {
    return [...this.byKey.values()];
  }
}

const SHELL_VAR = /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;

export function linkCaptures(steps: Step[], prose?: ProseMap): Capture[] {
  const links = new Links();
  const bits = steps.map(producerBits);
  const before = nearestProducers(steps, bits);
  const assigned = new Map<string, Step>(); // shell variable → its latest assignment so far

  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    if (step.kind === 'manual') continue;
    // Placeholders filled from an earlier response (shell variables are linked below).
    if (step.raw.includes('<')) {
      const keys = new Set<string>();
      for (const p of findAnglePlaceholders(step.raw)) keys.add(placeholderKey(p.spelling));
      for (const key of keys) {
        for (const rule of CONSUMER_RULES) {
          if (!rule.key(key)) continue;
          const producer = before[index]!.get(rule.bit);
          if (!producer || links.known(key, producer, rule.path, step)) continue;
          let reason = `${key} is the ${rule.path} of the nearest earlier ${rule.what} (${producer.id}, ${line(producer)})`;
          if (rule.path === 'access_token') {
            const res = tokenResource(producer);
            reason += res ? `, which asked for resource ${res}` : ', which names no resource';
          }
          links.create(key, producer, rule.path, step, reason + proseCue(prose, step, CUES[rule.path]!));
        }
      }
    }
    // Shell variables assigned by an earlier `var=$(… | jq -r '.x')`.
    if (step.raw.includes('$')) {
      SHELL_VAR.lastIndex = 0;
      for (let m = SHELL_VAR.exec(step.raw); m; m = SHELL_VAR.exec(step.raw)) {
        const name = m[1]!;
        const producer = assigned.get(name);
        if (!producer || producer.kind !== 'shell' || producer.shell.kind !== 'assign') continue;
        const filter = producer.shell.jqFilter;
        const path = filter ? filter.replace(/^\./, '') : '';
        if (links.known(`$${name}`, producer, path, step)) continue;
        const res = tokenResource(producer);
        links.create(`$${name}`, producer, path, step, `$${name} is assigned by ${producer.id} (${line(producer)})${filter ? ` from jq filter ${filter}` : ''}${res ? `; its curl asked for resource ${res}` : ''}`);
      }
    }
    if (step.kind === 'az') linkAzOptions(before[index]!, step, links, prose);
    if (step.kind === 'shell' && step.shell.kind === 'assign') assigned.set(step.shell.variable, step);
  }
  return links.all();
}

function linkAzOptions(before: Map<number, Step>, step: AzStep, links: Links, prose: ProseMap | undefined) {
  // Option lines written under the command without "\" (detachedLines) are linked too: they show
  // what the page means to pass, and the reason says that bash runs them on their own.
  const options: Array<{ name: string; value: string | null; line?: number }> = step.az.options.slice();
  for (const d of step.az.detachedLines ?? []) if (d.argv.length > 0) options.push({ name: d.argv[0]!, value: d.argv[1] ?? null, line: d.line });
  for (const opt of options) {
    if (!opt.name.endsWith('identities') && !opt.name.endsWith('sas-token')) continue;
    const where = opt.line !== undefined ? ` (on line ${opt.line}, which bash runs as a separate command)` : '';
    const name = foldDashes(opt.name);
    if (name === '--identities' && opt.value !== null && findAnglePlaceholders(opt.value).length > 0) {
      const producer = before.get(P_IDENTITY);
      if (producer && !links.known('--identities', producer, 'id', step)) {
        const written = opt.name === name ? '' : ` (option written as '${opt.name}')`;
        links.create('--identities', producer, 'id', step, `the --identities value is written as a placeholder path; it is the id returned by az identity create (${producer.id}, ${line(producer)})${written}${where}${proseCue(prose, step, CUES.id!)}`);
      }
    }
    if (name === '--sas-token') {
      const producer = before.get(P_SERVICE_SAS);
      if (producer && !links.known('--sas-token', producer, 'serviceSasToken', step)) {
        links.create(
          '--sas-token',
          producer,
          'serviceSasToken',
          step,
          `--sas-token${opt.value === null ? ' (written without a value)' : ''}${where} takes the serviceSasToken of the nearest earlier listServiceSas request (${producer.id}, ${line(producer)})${proseCue(prose, step, CUES.serviceSasToken!)}`,
        );
      }
    }
  }
}
