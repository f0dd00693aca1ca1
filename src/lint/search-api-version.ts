// Where a page sends an Azure AI Search (formerly Azure Cognitive Search) request with a data-plane
// api-version that Search no longer supports: a code block line that calls a *.search.windows.net
// URL with api-version=…, or, in a block that talks to Search and not to Azure OpenAI, writes
// api_version="…" / "api-version": "…". Read by api-version-invalid; the versions come from
// src/reference/search-api-versions.ts (generated from the "API versions in Azure AI Search" page).
import type { LintDocument } from './document.ts';
import type { RuleHit } from './rule.ts';
import { codeFences, fenceLines } from './fences.ts';
import { searchRetired } from '../reference/search-api-versions.ts';
import { versionWarning } from './openai-api-version.ts';

// A Search service host, literal or templated ({{search-service-name}}.search.windows.net).
const SEARCH_HOST = /\.search\.windows\.net\b/i;
// The block also speaks to Azure OpenAI, whose api-versions share the same dates (2023-07-01-preview).
const AZURE_OPENAI = /\/openai\/|\.openai\.azure\.com|\bAzureOpenAI\b|\bAZURE_OPENAI_\w+/;
const URL_VERSION = /[?&]api-version=(\d{4}-\d{2}-\d{2}(?:-[A-Za-z]+)?)(?![\w-])/gi;
const CODE_VERSION = /\bapi[-_]version\b["']?\s*[=:]\s*["'](\d{4}-\d{2}-\d{2}(?:-[A-Za-z]+)?)["']/gi;
const ANY_HOST = /https?:\/\//i;

/** The day as YYYY-MM-DD on which the lint runs: a retirement announced for later is not yet one. */
const today = (): string => new Date().toISOString().slice(0, 10);

export function searchRetiredVersionHits(doc: LintDocument): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const fence of codeFences(doc)) {
    const lines = fenceLines(doc, fence);
    const blockIsSearch = lines.some((l) => SEARCH_HOST.test(l.text)) && !lines.some((l) => AZURE_OPENAI.test(l.text));
    for (const { line: n, text } of lines) {
      const found = SEARCH_HOST.test(text) ? [...text.matchAll(URL_VERSION)] : blockIsSearch && !ANY_HOST.test(text) ? [...text.matchAll(CODE_VERSION)] : [];
      for (const m of found) {
        const version = m[1] as string;
        const retired = searchRetired(version);
        if (!retired || retired.day > today()) continue;
        hits.push(versionWarning(doc, n, m, version, `api-version ${version} is an Azure AI Search REST version that is no longer supported since ${retired.day} (Learn "API versions in Azure AI Search": ${retired.says}): the request relies on an API Microsoft has withdrawn, and its request and index shapes differ from the current ones. Use a supported version from the Search REST API reference (for example 2024-07-01, the first GA version with vector search) and the request shape of that version.`));
      }
    }
  }
  return hits;
}
