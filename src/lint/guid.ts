// GUIDs and the near-GUIDs that documentation invents ("…c3a0fdc190fz", "…b533bl", a 9-digit group).
const NEAR_GUID = /(?<![0-9A-Za-z])[0-9A-Za-z]{6,10}-[0-9A-Za-z]{3,5}-[0-9A-Za-z]{3,5}-[0-9A-Za-z]{3,5}-[0-9A-Za-z]{10,14}(?![0-9A-Za-z])/g;

export { GUID, isGuid } from '../guid.ts';
import { isGuid } from '../guid.ts';

/** Why a GUID-shaped string is not a GUID, in words. */
export function whyNotGuid(s: string): string {
  const groups = s.split('-');
  const lengths = groups.map((g) => g.length);
  const bad = [...new Set(s.replace(/-/g, '').replace(/[0-9a-f]/gi, ''))];
  const parts: string[] = [];
  if (bad.length) parts.push(`${bad.map((c) => `"${c}"`).join(', ')} ${bad.length === 1 ? 'is not a hexadecimal digit' : 'are not hexadecimal digits'}`);
  if (groups.length !== 5 || lengths.join('-') !== '8-4-4-4-12') parts.push(`its groups have ${lengths.join('-')} characters instead of 8-4-4-4-12`);
  if (!parts.length) parts.push('it does not have the 8-4-4-4-12 hexadecimal form');
  return parts.join(' and ');
}

export interface NearGuid {
  text: string;
  index: number;
}

/** GUID-shaped tokens inside a longer string that are not valid GUIDs (mostly hex, so not words). */
export function nearGuids(s: string): NearGuid[] {
  const out: NearGuid[] = [];
  for (const m of s.matchAll(NEAR_GUID)) {
    const t = m[0];
    if (isGuid(t)) continue;
    const hexShare = t.replace(/-/g, '').replace(/[^0-9a-f]/gi, '').length / t.replace(/-/g, '').length;
    if (hexShare < 0.8) continue;
    out.push({ text: t, index: m.index ?? 0 });
  }
  return out;
}
