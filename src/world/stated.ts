// What a page states exists, in prose and portal steps: the resources its portal instructions (manual
// steps, parse/manual.ts) create or select, what its prerequisites list, and role grants — a
// built-in role name in a sentence that assigns or grants it. A grant names its principal (the VM's
// managed identity when the sentence speaks of one, else the reader) and its scope (the resource the
// sentence names; the resource group otherwise).
import { builtInRoleNames } from '../reference/rbac.ts';
import type { ManualStep, Tutorial } from '../model.ts';
import type { LineOrigin } from '../parse/rendered.ts';
import type { ResourceRole, WorldAccessPolicy } from './types.ts';
import { sentences } from '../parse/sentences.ts';

export type ScopeHint = 'subscription' | 'resource-group' | 'storage-account' | 'vault' | 'container';

/** Who a sentence grants to: the VM's system-assigned identity, a user-assigned identity of the page, or the reader. */
export type StatedPrincipal = 'vm' | 'identity' | 'reader';

export interface StatedGrant {
  role: string;
  principal: StatedPrincipal;
  scope: ScopeHint;
  line: number;
}

export interface Stated {
  /** Kinds of resource the page tells the reader to create or to have, with the line that says so. */
  roles: Map<ResourceRole, number>;
  /** Names the portal steps give (blob "hello_world.txt"), by role. */
  names: Map<ResourceRole, string[]>;
  blobContent?: string;
  storageKind?: string;
  grants: StatedGrant[];
  accessPolicies: { template: string; principal: StatedPrincipal; line: number; secrets: WorldAccessPolicy['secrets'] }[];
  dataLake?: { line: number; folders: { path: string; acl: { permissions: string; default: boolean }[] }[] };
}

/** Nouns that say a kind of resource exists (or is to be created) when a portal step or a prerequisite names it. */
const NOUNS: [RegExp, ResourceRole][] = [
  [/\bresource groups?\b/i, 'resource-group'],
  [/\bstorage accounts?\b/i, 'storage-account'],
  [/\bkey vaults?\b/i, 'vault'],
  [/\b(?:blob )?containers?\b/i, 'container'],
  [/\b(?:virtual machines?|VMs?)\b/, 'vm'],
  [/\buser-assigned (?:managed )?identit(?:y|ies)\b/i, 'identity-name'],
  [/\b(?:a|the|key vault) secrets? (?:named|called)\b|\bholding a secret\b|\bwith a secret\b/i, 'secret'],
];

/**
 * Prose anywhere on the page that calls a resource existing ("creates a VM named myDockerVM in an
 * existing resource group named myResourceGroup", the managed identity page of azure-management-docs
 * container-registry) says the reader has it, as a prerequisite would.
 */
const EXISTING: [RegExp, ResourceRole][] = [
  [/\b(?:an?|the|your)\s+existing\s+resource\s+groups?\b/i, 'resource-group'],
  [/\b(?:an?|the|your)\s+existing\s+storage\s+accounts?\b/i, 'storage-account'],
  [/\b(?:an?|the|your)\s+existing\s+(?:Azure\s+)?key\s+vaults?\b/i, 'vault'],
];

/** The portal's access policy templates (Key Vault "Configure from template"). */
const TEMPLATES: Record<string, WorldAccessPolicy['secrets']> = {
  'secret management': ['get', 'list', 'set', 'delete', 'recover', 'backup', 'restore'],
  'key, secret, & certificate management': ['get', 'list', 'set', 'delete', 'recover', 'backup', 'restore', 'purge'],
  'secret & certificate management': ['get', 'list', 'set', 'delete', 'recover', 'backup', 'restore'],
};

let roleNames: readonly string[] | undefined;
/** The catalog's built-in role names, longest first so "Storage Blob Data Reader" wins over "Reader". */
function catalogRoleNames(): readonly string[] {
  roleNames ??= builtInRoleNames().sort((a, b) => b.length - a.length);
  return roleNames;
}

