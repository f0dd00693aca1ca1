// A resource the page's commands use under a literal name that no command of the page creates and no
// prerequisite or portal step states: the run provides it (and lists it as an assumption) so the rest
// of the page can be judged, but a reader starting from an empty subscription gets a 404. The same
// inference as the run's World (src/world), without the target's values: names the page writes, and
// placeholders whose position says they name a vault, an account, a container, a blob or a secret
// (`https://<vault-name>.vault.azure.net/…` on a page that never creates a vault assumes one). Silent
// where the page makes resources az does not show (templates, `az webapp up`, Maven, azd, Terraform):
// what they create has no name on the page to check against; and where its prerequisites are an include.
import type { Tutorial } from '../../model.ts';
import { findCommandPlaceholders, placeholderKey } from '../../parse/placeholders.ts';
import { shaped } from '../../plan/values.ts';
import { describe, inferWorld } from '../../world/infer.ts';
import type { Role } from '../../world/roles.ts';
import type { WorldResource } from '../../world/types.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { assumedParents, isAksNodeGroup } from '../assumed-parents.ts';
import { introducedName, nameUses } from '../name-uses.ts';
import type { LintDocument } from '../document.ts';
import { unreadIncludeMakes } from '../unread-includes.ts';


// "be sure to replace the variable definitions with values matching your own cluster", "Replace the
// values of the variables with your own": every value the page's code assigns is the reader's to choose.
const REPLACE_VARIABLES = /\b(?:replace|change|update|substitute)\b[^.]*\bvariables?\b|\bvariables?\b[^.]*\b(?:your own|matching your)\b/i;
const ASSIGNED_VALUE = /(?:^|[\s;(])(?:export\s+)?\$?[A-Za-z_]\w*\s*=\s*(["']?)([^"'\s;]+)\1/g;

/** Values the page's code assigns to variables when its prose tells the reader to replace them with their own; else empty. */
function valuesTheProseReplaces(doc: LintDocument): Set<string> {
  const out = new Set<string>();
  let cue = false;
  for (let n = 1; n <= doc.lineCount && !cue; n++) cue = doc.isProse(n) && REPLACE_VARIABLES.test(doc.line(n));
  if (!cue) return out;
  for (let n = 1; n <= doc.lineCount; n++) {
    if (doc.isProse(n)) continue;
    for (const m of doc.line(n).matchAll(ASSIGNED_VALUE)) out.add(m[2]!.toLowerCase());
  }
  return out;
}

// A resource id whose subscription is written as a mask (`/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/resourceGroups/myresourcegroup/…`,
// azure-aks-docs monitor-aks.md's az monitor diagnostic-settings create --resource): the whole id is an example the
// reader replaces with their own, as a placeholder is; the group in it is no group the page assumes.
const MASKED_ID = /\/subscriptions\/x{8}(?:-x{4}){3}-x{12}\/resourcegroups\/([^/\s'"?#]+)[^\s'"]*/gi;

/** `name` appears on the page only as the group of resource ids with a masked subscription. */
function onlyInMaskedIds(doc: LintDocument, name: string): boolean {
  const word = new RegExp(`(?<![\\w.-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`, 'i');
  let masked = false;
  for (let n = 1; n <= doc.lineCount; n++) {
    const line = doc.line(n);
    for (const m of line.matchAll(MASKED_ID)) if (m[1]!.toLowerCase() === name.toLowerCase()) masked = true;
    if (word.test(line.replace(MASKED_ID, ' '))) return false;
  }
  return masked;
}

/** Roles a placeholder can make the page assume. Groups and VMs are where the reader works (their own, or made by a deploy the page runs): never. */
const PLACEHOLDER_ROLES: ReadonlySet<Role> = new Set<Role>(['storage-account', 'container', 'blob', 'vault', 'secret', 'key']);

/** Commands that create resources the page does not name: after one of them, silence on placeholders. */
const OPAQUE_CREATOR = /(?:^|[\s;&|(])(?:az\s+(?:deployment|group\s+deployment|webapp\s+up|containerapp\s+up|staticwebapp\s+create|spring|functionapp\s+deployment)\b|azd\s|mvn\s|gradlew?\s|terraform\s|func\s+azure|New-AzResourceGroupDeployment|bicep\s)/i;

/** The page's prerequisites include another file (`[!INCLUDE …]`): what it states there is not read here. */
function prerequisitesInclude(text: string | undefined): boolean {
  if (text === undefined) return false;
  const m = /^(#{1,6})\s+(?:prerequisites|before you begin)\b[^\n]*\n([\s\S]*?)(?=^#{1,6}\s|(?![\s\S]))/im.exec(text);
  return m !== null && /\[!INCLUDE/i.test(m[2] ?? '');
}

/** A stand-in name per placeholder key (valid for every resource role), and the placeholder as the page spells it. */
function standIns(tutorial: Tutorial): Map<string, { name: string; spelling: string }> {
  const out = new Map<string, { name: string; spelling: string }>();
  for (const step of tutorial.steps) {
    if (step.kind === 'manual') continue;
    for (const p of findCommandPlaceholders(step.raw)) {
      const key = placeholderKey(p.spelling);
      if (!out.has(key)) out.set(key, { name: `tcplaceholder${out.size}x`, spelling: p.spelling });
    }
  }
  return out;
}

export const pageAssumesResource: Rule = {
  id: 'page-assumes-resource',
  name: 'PageAssumesResource',
  severity: 'warning',
  shortDescription: 'The page uses a resource it neither creates nor states as a prerequisite.',
  fullDescription:
    "What a page uses must come from somewhere the reader can see: a command of the page that creates it, or a prerequisite that says it exists. A vault, storage account, container, blob or resource group the commands name but nothing introduces is found only by a reader who already has it. An `--account-name` is a storage account only in storage commands (`az storage …`, `az keyvault storage …`, `az webapp config storage-account …`); in another service's command (`az cosmosdb …`, `az batch …`) it is that service's account, which this rule does not name. It also speaks for what a command needs before it can make something (`assumed-parents.ts`): a resource group an `az deployment group create` or an `az … create` puts things in under a literal name no step creates (ARM answers 404 `ResourceGroupNotFound`; a resource group deployment never creates its own group, only a subscription deployment can — learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-not-found, and the `az deployment group create` reference: `--resource-group` names an existing group); a group a page acts on (`az group delete --name ExampleResourceGroup`) under a literal name when it creates no group at all; and the App Service plan `az webapp create` / `az functionapp create --plan` runs on, which az requires to exist (MicrosoftDocs/azure-docs-cli `docs-ref-autogen/Latest-version/latest/webapp.yml`, `az webapp create`: \"--plan -p: Name or resource id of the app service plan\"; unlike `az webapp up`, it never creates one) when no step creates a plan and the page never speaks of one. Silent where a placeholder names the group (the reader's own; a value wholly in square brackets, `--resource-group [REQUIRED]` as the az reference writes parameters, is one: no resource group, vault, account, container or secret name holds brackets), where the Prerequisites section speaks of a resource group, where a portal step of the same tab does (a tab the reader did not choose states nothing for them), where the prose names the group, where a step creates groups the page does not name (a subscription deployment of a real template, `az webapp up`, azd, Terraform, the Maven plugin), and on a group whose first use is a name that holds or is held by a created one (`myGroupName` for `myGroup`: inconsistent-resource-name's). Also silent on the node resource group AKS makes with a cluster (`MC_<group>_<cluster>_<region>`, learn.microsoft.com/azure/aks/faq: it exists whenever the cluster does) and on a value the page's code assigns to a variable when its prose tells the reader to replace the variables with their own values (\"be sure to replace the variable definitions with values matching your own cluster\"). Also silent on a resource whose kind an include this tool could not read names in its title or path ([!INCLUDE [Create a resource group](~/reusable-content/…/create-resource-group-powershell.md)]: it may create it), on a group named only inside resource ids whose subscription is a mask (/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/resourceGroups/myresourcegroup/…: an example id the reader replaces whole), and on a placeholder secret or key of a vault the page states the reader has (a migration guide's \"permissions on the key vault\": its secrets are the reader's). Also silent on a code line shown as a filled-in example of the placeholder command above it (`az k8s-extension show --resource-group <resource group> …`, then `#Example`, then the same command with `--resource-group myresourcegroup`): its names illustrate the placeholders. Also silent on Azure Monitor's insights-logs-* / insights-metrics-* container (and its blobs) on a page that speaks of diagnostic settings or logs: a diagnostic setting creates it in the storage account as soon as an event occurs (learn.microsoft.com/azure/azure-monitor/essentials/resource-logs#send-to-azure-storage).",
  help: 'Say so in the prerequisites (for example "a key vault named myVault with a secret mySecret"), or add the command that creates it.',
  check(doc) {
    const text = doc.hasText ? Array.from({ length: doc.lineCount }, (_, i) => doc.line(i + 1)).join('\n') : undefined;
    // Unsure of what a placeholder names when the page deploys what it does not name, or states its prerequisites in an include.
    const opaque = doc.tutorial.steps.some((st) => st.kind !== 'manual' && OPAQUE_CREATOR.test(st.raw)) || prerequisitesInclude(text);
    const stand = opaque ? new Map<string, { name: string; spelling: string }>() : standIns(doc.tutorial);
    const world = inferWorld({
      tutorial: doc.tutorial,
      ...(text !== undefined ? { text } : {}),
      valueOf: (key, role) => {
        const s = stand.get(key);
        return s !== undefined && role !== undefined && PLACEHOLDER_ROLES.has(role) ? { value: shaped(key, role, s.name), role, from: 'the placeholder' } : undefined;
      },
      defaults: { resourceGroup: '' },
    });
    const spelled = (what: string): string => {
      let out = what;
      for (const s of stand.values()) out = out.split(s.name).join(s.spelling);
      return out;
    };
    // Without the target's values a placeholder parent is unknown: a blob in <CONTAINER> of <ACCOUNT>
    // may well be the one an earlier upload to the same placeholders made. Only fully named resources count.
    const named = (r: WorldResource): boolean =>
      r.role === 'blob' ? r.account !== undefined && r.container !== undefined : r.role === 'container' ? r.account !== undefined : r.role === 'secret' || r.role === 'key' ? r.vault !== undefined : true;
    // One finding per line (a finding is one per rule and place): everything that line assumes, parents first.
    const byLine = new Map<number, string[]>();
    // A page that deploys what it does not name may well have made what it then uses (`az webapp up` makes appsvc_rg_*).
    const deploys = doc.tutorial.steps.some((st) => st.kind !== 'manual' && OPAQUE_CREATOR.test(st.raw));
    // A group the prose names (Replace the value *myResourceGroup* with …), as assumedParents reads it;
    // the cluster's node resource group; a value the prose tells the reader to replace with their own.
    // Read only for a page that assumes something (most assume nothing).
    let prose: ((name: string) => boolean) | undefined;
    let replaced: Set<string> | undefined;
    const theirs = (r: WorldResource): boolean => {
      if (!doc.hasText) return false;
      replaced ??= valuesTheProseReplaces(doc);
      if (replaced.has(r.name.toLowerCase())) return true;
      if (r.role !== 'resource-group') return false;
      prose ??= introducedName(doc, nameUses(doc), true);
      return isAksNodeGroup(r.name) || prose(r.name) || onlyInMaskedIds(doc, r.name);
    };
    // Azure Monitor's own container: a diagnostic setting that sends resource logs to a storage account creates
    // "insights-logs-{log category name}" (metrics: insights-metrics-pt1m) there as soon as an event occurs
    // (learn.microsoft.com/azure/azure-monitor/essentials/resource-logs#send-to-azure-storage). On a page that
    // speaks of diagnostic settings or logs, the container comes from them, not from the reader
    // (azure-security-docs @1c4310be key-vault/general/howto-logging.md:152, az storage blob list
    // --container-name "insights-logs-auditevent").
    let diagnostics: boolean | undefined;
    const monitorContainer = (r: WorldResource): boolean => {
      const container = r.role === 'container' ? r.name : r.role === 'blob' ? r.container : undefined;
      if (container === undefined || !/^insights-(?:logs|metrics)-/i.test(container)) return false;
      diagnostics ??= doc.hasText && Array.from({ length: doc.lineCount }, (_, i) => doc.line(i + 1)).some((l) => /\bdiagnostic(?:s)?\b[^.\n]{0,40}\b(?:settings?|logs?|logging)\b|\bdiagnostic-settings\b|\bDiagnosticSetting\b/i.test(l));
      return diagnostics;
    };
    // An include this tool could not read whose title or path names the resource's kind ("Create a resource group") may create it.
    const unread = (r: WorldResource): boolean => unreadIncludeMakes(doc, r.role);
    // A placeholder secret or key in a vault the page states the reader has (its prerequisites: "permissions on
    // the key vault" of a migration guide) is one of that vault's own, as the placeholder vault is the reader's.
    const standInNames = new Set([...stand.values()].map((s) => s.name.toLowerCase()));
    const statedVaults = new Set(world.resources.filter((v) => v.role === 'vault' && v.origin === 'stated').map((v) => v.name.toLowerCase()));
    const ownVaultContent = (r: WorldResource): boolean =>
      (r.role === 'secret' || r.role === 'key') && statedVaults.has((r.vault ?? '').toLowerCase()) && [...standInNames].some((n) => r.name.toLowerCase().includes(n));
    for (const r of world.resources.filter((x) => x.origin === 'assumed' && named(x) && !deploys && !theirs(x) && !unread(x) && !ownVaultContent(x) && !monitorContainer(x))) byLine.set(r.cite.line, [...(byLine.get(r.cite.line) ?? []), spelled(describe(r))]);
    const hits = [...byLine].map(([line, what]): RuleHit => ({
      line,
      message: `the page assumes ${what.length === 1 ? what[0] : `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}`} ${what.length === 1 ? 'exists' : 'exist'}; say so in the prerequisites`,
    }));
    // Groups and plans a command needs before it can make something; a line the World already spoke
    // for stays one finding, and so does a command written over several lines whose first line the
    // World cites for the same name (az aks nodepool upgrade \ then --resource-group on the next line).
    const assumed = world.resources.filter((x) => x.origin === 'assumed' && named(x) && !deploys);
    for (const { hit, name } of assumedParents(doc)) {
      if (byLine.has(hit.line) || unreadIncludeMakes(doc, 'resource-group')) continue;
      const step = doc.tutorial.steps.find((st) => st.id === hit.stepId);
      const saidForStep = step !== undefined && assumed.some((r) => r.name.toLowerCase() === name.toLowerCase() && r.cite.line >= step.source.startLine && r.cite.line <= step.source.endLine);
      if (!saidForStep) hits.push(hit);
    }
    return hits.filter((h) => !illustratesPlaceholders(doc, h.line));
  },
};

const EXAMPLE_COMMENT = /^\s*#\s*examples?\s*:?\s*$/i;
const PLACEHOLDER = /<[^<>\n]+>/;
const head = (line: string): string => line.trim().split(/\s+/).slice(0, 3).join(' ');

/**
 * Whether code line `line` is shown as a filled-in example of the placeholder command above it: the code
 * line before is a bare `#Example` comment and the one before that runs the same command with <placeholders>
 * (azure-management-docs @d923d588 azure-arc/data/upload-metrics.md:46-48, `az k8s-extension show
 * --resource-group <resource group> …`, `#Example`, then `--resource-group myresourcegroup`). Its names
 * illustrate the placeholders, which the reader replaces with their own.
 */
function illustratesPlaceholders(doc: Parameters<Rule['check']>[0], line: number | undefined): boolean {
  if (line === undefined || line < 3 || !doc.hasText) return false;
  if ([line, line - 1, line - 2].some((n) => doc.isProse(n))) return false;
  if (!EXAMPLE_COMMENT.test(doc.line(line - 1))) return false;
  const model = doc.line(line - 2);
  return PLACEHOLDER.test(model) && !PLACEHOLDER.test(doc.line(line)) && head(model) === head(doc.line(line));
}
