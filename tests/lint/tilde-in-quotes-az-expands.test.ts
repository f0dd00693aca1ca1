// defect: storage-how-to-use-files-cli.md (tests/fresh) writes az storage file upload --source
// "~/clouddrive/SampleUpload.txt" and az storage file download --dest "~/clouddrive/…". bash leaves
// the quoted ~ alone, but az expands it itself (azure-cli file_type = os.path.expanduser; storage
// file upload --source and download --dest are typed file_type), so the commands work: two false
// error-level findings. On an az command the finding is a warning that says where az expands ~ and
// where it does not; on other programs it stays an error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const tilde = (text: string, page = 'p.md') => lintText(text, 'docfx', page).filter((f) => f.rule === 'shell-tilde-in-quotes');

describe('a quoted ~ path', () => {
  it('is a warning, not an error, on az file parameters of a real page (storage-how-to-use-files-cli.md)', () => {
    const page = 'tests/fresh/articles/storage/files/storage-how-to-use-files-cli.md';
    const found = tilde(readFileSync(join(root, page), 'utf8'), page);
    expect(found.map((f) => [f.line, f.severity])).toEqual([[112, 'warning'], [141, 'warning']]);
    expect(found[0]?.message).toMatch(/az expands a leading ~ itself/);
  });

  it('is a warning inside $( … ), when the program is az', () => {
    const found = tilde('# T\n\n```bash\naz storage blob upload -f "~/a.txt" -c c -n a\nR=$(az storage file download --dest "~/b" -s s -p p)\n```\n');
    expect(found.map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  it('stays an error for other programs, also after an az command on the same line', () => {
    const found = tilde('# T\n\n```bash\naz group list && cat "~/a.txt"\ncurl -T "~/b.zip" https://example.com/x\n```\n');
    expect(found.map((f) => [f.line, f.severity])).toEqual([[4, 'error'], [5, 'error']]);
    expect(found[0]?.message).toMatch(/under a folder named "~"/);
  });
});
