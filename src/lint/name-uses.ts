// Every resource name an az command of a page creates or uses, with its place: the one reading shared
// by the rules that compare the names a page uses with the ones it creates (inconsistent-resource-name,
// page-assumes-resource for groups).
import type { LintDocument } from './document.ts';
import { azOf, azOption, simpleCommands, type AzView } from './commands.ts';
import { commandWords } from '../parse/shell-words.ts';
import { nameWord } from './text.ts';
import { azCommand } from '../reference/az-table.ts';

export interface NameUse {
  kind: string; // the az command group of the resource: "group", "lock", "keyvault", "storage account"
  name: string;
  line: number;
  column: number;
  command: string;
  create: boolean;
  /** The command acts on this resource itself (its --name), not on a parent it names. */
  target: boolean;
  /** The command makes something new inside this parent (a deployment, `az … create`): the parent must already exist. */
  createsInside: boolean;
  /** `az webapp up` without --resource-group: az makes a group whose name it generates ({user}_rg_NNNN). */
  generated?: boolean;
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

export const literalName = (v: string): boolean => /^[A-Za-z0-9][\w.-]*$/.test(v);

function uses(az: AzView, own: boolean, stepId: string | undefined): NameUse[] {
  const out: NameUse[] = [];
  const verb = az.path[az.path.length - 1] ?? '';
  const kind = az.path.slice(0, -1).join(' ');
  const command = az.path.join(' ');
  const step = stepId ? { stepId } : {};
  const name = azOption(az, '--name')?.value;
  // `az extension add/remove --name x` names a CLI extension on the reader's machine, not an Azure
  // resource: removing one the page never added (before installing its newer build from a wheel,
  // as the Azure Arc quickstarts do) is no second spelling of a name.
  if (name && kind && kind !== 'extension' && literalName(name.value)) out.push({ kind, name: name.value, line: name.line, column: name.column, command, create: CREATING_VERBS.has(verb), target: true, createsInside: false, own, ...step });
  for (const [option, parent] of Object.entries(PARENT_OPTIONS)) {
    const o = azOption(az, option);
    const v = o?.value;
    // The parameter must really be that parent on this command (the table says which option it is).
    if (!o || !v || !literalName(v.value) || (o.lookup.kind === 'parameter' && !o.lookup.parameter.names.includes(option))) continue;
    const createsGroup = parent === 'group' && CREATES_ITS_GROUP.has(command);
    out.push({ kind: parent, name: v.value, line: v.line, column: v.column, command, create: createsGroup, target: false, createsInside: !createsGroup && verb === 'create', own, ...step });
  }
  // az names a parent inside the same service by `--<noun>-name` (`az servicebus queue create
  // --namespace-name`, `az eventhubs eventhub create --namespace-name`): the parent is the resource
  // `az <group> <noun> create` makes, for the nearest group of the command's path that has it.
  for (const o of az.options) {
    const noun = /^--([a-z]+)-name$/.exec(o.lookup.kind === 'parameter' ? (o.lookup.parameter.names.find((n) => /^--[a-z]+-name$/.test(n)) ?? '') : '')?.[1];
    const v = o.value;
    if (!noun || !v || !literalName(v.value) || PARENT_OPTIONS[`--${noun}-name`]) continue;
    // A create that makes a child of what it creates under that name: `az network vnet create --subnet-name
    // subnet-1` makes the subnet a later `az network vnet subnet update --name subnet-1` uses, as `az network vnet
    // subnet create` would (`az aks create --nodepool-name` likewise, the child command group existing).
    if (verb === 'create' && kind && azCommand(`${kind} ${noun} create`)) {
      out.push({ kind: `${kind} ${noun}`, name: v.value, line: v.line, column: v.column, command, create: true, target: false, createsInside: false, own, ...step });
      continue;
    }
    // The nearest enclosing group that has the noun: `az monitor log-analytics workspace table create
    // --workspace-name` → monitor log-analytics workspace.
    const parent = az.path.slice(0, -1).map((_, i, p) => `${p.slice(0, p.length - i - 1).join(' ')} ${noun}`).find((c) => !c.startsWith(' ') && azCommand(`${c} create`));
    if (!parent || parent === kind) continue;
    out.push({ kind: parent, name: v.value, line: v.line, column: v.column, command, create: false, target: false, createsInside: verb === 'create', own, ...step });
  }
  if (CREATES_ITS_GROUP.has(command) && !azOption(az, '--resource-group')) {
    const at = az.words[0];
    if (at) out.push({ kind: 'group', name: '', line: at.line, column: at.column, command, create: true, target: false, createsInside: false, generated: true, own, ...step });
  }
  return out;
}

/** Every name an az command of the tutorial creates or uses, its included steps too. */
export function nameUses(doc: LintDocument): NameUse[] {
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

/**
 * Whether a name stands anywhere but in the az commands using it (prose, a template, PowerShell):
 * then the page introduced it. az lines of cmd-tab steps, `%VAR%` and all, are az commands too.
 * `onlyProse`: lines of examples and output blocks do not introduce (a name az generated and printed).
 */
export function introducedName(doc: LintDocument, all: readonly NameUse[], onlyProse = false): (name: string) => boolean {
  const commandLines = new Set(all.map((u) => u.line));
  for (const step of doc.tutorial.steps) {
    if (step.kind === 'manual' || (step.source.file && doc.file && step.source.file !== doc.file) || !/^\s*az\s/.test(step.raw)) continue;
    for (let n = step.source.startLine; n <= step.source.endLine; n++) commandLines.add(n);
  }
  const cache = new Map<string, boolean>();
  return (name) => {
    const known = cache.get(name);
    if (known !== undefined) return known;
    const word = nameWord(name);
    let found = false;
    // An az command line of another tab (not in this variant's steps) uses the name; it does not introduce it.
    for (let n = 1; n <= doc.lineCount && !found; n++) if (!commandLines.has(n) && !/^\s*az\s/.test(doc.line(n)) && (!onlyProse || doc.isProse(n)) && word.test(doc.line(n))) found = true;
    cache.set(name, found);
    return found;
  };
}

/**
 * Group names no step creates whose first use makes something inside them (a deployment, an `az … create`):
 * a missing prerequisite (page-assumes-resource) rather than a second name for a group the page made
 * (inconsistent-resource-name), unless the name holds or is held by a created one.
 */
export function groupsFirstUsedToCreateIn(all: readonly NameUse[]): Set<string> {
  const created = new Set(all.filter((u) => u.kind === 'group' && u.create).map((u) => u.name.toLowerCase()));
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const u of all) {
    const name = u.name.toLowerCase();
    if (u.kind !== 'group' || !u.own || u.create || created.has(name) || seen.has(name)) continue;
    seen.add(name);
    // A name that holds a created one, or is held by it (myGroupName, myGroup), spells that group another way.
    const bare = name.replace(/[-_.]/g, '');
    const echoes = [...created].some((c) => { const b = c.replace(/[-_.]/g, ''); return b !== '' && (bare.includes(b) || b.includes(bare)); });
    if (u.createsInside && !echoes) out.add(name);
  }
  return out;
}
