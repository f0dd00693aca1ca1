// What a date/time format string prints, read the way its program reads it: strftime conversions
// (GNU date's "+FORMAT", Python's strftime, PowerShell's -UFormat) and .NET custom and standard
// date/time format strings (Get-Date -Format, DateTime.ToString). Each reading names the slip a
// reader cannot see in the output until the time is wrong: the month where the minutes belong (or
// the other way round), a 12-hour clock with no AM/PM, letters .NET copies as text, and a local time
// labelled UTC with "Z".
//   GNU coreutils manual, "date invocation" (Time/Date conversion specifiers, -u/--utc/--universal);
//   Python docs, "strftime() and strptime() Format Codes"; .NET docs, "Custom date and time format
//   strings" and "Standard date and time format strings" ("u", "r": no time zone conversion).

export interface FormatSlip {
  /** The part of the format that is wrong, as written. */
  part: string;
  /** What the program prints and what that does to the time, one sentence. */
  what: string;
}

/** Whether the time being formatted is UTC, local, or cannot be told from the text. */
export type Clock = 'utc' | 'local' | 'unknown';

// An example instant every message uses, so that readers can check the arithmetic.
const AT = '15:30 on 7 December';

interface Spec {
  kind: 'spec' | 'text';
  text: string;
  /** The conversion letter (strftime) or the repeated letter (.NET). */
  letter: string;
}

/** strftime conversions (%Y, %-m, %3N…) and the literal text between them. */
function strftimeParts(fmt: string): Spec[] {
  const out: Spec[] = [];
  const re = /%[-_0^#]?\d*[EO]?([a-zA-Z%+])/g;
  let last = 0;
  for (let m = re.exec(fmt); m; m = re.exec(fmt)) {
    if (m.index > last) out.push({ kind: 'text', text: fmt.slice(last, m.index), letter: '' });
    out.push({ kind: 'spec', text: m[0], letter: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < fmt.length) out.push({ kind: 'text', text: fmt.slice(last), letter: '' });
  return out;
}

const HOURS = new Set(['H', 'I', 'k', 'l']);
const DAY_OR_YEAR = new Set(['Y', 'y', 'd', 'e', 'G']);

/** Slips of a strftime format (without GNU date's leading "+"). */
export function strftimeSlips(fmt: string, clock: Clock, program: string): FormatSlip[] {
  const parts = strftimeParts(fmt);
  const slips: FormatSlip[] = [];
  const specAt = (i: number) => (parts[i]?.kind === 'spec' ? parts[i]!.letter : undefined);
  const textAt = (i: number) => (parts[i]?.kind === 'text' ? parts[i]!.text : undefined);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.kind !== 'spec') continue;
    // %m after "%H:" (or before ":%S"): the month where the minutes belong.
    if (p.letter === 'm' && ((textAt(i - 1) === ':' && HOURS.has(specAt(i - 2) ?? '')) || (textAt(i + 1) === ':' && specAt(i + 2) === 'S'))) {
      slips.push({ part: `${parts[i - 2]?.text ?? ''}${textAt(i - 1) ?? ''}${p.text}`, what: `${p.text} is the month (01–12), not the minute (%M): at ${AT} it prints 15:12, so the time is wrong by up to an hour` });
    }
    // %M between the year and the day ("%Y-%M-%d"): the minute where the month belongs.
    if (p.letter === 'M' && ((/^[-/.]$/.test(textAt(i - 1) ?? '') && DAY_OR_YEAR.has(specAt(i - 2) ?? '')) || (/^[-/.]$/.test(textAt(i + 1) ?? '') && DAY_OR_YEAR.has(specAt(i + 2) ?? '')))) {
      slips.push({ part: p.text, what: `${p.text} is the minute (00–59), not the month (%m): at ${AT} it prints a month 30, which is no date` });
    }
  }
  const letters = new Set(parts.filter((p) => p.kind === 'spec').map((p) => p.letter));
  const twelve = parts.find((p) => p.kind === 'spec' && (p.letter === 'I' || p.letter === 'l'));
  // Judged in a timestamp (with a date), the value a program reads back; a clock shown to a person is left alone.
  const dated = ['Y', 'y', 'F', 'G', 'D', 'd', 'j'].some((l) => letters.has(l));
  if (twelve && dated && !letters.has('p') && !letters.has('P') && !letters.has('r')) {
    slips.push({ part: twelve.text, what: `${twelve.text} is the hour on a 12-hour clock (01–12) and the format has no %p (AM/PM): at ${AT} it prints 03:30, so an afternoon time is read as 12 hours earlier (an expiry already in the past); the 24-hour hour is %H` });
  }
  if (clock === 'local' && labelledUtc(parts) && !letters.has('z') && !letters.has('Z')) {
    slips.push({ part: 'Z', what: `${program} prints the local time and the format labels it UTC with "Z": on a machine set to UTC+2 it prints 17:30Z at 15:30 UTC (two hours late), west of Greenwich the time comes early; Cloud Shell runs in UTC, a reader's own machine usually does not` });
  }
  return slips;
}

/** A literal "Z" right after a time conversion: the format claims UTC. */
function labelledUtc(parts: Spec[]): boolean {
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    const before = parts[i - 1]!;
    if (p.kind === 'text' && p.text.startsWith('Z') && before.kind === 'spec' && /[HMSTNRs]/.test(before.letter)) return true;
  }
  return false;
}

