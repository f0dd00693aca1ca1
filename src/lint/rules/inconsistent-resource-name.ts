// The page creates a resource under one name and later uses another name nothing introduces for the
// same kind of resource: `az group create --name demoResourceGroup` then `az group show --name
// exampleGroup`, `az lock create --name LockGroup` then `az lock delete --name exampleLock`, `az servicebus namespace
// create --name namespace-name` then `az servicebus queue create --namespace-name namespace_name`; and
// a name the pages of the Prerequisites section never create (quickstart-deploy-apps.md creates api-gateway,
// quickstart-logs-metrics-tracing.md streams `-n gateway`: azure-docs#108632).
import type { Rule, RuleHit } from '../rule.ts';
import { groupsFirstUsedToCreateIn, introducedName, nameUses, type NameUse } from '../name-uses.ts';
import { prerequisiteNames, writtenInCode, type PrerequisiteCreate } from '../prerequisite-names.ts';

export const inconsistentResourceName: Rule = {
  id: 'inconsistent-resource-name',
  name: 'InconsistentResourceName',
  severity: 'warning',
  shortDescription: 'A command uses a resource name that nothing on the page introduces, while the page creates the same kind of resource under another name.',
  fullDescription:
    "Azure finds a resource by its name only. When a page creates demoResourceGroup and then runs az group show --name exampleGroup, the reader gets \"(ResourceGroupNotFound) Resource group 'exampleGroup' could not be found.\" (az lock delete: \"LockNotFound\"), and every later step on that name fails the same way. A clean-up step that deletes a name the page never created leaves the reader's resources running and may delete an unrelated resource of theirs that happens to bear that name. Names the prose introduces (an existing group) are not reported. A parent named by `--<noun>-name` (`az servicebus queue create --namespace-name`) is the resource `az <group> <noun> create` makes, for the nearest group of the command that has that command; a name that differs from a created one only by separators or case (namespace-name created, namespace_name used) is said to be that: Azure names are compared whole, so the queue create answers not found. `az webapp up` without `--resource-group` counts as creating a group whose name az generates (`{user}_rg_{NNNN}` in current Azure CLI: Azure/azure-cli `src/azure-cli/azure/cli/command_modules/appservice/_create_util.py` @90bd338da58fe849520d55468d9c8b6c30cdf4d1, `get_rg_to_use`; older versions printed `appsvc_rg_<os>_<location>`): a later literal group name that only the page's example output shows is not the reader's group (a clean-up `az group delete` of it deletes nothing of theirs). A group no step creates whose first use makes something in it, under a name unlike any created one, is page-assumes-resource's (a missing prerequisite, not a second spelling), and so is a name used above the page's first creation of that kind (`az aks update --name myAKSCluster` on the reader's cluster, then `az aks create --name myPrivateCluster` further down): it cannot be a second spelling of what the page has yet to make. A quickstart series creates its resources once: what the pages the Prerequisites section links to create (read beside the page) counts as made, so a name they create is no second spelling, and a kind only they create is compared with their names. MicrosoftDocs/azure-docs articles/spring-apps/quickstart-logs-metrics-tracing.md streams az spring app logs -n gateway after quickstart-deploy-apps.md, its prerequisite, created api-gateway; the reader got \"ERROR: App gateway not found\" (https://github.com/MicrosoftDocs/azure-docs/issues/108632). Then only a name written in code introduces it (a prose word such as \"Spring Cloud Gateway\" does not), and a name a prerequisite page writes in code (a Maven plugin's appName) is never reported.",
  help: 'Use the name the page creates everywhere (or say in the prose which existing resource the other name is).',
  check(doc) {
    if (!doc.hasText) return [];
    const all = nameUses(doc);
    const created = new Map<string, Map<string, NameUse>>();
    // Where the page first creates each kind (0: an include does): a use above it names a resource the
    // reader already has (an existing cluster updated before the page creates a private one), not a
    // second spelling of one the page made. page-assumes-resource speaks for that.
    const firstCreate = new Map<string, number>();
    for (const u of all) {
      if (!u.create) continue;
      firstCreate.set(u.kind, Math.min(firstCreate.get(u.kind) ?? Infinity, u.own ? u.line : 0));
      const byName = created.get(u.kind) ?? new Map<string, NameUse>();
      if (!byName.has(u.name.toLowerCase())) byName.set(u.name.toLowerCase(), u); // the first creation
      created.set(u.kind, byName);
    }
    // What the pages of the Prerequisites section create, the reader who followed them has: a name
    // of theirs is no second spelling, and a kind only they create is compared with their names
    // (quickstart-logs-metrics-tracing.md streams `-n gateway`; quickstart-deploy-apps.md made api-gateway).
    const prereq = prerequisiteNames(doc);
    const onlyPrereq = new Set<string>();
    for (const p of prereq.created) {
      if (!created.has(p.kind)) onlyPrereq.add(p.kind);
      const byName = created.get(p.kind) ?? new Map<string, NameUse>();
      if (!byName.has(p.name.toLowerCase())) byName.set(p.name.toLowerCase(), p);
      created.set(p.kind, byName);
      firstCreate.set(p.kind, 0);
    }
    const introduced = introducedName(doc, all);
    // The group `az webapp up` made has the name az generated: the name an example printed is not one the page introduced.
    const introducedInProse = introducedName(doc, all, true);
    const createIn = groupsFirstUsedToCreateIn(all);
    const hits: RuleHit[] = [];
    const reported = new Set<string>();
    for (const u of all) {
      const made = created.get(u.kind);
      if (!u.own || u.create || !made || made.has(u.name.toLowerCase())) continue;
      if (u.line < (firstCreate.get(u.kind) ?? 0)) continue;
      // A group a command creates something in is a prerequisite the page lacks (page-assumes-resource says so).
      if (u.kind === 'group' && createIn.has(u.name.toLowerCase())) continue;
      // A prerequisite page that writes the name in code may make it another way (a Maven plugin's appName).
      if (prereq.mentions(u.name)) continue;
      // Where only prerequisite pages make this kind, a word of this page's prose ("Spring Cloud Gateway")
      // introduces no resource: only the name written in code here does.
      if (onlyPrereq.has(u.kind) && writtenInCode(doc, u.name, all)) continue;
      const generated = [...made.values()].filter((o) => o.generated);
      const key = `${u.kind}\n${u.name.toLowerCase()}`;
      // The first use in each tab or pivot a reader may follow (a page is linted whole), and every
      // clean-up that deletes the name (a delete of the wrong name is harm of its own).
      const tabs = (doc.tutorial.variants ?? []).filter((v) => u.stepId !== undefined && v.steps.includes(u.stepId)).map((v) => `${key}\n@${v.name}`);
      const firstIn = (tabs.length > 0 ? tabs : [`${key}\n@`]).filter((k) => !reported.has(k));
      const first = firstIn.length > 0;
      const deletes = u.target && /(^| )delete$/.test(u.command);
      if (!first && !deletes) continue;
      if (reported.has(`${key}\nintroduced`)) continue;
      if (!reported.has(`${key}\nfound`) && !onlyPrereq.has(u.kind) && (generated.length > 0 ? introducedInProse(u.name) : introduced(u.name))) {
        reported.add(`${key}\nintroduced`); // introduced: never report this name
        continue;
      }
      for (const k of firstIn) reported.add(k);
      reported.add(`${key}\nfound`);
      const named = [...made.values()].filter((o) => !o.generated);
      const what = u.kind === 'group' ? 'resource group' : u.kind;
      const pageOf = (o: NameUse): string | undefined => ('page' in o ? (o as PrerequisiteCreate).page.split('/').pop() : undefined);
      const prereqPages = [...new Set(named.map(pageOf).filter((p): p is string => p !== undefined))];
      const where = onlyPrereq.has(u.kind)
        ? `${named.map((o) => `"${o.name}"`).join(', ')} (${prereqPages.join(', ')})`
        : named.map((o) => `"${o.name}"${o.own ? ` (line ${o.line})` : pageOf(o) ? ` (${pageOf(o)}, a prerequisite page)` : ' (in an included file)'}`).join(', ');
      const creator = onlyPrereq.has(u.kind) ? `the page${prereqPages.length > 1 ? 's' : ''} its Prerequisites section sends the reader to first create${prereqPages.length > 1 ? '' : 's'}` : 'the page creates';
      const gen = generated[0];
      // namespace-name created, namespace_name used: one name to the writer, two to Azure.
      const bare = (n: string): string => n.toLowerCase().replace(/[-_.]/g, '');
      const variant = named.find((o) => bare(o.name) === bare(u.name));
      const madeBy = gen && named.length === 0
        ? `the only resource group the page makes is the one az ${gen.command} (line ${gen.line}) creates without --resource-group, whose name az generates ({user}_rg_NNNN in current Azure CLI; older versions printed other names): a name written on the page is not that group. Give az ${gen.command} --resource-group <name> and use that name, or tell the reader to use the "resourcegroup" value az printed`
        : `it created ${where}${gen ? ` and the group az ${gen.command} (line ${gen.line}) names itself` : ''}`;
      hits.push({
        line: u.line,
        column: u.column,
        ...(u.stepId ? { stepId: u.stepId } : {}),
        message: gen && named.length === 0
          ? `az ${u.command} ${deletes ? 'deletes' : 'uses'} the ${what} "${u.name}", which no step creates: ${madeBy}.`
          : variant && !deletes
            ? `az ${u.command} uses the ${what} "${u.name}", while the page creates "${variant.name}"${variant.own ? ` (line ${variant.line})` : ' (in an included file)'}: the same name with other separators is another name to Azure, which does not find "${u.name}" (not found). Write "${variant.name}" here too.`
          : deletes && !first
            ? `az ${u.command} deletes the ${what} "${u.name}", which the page never created (${madeBy}): the reader's ${what} stays, and one of theirs named "${u.name}" would go. Use the name the page creates.`
            : `az ${u.command} uses the ${what} "${u.name}", which no step creates or introduces; ${creator} ${where}. Azure finds resources by name: this step (and every later one on "${u.name}") fails with not found. Use one name.`,
      });
    }
    return hits;
  },
};
