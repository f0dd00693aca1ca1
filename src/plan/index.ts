// The plan stage's one entry: the World, then bind, order, select. A placeholder nothing gives a
// value to blocks the steps that need it (and, at run time, their dependants), with the message
// naming the file, line, spelling, its role and the `--set` to add; it never stops the other steps or
// the other tutorials. So does a sidecar that does not validate: that tutorial's steps are blocked
// with the file and field named. The sidecar's step entries skip steps or mark expected failures.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { ShellStep, Step, Tutorial } from '../model.ts';
import { psVariableUse } from './powershell-variables.ts';
import { projectRoot } from '../tutorials/manifest.ts';
import { findDocsetRoot, includeResolver } from '../parse/docset.ts';
import { renderIncludes, type LineOrigin } from '../parse/rendered.ts';
import { inferWorld } from '../world/infer.ts';
import { placeholderRoles } from '../world/positions.ts';
import { ROLES, type Role } from '../world/roles.ts';
import type { World } from '../world/types.ts';
import { EMPTY_SIDECAR, loadSidecar, matchSidecarSteps, SidecarError, type Sidecar } from '../world/sidecar.ts';
import { BindIndex, bindStep, type UnboundPlaceholder } from './bind.ts';
import { EarlierSteps, elevationDependencies, filesRead, filesWritten, grantDependencies } from './dependencies.ts';
import { authorWorld } from './author.ts';
import { pageNames } from './page-names.ts';
import { blockGroupDeletedUnderAnotherName } from './one-group-two-names.ts';
import { readerReplaces } from './reader-replaces.ts';
import { normaliseKey } from './keys.ts';
import type { Plan, PlannedStep, PlanOptions } from './types.ts';
import { describeSource, earlySource, targetSource, valueSources } from './values.ts';

export type { Binding, BindingSource, Dependency, Plan, PlannedStep, PlanOptions, PlanProblem, StepMode } from './types.ts';
export { normaliseKey } from './bind.ts';

function unboundMessage(tutorial: Tutorial, u: UnboundPlaceholder, options: PlanOptions): string {
  if (u.read) {
    const byRole = u.role ? ` or --set role:${u.role.role}=<value> (its position gives it the role ${u.role.role}: ${u.role.detail})` : '';
    return `${tutorial.file}:${u.line}: ${u.spelling} is what the page asks the reader to type (read ${u.spelling.replace(/^\$\{?|\}$/g, '')}); add --set ${u.key}=<value>${byRole}, or give it in the page's sidecar (no earlier step, sidecar or thing the page creates provides it)`;
  }
  const fills = ROLES.filter((r) => options.targetRoles?.[r] !== undefined);
  const byRole = u.role ? ` or --set role:${u.role.role}=<value> (its position gives it the role ${u.role.role}: ${u.role.detail}; the ${options.targetName} has no value for that role)` : '';
  const can = fills.length > 0 ? `; the ${options.targetName} fills the roles ${fills.join(', ')}` : '';
  return `${tutorial.file}:${u.line}: ${u.spelling} has no value; add --set ${u.key}=<value>${byRole} (no capture from an earlier step and no ${options.targetName} value provides it${can})`;
}

