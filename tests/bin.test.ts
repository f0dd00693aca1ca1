// bin/tutorial-conformance.js runs dist/ (the bundle `npm ci` builds) only while it matches src/, and
// the sources through tsx otherwise. The suite runs the sources (TC_FROM_SOURCE=1, vitest.config.ts);
// this checks that the bundle, when there is a current one, prints what the sources print, also when
// compiled from its code cache.
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../src/tutorials/manifest.ts';

const bin = join(projectRoot, 'bin/tutorial-conformance.js');

describe('bin/tutorial-conformance.js', () => {
  it('prints the same model from the bundle (when current) as from the sources', async () => {
    const args = [bin, 'extract', 'tutorials/000-storage-sas.md'];
    const { TC_FROM_SOURCE: _forced, ...env } = process.env;
    const [fromSource, fromBin] = await Promise.all([
      execa('node', args, { cwd: projectRoot, env: { ...env, TC_FROM_SOURCE: '1' }, extendEnv: false }),
      execa('node', args, { cwd: projectRoot, env, extendEnv: false }),
    ]);
    expect(fromBin.stdout).toBe(fromSource.stdout);
    expect(JSON.parse(fromBin.stdout)).toHaveProperty('steps');
    // The first run of a command from the bundle writes its code cache; a run compiled from it
    // (or with V8 refusing it) prints the same.
    const again = await execa('node', args, { cwd: projectRoot, env, extendEnv: false });
    expect(again.stdout).toBe(fromSource.stdout);
  }, 60_000);

  it('defect: rules that found their data by import.meta.dirname (empty in the bundle) lost their findings from the bundled CLI', async () => {
    const args = [bin, 'lint', 'tutorials', '--format', 'json'];
    const { TC_FROM_SOURCE: _forced, ...env } = process.env;
    const [fromSource, fromBin] = await Promise.all([
      execa('node', args, { cwd: projectRoot, env: { ...env, TC_FROM_SOURCE: '1' }, extendEnv: false, reject: false }),
      execa('node', args, { cwd: projectRoot, env, extendEnv: false, reject: false }),
    ]);
    expect(fromBin.stdout).toBe(fromSource.stdout);
    expect(fromBin.stdout).toContain('rbac-what-if');
  }, 60_000);

  it('a reader that stops early (`| head`) gets no stack trace: the command ends with its own exit code', async () => {
    for (const args of [['lint', 'tutorials', '--format', 'sarif'], ['extract', 'tutorials/000-storage-sas.md']]) {
      const child = spawn(process.execPath, [bin, ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      // Read one chunk, then close the pipe, as `head -c 50` does.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(stderr).not.toMatch(/EPIPE|Unhandled/);
      expect(code).toBe(args[0] === 'lint' ? 1 : 0); // lint: the tutorials have findings
    }
  }, 60_000);
});
