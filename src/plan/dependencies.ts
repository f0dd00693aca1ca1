// Which earlier steps a step needs. A step whose producer failed cannot say anything about the page,
// so the runner marks it `blocked` instead of `fail`. Four kinds of need are visible in the text:
// a captured value, a shell variable, a file in the working folder, and a resource or blob an earlier
// command created.
import type { AzStep, Placeholder, ShellStep, Step, Tutorial } from '../model.ts';
import type { Binding, Dependency } from './types.ts';
import { assignedBeforeUse, expandedVariables } from './expansion.ts';

function azOption(step: AzStep, ...names: string[]): string | undefined {
  const option = step.az.options.find((o) => names.includes(o.name));
  return option?.value ?? undefined;
}

function isAz(step: Step, ...path: string[]): step is AzStep {
  return step.kind === 'az' && step.az.path.join(' ') === path.join(' ');
}

/** Files a step reads from the working folder. */
export function filesRead(step: Step): string[] {
  switch (step.kind) {
    case 'http': {
      const files = step.curl.uploadFile === undefined ? [] : [step.curl.uploadFile];
      for (const d of step.curl.data) if (d.value.startsWith('@') && d.flag !== '--data-raw') files.push(d.value.slice(1));
      return files;
    }
    case 'az': {
      if (isAz(step, 'storage', 'blob', 'upload')) {
        const file = azOption(step, '-f', '--file');
        return file === undefined ? [] : [file];
      }
      return [];
    }
    case 'shell':
      return step.shell.kind === 'assign' && step.shell.curl?.uploadFile ? [step.shell.curl.uploadFile] : [];
    case 'manual':
      return [];
    default: {
      const never: never = step;
      return never;
    }
  }
}

/** Files a step writes into the working folder. */
export function filesWritten(step: Step): string[] {
  if (step.kind === 'shell' && step.shell.kind === 'write-file') return [step.shell.file];
  if (isAz(step, 'storage', 'blob', 'download')) {
    const file = azOption(step, '-f', '--file');
    return file === undefined ? [] : [file];
  }
  return [];
}

function blobOf(step: Step, verb: 'upload' | 'download'): string | undefined {
  if (!isAz(step, 'storage', 'blob', verb)) return undefined;
  const container = azOption(step, '-c', '--container-name');
  const name = azOption(step, '-n', '--name');
  const account = azOption(step, '--account-name');
  return container === undefined || name === undefined ? undefined : `${account ?? ''}/${container}/${name}`;
}

/** Placeholder keys an az command names a new resource with (`az identity create -n <UAMI NAME>`). */
function createdKeys(placeholders: ReadonlyMap<string, Placeholder>, step: Step): string[] {
  if (!isAz(step, 'identity', 'create')) return [];
  const name = azOption(step, '-n', '--name');
  if (name === undefined) return [];
  return step.placeholders.filter((key) => {
    const spellings = placeholders.get(key)?.spellings ?? [`<${key}>`];
    return spellings.some((s) => name.includes(s));
  });
}

/**
 * What the steps before the current one provide, kept up to date as the plan walks the page once:
 * the latest assigner of each shell variable, writer of each file, uploader of each blob, and the
 * creators of each placeholder. Each step is looked up and recorded in time of its own size, so a page
 * of 170,000 steps is planned in one pass, not in one pass per step.
 */
export class EarlierSteps {
  readonly #placeholders: ReadonlyMap<string, Placeholder>;
  readonly #assigners = new Map<string, ShellStep>();
  readonly #writers = new Map<string, string>();
  readonly #uploaders = new Map<string, string>();
  /** Placeholder key → the steps that create it, in page order. */
  readonly #creators = new Map<string, string[]>();
  /** Creator step → the keys it creates, in its own order. */
  readonly #created = new Map<string, string[]>();
  readonly #position = new Map<string, number>();

  constructor(tutorial: Tutorial) {
    this.#placeholders = new Map(tutorial.placeholders.map((p) => [p.key, p]));
  }

