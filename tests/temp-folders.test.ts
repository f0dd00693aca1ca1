// src/temp-folders.ts: a folder its owner removed is gone; one left when the process exits (an exit
// that skipped the owner's `finally`) is removed by the exit hook.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTempFolder, removeTempFolder } from '../src/temp-folders.ts';

describe('temporary folders', () => {
  it('are created under the temporary directory and removed by their owner', async () => {
    const dir = await makeTempFolder('tc-temp-test-');
    expect(dir.startsWith(tmpdir())).toBe(true);
    expect(existsSync(dir)).toBe(true);
    await removeTempFolder(dir);
    expect(existsSync(dir)).toBe(false);
  });

  it('left behind at process.exit (no finally ran), they are removed anyway', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tc-temp-exit-'));
    try {
      const source = fileURLToPath(new URL('../src/temp-folders.ts', import.meta.url));
      const script = `import(${JSON.stringify(source)}).then(async (m) => { m.makeTempFolderSync('tc-a-'); const b = await m.makeTempFolder('tc-b-'); require('node:fs').writeFileSync(b + '/f', 'x'); process.exit(3); });`;
      let code = 0;
      try {
        execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
      } catch (err) {
        code = (err as { status: number }).status;
      }
      expect(code).toBe(3);
      expect(readdirSync(tmp).filter((n) => !n.startsWith('tsx-'))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
