// The Azure OpenAI data-plane api-versions that were retired, from the generated
// openai-api-versions.json (scripts/generate-openai-api-versions.ts; source in its `about`).
import { readFileSync } from 'node:fs';
import type { OpenaiApiVersions } from './openai-api-versions-source.ts';

let table: OpenaiApiVersions | undefined;

export function openaiApiVersions(): OpenaiApiVersions {
  table ??= JSON.parse(readFileSync(new URL('./openai-api-versions.json', import.meta.url), 'utf8')) as OpenaiApiVersions;
  return table;
}

/** The day an Azure OpenAI api-version stopped accepting requests, when the lifecycle page retired it. */
export function openaiRetiredOn(version: string): string | undefined {
  return openaiApiVersions().retired.find((r) => r.version === version.toLowerCase())?.day;
}
