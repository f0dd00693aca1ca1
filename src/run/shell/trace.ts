// Reads what real curl did from its `--trace` file (the hex form, so every byte is exact) into the
// exchanges the checks judge: each "Send header" opens a request, "Send data" is its body, "Recv
// header" lines are status lines and headers (1xx answers become `interim`), "Recv data" is the body.
// The scheme comes from the connection (an "SSL connection using" line means https), the authority
// from the Host header, so the URL is the tutorial's own even though --connect-to moved the socket.
import type { HeaderList, ObservedExchange, ObservedResponse } from '../observation.ts';
import { CHECKED_BYTES, cutMarker, cutMarkerCount } from '../output-cap.ts';

/** A trace dumps 16 bytes in 71 characters: this much of a trace holds CHECKED_BYTES of data. */
export const TRACE_BYTES = Math.ceil((CHECKED_BYTES * 71) / 16);

export interface TraceEntry {
  kind: 'info' | 'send-header' | 'send-data' | 'recv-header' | 'recv-data' | 'ssl';
  /** curl's own words: "Info", "Send header", "Recv SSL data"… */
  label: string;
  /** `--trace-time`'s "HH:MM:SS.uuuuuu " before the entry, or "". */
  time: string;
  /** For Info, its message (without the line break). */
  text: string;
  bytes: Buffer;
}

const ENTRY = /^((?:\d{2}:\d{2}:\d{2}\.\d{6} )?)(==|=>|<=) (Info|Send header|Send data|Recv header|Recv data|Send SSL data|Recv SSL data)(?:, (\d+) bytes)?/;

function kindOf(label: string): TraceEntry['kind'] {
  switch (label) {
    case 'Info':
      return 'info';
    case 'Send header':
      return 'send-header';
    case 'Send data':
      return 'send-data';
    case 'Recv header':
      return 'recv-header';
    case 'Recv data':
      return 'recv-data';
    default:
      return 'ssl';
  }
}

/** Split a `--trace` file into entries with their bytes decoded from the hex dump. */
export function traceEntries(trace: string): TraceEntry[] {
  const entries: TraceEntry[] = [];
  let current: (Omit<TraceEntry, 'bytes'> & { hex: number[] }) | undefined;
  const flush = (): void => {
    if (current) entries.push({ kind: current.kind, label: current.label, time: current.time, text: current.text, bytes: Buffer.from(current.hex) });
    current = undefined;
  };
  for (const line of trace.split('\n')) {
    // A trace too long to read whole was read as its head and tail (output-cap.ts): the data of the
    // entry it cut gets the marker, its size estimated from the dump's (16 bytes per 71 characters).
    const cut = line.startsWith('[… ') ? cutMarkerCount(line) : undefined;
    if (cut !== undefined) {
      current?.hex.push(...Buffer.from(cutMarker(Math.round((cut * 16) / 71), true)));
      continue;
    }
    const m = ENTRY.exec(line);
    if (m) {
      flush();
      const label = m[3] ?? '';
      current = { kind: kindOf(label), label, time: m[1] ?? '', text: line.slice(m[0].length).replace(/^: /, ''), hex: [] };
      continue;
    }
    // "0000: 47 45 54 20 … GET /": sixteen three-character hex cells after the offset, then ASCII.
    const dump = /^[0-9a-f]{4,}: /.exec(line);
    if (current && dump) {
      const cells = line.slice(dump[0].length, dump[0].length + 48).trim().split(/\s+/);
      for (const c of cells) if (/^[0-9a-f]{2}$/.test(c)) current.hex.push(Number.parseInt(c, 16));
    }
  }
  flush();
  return entries;
}

/** The latin1 bytes of a header line as text, read as UTF-8 where they are valid UTF-8 (as curl sent them). */
function headerText(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : bytes.toString('latin1');
}

