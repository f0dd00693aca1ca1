// The VM-extension token endpoint: deprecated since January 2019, absent from current VMs.
import type { Rule, RuleHit } from '../rule.ts';
import { eachCurl } from '../each.ts';
import { hostAndPath, queryParams } from '../commands.ts';

export const legacyMsiEndpoint: Rule = {
  id: 'legacy-msi-endpoint',
  name: 'LegacyMsiEndpoint',
  severity: 'error',
  shortDescription: 'A command calls the legacy MSI VM-extension endpoint localhost:50342.',
  fullDescription:
    'The ManagedIdentityExtensionForLinux/Windows endpoint http://localhost:50342/oauth2/token was planned for deprecation in January 2019 and the Azure CLI stopped installing the extension in 2018. On a current VM nothing listens on port 50342, so curl fails with "Connection refused". Tokens come from IMDS at http://169.254.169.254/metadata/identity/oauth2/token.',
  help: "Use IMDS: curl 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=<RESOURCE>' -H Metadata:true (add &client_id=<CLIENT ID> for a user-assigned identity).",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, curl } of eachCurl(doc)) {
      for (const url of curl.urls) {
        const hp = hostAndPath(url.value);
        if (!hp || !/^(localhost|127\.0\.0\.1):50342$/.test(hp.host)) continue;
        const params = queryParams(url.value);
        let resource = params.get('resource');
        for (const d of curl.data) {
          const m = /(?:^|&)resource=([^&]*)/.exec(d.value);
          if (m) resource = decodeURIComponent(m[1] as string);
        }
        const client = params.get('client_id');
        const query = `api-version=2018-02-01&resource=${encodeURIComponent(resource ?? '<RESOURCE>')}${client ? `&client_id=${client}` : ''}`;
        const suggestion = `curl 'http://169.254.169.254/metadata/identity/oauth2/token?${query}' -H Metadata:true`;
        hits.push({
          line: url.line,
          column: url.column,
          stepId: command.step.id,
          message: `${hp.host} is the MSI VM-extension endpoint, deprecated since January 2019 and not present on current VMs: curl fails with "Connection refused". Ask IMDS instead: ${suggestion}`,
          suggestion,
        });
      }
    }
    return hits;
  },
};