let byFolded: Map<string, string> | undefined;
/** A role as the page spells it ("storage-blob-data-reader", "Reader") → Azure's name, or undefined. */
export function builtInRoleName(text: string): string | undefined {
  const fold = (s: string): string => s.toLowerCase().replace(/[-_\s]+/g, ' ').trim();
  // Longest name last, so that two names folding alike keep the first of the longest-first order.
  byFolded ??= new Map([...catalogRoleNames()].reverse().map((n) => [fold(n), n] as const));
  return byFolded.get(fold(text));
}

const matchers = new Map<string, { first: string; re: RegExp }>();
function nameMatcher(name: string): { first: string; re: RegExp } {
  let c = matchers.get(name);
  if (!c) {
    c = { first: name.split(' ')[0]!.toLowerCase(), re: new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\w-])`, 'i') };
    matchers.set(name, c);
  }
  return c;
}

/** Role names a sentence mentions (dashed spellings too), among `names` (longest first). */
function rolesIn(sentence: string, names: readonly string[]): string[] {
  const flat = sentence.replace(/[-_]/g, ' ').replace(/[*`"“”']/g, '');
  const lower = flat.toLowerCase();
  const found: string[] = [];
  let rest = flat;
  for (const name of names) {
    // The whole built-in catalog is some 900 names: a name whose first word is not in the sentence is skipped unread.
    const c = nameMatcher(name);
    if (!lower.includes(c.first)) continue;
    const m = c.re.exec(rest);
    if (!m) continue;
    // "Reader" inside "Storage Blob Data Reader" was taken with the longer name.
    found.push(name);
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  return found;
}

function scopeOf(text: string): ScopeHint {
  if (/\bstorage account\b/i.test(text) && !/\bresource group that contains (?:your|the) storage account\b/i.test(text)) return 'storage-account';
  if (/\bkey vault\b/i.test(text) && !/\bresource group\b/i.test(text)) return 'vault';
  if (/\bsubscription\b/i.test(text) && !/\bresource group\b/i.test(text)) return 'subscription';
  return 'resource-group';
}

/**
 * A user-assigned identity when the text says so ("select User-assigned managed identity", "assign the
 * identity the Reader role"); the VM's identity when it speaks of a managed identity or the VM; else the reader.
 */
function principalOf(text: string): StatedPrincipal {
  if (/\buser[- ]assigned\b/i.test(text) && !/\bsystem[- ]assigned\b/i.test(text)) return 'identity';
  if (/\b(?:assign|grant|give)\w*\s+(?:the|your)\s+identity\b/i.test(text)) return 'identity';
  return /managed[- ]identit|\bVM\b|virtual machine|\bMSI\b/i.test(text) ? 'vm' : 'reader';
}

function fromManual(step: ManualStep, out: Stated): void {
  const line = step.source.startLine;
  const note = (role: ResourceRole) => {
    if (!out.roles.has(role)) out.roles.set(role, line);
  };
  for (const [re, role] of NOUNS) if (re.test(step.raw)) note(role);
  for (const entry of step.creates) {
    const colon = entry.indexOf(':');
    const kind = colon < 0 ? entry : entry.slice(0, colon);
    const detail = colon < 0 ? '' : entry.slice(colon + 1).trim();
    switch (kind) {
      case 'virtual-machine':
        note('vm');
        break;
      case 'resource-group':
        note('resource-group');
        break;
      case 'storage-account':
        note('storage-account');
        if (/general purpose v1/i.test(step.raw)) out.storageKind = 'Storage';
        break;
      case 'blob-container':
        note('container');
        break;
      case 'blob':
        note('blob');
        out.names.set('blob', [...(out.names.get('blob') ?? []), detail]);
        break;
      case 'blob-content':
        out.blobContent = detail;
        break;
      case 'key-vault':
        note('vault');
        break;
      case 'key-vault-secret':
        note('secret');
        break;
      case 'key-vault-access-policy': {
        const secrets = TEMPLATES[detail.toLowerCase()] ?? TEMPLATES['secret management']!;
        out.accessPolicies.push({ template: detail || 'Secret Management', principal: principalOf(step.raw), line, secrets });
        break;
      }
      case 'role-assignment': {
        const m = /^(.*?)\s*(?:\(scope: ([^)]*)\))?$/.exec(detail);
        const role = builtInRoleName(m?.[1] ?? detail) ?? (m?.[1] ?? detail);
        const scopeText = m?.[2] ?? step.raw;
        out.grants.push({ role, principal: principalOf(step.raw), scope: scopeOf(scopeText), line });
        break;
      }
      case 'data-lake-folder':
      case 'data-lake-acl':
        fromDataLake(entry, step, out);
        break;
      default:
        break;
    }
  }
}

