// The Gen1 file system of one store, over the scenario's flat entry list: path helpers, POSIX/ACL
// permission evaluation as HDFS does it (owner, named user masked by the group bits, owning group,
// other), and creation of children that inherit the parent's default ACL.
import type { Scenario } from '../scenario.ts';

export type Store = Scenario['dataLakeStores'][number];
export type Entry = Store['entries'][number];
export type AclEntry = Entry['acl'][number];
export type Need = 'r' | 'w' | 'x';

/** "/a//b/" → "/a/b"; "" → "/". Paths compare case-sensitively, as in HDFS. */
export function normalisePath(p: string): string {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  return `/${parts.join('/')}`;
}

export function parentOf(path: string): string | undefined {
  if (path === '/') return undefined;
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Root first, the path's parent last; empty for the root. */
export function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  for (let p = parentOf(path); p !== undefined; p = parentOf(p)) out.unshift(p);
  return out;
}

export function nameOf(path: string): string {
  return path === '/' ? '' : path.slice(path.lastIndexOf('/') + 1);
}

export function find(store: Store, path: string): Entry | undefined {
  return store.entries.find((e) => normalisePath(e.path) === path);
}

export function childrenOf(store: Store, dir: string): Entry[] {
  return store.entries
    .filter((e) => {
      const p = normalisePath(e.path);
      return p !== dir && parentOf(p) === dir;
    })
    .sort((a, b) => (nameOf(normalisePath(a.path)) < nameOf(normalisePath(b.path)) ? -1 : 1));
}

const octalToRwx = (digit: string): string => {
  const n = Number.parseInt(digit, 8);
  return `${n & 4 ? 'r' : '-'}${n & 2 ? 'w' : '-'}${n & 1 ? 'x' : '-'}`;
};

function mask(perms: string, maskPerms: string): string {
  return [...perms].map((c, i) => (maskPerms[i] === c ? c : '-')).join('');
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The effective rwx of a principal on an entry. */
export function effectivePermissions(entry: Entry, principalId: string): string {
  const bits = entry.permission;
  if (same(entry.owner, principalId)) return octalToRwx(bits[0] ?? '0');
  const groupBits = octalToRwx(bits[1] ?? '0');
  const named = entry.acl.find((a) => !a.default && same(a.principalId, principalId));
  // With an extended ACL the group bits of the permission act as the mask on named entries.
  if (named !== undefined) return mask(named.permissions, groupBits);
  if (same(entry.group, principalId)) return groupBits;
  return octalToRwx(bits[2] ?? '0');
}

export function allows(entry: Entry, principalId: string, needs: readonly Need[]): boolean {
  const p = effectivePermissions(entry, principalId);
  return needs.every((n) => p.includes(n));
}

/** Execute on every existing ancestor directory (the traversal every operation needs). */
export function canTraverse(store: Store, path: string, principalId: string): boolean {
  for (const a of ancestorsOf(path)) {
    const e = find(store, a);
    if (e === undefined) return true; // the walk ends at the first missing ancestor; existence is judged next
    if (!allows(e, principalId, ['x'])) return false;
  }
  return true;
}

/** A new child: owned by its creator, group from the parent, the parent's default ACL inherited. */
export function newChild(parent: Entry, path: string, type: Entry['type'], owner: string, permission: string): Entry {
  const defaults = parent.acl.filter((a) => a.default);
  const access: AclEntry[] = defaults.map((a) => ({ ...a, default: false }));
  const inheritedDefaults: AclEntry[] = type === 'DIRECTORY' ? defaults.map((a) => ({ ...a })) : [];
  return { path, type, owner, group: parent.group, permission, acl: [...access, ...inheritedDefaults], ...(type === 'FILE' ? { content: '' } : {}) };
}
