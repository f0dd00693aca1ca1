// Corrected text for a step, where the fix is clear from the evidence. A suggestion is text a doc
// writer can paste; it never contains a bound value (the page keeps its placeholders).
import type { Step } from '../model.ts';
import { readAzArgv } from '../reference/az-args.ts';
import type { Observation } from '../run/observation.ts';
import type { ServiceError } from './errors-body.ts';
import type { FailureKind } from './verdict.ts';

const LOOKALIKES: ReadonlyArray<[RegExp, string]> = [
  [/[\u2013\u2014]/g, '-'],
  [/[\u2018\u2019]/g, "'"],
  [/[\u201C\u201D]/g, '"'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/[\u200B-\u200D\u2060\uFEFF]/g, ''],
];

export function asciiFix(text: string): string {
  return LOOKALIKES.reduce((t, [re, to]) => t.replace(re, to), text);
}

const INVISIBLE = /[\u00A0\u2000-\u200D\u202F\u205F\u2060\u3000\uFEFF]/;
const INVISIBLE_TAIL = /[\u00A0\u2000-\u200D\u202F\u205F\u2060\u3000\uFEFF]+$/;

function codePoints(s: string): string {
  return [...new Set([...s].filter((c) => INVISIBLE.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))].join(', ');
}

/** What a reader sees just before `word`'s invisible tail: its line, up to 40 characters, from a word start. */
function contextBefore(raw: string, word: string): string {
  const tail = INVISIBLE_TAIL.exec(word)?.[0] ?? '';
  const at = raw.indexOf(word) + word.length - tail.length;
  const line = raw.slice(raw.lastIndexOf('\n', at - 1) + 1, at);
  // From the last option flag on the line ("-H Metadata:true"), else the last 40 characters.
  const flag = line.lastIndexOf(' -');
  if (flag >= 0 && line.length - flag <= 80) return line.slice(flag + 1);
  if (line.length <= 40) return line.trimStart();
  const cut = line.slice(-40);
  const space = cut.indexOf(' ');
  return space >= 0 && space < 20 ? cut.slice(space + 1) : cut;
}

/**
 * For every word that holds a look-alike character: "replace `–-request` with `--request`", or, for
 * characters nobody can see, "remove the 2 invisible characters (U+00A0) after `Metadata:true`".
 * Words are split on ASCII whitespace only, as bash does: a no-break space is part of its word.
 */
export function lookalikeSuggestion(step: Step): string | undefined {
  if (step.marks.length === 0) return undefined;
  const words = [...new Set(step.raw.split(/[ \t\r\n]+/).filter((w) => w !== '' && asciiFix(w) !== w))];
  const out = words.map((w) => {
    const tail = INVISIBLE_TAIL.exec(w)?.[0] ?? '';
    const head = w.slice(0, w.length - tail.length);
    if (tail !== '' && asciiFix(head) === head) {
      return `remove the ${tail.length === 1 ? 'invisible character' : `${tail.length} invisible characters`} (${codePoints(tail)}) after \`${contextBefore(step.raw, w)}\``;
    }
    const fixed = asciiFix(w).trim();
    const hidden = INVISIBLE.test(w) ? ` (it holds ${codePoints(w)})` : '';
    return `replace \`${w}\`${hidden} with \`${fixed}\``;
  });
  return out.length ? out.join('; ') : undefined;
}

export interface SuggestInput {
  step: Step;
  observation: Observation;
  failure?: FailureKind;
  serviceError?: ServiceError;
  status?: number;
}

export function suggest(input: SuggestInput): string | undefined {
  const { step, observation, failure, serviceError, status } = input;
  const out: string[] = [];
  const lookalike = lookalikeSuggestion(step);
  if (lookalike) out.push(lookalike);
  if (step.kind === 'az' && step.az.path.join(' ') === 'vm assign-identity') {
    out.push('use `az vm identity assign` instead of `az vm assign-identity` (renamed in 2018)');
  }
  const url = observation.exchanges[0]?.request.url ?? (step.kind === 'http' ? step.curl.url : '');
  if (/\/\/<[^>]*VAULT[^>]*URL[^>]*>/i.test(step.raw) && failure !== undefined) {
    out.push('use https://<KEY-VAULT-NAME>.vault.azure.net/secrets/<secret-name>?api-version=2016-10-01 (the placeholder stands for the vault name, not its URL)');
  }
  if (failure === 'network-error' && /localhost:50342|127\.0\.0\.1:50342/.test(url + step.raw)) {
    out.push('use the IMDS endpoint: curl -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=<RESOURCE>" (the VM extension endpoint was retired in 2019)');
  }
  if (status === 403 && /Bearer is not supported in this version/i.test(`${serviceError?.detail ?? ''} ${serviceError?.message ?? ''}`)) {
    out.push('add -H "x-ms-version: 2017-11-09" (Storage accepts bearer tokens only from that version on)');
  }
  if (status === 411) out.push('add -d "" so curl sends Content-Length: 0 with the POST');
  if (status === 415 && /application\/json/i.test(serviceError?.message ?? '')) {
    out.push('add -H "Content-Type: application/json" (curl -d sends application/x-www-form-urlencoded)');
  }
  if (step.kind === 'az') {
    // The options the command table says need a value and have none (a flag such as --overwrite takes none).
    const bare = failure === 'az-usage' ? readAzArgv(step.az.argv).options.filter((o) => o.missingValue?.sure && o.written.startsWith('--')) : [];
    if (bare.length > 0) out.push(`give ${bare.length === 1 ? 'the option' : 'each option'} a value: ${bare.map((o) => `${o.written} <${o.written.replace(/^--/, '').toUpperCase().replace(/-/g, ' ')}>`).join(' ')}`);
    for (const o of step.az.options) {
      if (o.value !== null && o.value !== o.value.trim()) out.push(`remove the spaces around the ${o.name} value: ${o.name} "${o.value.trim()}"`);
    }
  }
  return out.length ? out.join('; ') : undefined;
}