function headerValue(headers: HeaderList, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

function decodeChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let i = 0;
  while (i < raw.length) {
    const eol = raw.indexOf('\r\n', i);
    if (eol < 0) break;
    const size = Number.parseInt(raw.subarray(i, eol).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function bodyOf(bytes: Buffer, headers: HeaderList): Pick<ObservedResponse, 'body' | 'bodyEncoding' | 'json'> {
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) return { body: bytes.toString('base64'), bodyEncoding: 'base64' };
  const contentType = headerValue(headers, 'content-type') ?? '';
  if (/json/i.test(contentType) || /^\s*[[{]/.test(text)) {
    try {
      return { body: text, bodyEncoding: 'utf8', json: JSON.parse(text) as unknown };
    } catch {
      // not JSON after all: the text is the evidence
    }
  }
  return { body: text, bodyEncoding: 'utf8' };
}

interface Building {
  method: string;
  target: string;
  https: boolean;
  headers: HeaderList;
  sent: Buffer[];
  interim: { status: number; statusText: string }[];
  response?: { status: number; statusText: string; httpVersion: string; headers: HeaderList; data: Buffer[] };
}

function finish(b: Building): ObservedExchange {
  const host = headerValue(b.headers, 'host') ?? '';
  const url = /^[a-z]+:\/\//i.test(b.target) ? b.target : `${b.https ? 'https' : 'http'}://${host}${b.target}`;
  const body = Buffer.concat(b.sent);
  const text = body.toString('utf8');
  const utf8 = Buffer.from(text, 'utf8').equals(body);
  const exchange: ObservedExchange = {
    request: { method: b.method, url, headers: b.headers, ...(body.length > 0 ? { body: utf8 ? text : body.toString('base64') } : {}), bodyEncoding: utf8 ? 'utf8' : 'base64' },
    interim: b.interim,
    durationMs: 0,
  };
  if (b.response) {
    const r = b.response;
    let data: Buffer = Buffer.concat(r.data);
    if (/chunked/i.test(headerValue(r.headers, 'transfer-encoding') ?? '')) data = decodeChunked(data);
    exchange.response = { status: r.status, statusText: r.statusText, httpVersion: r.httpVersion, headers: r.headers, ...bodyOf(data, r.headers) };
  }
  return exchange;
}

/** Every request curl sent, in order, with the response it got (absent when the transfer failed). */
export function exchangesFromTrace(trace: string): ObservedExchange[] {
  const out: ObservedExchange[] = [];
  let https = false;
  let current: Building | undefined;
  for (const e of traceEntries(trace)) {
    switch (e.kind) {
      case 'info':
        if (/^(Connected to|\s*Trying)/.test(e.text)) https = false;
        if (/^SSL connection using/.test(e.text)) https = true;
        break;
      case 'send-header': {
        if (current) out.push(finish(current));
        const lines = headerText(e.bytes).split('\r\n');
        const [method = '', target = ''] = (lines[0] ?? '').split(' ');
        const headers: HeaderList = [];
        for (const l of lines.slice(1)) {
          const colon = l.indexOf(':');
          if (colon > 0) headers.push([l.slice(0, colon), l.slice(colon + 1).replace(/^[ \t]+/, '')]);
        }
        current = { method, target, https, headers, sent: [], interim: [] };
        break;
      }
      case 'send-data':
        current?.sent.push(e.bytes);
        break;
      case 'recv-header': {
        if (!current) break;
        const line = headerText(e.bytes).replace(/\r?\n$/, '');
        const status = /^HTTP\/(\S+) (\d{3})(?: (.*))?$/.exec(line);
        if (status) {
          const code = Number(status[2]);
          // A 1xx answer ends before the final one starts; keep it only as an interim status.
          if (current.response && current.response.status < 200) current.interim.push({ status: current.response.status, statusText: current.response.statusText });
          current.response = { status: code, statusText: status[3] ?? '', httpVersion: status[1] ?? '1.1', headers: [], data: [] };
        } else if (current.response && line !== '') {
          const colon = line.indexOf(':');
          if (colon > 0) current.response.headers.push([line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+/, '')]);
        }
        break;
      }
      case 'recv-data':
        current?.response?.data.push(e.bytes);
        break;
      case 'ssl':
        break;
      default: {
        const never: never = e.kind;
        return never;
      }
    }
  }
  if (current) out.push(finish(current));
  // A final 1xx (the transfer died after 100 Continue) is no response at all.
  for (const x of out) {
    if (x.response && x.response.status < 200) {
      x.interim.push({ status: x.response.status, statusText: x.response.statusText });
      delete x.response;
    }
  }
  return out;
}
