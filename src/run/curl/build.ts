// Turns a curl command of the model into the request curl would send: default headers first, the
// page's -H headers as written, -d joined with "&" and form-encoded unless a header says otherwise,
// -T as a PUT of the file's bytes with `Expect: 100-continue`, -G moving data into the query.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { CurlCommand } from '../../model.ts';
import type { HeaderList } from '../observation.ts';
import type { OutgoingRequest } from '../http/send.ts';
import { substitute, type SubstitutionScope } from '../substitute.ts';
import { splitHeader } from '../../parse/curl.ts';
import { splitUnquotedExpansions } from './field-split.ts';
import { curlUrlWord } from './host.ts';
import { curlUserAgent } from './installed.ts';

export interface CurlPlan {
  request: OutgoingRequest;
  followRedirects: boolean;
  includeHeaders: boolean;
  /** Further words curl treats as URLs, after substitution. */
  extraUrls: string[];
  /** Curl would send -X's method on every hop, even after a 303. */
  methodExplicit: boolean;
  /** What curl prints before the transfer: its password prompt for `-u user` without a password. */
  prompt?: string;
  /**
   * curl's message when it takes the URL's host for a name no lookup can find (a lone no-break space
   * is the host " "): that transfer fails with exit 6, and curl goes on with the further words.
   */
  unresolvable?: string;
}

export class CurlInputError extends Error {}

/** curl assumes http:// for a URL without a scheme. */
export function withScheme(url: string): string {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(url) ? url : `http://${url}`;
}

function header(list: HeaderList, name: string): string | undefined {
  return list.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

async function fileBytes(workdir: string, file: string): Promise<Buffer> {
  try {
    return await readFile(isAbsolute(file) ? file : join(workdir, file));
  } catch (err) {
    throw new CurlInputError(`curl: Can't open '${file}'! (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

async function dataPart(workdir: string, flag: string, value: string): Promise<string> {
  if (value.startsWith('@') && flag !== '--data-raw' && flag !== '--data-urlencode') {
    const bytes = (await fileBytes(workdir, value.slice(1))).toString('utf8');
    // -d @file strips carriage returns and newlines; --data-binary keeps them.
    return flag === '--data-binary' ? bytes : bytes.replace(/[\r\n]/g, '');
  }
  if (flag === '--data-urlencode') {
    const eq = value.indexOf('=');
    return eq < 0 ? encodeURIComponent(value) : `${value.slice(0, eq + 1)}${encodeURIComponent(value.slice(eq + 1))}`;
  }
  return value;
}

/** `-u`/`--user` as the model keeps it among the options it does not describe (the last one wins, as in curl). */
function userOption(curl: CurlCommand): string | undefined {
  let user: string | undefined;
  for (const flag of curl.unknownFlags) {
    const m = /^(?:-u|--user) ([\s\S]*)$/.exec(flag);
    if (m) user = m[1];
  }
  return user;
}

export async function buildCurl(written: CurlCommand, scope: SubstitutionScope, workdir: string): Promise<CurlPlan> {
  const curl = splitUnquotedExpansions(written, scope);
  const sub = (text: string): string => substitute(text, scope);
  let url = withScheme(sub(curl.url));
  let method = curl.method;
  let body: Buffer | undefined;
  // curl splits a header at its first ":" after the shell expanded it: `-H "$authorization"` with
  // authorization="Authorization: Bearer …" is the Authorization header, not a name "$authorization".
  const userHeaders: HeaderList = curl.headers.map((h) => {
    const expanded = splitHeader(sub(h.raw));
    return [expanded.name, expanded.value];
  });
  const dataParts: string[] = [];
  for (const d of curl.data) dataParts.push(await dataPart(workdir, d.flag, sub(d.value)));

  let implicit: HeaderList = [];
  if (curl.uploadFile !== undefined) {
    body = await fileBytes(workdir, sub(curl.uploadFile));
    if (!curl.methodExplicit) method = 'PUT';
  } else if (curl.data.length > 0) {
    const joined = dataParts.join('&');
    if (curl.get) {
      url += (url.includes('?') ? '&' : '?') + joined;
      if (!curl.methodExplicit) method = 'GET';
    } else {
      body = Buffer.from(joined, 'utf8');
      if (!curl.methodExplicit) method = 'POST';
      if (header(userHeaders, 'content-type') === undefined) implicit = [['Content-Type', 'application/x-www-form-urlencoded']];
    }
  }

  let host: string;
  let unresolvable: string | undefined;
  try {
    host = new URL(url).host;
  } catch {
    const asCurl = curlUrlWord(url);
    if (asCurl.kind === 'rejected') throw new CurlInputError(`curl: (3) URL using bad/illegal format or missing URL: ${url}`);
    host = asCurl.host;
    unresolvable = `curl: (6) Could not resolve host: ${asCurl.lookup}`;
  }
  // -u user:password: Basic authentication, the header right after Host (curl 7.88 and 8). Without a
  // password curl asks for one on the terminal; the run has none, so the password is empty.
  const user = userOption(curl);
  const credentials = user === undefined ? undefined : sub(user);
  const prompt = credentials !== undefined && !credentials.includes(':') ? `Enter host password for user '${credentials}':` : undefined;
  // curl's own headers come first; a -H with the same name replaces it, "Name:" with no value removes it.
  const defaults: HeaderList = [
    ['Host', host],
    ...(credentials === undefined ? [] : [['Authorization', `Basic ${Buffer.from(prompt ? `${credentials}:` : credentials, 'utf8').toString('base64')}`] as [string, string]]),
    ['User-Agent', curlUserAgent()],
    ['Accept', '*/*'],
  ];
  const headers: HeaderList = [];
  for (const [name, value] of defaults) if (header(userHeaders, name) === undefined) headers.push([name, value]);
  for (const [name, value] of userHeaders) if (value !== '' || !defaults.some(([d]) => d.toLowerCase() === name.toLowerCase())) headers.push([name, value]);
  if (body !== undefined && header(userHeaders, 'content-length') === undefined) headers.push(['Content-Length', String(body.length)]);
  headers.push(...implicit);

  return {
    request: { method, url, headers, ...(body === undefined ? {} : { body }), expectContinue: curl.uploadFile !== undefined },
    followRedirects: curl.followRedirects,
    includeHeaders: curl.includeHeaders,
    extraUrls: curl.extraUrls.map(sub),
    methodExplicit: curl.methodExplicit,
    ...(prompt === undefined ? {} : { prompt }),
    ...(unresolvable === undefined ? {} : { unresolvable }),
  };
}
