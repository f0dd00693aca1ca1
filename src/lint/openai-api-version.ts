// Where a page sends an Azure OpenAI request with an api-version the service retired: a code block
// (curl, Python, C#, JavaScript…) that talks to Azure OpenAI (an /openai/ path, an *.openai.azure.com
// host, the AzureOpenAI client, AZURE_OPENAI_* settings) and writes api-version=… / api_version="…".
// Read by api-version-invalid; the versions come from src/reference/openai-api-versions.ts.
import type { LintDocument } from './document.ts';
import type { RuleHit } from './rule.ts';
import { codeFences, fenceLines } from './fences.ts';
import { openaiApiVersions, openaiRetiredOn } from '../reference/openai-api-versions.ts';

// The block speaks to Azure OpenAI (not to another service whose versions share the same dates).
const AZURE_OPENAI = /\/openai\/|\.openai\.azure\.com|\bAzureOpenAI\b|\bAZURE_OPENAI_\w+|openai\.api_type\s*=\s*["']azure/;
// api-version=2023-09-01-preview in a URL, api_version="…" / api_version='…' / "api-version": "…" in code.
const VERSION_AT = /\bapi[-_]version\b["']?\s*[=:]\s*["']?(\d{4}-\d{2}-\d{2}(?:-preview)?)\b/gi;
// A literal host on the line that is not Azure OpenAI's: the version is that service's (Azure AI Search
// has its own 2023-07-01-Preview and 2023-10-01-Preview, called from the same "on your data" blocks).
const OTHER_HOST = /https?:\/\/([a-z0-9.-]+)(?=[/:?"'\s]|$)/gi;
const OPENAI_HOST = /(?:^|\.)(?:openai\.azure\.com|cognitiveservices\.azure\.com)$/i;

function otherServiceOnLine(text: string): boolean {
  return [...text.matchAll(OTHER_HOST)].some((m) => !OPENAI_HOST.test(m[1] as string));
}

/** A warning on the version `m` matched on line `n`, with the step that line belongs to. */
export function versionWarning(doc: LintDocument, n: number, m: RegExpMatchArray, version: string, message: string): RuleHit {
  const command = doc.commands.find((c) => c.step.source.startLine <= n && n <= c.step.source.endLine);
  return { line: n, column: (m.index ?? 0) + m[0].indexOf(version) + 1, severity: 'warning', ...(command ? { stepId: command.step.id } : {}), message };
}

export function openaiRetiredVersionHits(doc: LintDocument): RuleHit[] {
  const hits: RuleHit[] = [];
  const table = openaiApiVersions();
  for (const fence of codeFences(doc)) {
    const lines = fenceLines(doc, fence);
    if (!lines.some((l) => AZURE_OPENAI.test(l.text))) continue;
    for (const { line: n, text } of lines) {
      if (otherServiceOnLine(text)) continue;
      for (const m of text.matchAll(VERSION_AT)) {
        const version = m[1] as string;
        const day = openaiRetiredOn(version);
        if (!day) continue;
        hits.push(
          versionWarning(doc, n, m, version, `api-version ${version} is an Azure OpenAI preview that was retired on ${day}: the service no longer accepts requests that carry it (Azure OpenAI API preview lifecycle: "will be retired and will stop accepting API requests"). Use a supported version: the GA ${table.latestGa} or later, or a current preview for preview-only features.`),
        );
      }
    }
  }
  return hits;
}
