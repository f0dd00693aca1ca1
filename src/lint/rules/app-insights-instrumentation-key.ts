// A code block configures Application Insights ingestion with an instrumentation key alone —
// `instrumentationKey: '…'` (JavaScript SDK), `InstrumentationKey = "…"` (.NET), `<InstrumentationKey>`
// (ApplicationInsights.config / .xml), the APPINSIGHTS_INSTRUMENTATIONKEY app setting — instead of a
// connection string. Microsoft ended support for instrumentation-key ingestion on 31 March 2025. Reader
// reports: MicrosoftDocs/azure-docs#96067 (javascript-react-plugin.md), #110936 (sdk-connection-string.md),
// #117192 (configure-monitoring.md), #83729.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceLines } from '../fences.ts';

// The key set on its own. A connection string also starts with "InstrumentationKey=" but carries its value
// unquoted after "=" inside one string ("InstrumentationKey=0000…;IngestionEndpoint=…"): the patterns
// below need a quote (or `>`) right after the assignment, so a connection string never matches them.
const SETTINGS: readonly { re: RegExp; what: string }[] = [
  { re: /(?<![\w=])(instrumentationKey|InstrumentationKey|instrumentation_key)["']?\s*[:=]\s*["']/, what: 'sets the instrumentation key' },
  { re: /<(InstrumentationKey)>/, what: 'sets <InstrumentationKey>' },
  { re: /\b(APPINSIGHTS_INSTRUMENTATIONKEY)\b(?:["']?\]?\s*=|["']?\s*,\s*["']?value|=\S)/, what: 'sets the APPINSIGHTS_INSTRUMENTATIONKEY app setting' },
  { re: /["']name["']\s*:\s*["'](APPINSIGHTS_INSTRUMENTATIONKEY)["']/, what: 'sets the APPINSIGHTS_INSTRUMENTATIONKEY app setting' },
];
// The block also gives a connection string: the SDKs use it (the setting the page shows is then redundant, not the one ingestion relies on).
const CONNECTION_STRING = /connectionString|ConnectionString|connection_string|APPLICATIONINSIGHTS_CONNECTION_STRING/;
// An answer of Resource Manager (az … show, a template's output), not configuration the reader writes.
const ARM_ANSWER = /"provisioningState"|"\/subscriptions\/|"id"\s*:\s*"\/subscriptions/;

export const appInsightsInstrumentationKey: Rule = {
  id: 'app-insights-instrumentation-key',
  name: 'AppInsightsInstrumentationKey',
  severity: 'warning',
  shortDescription: 'A code block configures Application Insights with an instrumentation key alone instead of a connection string.',
  fullDescription:
    'Application Insights SDKs and agents take a connection string (InstrumentationKey=…;IngestionEndpoint=…;LiveEndpoint=…), set as connectionString / ConnectionString / APPLICATIONINSIGHTS_CONNECTION_STRING. Configuring ingestion with the instrumentation key alone (JavaScript config instrumentationKey, .NET TelemetryConfiguration.InstrumentationKey, <InstrumentationKey> in ApplicationInsights.config, the APPINSIGHTS_INSTRUMENTATIONKEY app setting) sends telemetry to the global ingestion endpoint: "On 31 March 2025, support for instrumentation key ingestion will end. Instrumentation key ingestion will continue to work, but we\'ll no longer provide updates or support for the feature" (MicrosoftDocs/azure-docs articles/azure-monitor/app/sdk-connection-string.md and migrate-from-instrumentation-keys-to-connection-strings.md; Azure update "Technical support for instrumentation key-based global ingestion in Application Insights will end on 31 March 2025"), and regional endpoints, sovereign clouds and Microsoft Entra authenticated ingestion need the connection string. The .NET SDK marks the instrumentation-key APIs obsolete (microsoft/ApplicationInsights-dotnet#2560). Readers asked for connection strings on the pages that still set the key: MicrosoftDocs/azure-docs#96067 (React plugin), #110936, #117192, #83729. Silent when the same block also gives a connection string, on an instrumentation key inside a connection string, and on Resource Manager answers that merely show the key.',
  help: 'Configure the connection string the Application Insights resource shows on its Overview page instead: connectionString: "InstrumentationKey=…;IngestionEndpoint=…" (JavaScript), TelemetryConfiguration.ConnectionString (.NET), <ConnectionString> in the config file, or the APPLICATIONINSIGHTS_CONNECTION_STRING setting.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    for (const fence of codeFences(doc)) {
      const lines = fenceLines(doc, fence);
      const block = lines.map((l) => l.text).join('\n');
      if (CONNECTION_STRING.test(block) || ARM_ANSWER.test(block)) continue;
      for (const { line: n, text } of lines) {
        const found = SETTINGS.map((s) => ({ s, m: s.re.exec(text) })).find((x) => x.m);
        if (!found?.m) continue;
        const key = found.m[1] as string;
        hits.push({
          line: n,
          column: text.indexOf(key) + 1,
          message: `this ${found.s.what} alone: Application Insights then ingests by instrumentation key, whose support ended on 31 March 2025 (no more updates or support; regional ingestion, sovereign clouds and Microsoft Entra authentication need a connection string). Set the resource's connection string instead (connectionString / ConnectionString / APPLICATIONINSIGHTS_CONNECTION_STRING, "InstrumentationKey=…;IngestionEndpoint=…", from the resource's Overview page).`,
        });
      }
    }
    return hits;
  },
};
