// What a command needs to exist before it can make something, when the page names it and nothing
// makes it: the resource group a deployment or an `az … create` puts things in (ARM answers 404
// ResourceGroupNotFound; a group deployment never creates its own group), a group the page acts on
// under a literal name while it creates no group at all, and the App Service plan `az webapp create` /
// `az functionapp create --plan` runs the app on (az never creates the plan there, unlike `az webapp
// up`). Groups are the reader's own when a placeholder names them, when the prerequisites speak of a
// resource group, or when a portal step of the same tab does: silence there.
import type { LintDocument } from './document.ts';
import type { RuleHit } from './rule.ts';
import { azOf, azOption, simpleCommands } from './commands.ts';
import { groupsFirstUsedToCreateIn, introducedName, nameUses } from './name-uses.ts';

/** Steps that create resource groups the page does not name (a subscription deployment, azd, Terraform, the Maven plugin…). */
const GROUP_CREATOR = /(?:^|[\s;&|(])(?:az\s+deployment\s+(?:sub|tenant|mg)\b|az\s+(?:webapp|containerapp)\s+up\b|azd\s|terraform\s|mvn\s|gradlew?\s|New-Az(?:Subscription)?Deployment\b|New-AzResourceGroup\b)/i;

/** The page's Prerequisites (or "Before you begin") section, or undefined. */
function prerequisites(doc: LintDocument): { text: string; from: number } | undefined {
  for (let n = 1; n <= doc.lineCount; n++) {
    if (!/^#{1,6}\s+(?:prerequisites|before you begin)\b/i.test(doc.line(n))) continue;
    const lines: string[] = [];
    for (let k = n + 1; k <= doc.lineCount && !/^#{1,6}\s/.test(doc.line(k)); k++) lines.push(doc.line(k));
    return { text: lines.join('\n'), from: n };
  }
  return undefined;
}

/** Whether the reader following the step `stepId` also sees the manual step `manualId` (same tab or pivot, or either outside any). */
function sameVariant(doc: LintDocument, stepId: string | undefined, manualId: string): boolean {
  const variants = doc.tutorial.variants ?? [];
  const of = (id: string | undefined) => variants.filter((v) => id !== undefined && v.steps.includes(id)).map((v) => v.name);
  const a = of(stepId);
  const b = of(manualId);
  return a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));
}

/**
 * The node resource group AKS makes with a cluster, MC_<group>_<cluster>_<region>
 * (learn.microsoft.com/azure/aks/faq, "Why are two resource groups created with AKS?"): it exists
 * whenever the cluster does, so it is no prerequisite of its own.
 */
export function isAksNodeGroup(name: string): boolean {
  return /^MC_[^_\s]+_[^_\s]+_[a-z0-9]+$/i.test(name);
}

/** A finding, with the name of the group or plan it says is missing (for the caller's de-duplication). */
export interface ParentHit {
  hit: RuleHit;
  name: string;
}

export function assumedParents(doc: LintDocument): ParentHit[] {
  if (!doc.hasText) return [];
  const hits: ParentHit[] = [];
  const prereq = prerequisites(doc);
  const steps = doc.tutorial.steps;
  const all = nameUses(doc);
  const prose = introducedName(doc, all, true);

  // Resource groups. A deployment of a placeholder template (`--template-file <path-to-bicep>`) is a
  // syntax line: it deploys nothing known. An include in the prerequisites does not name a group the
  // commands write literally.
  const groupCreator = steps.some((st) => st.kind !== 'manual' && GROUP_CREATOR.test(st.raw) && !/--template-(?:file|uri)\s+["']?<[^>]+>/.test(st.raw));
  const statesGroup = prereq !== undefined && /\bresource groups?\b/i.test(prereq.text);
  if (!groupCreator && !statesGroup) {
    const groups = all.filter((u) => u.kind === 'group');
    const createdNames = new Set(groups.filter((u) => u.create).map((u) => u.name.toLowerCase()));
    const createsAny = createdNames.size > 0;
    const created = groups.filter((u) => u.create && !u.generated);
    const reported = new Set<string>();
    const createIn = groupsFirstUsedToCreateIn(all);
    for (const u of groups) {
      if (!u.own || u.create || createdNames.has(u.name.toLowerCase()) || reported.has(u.name.toLowerCase())) continue;
      // A page that creates groups and names another one it does not create something in: inconsistent-resource-name's.
      if (createsAny && !createIn.has(u.name.toLowerCase())) continue;
      if (prose(u.name) || isAksNodeGroup(u.name)) continue;
      const portal = doc.manualSteps.find((m) => /\bresource groups?\b/i.test(m.raw) && sameVariant(doc, u.stepId, m.id));
      if (portal) continue;
      reported.add(u.name.toLowerCase());
      const others = created.map((o) => `"${o.name}"${o.own ? ` (line ${o.line})` : ''}`).join(', ');
      hits.push({
        name: u.name,
        hit: {
          line: u.line,
          column: u.column,
          ...(u.stepId ? { stepId: u.stepId } : {}),
          message: u.createsInside
            ? `az ${u.command} makes something in the resource group "${u.name}", which no step creates${others ? ` (the page creates ${others})` : ''} and no prerequisite states: ${u.command.startsWith('deployment') ? 'a resource group deployment never creates its group' : 'az does not create the group'}, so Azure answers ResourceGroupNotFound. Create it first (az group create --name ${u.name} --location <location>), use the group the page creates, or say in the prerequisites that the reader needs it.`
            : `az ${u.command} names the resource group "${u.name}", which the page never creates and does not present as the reader's own (no placeholder, no prerequisite): a reader who has no group of that name gets ResourceGroupNotFound${u.command === 'group delete' ? ', and one who has one deletes it' : /delete$/.test(u.command) ? ', and one who has one deletes what the command names in it' : ''}. Write a placeholder (<resource-group>) and say it stands for the reader's group, or create it first.`,
        },
      });
    }
  }

  // App Service plans for az webapp create / az functionapp create --plan.
  const makesPlan = steps.some((st) => st.kind !== 'manual' && /\b(?:az\s+(?:appservice|functionapp)\s+plan\s+create|New-AzAppServicePlan|New-AzFunctionAppPlan)\b/i.test(st.raw));
  const speaksOfPlan = (n: number): boolean => doc.isProse(n) && /\b(?:app service|hosting|premium|consumption)? ?plans?\b/i.test(doc.line(n).replace(/\[[^\]]*\]\([^)]*\)/g, (m) => m.slice(0, m.indexOf(']('))));
  if (!makesPlan && !steps.some((st) => st.kind !== 'manual' && GROUP_CREATOR.test(st.raw))) {
    let stated = false;
    for (let n = 1; n <= doc.lineCount && !stated; n++) if (speaksOfPlan(n)) stated = true;
    if (!stated)
      for (const c of doc.commands) for (const cmd of simpleCommands(c.words)) {
        const az = azOf(cmd);
        const path = az?.path.join(' ');
        if (!az || (path !== 'webapp create' && path !== 'functionapp create')) continue;
        const plan = azOption(az, '--plan', '-p')?.value;
        if (!plan) continue;
        hits.push({
          name: plan.value,
          hit: {
            line: plan.line,
            column: plan.column,
            stepId: c.step.id,
            message: `az ${path} runs the app on the App Service plan ${plan.value}, which must already exist (az ${path} never creates a plan), but no step creates one (az appservice plan create) and the page never says the reader needs one. Add the step that creates the plan, or state it in the prerequisites.`,
          },
        });
        break;
      }
  }
  return hits;
}