function readText(tutorial: Tutorial): string | undefined {
  try {
    return readFileSync(resolve(projectRoot, tutorial.file), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The prose the World reads: the page with its includes in place (parse/rendered.ts, read through
 * the parser's resolver), so that a prerequisite or a grant an include states counts for the page as
 * it does for lint; `origins` say where each line comes from.
 */
function worldText(tutorial: Tutorial, options: PlanOptions): { text?: string; origins?: LineOrigin[] } {
  const text = options.text ?? readText(tutorial);
  if (text === undefined) return {};
  if (!text.includes('[!')) return { text };
  const resolveInclude = options.resolveInclude ?? includeResolver(findDocsetRoot(resolve(projectRoot, tutorial.file)));
  const rendered = renderIncludes(text, tutorial.file, resolveInclude);
  return rendered.included === 0 ? { text } : { text: rendered.text, origins: rendered.origins };
}

function selected(tutorial: Tutorial, grep: string | undefined): Set<string> {
  if (grep === undefined) return new Set(tutorial.steps.map((s) => s.id));
  const needle = grep.toLowerCase();
  const whole = tutorial.title.toLowerCase().includes(needle) || tutorial.file.toLowerCase().includes(needle);
  return new Set(tutorial.steps.filter((s) => whole || s.raw.toLowerCase().includes(needle) || s.section.toLowerCase().includes(needle)).map((s) => s.id));
}

export function buildPlan(tutorial: Tutorial, options: PlanOptions): Plan {
  const chosen = selected(tutorial, options.grep);
  const planned: PlannedStep[] = [];
  const unbound = new Map<string, UnboundPlaceholder[]>();
  const problems: Plan['problems'] = [];

  let sidecar: Sidecar = EMPTY_SIDECAR;
  let sidecarError: SidecarError | undefined;
  try {
    sidecar = options.sidecar ?? loadSidecar(resolve(projectRoot, tutorial.file), normaliseKey);
  } catch (err) {
    if (!(err instanceof SidecarError)) throw err;
    sidecarError = err;
    problems.push({ code: 'E_SIDECAR', message: `${err.message} (the steps of this tutorial are not run until it is fixed)` });
  }
  const sources = valueSources(options, sidecar);
  const roles = placeholderRoles(tutorial);
  const author = authorWorld(sidecar, options.targetRoles?.['resource-group'] ?? 'mi-test');
  const { text, origins } = worldText(tutorial, options);
  const infer = (): World =>
    inferWorld({
      tutorial,
      ...(text !== undefined ? { text } : {}),
      ...(origins !== undefined ? { origins } : {}),
      roles,
      valueOf: (key: string, role: Role | undefined) => {
        const s = earlySource(sources, key, role) ?? targetSource(sources, key, role);
        if (s === undefined || !('value' in s)) return undefined;
        const source = s.kind === 'set' || s.kind === 'sidecar' || s.kind === 'world' ? s.kind : 'target';
        return { value: s.value, ...(role ? { role } : {}), from: describeSource(s), source };
      },
      defaults: { resourceGroup: options.targetRoles?.['resource-group'] ?? options.targetValues.RESOURCE_GROUP ?? 'mi-test' },
      author,
    });
  // First with the target's defaults, then with the names the page's own world gives (page-names.ts).
  let world = infer();
  const own = pageNames(world, tutorial);
  if (own.size > 0) {
    sources.pageNames = own;
    world = infer();
  }

  // One walk down the page: each step is bound and linked against what the steps before it provide.
  const index = new BindIndex(tutorial);
  const usesByStep = new Map<string, World['uses']>();
  for (const u of world.uses) usesByStep.set(u.stepId, [...(usesByStep.get(u.stepId) ?? []), u]);
  const earlier = new EarlierSteps(tutorial);
  /** PowerShell variable (lower-cased) → the latest step so far that assigns it. */
  const psAssigners = new Map<string, string>();
  for (const step of tutorial.steps) {
    if (step.kind === 'manual') {
      planned.push({ step, bindings: [], dependsOn: [], mode: { kind: 'manual', why: 'portal instructions the runner cannot perform' } });
      earlier.record(step);
      continue;
    }
    // A `# comment` line in a command block runs nothing and claims nothing: no step to judge (its
    // words still lead in to the next command). Judged, it was a vacuous pass: 2 of the twelve
    // tutorials' 14 and 50 of the corpus's 142 passes.
    if (step.kind === 'shell' && step.shell.kind === 'comment') continue;
    if (step.language === 'powershell' || step.language === 'cmd') {
      // A PowerShell statement runs when the engine has equivalents for all of it (options.unsupported
      // says); its `$names` are PowerShell's variables, linked to the statements that set them, never placeholders.
      const cannot = step.language !== 'powershell' ? undefined : (alongsideCli(tutorial, step) ?? options.unsupported?.(step));
      if (step.language === 'powershell' && step.kind === 'shell' && options.unsupported !== undefined && cannot === undefined) {
        const bound = bindStep(index, step, sources, roles, () => undefined);
        if (bound.unbound.length > 0) unbound.set(step.id, bound.unbound);
        const p = plannedPowerShell(step, psAssigners, bound);
        for (const u of usesByStep.get(step.id) ?? []) if (!p.dependsOn.some((d) => d.stepId === u.creator)) p.dependsOn.push({ stepId: u.creator, reason: 'created-resource', detail: `uses ${u.what}, which ${u.creator} creates` });
        planned.push(p);
        continue;
      }
      // Listed, never run or bound: its `$names` (`%names%`) are the shell's variables, not the page's placeholders.
      const what = step.language === 'cmd' ? 'a Windows command prompt (cmd) line' : 'a PowerShell statement';
      planned.push({ step, bindings: [], dependsOn: [], mode: { kind: 'unsupported', reason: 'language', why: cannot?.why ?? `${what} (\`\`\`${step.fence ?? step.language} block)` } });
      if (step.kind === 'shell') for (const v of psVariableUse(step.powershell ?? []).assigns) psAssigners.set(v, step.id);
      continue;
    }
    const bound = bindStep(index, step, sources, roles, (variable) => earlier.assignerOf(variable));
    if (bound.unbound.length > 0) unbound.set(step.id, bound.unbound);
    const dependsOn = earlier.dependenciesOf(step, bound.bindings);
    for (const u of usesByStep.get(step.id) ?? []) {
      if (!dependsOn.some((d) => d.stepId === u.creator)) dependsOn.push({ stepId: u.creator, reason: 'created-resource', detail: `uses ${u.what}, which ${u.creator} creates` });
    }
    planned.push({ step, bindings: bound.bindings, dependsOn, mode: { kind: 'execute' } });
    earlier.record(step);
  }

  // A command the page shows failing on purpose: its failure is expected, shown and not counted.
  for (const p of planned) if (p.step.shownFailing !== undefined) p.expectedFailure = `the page shows this command failing (${p.step.shownFailing})`;
  const { byStep, unmatched } = matchSidecarSteps(tutorial.steps, sidecar.steps);
  for (const p of planned) {
    const entry = byStep.get(p.step.id);
    if (!entry) continue;
    if (entry.skip !== undefined) p.mode = { kind: 'skip', why: `skipped by ${entry.file}: ${entry.skip}` };
    else if (entry.reason !== undefined) p.expectedFailure = `${entry.reason} (${entry.file})`;
  }
  for (const e of unmatched) problems.push({ code: 'E_SIDECAR_STEP', message: `${e.file}: steps: no step of this tutorial contains ${JSON.stringify(e.match)}${e.occurrence > 1 ? ` ${e.occurrence} times` : ''}; the entry applies to nothing` });

  grantDependencies(planned);
  elevationDependencies(planned);
  blockGroupDeletedUnderAnotherName(planned);

  // A literal name the block's lead-in tells the reader to replace ('Replace "myResourceGroup" with the name of
  // your resource group'), which no other step uses: it stands for nothing the page has, so the step is not run
  // as written (reader-replaces.ts). Blocked, said plainly, never a ResourceGroupNotFound fail.
  const pageText = options.text ?? readText(tutorial);
  if (pageText !== undefined) {
    for (const p of planned) {
      if (p.mode.kind !== 'execute') continue;
      const r = readerReplaces(pageText, tutorial, p.step);
      // What the engine could not run anyway says that first (as for an unbound placeholder).
      if (r && !options.unsupported?.(p.step)) p.mode = { kind: 'blocked', why: `the page asks the reader to replace "${r.name}" with their own value (line ${r.line}), and no other step of the page uses that name: as written it names nothing the page has, so the step is not run (a value for it cannot be given with --set; the step runs once the page writes a placeholder or the name the page uses)` };
    }
  }

  // A local file the step reads that no earlier step writes: the page assumes the reader has it, and
  // the run's fresh working folder does not. Blocked, said plainly, never a "No such file" fail.
  // (`curl -T @file` is curl's own usage error, not a missing file: it runs and fails as written.)
  for (const [i, p] of planned.entries()) {
    if (p.mode.kind !== 'execute') continue;
    const earlier = planned.slice(0, i).map((q) => q.step);
    const missing = filesRead(p.step).filter((f) => !isAbsolute(f) && !(p.step.kind === 'http' && f === p.step.curl.uploadFile && f.startsWith('@')) && !earlier.some((e) => filesWritten(e).includes(f)));
    if (missing.length === 0) continue;
    // What the engine could not run even with the file says that first (as for an unbound placeholder).
    const cannot = options.unsupported?.(p.step);
    if (cannot) p.mode = { kind: 'unsupported', reason: cannot.reason, why: `${cannot.why} (it reads ${missing.join(', ')}, which no earlier step creates, too)` };
    else p.mode = { kind: 'blocked', why: `needs the local file${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which no earlier step of the page creates: the page assumes the reader has ${missing.length > 1 ? 'them' : 'it'}, and the run's working folder starts empty (a step writing it, such as echo … > file or touch file, lets the run go on)` };
  }

  // A selected step still needs what it depends on, transitively.
  const needed = new Set(chosen);
  for (let i = planned.length - 1; i >= 0; i--) {
    const p = planned[i];
    if (p && needed.has(p.step.id)) for (const d of p.dependsOn) needed.add(d.stepId);
  }
  for (const p of planned) {
    if ((p.mode.kind === 'execute' || p.mode.kind === 'unsupported') && !needed.has(p.step.id)) p.mode = { kind: 'skip', why: `not selected by --grep ${JSON.stringify(options.grep)}` };
  }

  for (const p of planned) {
    if (p.mode.kind !== 'execute') continue;
    if (sidecarError) {
      p.mode = { kind: 'blocked', why: `the sidecar does not validate: ${sidecarError.message}` };
      continue;
    }
    const missing = unbound.get(p.step.id) ?? [];
    if (missing.length === 0) continue;
    const cannot = options.unsupported?.(p.step);
    if (cannot) {
      const names = [...new Set(missing.map((u) => u.spelling))].join(', ');
      p.mode = { kind: 'unsupported', reason: cannot.reason, why: `${cannot.why} (${names} would need a value too, were it run)` };
      continue;
    }
    const messages = missing.map((u) => unboundMessage(tutorial, u, options));
    p.mode = { kind: 'blocked', why: messages.join('; ') };
    for (const [i, u] of missing.entries()) problems.push({ code: 'E_PLACEHOLDER_UNBOUND', line: u.line, message: messages[i] ?? '' });
  }
  return { tutorial, steps: planned, problems, world, sidecar };
}

/**
 * A PowerShell statement outside tabs on a page whose path also runs Azure CLI commands: Learn pages
 * show one procedure in both languages one after the other (an azurecli block, then an
 * azurepowershell one); a reader runs one of them. Run both, the second removes a group the first
 * removed already. The run follows the Azure CLI blocks; a PowerShell tab is a path of its own.
 */
function alongsideCli(tutorial: Tutorial, step: Step): { reason: 'language'; why: string } | undefined {
  if (step.tab !== undefined) return undefined;
  const cli = tutorial.steps.some((s) => s.language !== 'powershell' && (s.kind === 'az' || (s.kind === 'shell' && s.shell.kind === 'assign' && s.shell.az !== undefined)));
  if (!cli) return undefined;
  return { reason: 'language', why: `a PowerShell statement (\`\`\`${step.fence ?? 'powershell'} block) shown outside tabs next to the page's Azure CLI commands: a reader runs one language or the other, and this run follows the Azure CLI blocks` };
}

/**
 * A PowerShell step the engine runs: bound like any step for its `<placeholders>`, depending on the
 * statements that set the variables it reads; blocked when nothing on the page sets one.
 */
function plannedPowerShell(step: ShellStep, psAssigners: Map<string, string>, bound: { bindings: PlannedStep['bindings']; unbound: UnboundPlaceholder[] }): PlannedStep {
  const use = psVariableUse(step.powershell ?? []);
  const dependsOn: PlannedStep['dependsOn'] = [];
  for (const b of bound.bindings) if (b.source.kind === 'capture') dependsOn.push({ stepId: b.source.producer, reason: 'capture', detail: `uses ${b.spellings[0] ?? b.key} from ${b.source.producer}` });
  const unset: string[] = [];
  for (const v of use.reads) {
    const producer = psAssigners.get(v);
    if (producer) dependsOn.push({ stepId: producer, reason: 'shell-variable', detail: `uses $${v} set by ${producer}` });
    else unset.push(`$${v}`);
  }
  for (const v of use.assigns) psAssigners.set(v, step.id);
  const planned: PlannedStep = { step, bindings: bound.bindings, dependsOn, mode: { kind: 'execute' } };
  if (unset.length > 0) planned.mode = { kind: 'blocked', why: `reads ${unset.join(', ')}, which no earlier PowerShell statement of the page sets: the page assumes the reader has ${unset.length > 1 ? 'them' : 'it'} (PowerShell would use $null)` };
  return planned;
}

/** Steps a `--grep` selects in this tutorial (none: the tutorial is left out of the run). */
export function hasSelectedSteps(plan: Plan): boolean {
  return plan.steps.some((s) => s.mode.kind === 'execute' || s.mode.kind === 'blocked' || s.mode.kind === 'unsupported');
}
