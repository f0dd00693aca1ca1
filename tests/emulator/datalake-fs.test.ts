// HDFS permission evaluation and default-ACL inheritance of the Gen1 model, as pure functions.
import { describe, expect, it } from 'vitest';
import { allows, ancestorsOf, canTraverse, effectivePermissions, newChild, normalisePath, type Entry, type Store } from '../../src/emulator/services/datalake-fs.ts';

const OWNER = '11111111-1111-1111-1111-111111111111';
const GROUP = '22222222-2222-2222-2222-222222222222';
const NAMED = '33333333-3333-3333-3333-333333333333';
const OTHER = '44444444-4444-4444-4444-444444444444';

const entry = (path: string, permission: string, acl: Entry['acl'] = [], type: Entry['type'] = 'DIRECTORY'): Entry => ({ path, type, owner: OWNER, group: GROUP, permission, acl });

describe('Gen1 ACL evaluation', () => {
  it('owner, named user, owning group and other get their own bits', () => {
    const e = entry('/d', '750', [{ principalId: NAMED, permissions: 'rwx', default: false }]);
    expect(effectivePermissions(e, OWNER)).toBe('rwx');
    expect(effectivePermissions(e, GROUP)).toBe('r-x');
    expect(effectivePermissions(e, OTHER)).toBe('---');
    // The group bits act as the mask on a named entry: rwx masked by r-x.
    expect(effectivePermissions(e, NAMED)).toBe('r-x');
    expect(allows(e, NAMED, ['w'])).toBe(false);
    expect(allows(e, NAMED, ['r', 'x'])).toBe(true);
  });

  it('default entries grant nothing on the folder itself', () => {
    const e = entry('/d', '770', [{ principalId: NAMED, permissions: 'rwx', default: true }]);
    expect(effectivePermissions(e, NAMED)).toBe('---');
  });

  it('traversal needs execute on every existing ancestor', () => {
    const store: Store = {
      name: 's',
      resourceGroup: 'rg',
      location: 'l',
      entries: [entry('/', '770', [{ principalId: NAMED, permissions: 'r-x', default: false }]), entry('/a', '770', [{ principalId: NAMED, permissions: 'rw-', default: false }]), entry('/a/b', '777')],
    };
    expect(ancestorsOf('/a/b/c')).toEqual(['/', '/a', '/a/b']);
    expect(canTraverse(store, '/a', NAMED)).toBe(true);
    expect(canTraverse(store, '/a/b/c', NAMED)).toBe(false);
  });

  it('a new child inherits the parent default ACL: as access entries, and for folders also as defaults', () => {
    const parent = entry('/p', '770', [
      { principalId: NAMED, permissions: 'r-x', default: false },
      { principalId: NAMED, permissions: 'rwx', default: true },
    ]);
    const dir = newChild(parent, '/p/d', 'DIRECTORY', OTHER, '770');
    expect(dir.owner).toBe(OTHER);
    expect(dir.group).toBe(GROUP);
    expect(dir.acl).toEqual([
      { principalId: NAMED, permissions: 'rwx', default: false },
      { principalId: NAMED, permissions: 'rwx', default: true },
    ]);
    const file = newChild(parent, '/p/f', 'FILE', OTHER, '770');
    expect(file.acl).toEqual([{ principalId: NAMED, permissions: 'rwx', default: false }]);
  });

  it('normalises paths', () => {
    expect(normalisePath('')).toBe('/');
    expect(normalisePath('//a///b/')).toBe('/a/b');
  });
});
