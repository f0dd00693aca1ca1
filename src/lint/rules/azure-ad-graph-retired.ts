// A command calls Azure AD Graph (https://graph.windows.net/…) or asks for a token whose resource is
// Azure AD Graph (IMDS …&resource=https://graph.windows.net, az account get-access-token --resource …).
// Azure AD Graph was fully retired on 31 August 2025: its requests are refused with 403 whatever the
// app's configuration, and a token for it is good for nothing. Microsoft Graph replaces it.
import type { Rule, RuleHit } from '../rule.ts';
import { retiredTools, sourceText } from '../../reference/retired-sdks.ts';

// The host as a URL or a token resource, not a longer name (graph.windows.net.example) nor an e-mail.
const HOST = /(?<![\w.@-])(?:https?:\/\/)?graph\.windows\.net(?![\w.-])/i;
// The host is the resource a token is asked for (IMDS/App Service query, az, Azure PowerShell), not the API called.
const AS_RESOURCE = /(?:[?&]resource=|--resource(?:-url)?[\s=]+["']?|-Resource(?:Url)?\s+["']?)$/i;

export const azureAdGraphRetired: Rule = {
  id: 'azure-ad-graph-retired',
  name: 'AzureAdGraphRetired',
  severity: 'warning',
  shortDescription: 'A command calls Azure AD Graph (graph.windows.net) or asks for a token for it; Azure AD Graph was retired on 31 August 2025.',
  fullDescription:
    'Azure AD Graph (https://graph.windows.net, api-version=1.6) was deprecated in 2020 and fully retired on 31 August 2025: "allows the app to have extended access to Azure AD Graph until August 31, 2025 when Azure AD Graph is fully retired" (microsoftgraph/microsoft-graph-docs-contrib api-reference/v1.0/resources/authenticationbehaviors.md @070ad6fbb3a1); "After this date, all apps receive a 403 Unauthorized error when making requests to Azure AD Graph APIs, regardless of their extended access configuration" (learn.microsoft.com/graph/applications-authenticationbehaviors). A page that calls it, or gets a managed identity token for resource https://graph.windows.net to call it, teaches requests that fail. Microsoft Graph (https://graph.microsoft.com/v1.0, token resource https://graph.microsoft.com/) replaces it; request and response shapes differ (learn.microsoft.com/graph/migrate-azure-ad-graph-overview). Reader report: MicrosoftDocs/azure-docs#41259. Only command lines are read: prose that names the host, and response examples, are not reported.',
  help: 'Call Microsoft Graph instead: a token for resource https://graph.microsoft.com/ and https://graph.microsoft.com/v1.0/… (for example POST https://graph.microsoft.com/v1.0/servicePrincipals/<ID>/getMemberGroups with {"securityEnabledOnly": false}); see https://learn.microsoft.com/graph/migrate-azure-ad-graph-overview.',
  check(doc) {
    const hits: RuleHit[] = [];
    const fact = retiredTools().aadGraph;
    const source = sourceText(fact.sources[0] as (typeof fact.sources)[number]);
    // Every step that sends something: bash, PowerShell (not in doc.commands: its words are no shell
    // words) and HTTP requests alike; the host is read from the step's own lines.
    for (const step of doc.tutorial.steps) {
      if (step.kind === 'manual' || !doc.hasText) continue;
      if (step.source.file && doc.tutorial.file && step.source.file !== doc.tutorial.file) continue;
      for (let line = step.source.startLine; line <= step.source.endLine; line++) {
        const text = doc.line(line);
        const m = HOST.exec(text);
        if (!m) continue;
        const resource = AS_RESOURCE.test(text.slice(0, m.index));
        hits.push({
          line,
          column: m.index + 1,
          stepId: step.id,
          message: resource
            ? `This asks for a token for Azure AD Graph (resource ${m[0]}), which was retired on ${fact.retired} (${source}): every request the token is for gets 403. Ask for a Microsoft Graph token (resource=https://graph.microsoft.com/) and call https://graph.microsoft.com/v1.0/… (${fact.guide}).`
            : `This calls Azure AD Graph (${m[0]}), retired on ${fact.retired} (${source}): all apps now get 403 Unauthorized from it. Call ${fact.replacement} with the Microsoft Graph form of the request (${fact.guide}).`,
        });
        break;
      }
    }
    return hits;
  },
};
