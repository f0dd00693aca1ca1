// curl's command line, read the way curl reads its argv: options in any order, short options
// bundled (`-sSL`, `-XPOST`), the first positional word is the URL and every further positional word
// is another URL (curl really requests each one). A word that merely looks like a flag (`–-request`,
// with an en dash) is positional, exactly as it is for curl. Nothing is repaired.
import type { CurlBody, CurlCommand, Header } from '../model.ts';
import { ParseError } from './errors.ts';
import { toPipelines } from './pipelines.ts';
import { shellWords, tokenizeShell } from './shell-words.ts';

/** Short options that take a value (curl 8). */
const SHORT_WITH_VALUE = new Set('ABbCcDdEeFHhKmoPQrTtUuwXxYyz'.split(''));
/** Short options without a value. `h` is help, so it is not in the value set above in practice. */
const SHORT_BOOL = new Set('0123456aBfgGIiJjkLlMNnOpqRsSvVZ#:'.split(''));
SHORT_WITH_VALUE.delete('h');
SHORT_WITH_VALUE.delete('B');

const LONG_WITH_VALUE = new Set([
  'header', 'request', 'data', 'data-raw', 'data-binary', 'data-urlencode', 'data-ascii', 'upload-file', 'form',
  'form-string', 'output', 'user', 'user-agent', 'referer', 'cookie', 'cookie-jar', 'max-time', 'connect-timeout',
  'retry', 'retry-delay', 'retry-max-time', 'write-out', 'proxy', 'proxy-user', 'cacert', 'capath', 'cert', 'key',
  'cert-type', 'key-type', 'range', 'config', 'resolve', 'connect-to', 'url', 'oauth2-bearer', 'json', 'interface',
  'limit-rate', 'max-redirs', 'dump-header', 'trace', 'trace-ascii', 'stderr', 'proto', 'proto-redir', 'variable',
  'continue-at', 'time-cond', 'max-filesize', 'output-dir', 'aws-sigv4', 'pinnedpubkey', 'noproxy', 'dns-servers',
  'expect100-timeout', 'happy-eyeballs-timeout-ms', 'keepalive-time', 'local-port', 'unix-socket', 'url-query',
]);
const LONG_BOOL = new Set([
  'location', 'include', 'get', 'silent', 'show-error', 'verbose', 'insecure', 'fail', 'fail-with-body', 'compressed',
  'head', 'location-trusted', 'globoff', 'http1.0', 'http1.1', 'http2', 'http2-prior-knowledge', 'http3',
  'no-buffer', 'remote-name', 'remote-name-all', 'remote-header-name', 'ipv4', 'ipv6', 'progress-bar',
  'no-progress-meter', 'raw', 'tr-encoding', 'path-as-is', 'no-keepalive', 'create-dirs', 'show-headers', 'tcp-nodelay',
  'fail-early', 'ssl', 'tlsv1.2', 'tlsv1.3', 'no-alpn', 'no-npn', 'disable', 'negotiate', 'ntlm', 'digest', 'basic',
  'anyauth', 'netrc', 'netrc-optional', 'junk-session-cookies', 'list-only', 'append', 'ignore-content-length',
  'styled-output', 'no-styled-output', 'suppress-connect-headers', 'post301', 'post302', 'post303', 'xattr',
]);

const SHORT_LONG: Record<string, string> = {
  H: 'header', X: 'request', d: 'data', T: 'upload-file', F: 'form', L: 'location', i: 'include', G: 'get',
  s: 'silent', I: 'head', o: 'output', u: 'user',
};

const DATA_FLAGS: Record<string, CurlBody['flag']> = {
  data: '--data', 'data-raw': '--data-raw', 'data-binary': '--data-binary', 'data-urlencode': '--data-urlencode',
  form: '--form',
};

/** Split a header argument the way curl does: name before the first ":", value after it. */
export function splitHeader(raw: string): Header {
  const colon = raw.indexOf(':');
  if (colon < 0) {
    // "Name;" sends an empty header; anything else without ":" is ignored by curl. Kept as written.
    return { name: raw.endsWith(';') ? raw.slice(0, -1) : raw, value: '', raw };
  }
  return { name: raw.slice(0, colon), value: raw.slice(colon + 1).replace(/^ +/, ''), raw };
}

interface CurlState {
  method: string | undefined;
  url: string | undefined;
  headers: Header[];
  data: CurlBody[];
  uploadFile: string | undefined;
  followRedirects: boolean;
  includeHeaders: boolean;
  get: boolean;
  head: boolean;
  silent: boolean;
  extraUrls: string[];
  unknownFlags: string[];
}

function positional(st: CurlState, w: string): void {
  if (st.url === undefined) st.url = w;
  else st.extraUrls.push(w);
}

