// Corrected text for a step, where the fix is clear from the evidence. A suggestion is text a doc
// writer can paste; it never contains a bound value (the page keeps its placeholders).
import type { Step } from '../model.ts';
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

/** "replace `–-request` with `--request`" for every word that holds a look-alike character. */
export function lookalikeSuggestion(step: Step): string | undefined {
  if (step.marks.length === 0) return undefined;
  const words = [...new Set(step.raw.split(/[\s]+/).filter((w) => w !== '' && asciiFix(w) !== w))];
  if (words.length === 0) return undefined;
  return words.map((w) => `replace \`${w}\` with \`${asciiFix(w).trim()}\``).join('; ');
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
  return out.length ? out.join('; ') : undefined;
}
