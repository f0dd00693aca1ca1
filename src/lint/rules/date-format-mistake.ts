// A date/time format that prints another time than the page means: the timestamps pages compute for
// a SAS expiry, a token's start, a file name. The format strings are read by date-formats.ts; this
// rule finds them in code blocks (GNU/BSD date "+FORMAT", Get-Date -Format/-UFormat, .ToString("…")
// on a DateTime, Python strftime) and tells whether the time formatted is UTC or local.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';
import { dotnetSlips, looksLikeDotnetDateFormat, strftimeSlips, type Clock, type FormatSlip } from '../date-formats.ts';

// Blocks that show output or data, not code a reader runs.
const NOT_CODE = /^(output|json|jsonc|text|txt|console-output|log|http)$/;
const POWERSHELL = /^(azurepowershell(-interactive)?|powershell|pwsh|ps|ps1)$/;

export const dateFormatMistake: Rule = {
  id: 'date-format-mistake',
  name: 'DateFormatMistake',
  severity: 'warning',
  shortDescription: 'A date/time format string prints another time than the one meant: the month for the minutes (or the reverse), a 12-hour hour without AM/PM, letters .NET copies as text, or local time labelled UTC with "Z".',
  fullDescription:
    'Pages compute SAS expiries, token times and file names with date format strings, and the slips print a well-formed but wrong time that no command rejects: a SAS or registration token that expires before it is used or starts in the future, which the service refuses (Storage answers 403 AuthenticationFailed, "Signature not valid in the specified time frame"). Readers run these pages on their own machines, not only in Cloud Shell (whose clock is UTC): azure-docs#51634 and #61207 are about the same SAS-expiry lines run on macOS and in a container. strftime (GNU coreutils manual, "date invocation": %m month, %M minute, %I hour 01..12, %p AM/PM; -u/--utc/--universal prints UTC, without it date prints local time) and Python\'s strftime codes (docs.python.org, "strftime() and strptime() Format Codes"; datetime.now() is local time, datetime.now(timezone.utc) UTC); .NET custom date and time format strings (learn.microsoft.com/dotnet/standard/base-types/custom-date-and-time-format-strings: "hh" 12-hour 01-12, "tt" AM/PM, "mm" minute, "MM" month, any other character — "Y", "D", "Z" — copied to the result unchanged) and standard ones ("u" and "r" perform no time zone conversion on a DateTime, standard-date-and-time-format-strings); Get-Date returns local time unless -AsUTC (PowerShell 7.1) or .ToUniversalTime(). Readers reported such slips: a 12-hour "hh" that made a 30-minute token expire in the past between 11:30 and 12:30 (Azure/azure-sdk-for-js#21849), local time compared as UTC for a token expiry (rmbolger/Posh-ACME#57).',
  help: 'Use %M for minutes and %m for the month (HH:mm and MM in .NET), the 24-hour hour (%H, HH), and format UTC when the value says "Z": date -u +%Y-%m-%dT%H:%MZ, (Get-Date).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ"), datetime.now(timezone.utc).',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const utcZone = new Set<number>(); // lines after an `export TZ=UTC`
    let tzUtcFrom = Number.POSITIVE_INFINITY;
    for (const fence of codeFences(doc)) {
      if (NOT_CODE.test(fence.info)) continue;
      const powershell = POWERSHELL.test(fence.info);
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
        const text = doc.line(n);
        if (/^\s*(?:export\s+)?TZ=['"]?(?:UTC0?|GMT0?|:?UTC|Etc\/UTC)['"]?\s*(?:#.*)?$/.test(text)) tzUtcFrom = Math.min(tzUtcFrom, n);
        if (n > tzUtcFrom) utcZone.add(n);
        const add = (column: number, fmt: string, slips: FormatSlip[]) => {
          // One finding per format: its slips together (a finding is one per place).
          if (slips.length > 0) hits.push({ line: n, column: column + 1, message: `"${fmt}": ${slips.map((s) => s.what).join('; and ')}.` });
        };
        if (!powershell) for (const d of dateCommands(text)) add(d.column, d.format, strftimeSlips(d.format.replace(/^\+/, ''), d.utc || utcZone.has(n) ? 'utc' : 'local', 'date without -u'));
        for (const g of getDateFormats(text)) add(g.column, g.format, g.unix ? strftimeSlips(g.format, g.clock, 'Get-Date') : dotnetSlips(g.format, g.clock, 'Get-Date'));
        for (const t of toStrings(text)) add(t.column, t.format, dotnetSlips(t.format, t.clock, t.program));
        for (const p of strftimes(text)) add(p.column, p.format, strftimeSlips(p.format, p.clock, p.program));
      }
    }
    return hits;
  },
};

interface Found {
  column: number; // 0-based column of the format's first character
  format: string;
}

/** The words of a shell command from `from`, quotes removed, until an operator or the line's end. */
function shellWords(text: string, from: number): Array<{ text: string; column: number }> {
  const words: Array<{ text: string; column: number }> = [];
  let i = from;
  while (i < text.length) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= text.length || ';|&)`#'.includes(text[i]!)) break;
    const column = i;
    let word = '';
    while (i < text.length && !' \t;|&)`'.includes(text[i]!)) {
      const c = text[i]!;
      if (c === "'" || c === '"') {
        const end = text.indexOf(c, i + 1);
        if (end < 0) return words;
        word += text.slice(i + 1, end);
        i = end + 1;
      } else {
        word += c;
        i++;
      }
    }
    words.push({ text: word, column });
  }
  return words;
}

