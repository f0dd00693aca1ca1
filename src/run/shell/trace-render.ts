// What curl prints for the page's own `-v`, `--trace FILE` or `--trace-ascii FILE`, made from the
// engine's `--trace` of the same transfer. curl writes one trace only, and the engine needs its own
// (the step's evidence, byte for byte): the curl shim gives curl the engine's, and this renders the
// page's from it, as curl 7.88's tool_cb_dbg.c does — `--trace` is the same file, `--trace-ascii`
// dumps 64 bytes a line and starts a new line at CRLF, `-v` prefixes `*`, `>`, `<` and says
// "[N bytes data]" for data. curl prints them while the transfer runs; the shim, once it ended.
import { createWriteStream } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { once } from 'node:events';
import { parseCurlArgv } from '../../parse/index.ts';
import { readCapped } from '../output-cap.ts';
import { TRACE_BYTES, traceEntries, type TraceEntry } from './trace.ts';

export interface PageTrace {
  format: 'hex' | 'ascii' | 'plain';
  /** A file, `-` (stdout) or `%` (stderr), as curl reads them. */
  dest: string;
}

/** The trace the page's own curl options ask for (the last one wins, as in curl), if any. */
export function pageTrace(argv: readonly string[]): PageTrace | undefined {
  let trace: PageTrace | undefined;
  for (const flag of parseCurlArgv([...argv]).unknownFlags) {
    if (flag === '-v' || flag === '--verbose') trace = { format: 'plain', dest: '%' };
    else if (flag === '--no-verbose') trace = undefined;
    else if (flag.startsWith('--trace ')) trace = { format: 'hex', dest: flag.slice('--trace '.length) };
    else if (flag.startsWith('--trace-ascii ')) trace = { format: 'ascii', dest: flag.slice('--trace-ascii '.length) };
  }
  return trace;
}

const ARROW: Record<string, string> = { 'Send header': '=>', 'Send data': '=>', 'Send SSL data': '=>', 'Recv header': '<=', 'Recv data': '<=', 'Recv SSL data': '<=' };

function printable(b: number): string {
  return b >= 0x20 && b < 0x80 ? String.fromCharCode(b) : '.';
}

/** curl's dump() in ASCII mode: 64 bytes a line, a new line after each CRLF (which is not shown). */
function dumpAscii(bytes: Buffer): string {
  const width = 0x40;
  let out = '';
  for (let i = 0; i < bytes.length; i += width) {
    out += `${i.toString(16).padStart(4, '0')}: `;
    for (let c = 0; c < width && i + c < bytes.length; c++) {
      if (i + c + 1 < bytes.length && bytes[i + c] === 0x0d && bytes[i + c + 1] === 0x0a) {
        i += c + 2 - width;
        break;
      }
      out += printable(bytes[i + c]!);
      if (i + c + 2 < bytes.length && bytes[i + c + 1] === 0x0d && bytes[i + c + 2] === 0x0a) {
        i += c + 3 - width;
        break;
      }
    }
    out += '\n';
  }
  return out;
}

export function renderAscii(entries: readonly TraceEntry[]): string {
  let out = '';
  for (const e of entries) {
    if (e.kind === 'info') out += `${e.time}== Info: ${e.text}\n`;
    else out += `${e.time}${ARROW[e.label] ?? '<='} ${e.label}, ${e.bytes.length} bytes (0x${e.bytes.length.toString(16)})\n${dumpAscii(e.bytes)}`;
  }
  return out;
}

const PREFIX: Record<string, string> = { Info: '*', 'Recv header': '<', 'Send header': '>', 'Recv data': '{', 'Send data': '}', 'Recv SSL data': '{', 'Send SSL data': '}' };

/** curl -v: headers and info as text after `> `, `< `, `* `; data only as "[N bytes data]". */
export function renderPlain(entries: readonly TraceEntry[]): string {
  let out = '';
  let newl = false;
  let tracedData = false;
  for (const e of entries) {
    const start = `${e.time}${PREFIX[e.label] ?? '*'} `;
    if (e.kind === 'send-header') {
      const text = e.bytes.toString('latin1');
      if (text.length > 0) {
        let st = 0;
        for (let i = 0; i < text.length - 1; i++) {
          if (text[i] !== '\n') continue;
          if (!newl) out += start;
          out += text.slice(st, i + 1);
          st = i + 1;
          newl = false;
        }
        if (!newl) out += start;
        out += text.slice(st);
      }
      newl = text.length > 0 && !text.endsWith('\n');
      tracedData = false;
    } else if (e.kind === 'info' || e.kind === 'recv-header') {
      const text = e.kind === 'info' ? `${e.text}\n` : e.bytes.toString('latin1');
      if (!newl) out += start;
      out += text;
      newl = text.length > 0 && !text.endsWith('\n');
      tracedData = false;
    } else if (!tracedData) {
      // Not a terminal: curl says how much data there was instead of showing it.
      if (!newl) out += start;
      out += `[${e.bytes.length} bytes data]\n`;
      newl = false;
      tracedData = true;
    }
  }
  return out;
}

/** Write the page's trace of the transfer traced in `engineTrace` to `path` (curl's text is latin1 bytes). */
export async function writePageTrace(engineTrace: string, format: PageTrace['format'], path: string): Promise<void> {
  if (format === 'hex') {
    await copyFile(engineTrace, path);
    return;
  }
  const entries = traceEntries((await readCapped(engineTrace, TRACE_BYTES)).bytes.toString('latin1'));
  const out = createWriteStream(path, { mode: 0o600 });
  out.end(Buffer.from(format === 'ascii' ? renderAscii(entries) : renderPlain(entries), 'latin1'));
  await once(out, 'finish');
}
