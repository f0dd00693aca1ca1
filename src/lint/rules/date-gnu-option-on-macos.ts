// GNU date's -d/--date (and --iso-8601, -I) in a block the page offers for macOS: macOS ships BSD
// date, which has none of them. Judged only where the page itself says the block is for macOS (a
// tab named so, or the sentence leading into the block), never from a generic "runs anywhere".
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';

const MAC = /\bmac\s?os\b|\bmac\b|\bos x\b|\bdarwin\b/i;
const TAB = /^\s*#{1,6}\s*\[([^\]]*)\]\(#tab\/([^)]*)\)/;
const SHELL = /^(azurecli|azurecli-interactive|bash|sh|shell|zsh|console|)$/;
// `date` as a command (not $date, --date, update), then a GNU-only option among its words.
const DATE = /(?:^|[\s;&|(`])(?:TZ=\S+\s+)?date((?:\s+(?:'[^']*'|"[^"]*"|[^\s;&|)`]+))*)/g;
// (-I is left out: macOS 13 and later's date has -I too.)
const GNU_OPTION = /^(?:-[a-zA-Z]*d[a-zA-Z]*|--date(?:=.*)?|--iso-8601(?:=.*)?)$/;

export const dateGnuOptionOnMacos: Rule = {
  id: 'date-gnu-option-on-macos',
  name: 'DateGnuOptionOnMacos',
  severity: 'warning',
  shortDescription: 'A block the page offers for macOS runs date with a GNU-only option (-d "+1 hour", --date, --iso-8601) that macOS\'s BSD date does not read that way.',
  fullDescription:
    'GNU date (coreutils manual, "date invocation") takes -d/--date STRING to print another time than now, and --iso-8601/-I; macOS ships BSD date (man date(1) of FreeBSD/macOS), which shifts the time with -v (-v+1H, -v+30M) and has no --date or --iso-8601 (older releases read -d as the kernel\'s daylight-saving setting): on macOS the command stops with "date: illegal option -- d" or prints its usage line, the variable it was to fill stays empty, and the command that uses it (az storage … generate-sas --expiry "$end") fails or gets no expiry. Readers reported exactly this on SAS-expiry lines: MicrosoftDocs/azure-docs#51634 ("The -d is not a valid argument in macOS", fixed by giving the -v+2H form) and #61207 (busybox date in a container: "date: invalid date \'30 minutes\'").',
  help: 'Give the macOS form beside the Linux one (date -u -v+30M \'+%Y-%m-%dT%H:%MZ\' on macOS, date -u -d "30 minutes" \'+%Y-%m-%dT%H:%MZ\' on Linux), or say the block needs GNU date (Linux, WSL, Cloud Shell, or gdate from coreutils on macOS).',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    for (const fence of codeFences(doc)) {
      if (!SHELL.test(fence.info)) continue;
      const why = saysMacos(doc, fence.open);
      if (!why) continue;
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
        const text = doc.line(n);
        DATE.lastIndex = 0;
        for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
          const words = (m[1] ?? '').trim().split(/\s+/);
          const gnu = words.find((w) => GNU_OPTION.test(w));
          if (!gnu) continue;
          hits.push({
            line: n,
            column: m.index + m[0].indexOf('date') + 1,
            message: `date ${gnu} is GNU date's; ${why}, and macOS's BSD date does not have GNU's ${gnu.replace(/=.*$/, '')}: it stops with "date: illegal option" (or its usage line), the value stays empty and the command that uses it fails. Give the macOS form (date -v+30M …, shifting with -v) or say the block needs GNU date (Linux, WSL, Cloud Shell, gdate).`,
          });
          break;
        }
      }
    }
    return hits;
  },
};

/** Why the page offers the block at `open` for macOS: its tab, or the sentence leading into it. */
function saysMacos(doc: { line(n: number): string; lineCount: number }, open: number): string | undefined {
  // The lead-in: the prose lines between the previous block or heading and this fence.
  for (let n = open - 1; n >= 1 && n >= open - 6; n--) {
    const text = doc.line(n);
    if (/^\s*(`{3,}|~{3,})/.test(text) || /^\s*#{1,6}\s/.test(text) || /^\s*---\s*$/.test(text)) {
      const tab = TAB.exec(text);
      if (tab && (MAC.test(tab[1]!) || MAC.test(tab[2]!))) return `the block is in the page's "${tab[1]!.trim()}" tab`;
      break;
    }
    if (MAC.test(text) && !/\b(?:not|except|other than)\b[^.]*\bmac/i.test(text)) return `the sentence leading into the block (line ${n}) offers it for macOS`;
  }
  // The tab the block sits in: the nearest tab heading above with no group close between.
  for (let n = open - 1; n >= 1; n--) {
    const text = doc.line(n);
    if (/^\s*---\s*$/.test(text)) return undefined;
    const tab = TAB.exec(text);
    if (tab) return MAC.test(tab[1]!) || MAC.test(tab[2]!) ? `the block is in the page's "${tab[1]!.trim()}" tab` : undefined;
    if (/^#{1,2}\s/.test(text)) return undefined;
  }
  return undefined;
}
