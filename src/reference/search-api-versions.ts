// The Azure AI Search data-plane api-versions that are no longer supported, from the generated
// search-api-versions.json (scripts/generate-search-api-versions.ts; source in its `about`).
import { readFileSync } from 'node:fs';
import type { SearchApiVersions } from './search-api-versions-source.ts';

let table: SearchApiVersions | undefined;

export function searchApiVersions(): SearchApiVersions {
  table ??= JSON.parse(readFileSync(new URL('./search-api-versions.json', import.meta.url), 'utf8')) as SearchApiVersions;
  return table;
}

/** The retirement of an Azure AI Search api-version (any case), when the API versions page records one. */
export function searchRetired(version: string): SearchApiVersions['retired'][number] | undefined {
  return searchApiVersions().retired.find((r) => r.version === version.toLowerCase());
}
