// "curl https://$OPENAI_API_BASE/openai/…" where the page has the reader put the whole endpoint
// (https://docs-test-001.openai.azure.com/) into OPENAI_API_BASE: the URL becomes https://https://…,
// the shell-variable twin of placeholder-url-after-scheme's "https://<YOUR-KEY-VAULT-URL>/".
import type { LintDocument } from '../document.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { bashVariableUses } from '../shell.ts';
import { assigns, envVarAssignments, unquoted } from '../env-var-assignments.ts';

/** What the page puts into a variable: a URL, or a placeholder that asks for one, with its line. */
interface UrlValue {
  line: number;
  value: string;
  /** The value itself starts with a scheme (the reader need not fill anything in). */
  literal: boolean;
}

// A placeholder value that asks for a URL: REPLACE_WITH_YOUR_ENDPOINT_HERE, <your-endpoint>, {endpoint},
// YOUR_RESOURCE_URL. A name (YOUR_RESOURCE_NAME) or a host (<your-host-name>) is what belongs after the scheme.
const ASKS_FOR_URL = /(?:^|[^a-z])(endpoint|url|uri)(?:[^a-z]|$)/i;
const PLACEHOLDER = /^(?:<[^<>]+>|\{[^{}]+\}|\[[^[\]]+\]|[A-Z][A-Z0-9_-]*)$/;

function urlValues(doc: LintDocument, name: string): UrlValue[] {
  const out: UrlValue[] = [];
  for (let n = 1; n <= doc.lineCount; n++) {
    if (doc.isProse(n)) continue;
    // Every way a line sets a variable for the shell or its programs (env-var-assignments.ts); a value the
    // line computes ($env:X = $y) is not one the page states.
    for (const set of envVarAssignments(doc.line(n))) {
      if (!assigns(set, name) || set.value === undefined) continue;
      const value = unquoted(set.value).trim();
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) out.push({ line: n, value, literal: true });
      else if (PLACEHOLDER.test(value) && ASKS_FOR_URL.test(value)) out.push({ line: n, value, literal: false });
      else return []; // the page also gives it a host or a name: not ours to judge
    }
  }
  return out;
}

export const variableUrlAfterScheme: Rule = {
  id: 'variable-url-after-scheme',
  name: 'VariableUrlAfterScheme',
  severity: 'warning',
  shortDescription: 'A shell variable that the page fills with a whole URL (or an endpoint) is written after a URL scheme.',
  fullDescription:
    'Azure AI services pages have the reader store the resource endpoint shown on the portal\'s Keys and Endpoint page (https://<resource>.openai.azure.com/, https://<resource>.cognitiveservices.azure.com/) in a variable, then build the request as "https://$VARIABLE/…". The URL becomes https://https://<resource>…//…; curl takes "https" as the host name and fails ("curl: (6) Could not resolve host: https"; newer curl rejects the URL: "curl: (3) URL rejected"). Found on MicrosoftDocs/azure-docs articles/cognitive-services/openai/includes/chatgpt-rest.md, which sets OPENAI_API_BASE to "REPLACE_WITH_YOUR_ENDPOINT_HERE" (example endpoint https://docs-test-001.openai.azure.com/) and runs curl https://$OPENAI_API_BASE/openai/deployments/… (reader report https://github.com/MicrosoftDocs/azure-docs/issues/106642: "the host contains prefix like https:// and suffix /"); the page later became curl $AZURE_OPENAI_ENDPOINT/openai/…. The rule speaks only when every value the page gives the variable is a URL or a placeholder that asks for an endpoint, URL or URI, and when the variable ends the host (followed by /, ? or the end of the word: "https://$NAME.openai.azure.com" is a name and is right).',
  help: 'Drop the scheme from the command ("$VARIABLE/openai/…", the endpoint carries it) or have the reader store only the host name.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const values = new Map<string, UrlValue[]>();
    const reported = new Set<string>();
    for (const use of bashVariableUses(doc)) {
      const raw = use.word.raw;
      const before = raw.slice(0, use.offset).replace(/["']/g, '');
      const scheme = /([a-z][a-z0-9+.-]*):\/\/$/i.exec(before);
      if (!scheme) continue;
      const token = /^\$(?:\{\w+\}|\w+)/.exec(raw.slice(use.offset))![0];
      const after = raw.slice(use.offset + token.length).replace(/^["']+/, '');
      if (after !== '' && !/^[/?#]/.test(after)) continue; // "$NAME.openai.azure.com", "$HOST:8080": a host part
      const key = `${use.name}@${use.word.line}`;
      if (reported.has(key)) continue;
      if (!values.has(use.name)) values.set(use.name, urlValues(doc, use.name));
      const given = values.get(use.name)!;
      if (given.length === 0) continue;
      reported.add(key);
      const first = given[0]!;
      const what = first.literal
        ? `the page sets it to ${first.value} (line ${first.line})`
        : `the page has the reader put the endpoint there ("${first.value}", line ${first.line}), and an Azure endpoint as the portal shows it starts with https://`;
      hits.push({
        line: use.word.line,
        column: use.word.column + use.offset,
        stepId: use.command.step.id,
        message: `$${use.name} follows "${scheme[0]}", but ${what}: the URL becomes ${scheme[0]}https://…, and curl reads "https" as the host ("Could not resolve host: https"). Write "$${use.name}${after.startsWith('/') ? '/…' : ''}" without the scheme, or store only the host name in $${use.name}.`,
      });
    }
    return hits;
  },
};
