// Where a run's reports go, and that they never get there by halves: a folder per run (time and run
// id), staged and renamed into place, `latest` switched by one rename (a copy where symlinks are not
// allowed), run folders pruned to --keep, single files renamed over their target, every location
// checked before anything runs.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.ts';
import { checkAppendable, checkFolder, prepareOutputs, RUN_FOLDER } from '../../src/report/outputs.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function fresh(): string {
  const d = mkdtempSync(join(tmpdir(), 'tc-outputs-'));
  dirs.push(d);
  return d;
}
const files = (text: string) => ({ runFolder: { 'report.json': `${text} json`, 'index.html': `${text} html`, 'junit.xml': `${text} junit` } });
const contentsOf = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const runFolders = (root: string) => readdirSync(root).filter((n) => RUN_FOLDER.test(n)).sort();

async function refusal(plan: Parameters<typeof prepareOutputs>[0]): Promise<ToolError> {
  const err = await prepareOutputs(plan).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ToolError);
  expect((err as ToolError).exitCode).toBe(2);
  return err as ToolError;
}

describe('run folders', () => {
  it('defect 7: two runs started in the same second shared one timestamped folder — now ten at once get ten folders, each whole', async () => {
    const root = join(fresh(), 'reports');
    const runs = await Promise.all(Array.from({ length: 10 }, () => prepareOutputs({ runFolders: { root, keep: 100, option: '--out' } })));
    const published = await Promise.all(runs.map((o, i) => o.publish(files(`run ${i}`))));
    const names = published.map((p) => p.runFolder!.replace(/^.*\//, ''));
    expect(new Set(names).size).toBe(10);
    for (const n of names) expect(n).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
    published.forEach((p, i) => expect(contentsOf(p.runFolder!)).toEqual({ 'index.html': `run ${i} html`, 'junit.xml': `run ${i} junit`, 'report.json': `run ${i} json` }));
    // latest is one run's, wholly.
    const target = readlinkSync(join(root, 'latest'));
    expect(names).toContain(target);
    expect(contentsOf(join(root, 'latest'))).toEqual(contentsOf(join(root, target)));
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('latest is a symlink replaced by one rename; an older real latest/ folder is replaced too', async () => {
    const root = fresh();
    mkdirSync(join(root, 'latest'));
    writeFileSync(join(root, 'latest', 'report.json'), 'from an older version');
    const first = await (await prepareOutputs({ runFolders: { root, keep: 10, option: '--out' } })).publish(files('first'));
    expect(lstatSync(join(root, 'latest')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'latest'))).toBe(first.runFolder!.replace(/^.*\//, ''));
    const second = await (await prepareOutputs({ runFolders: { root, keep: 10, option: '--out' } })).publish(files('second'));
    expect(readlinkSync(join(root, 'latest'))).toBe(second.runFolder!.replace(/^.*\//, ''));
    expect(readFileSync(join(root, 'latest', 'report.json'), 'utf8')).toBe('second json');
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('where symlinks are not allowed, latest is a real folder holding one run, swapped whole', async () => {
    const root = fresh();
    const noSymlinks = async (): Promise<void> => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    };
    for (const text of ['first', 'second']) {
      await (await prepareOutputs({ runFolders: { root, keep: 10, option: '--out' } })).publish(files(text), { symlink: noSymlinks });
      expect(lstatSync(join(root, 'latest')).isDirectory()).toBe(true);
      expect(contentsOf(join(root, 'latest'))).toEqual({ 'index.html': `${text} html`, 'junit.xml': `${text} junit`, 'report.json': `${text} json` });
    }
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('--keep N keeps the N newest run folders (older versions\' names included) and nothing else of ours; other folders stay', async () => {
    const root = fresh();
    for (const old of ['20200101-000000', '20200101-000001-abcdef']) {
      mkdirSync(join(root, old));
      writeFileSync(join(root, old, 'report.json'), old);
    }
    mkdirSync(join(root, 'notes'));
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await (await prepareOutputs({ runFolders: { root, keep: 3, option: '--out' } })).publish(files(`run ${i}`))).runFolder!.replace(/^.*\//, ''));
    expect(runFolders(root)).toEqual(made.slice(1).sort());
    expect(readlinkSync(join(root, 'latest'))).toBe(made[3]);
    expect(existsSync(join(root, 'notes'))).toBe(true);
  });

  it('a run that publishes nothing (nothing selected) leaves latest and the folder as they were', async () => {
    const parent = fresh();
    const root = join(parent, 'new', 'reports');
    const o = await prepareOutputs({ runFolders: { root, keep: 10, option: '--out' } });
    expect(readdirSync(root).filter((n) => n.startsWith('.tc-staging-'))).toHaveLength(1);
    await o.discard();
    expect(readdirSync(parent)).toEqual([]); // the folders the check made are gone too
  });
});

describe('every output location is checked before anything runs', () => {
  it('--out that is a file, the root of the file system, a place no one can write', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'reports.txt'), 'x');
    expect((await refusal({ runFolders: { root: join(dir, 'reports.txt'), keep: 10, option: '--out' } })).message).toBe(`--out ${join(dir, 'reports.txt')}: cannot be written: it is a file, not a folder`);
    expect((await refusal({ runFolders: { root: '/', keep: 10, option: '--out' } })).message).toMatch(/--out \/: cannot be written: it is the root of the file system/);
    // /proc refuses new folders to everyone, root included (a chmod'ed folder would not stop root).
    expect((await refusal({ runFolders: { root: '/proc/tc-reports', keep: 10, option: '--out' } })).message).toMatch(/--out \/proc\/tc-reports: cannot be written: /);
    expect((await refusal({ runFolders: { root: join(dir, 'reports.txt', 'sub'), keep: 10, option: '--out' } })).message).toMatch(/a part of the path is a file, not a folder/);
  });

  it('a per-format path that is a folder, or in a place no one can write; one path named twice', async () => {
    const dir = fresh();
    expect((await refusal({ files: { '--report-html': dir } })).message).toMatch(/--report-html .*: cannot be written: it is a folder; give a file name/);
    expect((await refusal({ files: { '--report-json': '/proc/tc/report.json' } })).message).toMatch(/--report-json \/proc\/tc\/report\.json: cannot be written/);
    expect((await refusal({ files: { '--report-json': join(dir, 'r'), '--report-html': join(dir, 'r') } })).message).toMatch(/--report-json and --report-html name the same file/);
    expect(readdirSync(dir)).toEqual([]); // no probe left behind
  });

  it('merge --out and --summary (a job summary is appended to): a file, a missing folder', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), 'x');
    await expect(checkFolder('--out', join(dir, 'file'))).rejects.toThrow(/--out .*file: cannot be written: it is a file, not a folder/);
    await expect(checkAppendable('--summary', '/nonexistent/x')).rejects.toThrow(/--summary \/nonexistent\/x: cannot be written: the folder \/nonexistent does not exist/);
    await checkAppendable('--summary', join(dir, 'file'));
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('x');
  });
});

describe('single files (--report-json FILE …)', () => {
  it('are written whole (temporary name, then rename), their folders made, nothing else left', async () => {
    const dir = fresh();
    const target = join(dir, 'a', 'b', 'report.json');
    const o = await prepareOutputs({ files: { '--report-json': target, '--report-html': join(dir, 'r.html') } });
    writeFileSync(join(dir, 'r.html'), 'old');
    const p = await o.publish({ files: { '--report-json': '{"new":1}', '--report-html': 'new' } });
    expect(p.files).toEqual({ '--report-json': target, '--report-html': join(dir, 'r.html') });
    expect(readFileSync(target, 'utf8')).toBe('{"new":1}');
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['a', 'r.html']);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['report.json']);
  });
});