  /** The latest step so far that assigns `variable` (`var=$(…)`). */
  assignerOf(variable: string): ShellStep | undefined {
    return this.#assigners.get(variable);
  }

  /** Which of the steps so far `step` needs. */
  dependenciesOf(step: Step, bindings: Binding[]): Dependency[] {
    const deps: Dependency[] = [];
    const seen = new Set<string>();
    const add = (dep: Dependency): void => {
      const key = `${dep.stepId}\u0000${dep.reason}`;
      if (seen.has(key)) return;
      seen.add(key);
      deps.push(dep);
    };

    for (const binding of bindings) {
      const { source } = binding;
      // Name the value as the page spells it ($endtime, not ENDTIME); a whole-output capture has no path to show.
      const spelt = binding.spellings[0] ?? binding.key;
      if (source.kind === 'capture') add({ stepId: source.producer, reason: 'capture', detail: `uses ${spelt} from ${source.producer}${source.path ? ` (${source.path})` : ''}` });
      if (source.kind === 'shell-variable') add({ stepId: source.producer, reason: 'shell-variable', detail: `uses $${source.variable} set by ${source.producer}` });
    }

    // Shell variables the parser did not list as placeholders are still expanded by bash at run time
    // (only where bash expands them: not inside single quotes), unless the step assigns them first.
    for (const { name: variable } of expandedVariables(step.raw)) {
      if (assignedBeforeUse(step.raw, variable)) continue;
      const assigner = this.#assigners.get(variable);
      if (assigner) add({ stepId: assigner.id, reason: 'shell-variable', detail: `uses $${variable} set by ${assigner.id}` });
    }

    for (const file of filesRead(step)) {
      const writer = this.#writers.get(file);
      if (writer) add({ stepId: writer, reason: 'file', detail: `reads ${file} written by ${writer}` });
    }

    const blob = blobOf(step, 'download');
    const uploader = blob === undefined ? undefined : this.#uploaders.get(blob);
    if (uploader) add({ stepId: uploader, reason: 'blob', detail: `downloads the blob ${uploader} uploads` });

    const creators = new Set<string>();
    for (const key of step.placeholders) for (const c of this.#creators.get(key) ?? []) creators.add(c);
    const wanted = new Set(step.placeholders);
    for (const creator of [...creators].sort((a, b) => this.#position.get(a)! - this.#position.get(b)!)) {
      const keys = (this.#created.get(creator) ?? []).filter((k) => wanted.has(k));
      if (keys.length > 0) add({ stepId: creator, reason: 'created-resource', detail: `names ${keys.join(', ')}, which ${creator} creates` });
    }
    return deps;
  }

  /** `step` is now one of the earlier steps. */
  record(step: Step): void {
    this.#position.set(step.id, this.#position.size);
    if (step.kind === 'shell' && step.shell.kind === 'assign') this.#assigners.set(step.shell.variable, step);
    for (const file of filesWritten(step)) this.#writers.set(file, step.id);
    const blob = blobOf(step, 'upload');
    if (blob !== undefined) this.#uploaders.set(blob, step.id);
    const keys = createdKeys(this.#placeholders, step);
    if (keys.length > 0) {
      this.#created.set(step.id, keys);
      for (const key of keys) {
        const list = this.#creators.get(key);
        if (list) list.push(step.id);
        else this.#creators.set(key, [step.id]);
      }
    }
  }
}

/**
 * Access the page grants before using it: a step that calls a service with a token of an identity an
 * earlier `az identity create` made depends on the `az role assignment create` that granted that same
 * identity access. Both are recognised through captures from the same identity-create step.
 */
export function grantDependencies(planned: readonly { step: Step; bindings: Binding[]; dependsOn: Dependency[] }[]): void {
  const byId = new Map(planned.map((p, index) => [p.step.id, { p, index }]));
  const producersOf = (p: { bindings: Binding[] }): string[] =>
    p.bindings.flatMap((b) => (b.source.kind === 'capture' ? [b.source.producer] : []));
  // The grants of each identity-create step's identity, in page order.
  const grantsOf = new Map<string, { id: string; index: number }[]>();
  for (const [index, p] of planned.entries()) {
    if (!isAz(p.step, 'role', 'assignment', 'create')) continue;
    for (const producer of new Set(producersOf(p))) {
      const list = grantsOf.get(producer);
      if (list) list.push({ id: p.step.id, index });
      else grantsOf.set(producer, [{ id: p.step.id, index }]);
    }
  }
  if (grantsOf.size === 0) return;
  for (const [consumerIndex, consumer] of planned.entries()) {
    const have = new Set(consumer.dependsOn.map((d) => d.stepId));
    for (const tokenBinding of consumer.bindings) {
      if (tokenBinding.source.kind !== 'capture' || !/token/i.test(tokenBinding.source.path)) continue;
      const tokenStep = byId.get(tokenBinding.source.producer)?.p;
      if (!tokenStep) continue;
      const identities = producersOf(tokenStep).filter((id) => {
        const producer = byId.get(id)?.p.step;
        return producer !== undefined && isAz(producer, 'identity', 'create');
      });
      const found: { id: string; index: number; identity: string }[] = [];
      for (const identity of identities) for (const g of grantsOf.get(identity) ?? []) if (g.index <= consumerIndex) found.push({ ...g, identity });
      // In page order, each grant once, naming the first identity it shares (as the page reads).
      found.sort((a, b) => a.index - b.index);
      for (const g of found) {
        if (have.has(g.id)) continue;
        have.add(g.id);
        const shared = producersOf(byId.get(g.id)!.p).find((id) => identities.includes(id)) ?? g.identity;
        consumer.dependsOn.push({ stepId: g.id, reason: 'grant', detail: `uses a token of the identity ${shared} creates, which ${g.id} grants access` });
      }
    }
  }
}

const ELEVATE = /\/providers\/Microsoft\.Authorization\/elevateAccess(?:[?#]|$)/i;
const ARM_URL = /^https:\/\/management\.azure\.com(?=\/|$)/i;

/** The Resource Manager path a step calls or names as its scope, when it names one. */
function armPath(step: Step): string | undefined {
  if (step.kind === 'http') {
    const url = step.curl.url;
    return ARM_URL.test(url) ? url.replace(ARM_URL, '') || '/' : undefined;
  }
  if (step.kind !== 'az') return undefined;
  if (isAz(step, 'rest')) {
    const url = azOption(step, '--url', '--uri', '-u');
    return url === undefined ? undefined : url.startsWith('/') ? url : ARM_URL.test(url) ? url.replace(ARM_URL, '') || '/' : undefined;
  }
  return azOption(step, '--scope');
}

/** At the tenant root: `/` itself or a tenant-level provider path (not under a subscription or group). */
const atTenantRoot = (path: string): boolean => path === '/' || /^\/providers\//i.test(path);

/**
 * elevateAccess (Microsoft Entra ID's Global Administrator elevating themselves) grants the caller
 * User Access Administrator at the tenant root scope `/`; the page's later calls at that scope (list
 * role or deny assignments at `/`, delete the elevated assignment) need that grant: they depend on
 * the elevate step as on a role assignment, so that where it could not run they are `blocked`, not
 * failed by the 403 any caller without elevated access gets.
 */
export function elevationDependencies(planned: readonly { step: Step; dependsOn: Dependency[] }[]): void {
  let elevate: Step | undefined;
  for (const p of planned) {
    const path = armPath(p.step);
    if (path === undefined) continue;
    if (ELEVATE.test(path)) {
      elevate = p.step;
      continue;
    }
    if (elevate === undefined || !atTenantRoot(path.split('?')[0]!) || p.dependsOn.some((d) => d.stepId === elevate!.id)) continue;
    p.dependsOn.push({ stepId: elevate.id, reason: 'grant', detail: `acts at the tenant root scope (/), which needs the User Access Administrator assignment at / that ${elevate.id}'s elevateAccess grants` });
  }
}
