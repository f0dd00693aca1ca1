// Which Azure client libraries and tools are retired, from two data files:
// - retired-packages.json, generated from the Azure SDK release inventory (every package whose
//   Support is "deprecated", with end of support and replacement);
// - retired-tools.json, edited by hand with a source per entry: ADAL, the pre-4.0 Python Key Vault
//   package, the combined Python azure-storage package, AzureRM PowerShell, AzureAD/MSOnline
//   PowerShell and Azure AD Graph, and the names code uses for retired packages (namespaces, modules,
//   legacy classes).
import { readFileSync } from 'node:fs';
import type { RetiredPackage, RetiredPackagesFile, SdkLanguage } from './retired-packages-source.ts';

export type { SdkLanguage } from './retired-packages-source.ts';

interface Source {
  repo: string;
  path: string;
  commit?: string;
  url?: string;
  says: string;
}

interface Family {
  id: string;
  name: string;
  eol: string;
  replacedIn?: string;
  replacement: string;
  guide?: string;
  throughMajor?: number;
  packages: Partial<Record<SdkLanguage, Record<string, string>>>;
  sources: Source[];
}

export interface RetiredToolsFile {
  azurerm: { name: string; retired: string; replacement: string; guide: string; sources: Source[] };
  /** AzureAD, AzureADPreview and MSOnline PowerShell (Verb-AzureADNoun, Verb-MsolNoun). */
  azuread: { name: string; deprecated: string; replacement: string; guide: string; sources: Source[] };
  /** Azure AD Graph, the API those modules call (https://graph.windows.net). */
  aadGraph: { name: string; retired: string; replacement: string; guide: string; sources: Source[] };
  families: Family[];
  codeNames: {
    dotnet: Record<string, string>;
    pythonClasses: Record<string, { package: string; classes: string[] }>;
    pythonModules: Record<string, string>;
    java: Record<string, string>;
    sources: Source[];
  };
}

/** A retired package as a finding states it: what, since when, by whose word, and what to use. */
export interface RetiredFact {
  language: SdkLanguage;
  name: string;
  /** End of support (ISO day), or "" when the source gives a replacement release instead. */
  eol: string;
  replacedIn?: string;
  replacement: string;
  guide?: string;
  /** Only versions whose major is at most this are retired (a supported line has the same name). */
  throughMajor?: number;
  supportedFrom?: number;
  source: string;
}

let inventory: RetiredPackagesFile | undefined;
let tools: RetiredToolsFile | undefined;
const load = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as T;
export const retiredInventory = (): RetiredPackagesFile => (inventory ??= load<RetiredPackagesFile>('./retired-packages.json'));
export const retiredTools = (): RetiredToolsFile => (tools ??= load<RetiredToolsFile>('./retired-tools.json'));

export const sourceText = (s: { repo: string; path: string; commit?: string; url?: string }): string => `${s.repo} ${s.path}${s.commit ? ` @${s.commit.slice(0, 12)}` : ''}`;

const LANGUAGE_FILE: Record<SdkLanguage, string> = { dotnet: 'dotnet-packages.csv', python: 'python-packages.csv', js: 'js-packages.csv', java: 'java-packages.csv', go: 'go-packages.csv' };

/**
 * NuGet and PyPI names are case-insensitive (PyPI also folds "_" and "." to "-"); Go import paths on
 * GitHub are written in either case by pages (github.com/azure/…), which name the same repository.
 */
function normal(language: SdkLanguage, name: string): string {
  if (language === 'python') return name.toLowerCase().replace(/[_.]+/g, '-');
  if (language === 'dotnet' || language === 'go') return name.toLowerCase();
  return name;
}

