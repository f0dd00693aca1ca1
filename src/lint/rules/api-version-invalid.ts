// api-version values a service does not take: a query parameter the service has no notion of
// (Blob storage), a version outside the documented list (IMDS), or a missing mandatory one.
import type { Rule, RuleHit } from '../rule.ts';
import { eachCurl } from '../each.ts';
import { hostAndPath, queryParams } from '../commands.ts';
import { openaiRetiredVersionHits } from '../openai-api-version.ts';
import { searchRetiredVersionHits } from '../search-api-version.ts';

// From the IMDS documentation's "Supported API versions" (MicrosoftDocs/azure-compute-docs articles/virtual-machines/instance-metadata-service.md).
const IMDS_VERSIONS = new Set([
  '2025-04-07', '2024-07-17', '2024-03-15', '2023-11-15', '2023-07-01', '2021-12-13', '2021-11-15', '2021-11-01', '2021-10-01',
  '2021-08-01', '2021-05-01', '2021-03-01', '2021-02-01', '2021-01-01', '2020-12-01', '2020-10-01', '2020-09-01', '2020-07-15',
  '2020-06-01', '2019-11-01', '2019-08-15', '2019-08-01', '2019-06-04', '2019-06-01', '2019-04-30', '2019-03-11', '2019-02-01',
  '2018-10-01', '2018-04-02', '2018-02-01',
]);
// Key Vault data-plane versions (azure-rest-api-specs keyvault/data-plane stable folders).
const KEYVAULT_VERSIONS = new Set(['2015-06-01', '2016-10-01', '7.0', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '2025-06-01', '2025-07-01']);
const KEYVAULT_CURRENT = '7.6';

export const apiVersionInvalid: Rule = {
  id: 'api-version-invalid',
  name: 'ApiVersionInvalid',
  severity: 'error',
  shortDescription: 'A request carries an api-version the service does not take, or lacks a mandatory one.',
  fullDescription:
    'Blob storage has no api-version query parameter (its version is the x-ms-version header), IMDS identity tokens need one of the documented versions from 2018-02-01 on, and Key Vault has no default version. A wrong or missing value gets 400, or is silently ignored while the real version header is missing. Azure OpenAI retired its early preview api-versions (2023-03-15-preview, 2023-07-01-preview, 2023-08-01-preview, 2023-09-01-preview and 2023-12-01-preview on 1 July 2024: they "will be retired and will stop accepting API requests", Azure OpenAI API preview lifecycle, MicrosoftDocs/azure-docs articles/ai-services/openai/api-version-deprecation.md @0b74e485, generated into src/reference/openai-api-versions.json by scripts/generate-openai-api-versions.ts); a code block that talks to Azure OpenAI (an /openai/ path, an *.openai.azure.com host, the AzureOpenAI client, AZURE_OPENAI_* settings) and writes one of them gets a warning, since what the retired version answers is not documented. Readers asked which versions still work on the REST reference (azure-docs#119770, #120041, #120425). Azure AI Search (formerly Azure Cognitive Search) data-plane versions the Learn page "API versions in Azure AI Search" says are no longer supported are judged the same way, as warnings, where a code block calls *.search.windows.net with them (or sets api_version in a block that calls Search and not Azure OpenAI): 2023-07-01-Preview, the first vector search preview ("deprecated on April 8, 2024 and is no longer supported as of July 8, 2024"; readers got its retirement notice: Azure-Samples/azure-search-openai-demo#1805, Azure/azure-sdk-for-net#44645), and 2015-02-28, 2015-02-28-Preview, 2014-07-31-Preview, 2014-10-20-Preview ("Support for the above-listed versions ended on October 15, 2020") — MicrosoftDocs/azure-ai-docs articles/search/search-api-versions.md @00bb5540, generated into src/reference/search-api-versions.json by scripts/generate-search-api-versions.ts; a retirement dated after the day the lint runs is not reported.',
  help: 'Use the version the service documents: x-ms-version for Blob, api-version=2018-02-01 or later for IMDS, a current Key Vault version such as 7.4, a supported Azure OpenAI version (a GA version such as 2024-10-21), a supported Azure AI Search version (such as 2024-07-01).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, curl } of eachCurl(doc)) {
      const url = curl.urls[0];
      const hp = url ? hostAndPath(url.value) : undefined;
      if (!url || !hp) continue;
      const version = queryParams(url.value).get('api-version');
      const at = { line: url.line, column: url.column + Math.max(0, url.raw.indexOf('api-version')), stepId: command.step.id };
      if (hp.host.endsWith('.blob.core.windows.net') && version !== undefined) {
        hits.push({
          ...at,
          message: `api-version is not a Blob storage parameter: the service ignores "?api-version=${version}" and takes its version from the x-ms-version header, which this request does not set. Drop the parameter and send -H "x-ms-version: 2017-11-09" (or newer).`,
          suggestion: '-H "x-ms-version: 2017-11-09"',
        });
      } else if (hp.host === '169.254.169.254' && hp.path.startsWith('/metadata/identity')) {
        if (version === undefined)
          hits.push({ ...at, message: 'the IMDS identity endpoint requires api-version (2018-02-01 or later); without it IMDS answers 400. Add api-version=2018-02-01.' });
        else if (!IMDS_VERSIONS.has(version))
          hits.push({ ...at, message: `api-version=${version} is not a version IMDS documents for identity tokens (2018-02-01 and later); IMDS answers 400. Use api-version=2018-02-01 or a newer documented version.` });
      } else if (hp.host.endsWith('.vault.azure.net') || (/<[^>]*VAULT[^>]*>/i.test(url.value) && hp.path.includes('/secrets/'))) {
        if (version === undefined)
          hits.push({ ...at, message: `Key Vault has no default api-version and answers 400 without one. Add ?api-version=${KEYVAULT_CURRENT}.` });
        else if (!KEYVAULT_VERSIONS.has(version))
          hits.push({ ...at, message: `api-version=${version} is not a Key Vault data-plane version: Key Vault answers 400 BadParameter "The specified version (${version}) is not recognized". Use ${KEYVAULT_CURRENT}.` });
        else if (version === '2016-10-01' || version === '2015-06-01')
          hits.push({
            ...at,
            severity: 'note',
            message: `api-version=${version} is the oldest Key Vault data-plane version (before 7.0; responses lack fields such as recoverableDays); SDKs use ${KEYVAULT_CURRENT} or 2025-07-01. Consider api-version=${KEYVAULT_CURRENT}.`,
          });
      }
    }
    hits.push(...openaiRetiredVersionHits(doc));
    hits.push(...searchRetiredVersionHits(doc));
    return hits;
  },
};
