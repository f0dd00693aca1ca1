// The run command's options, as a user types them.
import { describe, expect, it } from 'vitest';
import { parseRunArgs, runSettings } from '../../src/commands/run.ts';
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
  it('--report-* alone write only there (no reports/ folder); with --out too, both; --keep is a whole number ≥ 1', () => {
    expect(parseRunArgs(['--report-html', 'r.html'])).toMatchObject({ out: undefined, reportFiles: { html: 'r.html' } });
    expect(parseRunArgs(['--report-junit', 'j.xml', '--out', 'x'])).toMatchObject({ out: 'x', reportFiles: { junit: 'j.xml' } });
    expect(parseRunArgs([])).toMatchObject({ keep: 10, reporters: ['default'], verbose: false });
    for (const bad of ['0', '-1', '2.5', 'all']) expect(() => parseRunArgs([`--keep=${bad}`])).toThrow(/--keep takes a whole number of run folders, 1 or more/);
  });

  it('--source-url needs {file} and {line} in an http(s) URL', () => {
    const template = 'https://github.com/MicrosoftDocs/azure-docs/blob/main/{file}#L{line}';
    expect(parseRunArgs(['--source-url', template]).sourceUrl).toBe(template);
    expect(() => parseRunArgs(['--source-url', 'https://github.com/x/blob/main/{file}'])).toThrow(/--source-url '.*' has no \{line\}; give a URL template with \{file\} and \{line\}/);
    expect(() => parseRunArgs(['--source-url', 'file:///{file}#{line}'])).toThrow(/is not an http\(s\) URL/);
  });

  it('the run settings recorded in report.json: tool, --fail-on, --grep, --set keys (never values), --shard, --source-url', () => {
    const o = parseRunArgs(['--set', 'STORAGE_KEY=c2VjcmV0LXZhbHVl', '--set', 'rg=mine', '--grep', 'blob', '--fail-on', 'drift', '--shard', '2/3', '--source-url', 'https://example.com/{file}?l={line}']);
    const settings = runSettings(o);
    expect(settings).toEqual({ tool: { name: 'tutorial-conformance', version: expect.any(String) }, failOn: ['fail', 'drift'], grep: 'blob', setKeys: ['STORAGE_KEY', 'RG'], shard: '2/3', sourceUrl: 'https://example.com/{file}?l={line}' });
    expect(JSON.stringify(settings)).not.toContain('c2VjcmV0LXZhbHVl');
  });
});
