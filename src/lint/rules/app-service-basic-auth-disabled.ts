// A page deploys to App Service with SCM basic authentication (a publish profile, local Git, or
// user:password to <app>.scm.azurewebsites.net) and never has the reader enable it. New App Service
// apps have basic publishing credentials disabled by default (az webapp create --basic-auth:
// "Disabled by default for new apps"), so the deployment is refused until the reader turns them on.
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
import { azTableAbout } from '../../reference/az-table.ts';

interface Use {
  line: number;
  column: number;
  what: string;
}

// The reader downloads a publish profile in the portal (the button is unavailable while basic
// authentication is off), sets up local Git, or sends user:password to the SCM site. Listing the
// credentials (az webapp deployment list-publishing-profiles) is not a deployment: a page about
// credentials is not judged on it.
const PROSE_USES: readonly { re: RegExp; what: string }[] = [
  { re: /\b(?:get|download)\b[\s*_]*(?:the |your |a )?publish(?:ing)?[- ]profile/i, what: 'a publish profile (its credentials are the SCM basic-authentication ones)' },
];
const COMMAND_USES: readonly { re: RegExp; what: string }[] = [
  { re: /--deployment-local-git\b|\baz (?:webapp|functionapp) deployment source config-local-git\b/, what: 'local Git deployment (git push with deployment credentials)' },
  { re: /\bgit remote add\b.*\.scm\.azurewebsites\.net/, what: 'local Git deployment (git push with deployment credentials)' },
  { re: /\bcurl\b.*(?:\s-u\s*\S|\s--user\s).*\.scm\.azurewebsites\.net|\bcurl\b.*\.scm\.azurewebsites\.net.*(?:\s-u\s*\S|\s--user\s)/, what: 'user:password authentication to the SCM (Kudu) site' },
];

// The page has the reader enable basic authentication (a command, or prose that says to).
const ENABLES_COMMAND = /--basic-auth[ =]+["']?Enabled\b|basicPublishingCredentialsPolicies\b.*\ballow["']?\s*[=:]\s*true\b/i;
const ENABLES_PROSE = [
  /\b(?:enabl(?:e|es|ing)|turn(?:ing)? on|switch(?:ing)? on|allow)\b[^.]{0,80}\bbasic auth/i,
  /\b(?:make sure|ensure|verify|check)\b[^.]{0,60}\bbasic auth\w*\b[^.]{0,40}\b(?:is|are)\s+(?:enabled|turned on|on)\b/i,
  /\bbasic auth\w*\b[^.]{0,80}\b(?:must|needs? to|has to|should) be (?:enabled|turned on|allowed|on)\b/i,
  /\bBasic Auth Publishing Credentials\b[^.]{0,60}\*\*On\*\*/i,
];
// A sentence that mentions basic authentication: where the page speaks of it, the finding goes.
const MENTIONS = /\bbasic auth(?:entication)?\b/i;

function uses(doc: LintDocument): Use[] {
  const out: Use[] = [];
  for (let n = 1; n <= doc.lineCount; n++) {
    if (!doc.isProse(n)) continue;
    for (const u of PROSE_USES) {
      const m = u.re.exec(doc.line(n));
      if (m) out.push({ line: n, column: (m.index ?? 0) + 1, what: u.what });
    }
  }
  for (const c of doc.commands) {
    const text = c.lines.map((l) => l.text).join(' ');
    const u = COMMAND_USES.find((x) => x.re.test(text));
    if (u) out.push({ line: c.step.source.startLine, column: 1, what: u.what });
  }
  return out.sort((a, b) => a.line - b.line);
}

function enables(doc: LintDocument): boolean {
  if (doc.commands.some((c) => ENABLES_COMMAND.test(c.lines.map((l) => l.text).join(' ')))) return true;
  for (let n = 1; n <= doc.lineCount; n++) {
    const text = doc.line(n);
    if (ENABLES_COMMAND.test(text) || (doc.isProse(n) && ENABLES_PROSE.some((re) => re.test(text)))) return true;
  }
  return false;
}

export const appServiceBasicAuthDisabled: Rule = {
  id: 'app-service-basic-auth-disabled',
  name: 'AppServiceBasicAuthDisabled',
  severity: 'warning',
  shortDescription: 'The page deploys with SCM basic authentication (publish profile, local Git, user:password to the SCM site) without having the reader enable it, and new App Service apps have it disabled.',
  fullDescription:
    'Publish profiles, local Git and user:password requests to https://<app>.scm.azurewebsites.net authenticate with basic publishing credentials. New App Service apps have them disabled by default (az webapp create --basic-auth: "Enable or disable basic auth for both SCM and FTP Basic Auth Publishing Credentials. Disabled by default for new apps", MicrosoftDocs/azure-docs-cli webapp.yml; Learn "Disable basic authentication in App Service deployments"): the portal does not offer the publish profile, git push answers "Authentication failed" and Kudu answers 401 until the reader turns SCM basic authentication on. A page that relies on it must say so and show how; a page that enables it (az webapp create --basic-auth Enabled, basicPublishingCredentialsPolicies/scm with allow=true, the portal switch) or deploys with OpenID Connect or az login is fine.',
  help: 'Add the step that enables SCM basic authentication (az resource update --resource-group <group> --name scm --namespace Microsoft.Web --resource-type basicPublishingCredentialsPolicies --parent sites/<app-name> --set properties.allow=true, or --basic-auth Enabled on az webapp create), or deploy with OpenID Connect / a service principal instead.',
  check(doc) {
    const found = uses(doc);
    const first = found[0];
    if (!first || enables(doc)) return [];
    // Where the page already speaks of basic authentication (before the first use), the missing
    // "enable it" belongs there; otherwise at the first use.
    let at: { line: number; column: number } = first;
    for (let n = 1; n <= first.line; n++) {
      const m = doc.isProse(n) ? MENTIONS.exec(doc.line(n)) : null;
      if (m) {
        at = { line: n, column: (m.index ?? 0) + 1 };
        break;
      }
    }
    const { commit } = azTableAbout();
    const hit: RuleHit = {
      line: at.line,
      column: at.column,
      message: `The page deploys with ${first.what} (line ${first.line}), which needs SCM basic authentication, but never has the reader enable it: new App Service apps have basic publishing credentials disabled by default (az webapp create --basic-auth, MicrosoftDocs/azure-docs-cli webapp.yml @${commit.slice(0, 12)}), so the deployment is refused until it is turned on. Add the step that enables it (az resource update --name scm --namespace Microsoft.Web --resource-type basicPublishingCredentialsPolicies --parent sites/<app-name> --set properties.allow=true, or az webapp create --basic-auth Enabled), or use OpenID Connect or a service principal.`,
    };
    return [hit];
  },
};
