// Captures: which earlier step's response supplies a value a later step consumes. A consumer's
// producer is the nearest earlier step that can produce the value.
import type { AzStep, Capture, HttpStep, Step } from '../model.ts';
import { findAnglePlaceholders, placeholderKey } from './placeholders.ts';

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

function curlOf(step: Step) {
  if (step.kind === 'http') return step.curl;
  if (step.kind === 'shell' && step.shell.kind === 'assign') return step.shell.curl;
  return undefined;
}

const line = (s: Step) => `${s.source.file}:${s.source.startLine}`;

interface Producer {
  /** What the producer yields, by the consumer key test. */
  test(step: Step): boolean;
  path: string;
  what: string;
}

const producers: Array<Producer & { consumerKey: (key: string) => boolean }> = [
  {
    what: 'token request',
    test: (s) => !!curlOf(s) && isTokenUrl(curlOf(s)!.url) && s.kind === 'http',
    path: 'access_token',
    consumerKey: (k) => /^(?:.*_)?ACCESS_TOKEN(?:_VALUE)?$|^(?:BEARER_)?TOKEN$/.test(k),
  },
  {
    what: 'listKeys request',
    test: (s) => s.kind === 'http' && /\/listKeys\b/i.test(s.curl.url),
    path: 'keys[0].value',
    consumerKey: (k) => /(?:ACCOUNT|STORAGE|ACCESS)_KEY$/.test(k),
  },
  {
    what: 'az identity create',
    test: (s) => s.kind === 'az' && s.az.path.join(' ') === 'identity create',
    path: 'clientId',
    consumerKey: (k) => /(?:^|_)CLIENT_?ID$/.test(k),
  },
  {
    what: 'az identity create',
    test: (s) => s.kind === 'az' && s.az.path.join(' ') === 'identity create',
    path: 'principalId',
    consumerKey: (k) => /(?:^|_)PRINCIPAL_?ID$/.test(k),
  },
];

/** Angle-bracket placeholder keys a command uses (shell variables are linked separately). */
function angleKeys(step: Step): string[] {
  return [...new Set(findAnglePlaceholders(step.raw).map((p) => placeholderKey(p.spelling)))];
}

function nearestBefore(steps: Step[], index: number, test: (s: Step) => boolean): Step | undefined {
  for (let k = index - 1; k >= 0; k--) if (test(steps[k]!)) return steps[k];
  return undefined;
}

export function linkCaptures(steps: Step[]): Capture[] {
  const byKey = new Map<string, Capture>();
  const add = (key: string, producer: Step, path: string, consumer: Step, reason: string) => {
    const id = `${key}\u0000${producer.id}\u0000${path}`;
    const c = byKey.get(id);
    if (c) {
      if (!c.consumers.includes(consumer.id)) c.consumers.push(consumer.id);
      return;
    }
    byKey.set(id, { key, producer: producer.id, path, consumers: [consumer.id], reason });
  };

  steps.forEach((step, index) => {
    if (step.kind === 'manual') return;
    // Placeholders filled from an earlier response.
    for (const key of angleKeys(step)) {
      for (const p of producers) {
        if (!p.consumerKey(key)) continue;
        const producer = nearestBefore(steps, index, p.test);
        if (!producer) continue;
        let reason = `${key} is the ${p.path} of the nearest earlier ${p.what} (${producer.id}, ${line(producer)})`;
        if (p.path === 'access_token') {
          const res = tokenResource(producer);
          reason += res ? `, which asked for resource ${res}` : ', which names no resource';
        }
        add(key, producer, p.path, step, reason);
      }
    }
    // Shell variables assigned by an earlier `var=$(… | jq -r '.x')`.
    for (const m of step.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) {
      if (step.raw[m.index + 1] === '(') continue;
      const name = m[1]!;
      const producer = nearestBefore(
        steps,
        index,
        (s) => s.kind === 'shell' && s.shell.kind === 'assign' && s.shell.variable === name,
      );
      if (!producer || producer.kind !== 'shell' || producer.shell.kind !== 'assign') continue;
      const filter = producer.shell.jqFilter;
      const path = filter ? filter.replace(/^\./, '') : '';
      const res = tokenResource(producer);
      add(
        `$${name}`,
        producer,
        path,
        step,
        `$${name} is assigned by ${producer.id} (${line(producer)})${filter ? ` from jq filter ${filter}` : ''}${res ? `; its curl asked for resource ${res}` : ''}`,
      );
    }
    if (step.kind === 'az') linkAzOptions(steps, index, step, add);
  });
  return [...byKey.values()];
}

function linkAzOptions(
  steps: Step[],
  index: number,
  step: AzStep,
  add: (key: string, producer: Step, path: string, consumer: Step, reason: string) => void,
) {
  for (const opt of step.az.options) {
    const name = foldDashes(opt.name);
    if (name === '--identities' && opt.value !== null && findAnglePlaceholders(opt.value).length > 0) {
      const producer = nearestBefore(steps, index, (s) => s.kind === 'az' && s.az.path.join(' ') === 'identity create');
      if (producer) {
        const written = opt.name === name ? '' : ` (option written as '${opt.name}')`;
        add('--identities', producer, 'id', step, `the --identities value is written as a placeholder path; it is the id returned by az identity create (${producer.id}, ${line(producer)})${written}`);
      }
    }
    if (name === '--sas-token') {
      const producer = nearestBefore(steps, index, (s) => s.kind === 'http' && /\/listServiceSas\b/i.test((s as HttpStep).curl.url));
      if (producer) {
        add('--sas-token', producer, 'serviceSasToken', step, `--sas-token${opt.value === null ? ' (written without a value)' : ''} takes the serviceSasToken of the nearest earlier listServiceSas request (${producer.id}, ${line(producer)})`);
      }
    }
  }
}
