// Which earlier steps a step needs. A step whose producer failed cannot say anything about the page,
// so the runner marks it `blocked` instead of `fail`. Four kinds of need are visible in the text:
// a captured value, a shell variable, a file in the working folder, and a resource or blob an earlier
// command created.
import type { AzStep, Step, Tutorial } from '../model.ts';
import type { Binding, Dependency } from './types.ts';
import { expandedVariables } from './expansion.ts';

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
function createdKeys(tutorial: Tutorial, step: Step): string[] {
  if (!isAz(step, 'identity', 'create')) return [];
  const name = azOption(step, '-n', '--name');
  if (name === undefined) return [];
  return step.placeholders.filter((key) => {
    const spellings = tutorial.placeholders.find((p) => p.key === key)?.spellings ?? [`<${key}>`];
    return spellings.some((s) => name.includes(s));
  });
}

export function dependenciesOf(tutorial: Tutorial, step: Step, bindings: Binding[]): Dependency[] {
  const index = tutorial.steps.indexOf(step);
  const earlier = tutorial.steps.slice(0, index);
  const deps: Dependency[] = [];
  const add = (dep: Dependency): void => {
    if (!deps.some((d) => d.stepId === dep.stepId && d.reason === dep.reason)) deps.push(dep);
  };

  for (const binding of bindings) {
    const { source } = binding;
    if (source.kind === 'capture') add({ stepId: source.producer, reason: 'capture', detail: `uses ${binding.key} from ${source.producer} (${source.path})` });
    if (source.kind === 'shell-variable') add({ stepId: source.producer, reason: 'shell-variable', detail: `uses $${source.variable} set by ${source.producer}` });
  }

  // Shell variables the parser did not list as placeholders are still expanded by bash at run time
  // (only where bash expands them: not inside single quotes).
  const text = step.kind === 'shell' && step.shell.kind === 'assign' ? step.shell.pipeline : step.raw;
  for (const { name: variable } of expandedVariables(text)) {
    const assigner = [...earlier].reverse().find((s) => s.kind === 'shell' && s.shell.kind === 'assign' && s.shell.variable === variable);
    if (assigner) add({ stepId: assigner.id, reason: 'shell-variable', detail: `uses $${variable} set by ${assigner.id}` });
  }

  for (const file of filesRead(step)) {
    const writer = [...earlier].reverse().find((s) => filesWritten(s).includes(file));
    if (writer) add({ stepId: writer.id, reason: 'file', detail: `reads ${file} written by ${writer.id}` });
  }

  const blob = blobOf(step, 'download');
  if (blob !== undefined) {
    const uploader = [...earlier].reverse().find((s) => blobOf(s, 'upload') === blob);
    if (uploader) add({ stepId: uploader.id, reason: 'blob', detail: `downloads the blob ${uploader.id} uploads` });
  }

  for (const creator of earlier) {
    const keys = createdKeys(tutorial, creator).filter((k) => step.placeholders.includes(k));
    if (keys.length > 0) add({ stepId: creator.id, reason: 'created-resource', detail: `names ${keys.join(', ')}, which ${creator.id} creates` });
  }
  return deps;
}

/**
 * Access the page grants before using it: a step that calls a service with a token of an identity an
 * earlier `az identity create` made depends on the `az role assignment create` that granted that same
 * identity access. Both are recognised through captures from the same identity-create step.
 */
export function grantDependencies(planned: readonly { step: Step; bindings: Binding[]; dependsOn: Dependency[] }[]): void {
  const byId = new Map(planned.map((p) => [p.step.id, p]));
  const producersOf = (p: { bindings: Binding[] }): string[] =>
    p.bindings.flatMap((b) => (b.source.kind === 'capture' ? [b.source.producer] : []));
  const grants = planned.filter((p) => isAz(p.step, 'role', 'assignment', 'create'));
  for (const consumer of planned) {
    for (const tokenBinding of consumer.bindings) {
      if (tokenBinding.source.kind !== 'capture' || !/token/i.test(tokenBinding.source.path)) continue;
      const tokenStep = byId.get(tokenBinding.source.producer);
      if (!tokenStep) continue;
      const identities = producersOf(tokenStep).filter((id) => {
        const producer = byId.get(id)?.step;
        return producer !== undefined && isAz(producer, 'identity', 'create');
      });
      for (const grant of grants) {
        const index = planned.indexOf(grant);
        if (index < 0 || index > planned.indexOf(consumer)) continue;
        const shared = producersOf(grant).find((id) => identities.includes(id));
        if (shared && !consumer.dependsOn.some((d) => d.stepId === grant.step.id)) {
          consumer.dependsOn.push({ stepId: grant.step.id, reason: 'grant', detail: `uses a token of the identity ${shared} creates, which ${grant.step.id} grants access` });
        }
      }
    }
  }
}
