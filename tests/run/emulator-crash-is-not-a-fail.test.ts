// Defect: under load Azurite did not start within its time, the emulator answered 500 with
// x-emulator-error, and a correct page's `az storage container create` was reported `fail`. The
// emulator's own failure, like what it does not model, is the tool's limit: `unsupported`.
import { describe, expect, it } from 'vitest';
import { checkStep } from '../../src/check/index.ts';
import { emulatorLimit } from '../../src/run/http/send.ts';
import type { ObservedResponse } from '../../src/run/observation.ts';
import { azStep, observation, tutorial } from '../check/fixtures.ts';

const crashed: ObservedResponse = {
  status: 500,
  statusText: 'Internal Server Error',
  httpVersion: '1.1',
  headers: [['content-type', 'application/json; charset=utf-8'], ['x-emulator-error', 'service-crashed']],
  body: '{"error":{"code":"EmulatorError","message":"The emulator\'s blob service failed (an emulator bug, not Azure behaviour): Error: Azurite did not start within 20000 ms: "}}',
  bodyEncoding: 'utf8',
  json: { error: { code: 'EmulatorError', message: "The emulator's blob service failed (an emulator bug, not Azure behaviour): Error: Azurite did not start within 20000 ms: " } },
};

describe('emulator-crash-is-not-a-fail', () => {
  it("an x-emulator-error answer is the emulator's limit, with its own words; an Azure-shaped 500 is not", () => {
    expect(emulatorLimit(crashed)).toEqual({ kind: 'unsupported', unsupported: 'not-emulated', message: expect.stringContaining('Azurite did not start') });
    expect(emulatorLimit({ ...crashed, headers: [['content-type', 'application/json']] })).toBeUndefined();
    expect(emulatorLimit({ ...crashed, status: 501, headers: [['x-emulator-not-emulated', 'role assignment $filter x']] })).toEqual({ kind: 'unsupported', unsupported: 'not-emulated', message: 'role assignment $filter x' });
  });

  it('a step whose observation carries that limit is unsupported, not fail', () => {
    const step = azStep({ id: 's1', file: 'tutorials/000-storage-access-key.md', line: 102, path: ['storage', 'container', 'create'], options: [['--name', 'c']] });
    const obs = observation('s1', { error: emulatorLimit(crashed)! });
    const verdict = checkStep({ tutorial: tutorial('tutorials/000-storage-access-key.md', 'sak', [step]), step, observation: obs });
    expect(verdict.verdict).toBe('unsupported');
  });
});
