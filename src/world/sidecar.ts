// The author's word: `<page>.conformance.yaml` next to a page, and `conformance.yaml` in any folder
// above it (up to the repository root), give values by placeholder or role, prerequisites the page
// does not state (resources, grants), and steps to skip or expected to fail, each with a reason.
// Steps are addressed by a snippet of their text and its occurrence, never by line. The nearer file
// wins for values; prerequisites and step entries add up. A file that does not validate is a problem
// of that tutorial (its steps blocked, the message naming the file and the field), never of the run.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isRole, RESOURCE_ROLES, Role } from './roles.ts';

const ResourceKind = Role.refine((r) => RESOURCE_ROLES.has(r), { message: `not a resource role (one of: ${[...RESOURCE_ROLES].join(', ')})` });

export const SidecarPrerequisite = z.union([
  z
    .object({
      resource: ResourceKind,
      name: z.string().min(1),
      group: z.string().min(1).optional(),
      account: z.string().min(1).optional(),
      container: z.string().min(1).optional(),
      vault: z.string().min(1).optional(),
      content: z.string().optional(),
      reason: z.string().min(1),
    })
    .strict(),
  z
    .object({
      grant: z.string().min(1),
      to: z.string().regex(/^(?:reader|vm|identity:.+|[0-9a-fA-F-]{36})$/, 'reader, vm, identity:<name> or an object id').default('reader'),
      scope: z.string().regex(/^(?:subscription|resource-group(?::.+)?|vault:.+|storage-account:.+)$/, 'subscription, resource-group[:<name>], vault:<name> or storage-account:<name>').default('resource-group'),
      reason: z.string().min(1),
    })
    .strict(),
]);
export type SidecarPrerequisite = z.infer<typeof SidecarPrerequisite>;

export const SidecarStep = z
  .object({
    match: z.string().min(1),
    occurrence: z.number().int().positive().default(1),
    skip: z.string().min(1).optional(),
    expect: z.literal('fail').optional(),
    reason: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.skip === undefined) === (s.expect === undefined)) ctx.addIssue({ code: 'custom', message: 'give either skip: <reason> or expect: fail with reason: <reason>' });
    if (s.expect !== undefined && s.reason === undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'expect: fail needs a reason' });
  });
export type SidecarStep = z.infer<typeof SidecarStep>;

export const SidecarFile = z
  .object({
    values: z
      .record(z.string(), z.union([z.string(), z.number()]).transform(String))
      .superRefine((v, ctx) => {
        for (const k of Object.keys(v)) {
          const m = /^role:(.*)$/i.exec(k);
          if (m && !isRole(m[1]!)) ctx.addIssue({ code: 'custom', path: [k], message: `'${m[1]}' is not a role (roles: see the README)` });
        }
      })
      .optional(),
    prerequisites: z.array(SidecarPrerequisite).optional(),
    steps: z.array(SidecarStep).optional(),
  })
  .strict();
export type SidecarFile = z.infer<typeof SidecarFile>;

export interface SidecarValue {
  value: string;
  /** The file that gave it, relative to the working folder. */
  file: string;
}

/** Every sidecar that applies to one page, merged: the nearer file's value wins. */
export interface Sidecar {
  files: string[];
  /** By placeholder key (normalised like --set keys). */
  byKey: Map<string, SidecarValue>;
  byRole: Map<Role, SidecarValue>;
  prerequisites: (SidecarPrerequisite & { file: string })[];
  steps: (SidecarStep & { file: string })[];
}

export class SidecarError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(message);
    this.file = file;
  }
}

export const EMPTY_SIDECAR: Sidecar = { files: [], byKey: new Map(), byRole: new Map(), prerequisites: [], steps: [] };

/** The sidecar files of a page, nearest first: `<page>.conformance.yaml`, then `conformance.yaml` in its folder and each folder above, up to the repository root. */
export function sidecarFiles(page: string): string[] {
  const abs = resolve(page);
  const out: string[] = [];
  const own = join(dirname(abs), `${basename(abs).replace(/\.md$/i, '')}.conformance.yaml`);
  if (isFile(own)) out.push(own);
  let dir = dirname(abs);
  for (;;) {
    const folder = join(dir, 'conformance.yaml');
    if (isFile(folder)) out.push(folder);
    if (existsSync(join(dir, '.git'))) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const shown = (file: string): string => relative(process.cwd(), file) || file;

/** Read and validate one sidecar file; SidecarError names the file and the field. */
export function readSidecarFile(file: string, normaliseKey: (k: string) => string): { parsed: SidecarFile; file: string } {
  const name = shown(file);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SidecarError(name, `${name}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (raw === null || raw === undefined) raw = {};
  const parsed = SidecarFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(top level)'}: ${i.message}`);
    throw new SidecarError(name, `${name}: ${issues.join('; ')}`);
  }
  for (const k of Object.keys(parsed.data.values ?? {})) if (!/^role:/i.test(k) && normaliseKey(k) === '') throw new SidecarError(name, `${name}: values.${k}: not a placeholder name`);
  return { parsed: parsed.data, file: name };
}

/** The merged sidecar of a page (EMPTY_SIDECAR when it has none). */
export function loadSidecar(page: string, normaliseKey: (k: string) => string): Sidecar {
  const files = sidecarFiles(page);
  if (files.length === 0) return EMPTY_SIDECAR;
  const out: Sidecar = { files: [], byKey: new Map(), byRole: new Map(), prerequisites: [], steps: [] };
  for (const path of files) {
    const { parsed, file } = readSidecarFile(path, normaliseKey);
    out.files.push(file);
    for (const [k, value] of Object.entries(parsed.values ?? {})) {
      const role = /^role:(.*)$/i.exec(k)?.[1];
      if (role !== undefined && isRole(role)) {
        if (!out.byRole.has(role)) out.byRole.set(role, { value, file });
      } else {
        const key = normaliseKey(k);
        if (!out.byKey.has(key)) out.byKey.set(key, { value, file });
      }
    }
    for (const p of parsed.prerequisites ?? []) out.prerequisites.push({ ...p, file });
    for (const s of parsed.steps ?? []) out.steps.push({ ...s, file });
  }
  return out;
}

/** Whitespace runs as one space: a snippet matches however the page wraps or indents the command. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The step entries that address each step (by snippet and occurrence, in page order), and the entries that address none. */
export function matchSidecarSteps<S extends { id: string; raw: string }>(steps: readonly S[], entries: Sidecar['steps']): { byStep: Map<string, Sidecar['steps'][number]>; unmatched: Sidecar['steps'] } {
  const byStep = new Map<string, Sidecar['steps'][number]>();
  const unmatched: Sidecar['steps'] = [];
  for (const e of entries) {
    const needle = flat(e.match);
    const hits = steps.filter((s) => flat(s.raw).includes(needle));
    const hit = hits[e.occurrence - 1];
    if (hit === undefined) unmatched.push(e);
    else if (!byStep.has(hit.id)) byStep.set(hit.id, e);
  }
  return { byStep, unmatched };
}