// .NET custom format specifiers (the letters a run of which is one specifier).
const NET_SPECIFIERS = new Set(['d', 'f', 'F', 'g', 'h', 'H', 'K', 'm', 'M', 's', 't', 'y', 'z']);

/** A .NET custom format as runs of one specifier letter and literal text (quotes and "\" escapes read). */
function dotnetParts(fmt: string): Spec[] {
  const out: Spec[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text, letter: '' });
    text = '';
  };
  for (let i = 0; i < fmt.length; ) {
    const c = fmt[i]!;
    if (c === "'" || c === '"') {
      const end = fmt.indexOf(c, i + 1);
      const stop = end < 0 ? fmt.length : end;
      text += fmt.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '\\' && i + 1 < fmt.length) {
      text += fmt[i + 1];
      i += 2;
      continue;
    }
    if (c === '%' && i + 1 < fmt.length && NET_SPECIFIERS.has(fmt[i + 1]!)) {
      i++;
      continue;
    }
    if (NET_SPECIFIERS.has(c)) {
      let j = i;
      while (j < fmt.length && fmt[j] === c) j++;
      flush();
      out.push({ kind: 'spec', text: fmt.slice(i, j), letter: c });
      i = j;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** Whether a .NET format string is a date/time one at all (a GUID's "N", a number's "0.00" are not). */
export function looksLikeDotnetDateFormat(fmt: string): boolean {
  return /yy|YY|MM|dd|DD|HH|hh|mm|ss/.test(fmt);
}

/** Slips of a .NET date/time format string (custom, or the standard "u"/"r"). */
export function dotnetSlips(fmt: string, clock: Clock, program: string): FormatSlip[] {
  const slips: FormatSlip[] = [];
  if (fmt.length === 1) {
    if ((fmt === 'u' || fmt === 'r' || fmt === 'R') && clock === 'local') {
      slips.push({ part: fmt, what: `the standard format "${fmt}" labels the time ${fmt === 'u' ? 'UTC with "Z"' : '"GMT"'} but converts nothing: ${program} formats the local time, so on a machine set to UTC+2 it prints 17:30 at 15:30 UTC (.NET: "no time zone conversion is performed"; call .ToUniversalTime() first)` });
    }
    return slips;
  }
  const parts = dotnetParts(fmt);
  const specAt = (i: number) => (parts[i]?.kind === 'spec' ? parts[i]!.text : undefined);
  const textAt = (i: number) => (parts[i]?.kind === 'text' ? parts[i]!.text : undefined);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.kind !== 'spec') continue;
    if (p.letter === 'M' && ((textAt(i - 1) === ':' && /^[Hh]{1,2}$/.test(specAt(i - 2) ?? '')) || (textAt(i + 1) === ':' && /^s{1,2}$/.test(specAt(i + 2) ?? '')))) {
      slips.push({ part: p.text, what: `"${p.text}" after the hour is the month, not the minute ("mm"): at ${AT} it prints 15:12, so the time is wrong by up to an hour` });
    }
    if (p.letter === 'm' && ((/^[-/.]$/.test(textAt(i - 1) ?? '') && /^(?:y+|d+)$/.test(specAt(i - 2) ?? '')) || (/^[-/.]$/.test(textAt(i + 1) ?? '') && /^(?:y+|d+)$/.test(specAt(i + 2) ?? '')))) {
      slips.push({ part: p.text, what: `"${p.text}" between the year and the day is the minute, not the month ("MM"): at ${AT} it prints a month 30, which is no date` });
    }
  }
  const texts = parts.filter((p) => p.kind === 'text').map((p) => p.text).join('');
  const literal = /YYYY|YY|DD/.exec(fmt.replace(/'[^']*'|"[^"]*"|\\./g, ''));
  if (literal && /YY|DD/.test(texts)) {
    slips.push({ part: literal[0], what: `.NET has no "${literal[0][0]}" specifier and copies "${literal[0]}" into the result unchanged (the year is "yyyy", the day "dd"): the value holds the letters ${literal[0]}, which no service reads as a date` });
  }
  const hour12 = parts.find((p) => p.kind === 'spec' && p.letter === 'h');
  const dated = parts.some((p) => p.kind === 'spec' && (p.letter === 'y' || p.letter === 'd'));
  if (hour12 && dated && !parts.some((p) => p.kind === 'spec' && p.letter === 't')) {
    slips.push({ part: hour12.text, what: `"${hour12.text}" is the hour on a 12-hour clock (01–12) and the format has no "tt" (AM/PM): at ${AT} it prints 03:30, so an afternoon time is read as 12 hours earlier (an expiry already in the past); the 24-hour hour is "HH"` });
  }
  if (clock === 'local' && /Z/.test(texts) && !parts.some((p) => p.kind === 'spec' && (p.letter === 'z' || p.letter === 'K'))) {
    const afterTime = parts.some((p, i) => p.kind === 'text' && p.text.startsWith('Z') && /^(?:H+|h+|m+|s+|f+|F+)$/.test(specAt(i - 1) ?? ''));
    if (afterTime) {
      slips.push({ part: 'Z', what: `${program} gives the local time and the format labels it UTC with a literal "Z" (.NET copies it unchanged): on a machine set to UTC+2 it prints 17:30Z at 15:30 UTC (two hours late), west of Greenwich the time comes early; Cloud Shell runs in UTC, a reader's own machine usually does not` });
    }
  }
  return slips;
}
