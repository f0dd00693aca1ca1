// "The response includes the access token you need to access Resource Manager" after a request
// for a Key Vault token: the token's audience is what was asked for, nothing else.
import type { Rule, RuleHit } from '../rule.ts';
import { eachCurl } from '../each.ts';
import { hostAndPath, queryParams } from '../commands.ts';

const SERVICES: readonly { name: string; prose: RegExp; resource: RegExp }[] = [
  { name: 'Azure Resource Manager', prose: /\bResource Manager\b/i, resource: /^https:\/\/management\.(azure\.com|core\.windows\.net)\/?$/i },
  { name: 'Azure Key Vault', prose: /\bKey Vault\b/i, resource: /^https:\/\/vault\.azure\.net\/?$/i },
  { name: 'Azure Storage', prose: /\b(Azure )?Storage\b/i, resource: /^https:\/\/storage\.azure\.com\/?$/i },
  { name: 'Data Lake Store', prose: /\bData Lake\b/i, resource: /^https:\/\/datalake\.azure\.net\/?$/i },
];

const CLAIM = /access token (?:you need|needed|required|that you use) to (?:access|call|authenticate to) ([^.]+)/i;

export const proseTokenAudience: Rule = {
  id: 'prose-token-audience',
  name: 'ProseTokenAudience',
  severity: 'warning',
  shortDescription: 'The prose says a token is for another service than the resource the request asked for.',
  fullDescription:
    "A managed-identity token is issued for exactly the resource in the request (its aud claim). A Key Vault token (resource https://vault.azure.net) is refused by Resource Manager with 401 InvalidAuthenticationTokenAudience; prose that says otherwise sends readers to use the wrong token.",
  help: 'Name the service the token is for (the one in the resource parameter).',
  check(doc) {
    const hits: RuleHit[] = [];
    const tokenSteps = eachCurl(doc).flatMap(({ command, curl }) => {
      const url = curl.urls[0]?.value ?? '';
      const hp = hostAndPath(url);
      if (!hp || !(hp.host === '169.254.169.254' || /:50342$/.test(hp.host)) || !hp.path.includes('/oauth2/token')) return [];
      let resource = queryParams(url).get('resource');
      for (const d of curl.data) {
        const m = /(?:^|&)resource=([^&]*)/.exec(d.value);
        if (m) resource = decodeURIComponent(m[1] as string);
      }
      return resource ? [{ command, resource }] : [];
    });
    for (const { command, resource } of tokenSteps) {
      const asked = SERVICES.find((s) => s.resource.test(resource));
      if (!asked) continue;
      const next = doc.commandAfter(command.step.source.endLine)?.step.source.startLine ?? doc.lineCount + 1;
      for (let n = command.step.source.endLine + 1; n < next; n++) {
        if (!doc.isProse(n)) continue;
        const m = CLAIM.exec(doc.line(n));
        if (!m) continue;
        const target = m[1] as string;
        const named = SERVICES.find((s) => s.prose.test(target));
        if (!named || named === asked) continue;
        hits.push({
          line: n,
          column: (m.index ?? 0) + 1,
          stepId: command.step.id,
          message: `the prose says this token is what you need to access ${named.name}, but the request on line ${command.step.source.startLine} asks for resource ${resource} (${asked.name}); ${named.name} refuses it (401, wrong audience). Write "${m[0].replace(target, asked.name)}".`,
        });
      }
    }
    return hits;
  },
};