/** Apply one option by its long name (module level: no closure per command line). */
function applyOption(st: CurlState, long: string, asWritten: string, value: string | undefined): void {
  switch (long) {
    case 'header':
      if (value !== undefined) st.headers.push(splitHeader(value));
      return;
    case 'request':
      if (value !== undefined) st.method = value;
      return;
    case 'data':
    case 'data-raw':
    case 'data-binary':
    case 'data-urlencode':
    case 'form': {
      if (value === undefined) return;
      const flag: CurlBody['flag'] = asWritten === '-d' ? '-d' : asWritten === '-F' ? '-F' : DATA_FLAGS[long]!;
      st.data.push({ flag, value });
      return;
    }
    case 'upload-file':
      st.uploadFile = value;
      return;
    case 'location':
    case 'location-trusted':
      st.followRedirects = true;
      return;
    case 'include':
    case 'show-headers':
      st.includeHeaders = true;
      return;
    case 'get':
      st.get = true;
      return;
    case 'head':
      st.head = true;
      return;
    case 'silent':
      st.silent = true;
      return;
    case 'url':
      if (value !== undefined) positional(st, value);
      return;
    default:
      // A real curl option the model does not describe (-o, -u, --json …): kept, reported.
      st.unknownFlags.push(value === undefined ? asWritten : `${asWritten} ${value}`);
  }
}

/** Read curl's argv (the words after `curl`). Never throws. */
export function parseCurlArgv(argv: string[]): CurlCommand {
  const st: CurlState = {
    method: undefined,
    url: undefined,
    headers: [],
    data: [],
    uploadFile: undefined,
    followRedirects: false,
    includeHeaders: false,
    get: false,
    head: false,
    silent: false,
    extraUrls: [],
    unknownFlags: [],
  };
  let optionsEnded = false;
  for (let k = 0; k < argv.length; k++) {
    const w = argv[k]!;
    if (optionsEnded || w.charCodeAt(0) !== 45 /* - */ || w === '-') {
      positional(st, w);
      continue;
    }
    if (w === '--') {
      optionsEnded = true;
      continue;
    }
    if (w.charCodeAt(1) === 45) {
      let name = w.slice(2);
      if (name.startsWith('no-') && LONG_BOOL.has(name.slice(3))) name = name.slice(3); // --no-silent etc.
      if (LONG_WITH_VALUE.has(name)) {
        const value = argv[k + 1];
        if (value === undefined) st.unknownFlags.push(w);
        else {
          k++;
          applyOption(st, name, w, value);
        }
      } else if (LONG_BOOL.has(name)) {
        applyOption(st, name, w, undefined);
      } else {
        st.unknownFlags.push(w);
      }
      continue;
    }
    // Short options, possibly bundled: -sSL, -XPOST, -HMetadata:true
    for (let p = 1; p < w.length; p++) {
      const ch = w[p]!;
      if (SHORT_WITH_VALUE.has(ch)) {
        let value: string | undefined = w.slice(p + 1);
        if (value === '') {
          value = argv[k + 1];
          if (value !== undefined) k++;
        }
        const long = SHORT_LONG[ch];
        if (value === undefined) st.unknownFlags.push(`-${ch}`);
        else if (long) applyOption(st, long, `-${ch}`, value);
        else st.unknownFlags.push(`-${ch} ${value}`);
        break;
      }
      if (SHORT_BOOL.has(ch)) {
        const long = SHORT_LONG[ch];
        if (long) applyOption(st, long, `-${ch}`, undefined);
        else st.unknownFlags.push(`-${ch}`);
        continue;
      }
      st.unknownFlags.push(p === 1 ? w : `-${ch}`);
      if (p === 1) break;
    }
  }

  const methodExplicit = st.method !== undefined;
  const effective = st.method ?? (st.head ? 'HEAD' : st.get ? 'GET' : st.data.length > 0 ? 'POST' : st.uploadFile !== undefined ? 'PUT' : 'GET');
  const out: CurlCommand = {
    method: effective,
    methodExplicit,
    url: st.url ?? '',
    headers: st.headers,
    data: st.data,
    followRedirects: st.followRedirects,
    includeHeaders: st.includeHeaders,
    get: st.get,
    silent: st.silent,
    extraUrls: st.extraUrls,
    unknownFlags: st.unknownFlags,
    argv: argv.slice(),
  };
  if (st.uploadFile !== undefined) out.uploadFile = st.uploadFile;
  return out;
}

/**
 * Parse a curl command line (`curl …`, continuation lines allowed). Throws ParseError for
 * unbalanced quotes or when the text is not a curl command.
 */
export function parseCurl(text: string, opts: { file?: string; firstLine?: number } = {}): CurlCommand {
  const words = shellWords(text, opts);
  const { tokens } = tokenizeShell(text);
  const first = toPipelines(tokens)[0]?.commands[0];
  const argv = first ? first.words : words;
  if (argv[0] !== 'curl') {
    throw new ParseError(`not a curl command: ${JSON.stringify(text.slice(0, 40))}`, {
      ...(opts.file ? { file: opts.file } : {}),
      line: opts.firstLine ?? 1,
    });
  }
  return parseCurlArgv(argv.slice(1));
}
