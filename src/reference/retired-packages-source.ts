// Builds retired-packages.json, the Azure SDK packages Microsoft marks deprecated, from the Azure SDK
// team's release inventory (Azure/azure-sdk, _data/releases/latest/<language>-packages.csv: one row
// per package and major line, with "Support" = deprecated, "EOLDate", "Replace" and "ReplaceGuide").
// Only what a page can name is kept: the package (Java: groupId:artifactId), the end-of-support day,
// the replacement and its migration guide, and — when the same name also has a supported row (Python
// azure-storage-blob 2.x vs 12.x) — the last deprecated major, so that only that line is reported.
// Go rows name a package by its path in Azure/azure-sdk-for-go ("sdk/…", "services/…") or, for the
// modules of other repositories, by a short name whose pkg.go.dev link ("GHDocs") is the import path:
// the table keys Go packages by their full import path (github.com/Azure/…), which is what pages write.
// Pure: CSV texts in, JSON text out (sorted, no clock). Used by scripts/generate-retired-packages.ts.

export type SdkLanguage = 'dotnet' | 'python' | 'js' | 'java' | 'go';
export const SDK_LANGUAGES: readonly SdkLanguage[] = ['dotnet', 'go', 'java', 'js', 'python'];

const GO_SDK_REPO = 'github.com/Azure/azure-sdk-for-go';

/** The import path a Go row names: sdk/… and services/… are in azure-sdk-for-go; others say it in their pkg.go.dev link. */
export function goImportPath(pkg: string, docs: string): string {
  const name = pkg.trim();
  if (/^(sdk|services|profiles)\//.test(name)) return `${GO_SDK_REPO}/${name}`;
  const m = /^https?:\/\/pkg\.go\.dev\/([^#?\s]+?)\/?(?:[#?].*)?$/.exec(docs.trim());
  return m ? (m[1] as string) : name;
}

export interface RetiredPackage {
  /** End of support, ISO day ("" when the inventory gives none). */
  eol: string;
  /** The supported packages that replace it, as the inventory lists them ("" when none). */
  replace: string;
  guide?: string;
  /** Set when a supported line of the same name exists: versions whose major is at most this are retired. */
  throughMajor?: number;
  /** With throughMajor: the lowest major of the supported line ("<12" stays below it). */
  supportedFrom?: number;
  /** The last version of the retired line, as the inventory lists it. */
  version: string;
}

export interface RetiredPackagesFile {
  about: { note: string; repo: string; folder: string; commit: string; date: string };
  packages: Record<SdkLanguage, Record<string, RetiredPackage>>;
}

/** RFC 4180 rows: quoted fields, "" for a quote, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** "3/31/2023" (the inventory's M/D/YYYY) as "2023-03-31". */
function isoDay(us: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(us.trim());
  return m ? `${m[3]}-${(m[1] as string).padStart(2, '0')}-${(m[2] as string).padStart(2, '0')}` : '';
}

const clean = (s: string | undefined): string => (s === undefined || s.trim() === 'NA' ? '' : s.trim());
const major = (v: string): number | undefined => {
  const m = /^(\d+)\./.exec(v);
  return m ? Number(m[1]) : undefined;
};

export function retiredPackagesOf(language: SdkLanguage, csv: string): Record<string, RetiredPackage> {
  const [header, ...rows] = parseCsv(csv);
  if (!header) return {};
  const col = (name: string): number => header.indexOf(name);
  const at = { pkg: col('Package'), group: col('GroupId'), ga: col('VersionGA'), preview: col('VersionPreview'), support: col('Support'), eol: col('EOLDate'), replace: col('Replace'), guide: col('ReplaceGuide'), docs: col('GHDocs') };
  const keyOf = (r: string[]): string => {
    if (language === 'go') return goImportPath(r[at.pkg] ?? '', r[at.docs] ?? '');
    return (language === 'java' && at.group >= 0 ? `${r[at.group]}:${r[at.pkg]}` : (r[at.pkg] ?? '')).trim();
  };
  // Go replacements are written like packages ("sdk/messaging/azservicebus"): give their import path too.
  const replacement = (text: string): string => (language === 'go' ? text.split(/\s*,\s*/).map((t) => (t ? goImportPath(t, '') : t)).join(', ') : text.replace(/\s*,\s*/g, ', '));
  const supported = new Map<string, number>(); // name → lowest major of a row not deprecated
  for (const r of rows) {
    if ((r[at.support] ?? '').trim().toLowerCase() === 'deprecated') continue;
    const m = major(clean(r[at.ga]) || clean(r[at.preview]));
    if (m !== undefined) supported.set(keyOf(r), Math.min(supported.get(keyOf(r)) ?? Infinity, m));
  }
  const out: Record<string, RetiredPackage> = {};
  for (const r of rows) {
    if ((r[at.support] ?? '').trim().toLowerCase() !== 'deprecated') continue;
    const key = keyOf(r);
    const version = clean(r[at.ga]) || clean(r[at.preview]);
    const entry: RetiredPackage = { eol: isoDay(r[at.eol] ?? ''), replace: replacement(clean(r[at.replace])), version };
    const guide = clean(r[at.guide]);
    if (guide) entry.guide = guide;
    const newer = supported.get(key);
    if (newer !== undefined) {
      const m = major(version);
      // A deprecated row of a name whose supported line is not newer is a stray: skip it.
      if (m === undefined || m >= newer) continue;
      entry.throughMajor = m;
      entry.supportedFrom = newer;
    }
    const prior = out[key];
    // Two deprecated rows of one name (a GA and a preview line): keep the later end of support.
    if (!prior || entry.eol > prior.eol) out[key] = entry;
  }
  return out;
}

export function renderRetiredPackages(files: ReadonlyArray<{ path: string; text: string }>, source: { repo: string; folder: string; commit: string; date: string }): string {
  const packages = {} as Record<SdkLanguage, Record<string, RetiredPackage>>;
  for (const language of SDK_LANGUAGES) {
    const file = files.find((f) => f.path === `${source.folder}/${language}-packages.csv`);
    const all = file ? retiredPackagesOf(language, file.text) : {};
    packages[language] = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k] as RetiredPackage]));
  }
  const body: RetiredPackagesFile = {
    about: {
      note: 'Azure SDK packages whose "Support" is "deprecated" in the Azure SDK release inventory, with end of support, replacement and migration guide. Generated by scripts/generate-retired-packages.ts from the snapshot named here; do not edit by hand.',
      ...source,
    },
    packages,
  };
  return `${JSON.stringify(body, null, 1)}\n`;
}