function fromDataLake(entry: string, step: ManualStep, out: Stated): void {
  out.dataLake ??= { line: step.source.startLine, folders: [{ path: '/', acl: [] }] };
  const lake = out.dataLake;
  const folder = (name: string) => {
    const path = name === 'root folder' ? '/' : `/${name}`;
    let f = lake.folders.find((x) => x.path === path);
    if (!f) {
      f = { path, acl: [] };
      lake.folders.push(f);
    }
    return f;
  };
  const folderMatch = /^data-lake-folder: (.+)$/.exec(entry);
  if (folderMatch) {
    folder(folderMatch[1]!);
    return;
  }
  const acl = /^data-lake-acl: (.+?): (.*)$/.exec(entry);
  if (!acl) return;
  const rights = acl[2]!;
  const permissions = `${/Read/.test(rights) ? 'r' : '-'}${/Write/.test(rights) ? 'w' : '-'}${/Execute/.test(rights) ? 'x' : '-'}`;
  const name = acl[1] === 'new folder' ? (lake.folders.find((f) => f.path !== '/')?.path.slice(1) ?? 'new folder') : acl[1]!;
  const f = folder(name);
  f.acl.push({ permissions, default: false });
  // "add as An access permission entry and a default permission entry" (the portal's "Add as" choice) for this folder.
  const re = new RegExp(`${(name === 'root folder' ? '' : name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*?access permission entry and a default permission entry`, 'i');
  if (name !== 'root folder' && re.test(step.raw)) f.acl.push({ permissions, default: true });
}

