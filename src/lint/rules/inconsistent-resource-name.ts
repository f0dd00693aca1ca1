// The page creates a resource under one name and later uses another name nothing introduces for the
// same kind of resource: `az group create --name demoResourceGroup` then `az group show --name
// exampleGroup`, `az lock create --name LockGroup` then `az lock delete --name exampleLock`.
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
import { azOf, azOption, simpleCommands, type AzView } from '../commands.ts';
import { commandWords } from '../../parse/shell-words.ts';

interface NameUse {
  kind: string; // the az command group of the resource: "group", "lock", "keyvault", "storage account"
  name: string;
  line: number;
  column: number;
  command: string;
  create: boolean;
  /** The command acts on this resource itself (its --name), not on a parent it names. */
  target: boolean;
  stepId?: string;
  /** From this page's own lines (an include's steps count for what they create, never as findings). */
  own: boolean;
}

// az's conventions for naming a parent resource on another command group's command.
const PARENT_OPTIONS: Readonly<Record<string, string>> = { '--resource-group': 'group', '--vault-name': 'keyvault', '--account-name': 'storage account' };
// Verbs that bring the named resource into being: `az keyvault key import`, `az keyvault secret set`,
// `az storage blob upload` create what they name as surely as `create` does.
const CREATING_VERBS = new Set(['create', 'import', 'set', 'upload', 'add', 'restore', 'recover', 'up', 'copy', 'start-copy', 'generate']);
// Commands that create the group they are given when it does not exist.
const CREATES_ITS_GROUP = new Set(['webapp up', 'containerapp up', 'spring-cloud app deploy']);

const literal = (v: string): boolean => /^[A-Za-z0-9][\w.-]*$/.test(v);

function uses(az: AzView, own: boolean, stepId: string | undefined): NameUse[] {
  const out: NameUse[] = [];
  const verb = az.path[az.path.length - 1];
  const kind = az.path.slice(0, -1).join(' ');
  const command = az.path.join(' ');
  const name = azOption(az, '--name')?.value;
  if (name && kind && literal(name.value)) out.push({ kind, name: name.value, line: name.line, column: name.column, command, create: CREATING_VERBS.has(verb ?? ''), target: true, own, ...(stepId ? { stepId } : {}) });
  for (const [option, parent] of Object.entries(PARENT_OPTIONS)) {
    const o = azOption(az, option);
    const v = o?.value;
    // The parameter must really be that parent on this command (the table says which option it is).
    if (!o || !v || !literal(v.value) || (o.lookup.kind === 'parameter' && !o.lookup.parameter.names.includes(option))) continue;
    out.push({ kind: parent, name: v.value, line: v.line, column: v.column, command, create: parent === 'group' && CREATES_ITS_GROUP.has(command), target: false, own, ...(stepId ? { stepId } : {}) });
  }
  return out;
}

/** Every name an az command of the tutorial creates or uses, its included steps too. */
function nameUses(doc: LintDocument): NameUse[] {
  const out: NameUse[] = [];
  for (const c of doc.commands) for (const cmd of simpleCommands(c.words)) {
    const az = azOf(cmd);
    if (az) out.push(...uses(az, true, c.step.id));
  }
  for (const step of doc.tutorial.steps) {
    if (step.kind === 'manual' || !step.source.file || !doc.file || step.source.file === doc.file) continue;
    const words = commandWords(step.raw.split('\n').map((text, i) => ({ line: step.source.startLine + i, text })));
    for (const cmd of simpleCommands(words)) {
      const az = azOf(cmd);
      if (az) out.push(...uses(az, false, undefined));
    }
  }
  return out;
}

