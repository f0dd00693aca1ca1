// curl's command line, read the way curl reads its argv: options in any order, short options
// bundled (`-sSL`, `-XPOST`), the first positional word is the URL and every further positional word
// is another URL (curl really requests each one). A word that merely looks like a flag (`–-request`,
// with an en dash) is positional, exactly as it is for curl. Nothing is repaired.
import type { CurlBody, CurlCommand, Header } from '../model.ts';
import { ParseError } from './errors.ts';
import { shellWords, tokenizeShell, toPipelines } from './shell.ts';

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

/** Read curl's argv (the words after `curl`). Never throws. */
export function parseCurlArgv(argv: string[]): CurlCommand {
  let method: string | undefined;
  let url: string | undefined;
  const headers: Header[] = [];
  const data: CurlBody[] = [];
  let uploadFile: string | undefined;
  let followRedirects = false;
  let includeHeaders = false;
  let get = false;
  let head = false;
  let silent = false;
  const extraUrls: string[] = [];
  const unknownFlags: string[] = [];
  let optionsEnded = false;

  const positional = (w: string) => {
    if (url === undefined) url = w;
    else extraUrls.push(w);
  };

  /** Apply one option by its long name. Returns true when `value` was consumed. */
  const apply = (long: string, asWritten: string, value: string | undefined): void => {
    switch (long) {
      case 'header':
        if (value !== undefined) headers.push(splitHeader(value));
        return;
      case 'request':
        if (value !== undefined) method = value;
        return;
      case 'data':
      case 'data-raw':
      case 'data-binary':
      case 'data-urlencode':
      case 'form': {
        if (value === undefined) return;
        const flag: CurlBody['flag'] = asWritten === '-d' ? '-d' : asWritten === '-F' ? '-F' : DATA_FLAGS[long]!;
        data.push({ flag, value });
        return;
      }
      case 'upload-file':
        uploadFile = value;
        return;
      case 'location':
      case 'location-trusted':
        followRedirects = true;
        return;
      case 'include':
      case 'show-headers':
        includeHeaders = true;
        return;
      case 'get':
        get = true;
        return;
      case 'head':
        head = true;
        return;
      case 'silent':
        silent = true;
        return;
      case 'url':
        if (value !== undefined) positional(value);
        return;
      default:
        // A real curl option the model does not describe (-o, -u, --json …): kept, reported.
        unknownFlags.push(value === undefined ? asWritten : `${asWritten} ${value}`);
    }
  };

  for (let k = 0; k < argv.length; k++) {
    const w = argv[k]!;
    if (optionsEnded || !w.startsWith('-') || w === '-') {
      positional(w);
      continue;
    }
    if (w === '--') {
      optionsEnded = true;
      continue;
    }
    if (w.startsWith('--')) {
      let name = w.slice(2);
      if (name.startsWith('no-') && LONG_BOOL.has(name.slice(3))) name = name.slice(3); // --no-silent etc.
      if (LONG_WITH_VALUE.has(name)) {
        const value = argv[k + 1];
        if (value === undefined) unknownFlags.push(w);
        else k++;
        if (value !== undefined) apply(name, w, value);
      } else if (LONG_BOOL.has(name)) {
        apply(name, w, undefined);
      } else {
        unknownFlags.push(w);
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
        if (value === undefined) unknownFlags.push(`-${ch}`);
        else if (long) apply(long, `-${ch}`, value);
        else unknownFlags.push(`-${ch} ${value}`);
        break;
      }
      if (SHORT_BOOL.has(ch)) {
        const long = SHORT_LONG[ch];
        if (long) apply(long, `-${ch}`, undefined);
        else unknownFlags.push(`-${ch}`);
        continue;
      }
      unknownFlags.push(p === 1 ? w : `-${ch}`);
      if (p === 1) break;
    }
  }

  const methodExplicit = method !== undefined;
  const effective = method ?? (head ? 'HEAD' : get ? 'GET' : data.length > 0 ? 'POST' : uploadFile !== undefined ? 'PUT' : 'GET');
  const out: CurlCommand = {
    method: effective,
    methodExplicit,
    url: url ?? '',
    headers,
    data,
    followRedirects,
    includeHeaders,
    get,
    silent,
    extraUrls,
    unknownFlags,
    argv: [...argv],
  };
  if (uploadFile !== undefined) out.uploadFile = uploadFile;
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
