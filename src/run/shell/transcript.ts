// curl's `-i` output read back into responses, for when no trace exists (curl was not the one that
// printed it, or it ran with `-q` and ignored the run's config): each "HTTP/x NNN" block up to the
// blank line is a status line with headers; what follows the last block is the body.
import type { HeaderList, ObservedResponse } from '../observation.ts';

export interface Transcript {
  responses: Omit<ObservedResponse, 'json' | 'bodyEncoding'>[];
}

const STATUS = /^HTTP\/(\S+) (\d{3})(?: ([^\r\n]*))?\r?$/;

/** Undefined when stdout does not start with a status line (no `-i`). */
export function parseIncludeOutput(stdout: string): Transcript | undefined {
  if (!STATUS.test(stdout.split('\n', 1)[0] ?? '')) return undefined;
  const responses: Transcript['responses'] = [];
  let rest = stdout;
  for (;;) {
    const first = rest.split('\n', 1)[0] ?? '';
    const m = STATUS.exec(first);
    if (!m) break;
    const end = /\r?\n\r?\n/.exec(rest);
    const head = end ? rest.slice(0, end.index) : rest;
    rest = end ? rest.slice(end.index + end[0].length) : '';
    const headers: HeaderList = [];
    for (const l of head.split(/\r?\n/).slice(1)) {
      const colon = l.indexOf(':');
      if (colon > 0) headers.push([l.slice(0, colon), l.slice(colon + 1).replace(/^[ \t]+/, '')]);
    }
    responses.push({ status: Number(m[2]), statusText: m[3] ?? '', httpVersion: m[1] ?? '1.1', headers, body: '' });
  }
  const last = responses[responses.length - 1];
  if (last) last.body = rest;
  return { responses };
}
