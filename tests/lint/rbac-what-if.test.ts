// RBAC what-if on pages (issue 16 item 1): 002-storage-user-assigned.md grants Reader (with smart
// quotes, so the grant step itself fails) and later reads a blob with the identity's bearer token.
// Negatives are real pages where the grant fits the request: 000-storage.md (Storage Blob Data
// Reader in prose, kebab-cased, then a blob GET) and 000-arm-user-assigned.md (Reader, then an ARM GET).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const lint = (file: string, edit: (t: string) => string = (t) => t) => lintText(edit(readFileSync(join(root, file), 'utf8')), 'docfx', file).filter((f) => f.rule === 'rbac-what-if');

describe('rbac-what-if', () => {
  it('002-storage-user-assigned.md: reported on the Reader grant (line 134) and on the blob GET (line 185)', () => {
    const found = lint('tutorials/002-storage-user-assigned.md');
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [134, 'error'],
      [185, 'error'],
    ]);
    expect(found[0]?.message).toBe(
      'Reader grants no data action; reading a blob (line 185) needs Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read — use Storage Blob Data Reader.',
    );
    expect(found[1]?.message).toMatch(/Reader, line 134.*Microsoft\.Storage\/storageAccounts\/blobServices\/containers\/blobs\/read.*403.*use Storage Blob Data Reader/);
  });

  it('002: also with the smart quotes around Reader fixed (the plan, not the typo, is wrong)', () => {
    expect(lint('tutorials/002-storage-user-assigned.md', (t) => t.replace('\u2018Reader\u2019', "'Reader'")).map((f) => f.line)).toEqual([134, 185]);
  });

  it('002: silent once the grant is Storage Blob Data Reader', () => {
    expect(lint('tutorials/002-storage-user-assigned.md', (t) => t.replace('\u2018Reader\u2019', "'Storage Blob Data Reader'"))).toEqual([]);
  });

  it('silent where the page grants what the request needs (real pages)', () => {
    const storage = readFileSync(join(root, 'tutorials/000-storage.md'), 'utf8');
    expect(storage).toMatch(/assigning the storage-blob-data-reader role to the managed-identity/);
    expect(storage).toMatch(/Authorization: Bearer/);
    expect(lint('tutorials/000-storage.md')).toEqual([]);
    const arm = readFileSync(join(root, 'tutorials/000-arm-user-assigned.md'), 'utf8');
    expect(arm).toMatch(/az role assignment create[^\n]*--role 'Reader'/);
    expect(arm).toMatch(/curl https:\/\/management\.azure\.com\/[^\n]*Authorization: Bearer/);
    expect(lint('tutorials/000-arm-user-assigned.md')).toEqual([]);
  });

  it('000-storage.md: a prose grant of Reader instead would be reported on the prose line', () => {
    const found = lint('tutorials/000-storage.md', (t) => t.replace('storage-blob-data-reader role', 'Reader role'));
    expect(found.map((f) => f.line)).toContain(60);
  });
});
