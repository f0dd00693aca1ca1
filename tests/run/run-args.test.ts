// The run command's options, as a user types them.
import { describe, expect, it } from 'vitest';
import { parseRunArgs } from '../../src/commands/run.ts';
import { runStamp } from '../../src/report/outputs.ts';
import { ToolError } from '../../src/errors.ts';

describe('run options', () => {
  it('defaults to every tutorial on the emulator, reports/ and failing on fail only', () => {
    expect(parseRunArgs([])).toMatchObject({ paths: ['tutorials'], target: 'emulator', out: 'reports', sets: {}, failOn: ['fail'] });
  });

  it('normalises --set keys the way placeholders are normalised, and keeps values as typed', () => {
    const o = parseRunArgs(['a.md', 'dir', '--set', 'STORAGE ACCOUNT=my acct', '--set', 'resource-group=rg=1', '--grep', 'listKeys', '--fail-on', 'drift', '--out', 'x']);
    expect(o).toMatchObject({ paths: ['a.md', 'dir'], target: 'emulator', out: 'x', grep: 'listKeys', sets: { STORAGE_ACCOUNT: 'my acct', RESOURCE_GROUP: 'rg=1' }, failOn: ['fail', 'drift'] });
  });

  it.each([
    [['--target', 'cloud'], /--target must be emulator or azure/],
    [['--fail-on', 'pass'], /--fail-on takes a comma-separated set/],
    [['--set', 'NOVALUE'], /--set needs KEY=VALUE/],
    [['--nope'], /unknown option --nope/],
  ])('%j is a usage error (exit 2)', (argv, message) => {
    let err: unknown;
    try {
      parseRunArgs(argv);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).code).toBe('E_USAGE');
    expect((err as ToolError).exitCode).toBe(2);
    expect((err as ToolError).message).toMatch(message);
  });

  it('stamps report folders in UTC as YYYYMMDD-HHMMSS', () => {
    expect(runStamp(new Date('2026-11-22T22:13:38.512Z'))).toBe('20261122-221338');
  });
});
