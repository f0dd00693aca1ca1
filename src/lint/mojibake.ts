// UTF-8 bytes that were decoded as Windows-1252: "’" (E2 80 99) shows up as "â€™".
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** The Windows-1252 byte a character came from, if it can be one. */
function cp1252Byte(ch: string): number | undefined {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xa0 && cp <= 0xff) return cp;
  return CP1252_HIGH[cp];
}

export interface Mojibake {
  index: number; // 0-based offset in the string
  text: string; // as written, e.g. "â€™"
  decoded: string; // what was meant, e.g. "’"
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Runs of characters that, re-encoded as Windows-1252, form valid multi-byte UTF-8. */
export function findMojibake(s: string): Mojibake[] {
  const out: Mojibake[] = [];
  const chars = Array.from(s);
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const lead = cp1252Byte(chars[i] as string);
    const width = lead === undefined ? 0 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (width > 0 && i + width <= chars.length) {
      const bytes = chars.slice(i, i + width).map(cp1252Byte);
      if (bytes.slice(1).every((b) => b !== undefined && b >= 0x80 && b <= 0xbf)) {
        try {
          const decoded = decoder.decode(Uint8Array.from(bytes as number[]));
          const text = chars.slice(i, i + width).join('');
          out.push({ index: offset, text, decoded });
          offset += text.length;
          i += width - 1;
          continue;
        } catch {
          // not UTF-8 after all: an ordinary accented letter
        }
      }
    }
    offset += (chars[i] as string).length;
  }
  return out;
}