export const inconsistentResourceName: Rule = {
  id: 'inconsistent-resource-name',
  name: 'InconsistentResourceName',
  severity: 'warning',
  shortDescription: 'A command uses a resource name that nothing on the page introduces, while the page creates the same kind of resource under another name.',
  fullDescription:
    'Azure finds a resource by its name only. When a page creates demoResourceGroup and then runs az group show --name exampleGroup, the reader gets "(ResourceGroupNotFound) Resource group \'exampleGroup\' could not be found." (az lock delete: "LockNotFound"), and every later step on that name fails the same way. A clean-up step that deletes a name the page never created leaves the reader\'s resources running and may delete an unrelated resource of theirs that happens to bear that name. Names the prose introduces (an existing group) are not reported.',
  help: 'Use the name the page creates everywhere (or say in the prose which existing resource the other name is).',
  check(doc) {
    if (!doc.hasText) return [];
    const all = nameUses(doc);
    const created = new Map<string, Map<string, NameUse>>();
    for (const u of all) if (u.create) created.set(u.kind, (created.get(u.kind) ?? new Map<string, NameUse>()).set(u.name.toLowerCase(), u));
    // A name that stands anywhere but in the az commands using it was introduced (prose, a template, PowerShell).
    // (az lines of cmd-tab steps, `%VAR%` and all, are az commands too, not an introduction.)
    const commandLines = new Set(all.map((u) => u.line));
    for (const step of doc.tutorial.steps) {
      if (step.kind === 'manual' || (step.source.file && doc.file && step.source.file !== doc.file) || !/^\s*az\s/.test(step.raw)) continue;
      for (let n = step.source.startLine; n <= step.source.endLine; n++) commandLines.add(n);
    }
    const introduced = (name: string): boolean => {
      const word = new RegExp(`(^|[^\\w.-])${name.replace(/[.]/g, '\\.')}($|[^\\w-])`, 'i');
      // An az command line of another tab (not in this variant's steps) uses the name; it does not introduce it.
      for (let n = 1; n <= doc.lineCount; n++) if (!commandLines.has(n) && !/^\s*az\s/.test(doc.line(n)) && word.test(doc.line(n))) return true;
      return false;
    };
    const hits: RuleHit[] = [];
    const reported = new Set<string>();
    for (const u of all) {
      const made = created.get(u.kind);
      if (!u.own || u.create || !made || made.has(u.name.toLowerCase())) continue;
      const key = `${u.kind}\n${u.name.toLowerCase()}`;
      // The first use in each tab or pivot a reader may follow (a page is linted whole), and every
      // clean-up that deletes the name (a delete of the wrong name is harm of its own).
      const tabs = (doc.tutorial.variants ?? []).filter((v) => u.stepId !== undefined && v.steps.includes(u.stepId)).map((v) => `${key}\n@${v.name}`);
      const firstIn = (tabs.length > 0 ? tabs : [`${key}\n@`]).filter((k) => !reported.has(k));
      const first = firstIn.length > 0;
      const deletes = u.target && /(^| )delete$/.test(u.command);
      if (!first && !deletes) continue;
      if (reported.has(`${key}\nintroduced`)) continue;
      if (!reported.has(`${key}\nfound`) && introduced(u.name)) {
        reported.add(`${key}\nintroduced`); // introduced: never report this name
        continue;
      }
      for (const k of firstIn) reported.add(k);
      reported.add(`${key}\nfound`);
      const others = [...made.values()];
      const what = u.kind === 'group' ? 'resource group' : u.kind;
      const where = others.map((o) => `"${o.name}"${o.own ? ` (line ${o.line})` : ' (in an included file)'}`).join(', ');
      hits.push({
        line: u.line,
        column: u.column,
        ...(u.stepId ? { stepId: u.stepId } : {}),
        message: deletes && !first
          ? `az ${u.command} deletes the ${what} "${u.name}", which the page never created (it created ${where}): the reader's ${what} stays, and one of theirs named "${u.name}" would go. Use the name the page creates.`
          : `az ${u.command} uses the ${what} "${u.name}", which no step creates or introduces; the page creates ${where}. Azure finds resources by name: this step (and every later one on "${u.name}") fails with not found. Use one name.`,
      });
    }
    return hits;
  },
};
