// "curl $AZURE_OPENAI_ENDPOINT/openai/deployments/docs-test/completions…": the reader's own Azure OpenAI
// resource (a variable or placeholder host) with the author's deployment name written in the path. A
// deployment is a name the reader gives when deploying a model, so unless the page creates that deployment
// or tells the reader to choose that name (or to replace it), the request reaches a deployment the
// reader's resource does not have: 404 DeploymentNotFound. Reader report MicrosoftDocs/azure-docs#106642
// ("…deployments/gpt-35-turbo/… should be …deployments/<model_deployment_name>/…").
import type { LintDocument } from '../document.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz, eachCurl } from '../each.ts';
import { codeFences, fenceAt } from '../fences.ts';
import { nameWord, tellsToReplace } from '../text.ts';

// The path segment after /openai/deployments/ and what comes before it (the endpoint).
const DEPLOYMENT_PATH = /^(.*?)\/openai\/deployments\/([^/?#\s"']+)(?=[/?#"']|$)/;
// A host the reader fills in: a shell variable, a placeholder (<…>, {…}, [..], YOUR_…), or nothing at all.
const READERS_HOST = /\$|<[^>]*>|\{[^}]*\}|\[[^\]]*\]|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|your/i;
// A segment that is itself a placeholder: <…>, {…}, $VAR, YOUR_DEPLOYMENT, YourDeploymentName, deployment-name.
const PLACEHOLDER_SEGMENT = /[<>{}$[\]]|^[A-Z0-9_]+$|your|deployment[-_]?(?:name|id)|^(?:deployment|model)$/i;
// A sentence that gives the name as the deployment's, or tells the reader to change it.
const NAMING = /\b(?:replace|substitut\w*|change|named?|naming|call(?:ed)?|enter|deployment|custom name)\b/i;

/** Where the page makes the name the reader's deployment: az … deployment create --deployment-name, or prose. */
function introduced(doc: LintDocument, name: string): boolean {
  for (const { az } of eachAz(doc)) {
    const words = az.words.map((w) => w.value);
    if (!(words.includes('cognitiveservices') && words.includes('deployment') && words.includes('create'))) continue;
    const at = words.findIndex((w) => w === '--deployment-name' || w.startsWith('--deployment-name='));
    const value = at < 0 ? undefined : words[at]!.includes('=') ? words[at]!.split('=')[1] : words[at + 1];
    if (value?.toLowerCase() === name.toLowerCase()) return true;
  }
  const fences = codeFences(doc);
  const token = nameWord(name);
  for (let n = 1; n <= doc.lineCount; n++) {
    if (fenceAt(fences, n)) continue;
    const line = doc.line(n);
    if (!token.test(line)) continue;
    if (tellsToReplace(line, name)) return true;
    for (const sentence of line.split(/(?<=[.!?])\s+/)) if (token.test(sentence) && NAMING.test(sentence)) return true;
  }
  return false;
}

export const openaiDeploymentNameFixed: Rule = {
  id: 'openai-deployment-name-fixed',
  name: 'OpenaiDeploymentNameFixed',
  severity: 'warning',
  shortDescription: "An Azure OpenAI request sent to the reader's resource names a deployment the page never creates nor asks the reader to choose.",
  fullDescription:
    'Azure OpenAI routes /openai/deployments/{deployment-id}/… to the deployment of that name on the resource; the name is the one the reader gave when deploying a model (Azure OpenAI REST reference: "deployment-id: Deployment id of the model which was deployed"), not the model\'s name. A request that sends the reader\'s endpoint (a variable or placeholder host) with the author\'s own deployment name gets HTTP 404 {"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}. Reader report https://github.com/MicrosoftDocs/azure-docs/issues/106642 on articles/cognitive-services/openai/includes/chatgpt-rest.md ("…deployments/gpt-35-turbo/… this should be …deployments/<model_deployment_name>/…"); the maintainers\' answer on #114013: "this error occurs if your code does not have the correct deployment name specified". Silent when the deployment segment is a placeholder, when the host is the author\'s literal resource, when an az cognitiveservices account deployment create on the page makes a deployment of that name, and when the prose names it as the deployment or tells the reader to replace it.',
  help: 'Write the deployment as a placeholder or variable (…/openai/deployments/<YOUR-DEPLOYMENT-NAME>/… or $DEPLOYMENT_NAME) and say it is the name the reader chose when deploying the model, or have the page deploy the model under that name.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const verdict = new Map<string, boolean>();
    for (const { command, curl } of eachCurl(doc)) {
      for (const url of curl.urls) {
        const m = DEPLOYMENT_PATH.exec(url.value);
        if (!m) continue;
        const host = m[1] as string;
        const name = m[2] as string;
        if (host !== '' && !READERS_HOST.test(host)) continue; // the author's own literal resource: the whole URL is an example
        if (PLACEHOLDER_SEGMENT.test(name)) continue;
        const key = name.toLowerCase();
        if (!verdict.has(key)) verdict.set(key, introduced(doc, name));
        if (verdict.get(key)) continue;
        hits.push({
          line: url.line,
          column: url.column + Math.max(0, url.raw.indexOf(`/deployments/${name}`) + '/deployments/'.length),
          stepId: command.step.id,
          message: `the request goes to the reader's resource but names the deployment "${name}", which this page never creates nor tells the reader to choose or replace: a deployment is the name the reader gave when deploying the model, so Azure OpenAI answers 404 DeploymentNotFound ("The API deployment for this resource does not exist"). Write …/openai/deployments/<YOUR-DEPLOYMENT-NAME>/… and say which name that is, or tell the reader to replace "${name}".`,
        });
      }
    }
    return hits;
  },
};