let index: Map<string, RetiredFact> | undefined;
function facts(): Map<string, RetiredFact> {
  if (index) return index;
  index = new Map();
  const inv = retiredInventory();
  for (const language of Object.keys(inv.packages) as SdkLanguage[]) {
    for (const [name, p] of Object.entries(inv.packages[language]) as [string, RetiredPackage][]) {
      index.set(`${language}:${normal(language, name)}`, {
        language,
        name,
        eol: p.eol,
        replacement: p.replace,
        ...(p.guide ? { guide: p.guide } : {}),
        ...(p.throughMajor !== undefined ? { throughMajor: p.throughMajor } : {}),
        ...(p.supportedFrom !== undefined ? { supportedFrom: p.supportedFrom } : {}),
        source: `${inv.about.repo} ${inv.about.folder}/${LANGUAGE_FILE[language]} @${inv.about.commit.slice(0, 12)} (Support "deprecated"${p.eol ? `, EOLDate ${p.eol}` : ''})`,
      });
    }
  }
  // The hand-edited families name what the inventory does not mark (it never overrides the inventory).
  for (const f of retiredTools().families) {
    for (const language of Object.keys(f.packages) as SdkLanguage[]) {
      for (const [name, replacement] of Object.entries(f.packages[language] ?? {})) {
        const key = `${language}:${normal(language, name)}`;
        if (index.has(key)) continue;
        index.set(key, {
          language,
          name,
          eol: f.eol,
          ...(f.replacedIn ? { replacedIn: f.replacedIn } : {}),
          replacement,
          ...(f.guide ? { guide: f.guide } : {}),
          ...(f.throughMajor !== undefined ? { throughMajor: f.throughMajor } : {}),
          source: f.sources.map((s) => `${sourceText(s)}: "${s.says}"`).join('; '),
        });
      }
    }
  }
  return index;
}

/** The retired package of that name (Java: groupId:artifactId), if it is one. */
export function retiredPackage(language: SdkLanguage, name: string): RetiredFact | undefined {
  if (language === 'go') return retiredGoPackage(name);
  return facts().get(`${language}:${normal(language, name)}`);
}

/**
 * Go: an import path is retired when it is, or is under, a retired path (services/storage/mgmt/2019-06-01
 * covers …/storage; the whole services/ tree is one row). A module root outside azure-sdk-for-go
 * (github.com/Azure/azure-storage-blob-go, as `go get` writes it) stands for its retired package.
 */
function retiredGoPackage(path: string): RetiredFact | undefined {
  const parts = normal('go', path.replace(/@.*$/, '')).split('/');
  for (let k = parts.length; k >= 3; k--) {
    const fact = facts().get(`go:${parts.slice(0, k).join('/')}`);
    if (fact) return fact;
  }
  return parts.length === 3 ? goModuleRoots().get(parts.join('/')) : undefined;
}

let roots: Map<string, RetiredFact> | undefined;
function goModuleRoots(): Map<string, RetiredFact> {
  if (roots) return roots;
  roots = new Map();
  for (const [key, fact] of facts()) {
    if (!key.startsWith('go:')) continue;
    const parts = key.slice(3).split('/');
    if (parts.length > 3 && parts[2] !== 'azure-sdk-for-go') roots.set(parts.slice(0, 3).join('/'), fact);
  }
  return roots;
}

/**
 * Whether a written version falls in the retired line: always when the whole package is retired;
 * for a name with a supported line, only a version whose major is at most throughMajor (no version
 * written installs the supported line, so it is not retired).
 */
export function versionRetired(fact: RetiredFact, version: string | undefined): boolean {
  if (fact.throughMajor === undefined) return true;
  const m = /^\s*(<=?|[\^~=>!v\s]*)\s*(\d+)(?:\.(\d+))?/.exec(version ?? '');
  if (!m) return false;
  const major = Number(m[2]);
  // "<12" (or "<12.0") caps the install below the supported line: the retired line is what pip finds.
  if (m[1] === '<' && fact.supportedFrom !== undefined && major <= fact.supportedFrom && !Number(m[3] ?? 0)) return true;
  if (m[1] === '<=' && fact.supportedFrom !== undefined && major < fact.supportedFrom) return true;
  return major <= fact.throughMajor && !m[1]?.startsWith('>');
}