/** `date … +FORMAT` invocations on a line: the format and whether date prints UTC. */
function dateCommands(text: string): Array<Found & { utc: boolean }> {
  const out: Array<Found & { utc: boolean }> = [];
  const re = /(^|[\s;&|(`])date(?=[ \t])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[1]!.length;
    const before = text.slice(0, start);
    const tz = /(?:^|[\s(`;])TZ=(['"]?)([^\s'"]*)\1\s+$/.exec(before);
    let utc = tz !== null && /^(?:UTC0?|GMT0?|:?UTC|Etc\/UTC|UTC\+0)$/.test(tz[2]!);
    const words = shellWords(text, start + 4);
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!.text;
      if (w === '--utc' || w === '--universal' || /^-[a-zA-Z]*u[a-zA-Z]*$/.test(w)) utc = true;
      else if (/^(?:-[a-zA-Z]*[drfv]|--date|--reference|--file)$/.test(w)) k++; // the option's argument
      else if (w.startsWith('+') && !w.includes('$')) out.push({ column: words[k]!.column, format: w, utc });
    }
  }
  return out;
}

/** `Get-Date … -Format X` / `-UFormat X`: the format and the clock of the time it formats. */
function getDateFormats(text: string): Array<Found & { clock: Clock; unix: boolean }> {
  const out: Array<Found & { clock: Clock; unix: boolean }> = [];
  const re = /\bGet-Date\b([^|;)]*?)-(U?Format)\s+(?:'([^']*)'|"([^"]*)"|([^\s)|;'"]+))/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const options = m[1] ?? '';
    const format = m[3] ?? m[4] ?? m[5] ?? '';
    if (format.includes('$')) continue;
    const clock: Clock = /-AsUTC\b|UtcNow|ToUniversalTime/i.test(options) ? 'utc' : /-Date\b/i.test(options) ? 'unknown' : 'local';
    const unix = m[2]!.toLowerCase() === 'uformat';
    if (!unix && !looksLikeDotnetDateFormat(format) && !/^[uUrR]$/.test(format)) continue;
    out.push({ column: m.index + m[0].length - (m[3] ?? m[4] ?? m[5] ?? '').length - (m[5] === undefined ? 1 : 0), format, clock, unix });
  }
  return out;
}

/** `.ToString("…")` with a date format: the clock of the value before it on the line. */
function toStrings(text: string): Array<Found & { clock: Clock; program: string }> {
  const out: Array<Found & { clock: Clock; program: string }> = [];
  const re = /\.ToString\(\s*(["'])([^"']*)\1\s*(?:,[^)]*)?\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const format = m[2]!;
    const receiver = expressionBefore(text, m.index);
    const { clock, program } = dotnetClock(receiver);
    if (format.length === 1 ? clock === 'unknown' || /DateTimeOffset/i.test(receiver) : !looksLikeDotnetDateFormat(format)) continue;
    out.push({ column: m.index + m[0].indexOf(m[1]!) + 1, format, clock, program });
  }
  return out;
}

/** The expression a method is called on: back from `end` to an assignment, a separator or the line's start. */
function expressionBefore(text: string, end: number): string {
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth === 0) return text.slice(i + 1, end);
      depth--;
    } else if (depth === 0 && (c === '=' || c === ',' || c === ';' || c === '{' || c === ' ')) return text.slice(i + 1, end);
  }
  return text.slice(0, end);
}

function dotnetClock(receiver: string): { clock: Clock; program: string } {
  if (/UtcNow|ToUniversalTime\(\)|-AsUTC|UtcDateTime|\.UtcToday/i.test(receiver)) return { clock: 'utc', program: '' };
  const local = /Get-Date|\[datetime(?:offset)?\]::(?:Now|Today)\b|\bDateTime(?:Offset)?\.(?:Now|Today)\b/i.exec(receiver);
  if (local) return { clock: 'local', program: local[0].startsWith('Get-Date') ? 'Get-Date' : local[0] };
  return { clock: 'unknown', program: '' };
}

/** Python `….strftime("…")` and `time.strftime("…"[, t])`. */
function strftimes(text: string): Array<Found & { clock: Clock; program: string }> {
  const out: Array<Found & { clock: Clock; program: string }> = [];
  const re = /\.strftime\(\s*[rbu]?(["'])((?:(?!\1).)*)\1\s*(,[^)]*)?\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const receiver = expressionBefore(text, m.index);
    let clock: Clock = 'unknown';
    let program = '';
    if (/(?:^|\W)time$/.test(receiver)) {
      const second = m[3] ?? '';
      clock = second === '' || /localtime/.test(second) ? 'local' : /gmtime/.test(second) ? 'utc' : 'unknown';
      program = 'time.strftime without gmtime()';
    } else if (/utcnow\(|utcfromtimestamp\(|now\(\s*(?:tz\s*=\s*)?(?:datetime\.)?(?:timezone\.utc|UTC|pytz\.utc|ZoneInfo\(\s*["']UTC)/.test(receiver)) clock = 'utc';
    else if (/\bnow\(\s*\)|\btoday\(\s*\)/.test(receiver)) {
      clock = 'local';
      program = /today/.test(receiver) ? 'datetime.today()' : 'datetime.now()';
    }
    out.push({ column: m.index + m[0].indexOf(m[1]!) + 1, format: m[2]!, clock, program });
  }
  return out;
}
