// defect: three run tests (az-capture, az-output-redirect-dropped, capture-takes-what-was-printed)
// each copied the same setup — a temporary folder, an emulator target started in beforeAll, closed in
// afterAll with the folder, a page written and run alone against it. They share tests/helpers/emulator-run.ts
// now; this pins what they rely on: the page runs against the started emulator, and the helper stops
// what it starts (the emulator no longer answers, the folder is gone) when its block ends.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorRun } from './emulator-run.ts';

const answers = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: 5_000 }, (res) => (res.resume(), resolve(true)));
    req.on('error', () => resolve(false));
    req.on('timeout', () => (req.destroy(), resolve(false)));
    req.end();
  });

const seen: { url?: string; dir?: string } = {};

describe('emulatorRun', () => {
  const emulator = emulatorRun('helper');
  it('runs a page written on the fly against the emulator it started', async () => {
    const t = await emulator.page('group.md', ['# Group', '', '```azurecli', 'az group create --name myResourceGroup --location eastus', '```', ''].join('\n'));
    expect(t.steps.map((s) => `${s.id} ${s.verdict}`)).toEqual(['s1 pass']);
    seen.url = emulator.target.handle.httpUrl;
    seen.dir = emulator.dir;
    expect(await answers(seen.url)).toBe(true);
    expect(existsSync(seen.dir)).toBe(true);
  }, 120_000);
});

// Runs after the block's own afterAll (vitest runs hooks as a stack: inner blocks end first).
afterAll(async () => {
  expect(seen.url).toBeDefined();
  expect(await answers(seen.url!)).toBe(false);
  expect(existsSync(seen.dir!)).toBe(false);
});
