// A placeholder left unquoted although every real value for it holds characters bash acts on: a
// SAS (`&`), a connection string (`;`), an App Service site-level user name (`$app-name`).
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands, quoteStateAt } from '../shell.ts';
import { eachCurl } from '../each.ts';
import { placeholdersIn } from '../text.ts';
import { roleFromWords } from '../../world/roles.ts';
import type { CommandView } from '../document.ts';

interface Special {
  what: string;
  effect: string;
}

const SAS: Special = {
  what: 'a SAS token always holds "&" between its fields (sv=…&ss=…&sig=…)',
  effect: 'bash ends the command at the first "&", runs it in the background without the rest of the token, and runs each "field=value" after it as a command of its own',
};
const CONNECTION: Special = {
  what: 'a connection string always holds ";" between its fields (DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…)',
  effect: 'bash ends the command at the first ";" and runs "AccountName=…" as a separate command, so the program gets only the first field',
};
const SITE_USER: Special = {
  what: 'the site-level (application-scope) deployment user name of an App Service app is "$<app-name>"',
  effect: 'bash expands "$<app-name>" unquoted as a variable (an empty one), so the user name is sent without it and Kudu answers 401 Unauthorized',
};

/** Commands that talk to an App Service app's Kudu (scm) site. */
function callsKudu(doc: Parameters<Rule['check']>[0], command: CommandView): boolean {
  return eachCurl(doc).some((c) => c.command === command && c.curl.urls.some((u) => /\.scm\.azurewebsites\.net/i.test(u.value)));
}

export const placeholderUnquotedSpecial: Rule = {
  id: 'placeholder-unquoted-special',
  name: 'PlaceholderUnquotedSpecial',
  severity: 'warning',
  shortDescription: 'A placeholder is left unquoted although every real value for it holds a character bash acts on (a SAS token\'s "&", a connection string\'s ";", a site-level user name\'s "$").',
  fullDescription:
    'The reader pastes their value where the placeholder stands. Unquoted, bash reads that value: "&" runs the command in the background and cuts it, ";" ends the command, "$name" expands as a variable. A SAS token always has "&" between its fields, a storage connection string always has ";", and the site-level deployment credentials of an App Service app have the user name "$<app-name>" (Kudu: "site-level credential ($sitename)"; App Service\'s own page tells bash users to escape "$" in it). The page as written cannot work once the reader fills it in. Sources: GNU Bash Reference Manual §3.2.4 (";" and "&" end a command; "&" runs it asynchronously) and §3.5.3; the SAS format (learn.microsoft.com/rest/api/storageservices/create-service-sas); the storage connection string format (learn.microsoft.com/azure/storage/common/storage-configure-connection-string); projectkudu/kudu wiki "Accessing the kudu service" and MicrosoftDocs/azure-docs articles/app-service/deploy-configure-credentials.md (escape "$" in the user name or password in bash).',
  help: "Put the placeholder in single quotes: --sas-token '<SAS TOKEN>', -u '<username>:<password>'.",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of bashCommands(doc)) {
      const words = command.words;
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        for (const p of placeholdersIn(w.raw)) {
          if (quoteStateAt(w.raw, p.column - 1) !== 'unquoted') continue;
          const role = roleFromWords(p.key);
          const flag = words[i - 1]?.value;
          // the value itself, not something named after it (<SAS DEFINITION NAME>, <CONNECTION NAME>)
          const joined = p.key.replace(/_/g, '');
          let special: Special | undefined;
          if (role === 'sas-token' && /SAS(?:TOKEN|URL|URI)|SAS$/.test(joined)) special = SAS;
          else if (role === 'connection-string' && /CONNECTIONSTRING|CONNSTR/.test(joined)) special = CONNECTION;
          else if (role === 'user-name' && (flag === '-u' || flag === '--user') && callsKudu(doc, command)) special = SITE_USER;
          if (!special) continue;
          hits.push({
            line: w.line,
            column: w.column + p.column - 1,
            stepId: command.step.id,
            message: `${p.spelling} is not quoted, but ${special.what}: once the reader puts the value in, ${special.effect}. Quote it: '${w.raw}'.`,
            suggestion: `'${w.raw}'`,
          });
        }
      }
    }
    return hits;
  },
};