/** Fenced blocks removed: the page's prose, line by line (1-based numbers kept). */
function proseLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const f = /^\s*(`{3,}|~{3,})/.exec(l);
    if (f) {
      if (fence === undefined) fence = f[1]![0]!.repeat(f[1]!.length);
      else if (l.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence === undefined) out.push({ line: i + 1, text: l });
  }
  return out;
}

/**
 * A prerequisite that says the reader may read (or also write) a Key Vault's secrets, without naming a
 * role ("Permissions to set and retrieve secrets from your Key Vault", artifact-cache-cli.md of
 * azure-management-docs container-registry): the reader holds the built-in role with exactly those
 * data actions on the vault (Azure RBAC built-in roles: Key Vault Secrets User reads secret contents,
 * Key Vault Secrets Officer also sets them).
 */
const SECRET_RIGHTS = /\bpermissions?\b[^.]*?\b(set|create|manage|write|add|retrieve|get|read|access)\b[^.]*?\bsecrets?\b[^.]*?\bkey ?vaults?\b/i;
function secretRightsStated(l: string, line: number, out: Stated): void {
  const m = SECRET_RIGHTS.exec(l);
  if (!m) return;
  const writes = /\b(?:set|create|manage|write|add)\b/i.test(m[0]);
  const role = writes ? 'Key Vault Secrets Officer' : 'Key Vault Secrets User';
  if (!out.grants.some((g) => g.role === role && g.principal === 'reader')) out.grants.push({ role, principal: 'reader', scope: 'vault', line });
}

/** Grants and resources the prose states: sentences that assign a built-in role; a Prerequisites section's nouns. */
function fromProse(prose: readonly { line: number; at: string; text: string }[], out: Stated, skip: ReadonlySet<string>, roleNames: readonly string[]): void {
  let inPrerequisites = false;
  // A rendered page (the text of the web page) has its headings as plain lines: "Prerequisites" opens
  // the section, the next title-like line (short, unindented, no bullet, no closing punctuation) ends it.
  let plainSection = false;
  for (const { line, at, text: l } of prose) {
    if (skip.has(at)) continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(l);
    if (heading) {
      inPrerequisites = /prerequisite|before you begin/i.test(heading[1]!);
      plainSection = false;
      continue;
    }
    if (/^(?:prerequisites|before you begin)\s*$/i.test(l)) {
      inPrerequisites = plainSection = true;
      continue;
    }
    if (plainSection && /^[A-Za-z][^\n]{0,78}[^.:;,!?\s]\s*$/.test(l) && !/^\s/.test(l)) inPrerequisites = plainSection = false;
    if (inPrerequisites) for (const [re, role] of NOUNS) if (re.test(l) && !out.roles.has(role)) out.roles.set(role, line);
    if (inPrerequisites) secretRightsStated(l, line, out);
    for (const [re, role] of EXISTING) if (re.test(l) && !out.roles.has(role)) out.roles.set(role, line);
    if (!/\b(?:assign|grant|give|add)\w*\b/i.test(l)) continue;
    for (const { text: sentence } of sentences(l)) {
      if (!/\b(?:assign|grant|give|add)\w*\b/i.test(sentence) || !/\brole\b/i.test(sentence)) continue;
      for (const role of rolesIn(sentence, roleNames)) {
        if (out.grants.some((g) => g.role === role && g.line === line)) continue;
        out.grants.push({ role, principal: principalOf(sentence), scope: scopeOf(sentence), line });
      }
    }
  }
}

/**
 * Prose lines of `text` with where each is: `at` names its file and line (steps are skipped by it),
 * `line` the page line a reader finds it at. With `origins` (text is the page rendered with its
 * includes, parse/rendered.ts), an included line is found at its [!INCLUDE] directive's line.
 */
function placedProse(text: string, page: string, origins: readonly LineOrigin[] | undefined): { line: number; at: string; text: string }[] {
  const pageLine: number[] = [];
  let last = 1;
  for (const o of origins ?? []) {
    if (o.file === page) last = o.line;
    pageLine.push(last);
  }
  return proseLines(text).map(({ line, text: l }) => {
    const o = origins?.[line - 1];
    return o === undefined ? { line, at: `${page}\u0000${line}`, text: l } : { line: pageLine[line - 1]!, at: `${o.file}\u0000${o.line}`, text: l };
  });
}

/**
 * What `tutorial` states. Prose can grant any role of the built-in catalog, for the run and the lint
 * alike. `origins`: `text` is the page rendered with its includes, and where each of its lines comes from.
 */
export function statedBy(tutorial: Tutorial, text: string | undefined, origins?: readonly LineOrigin[]): Stated {
  const out: Stated = { roles: new Map(), names: new Map(), grants: [], accessPolicies: [] };
  for (const step of tutorial.steps) if (step.kind === 'manual') fromManual(step, out);
  // The manual steps' grants are the portal's; prose states the others (the twelve's prose grants are manual steps too).
  if (text !== undefined) {
    // Lines a step holds (its command, its example, a portal step already read) are not prose, in
    // whichever file (the page, an include) the step is written.
    const skip = new Set<string>();
    for (const s of tutorial.steps) {
      for (const n of range(s.source.startLine, s.source.endLine)) skip.add(`${s.source.file}\u0000${n}`);
      if (s.expectation) for (const n of range(s.expectation.source.startLine, s.expectation.source.endLine)) skip.add(`${s.expectation.source.file}\u0000${n}`);
    }
    const manual = out.grants.length;
    fromProse(placedProse(text, tutorial.file, origins), out, skip, catalogRoleNames());
    out.grants = [...out.grants.slice(0, manual), ...out.grants.slice(manual).filter((g) => !out.grants.slice(0, manual).some((m) => m.role === g.role))];
  }
  return out;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
