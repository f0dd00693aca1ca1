// The fix-patch round trip on a copy of tutorials/: run with --fix-patch, `git apply` the patch, run
// again. Every step the patch touched no longer fails for the reason it failed; no step outside the
// patch's hunks and their dependants changes verdict; report.json's suggestions are the patched lines.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.ts';
import { Report, type ReportStep, type ReportTutorial } from '../../src/report/schema.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';
import { captureIo } from '../helpers/cli-io.ts';
import { gitApply, gitRepo, removeRepos } from './helpers.ts';

afterAll(removeRepos);

async function run(dir: string, ...extra: string[]): Promise<Report> {
  const io = captureIo({ env: { githubWorkspace: dir } });
  const file = join(dir, `report-${Math.random().toString(16).slice(2)}.json`);
  const code = await runCommand([join(dir, 'tutorials'), '--report-json', file, ...extra], io);
  expect(code, io.err()).toBe(1);
  return Report.parse(JSON.parse(readFileSync(file, 'utf8')));
}

const name = (t: ReportTutorial): string => t.file.split('/').pop() ?? t.file;
const within = (l: number, r: { start: number; end: number }): boolean => l >= r.start && l <= r.end;

/** Steps whose command or example lies on a line a fix changes. */
function touchedSteps(t: ReportTutorial): Set<string> {
  const out = new Set<string>();
  for (const fix of t.fixes ?? []) {
    for (const id of fix.stepIds ?? []) out.add(id);
    for (const s of t.steps) {
      for (let l = fix.line.start; l <= fix.line.end; l++) if (within(l, s.line) || (s.expectation && within(l, s.expectation.line))) out.add(s.id);
    }
  }
  return out;
}

/** Steps blocked, directly or through others, by a touched step. */
function dependants(t: ReportTutorial, touched: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const byId = new Map(t.steps.map((s) => [s.id, s]));
  for (const s of t.steps) {
    for (let cur: ReportStep | undefined = s; cur?.blockedBy !== undefined; cur = byId.get(cur.blockedBy)) {
      if (touched.has(cur.blockedBy)) out.add(s.id);
    }
  }
  return out;
}

describe('fix-patch round trip on a copy of tutorials/', () => {
  it('run --fix-patch, git apply, run again: the touched failing steps no longer fail for that reason, nothing else changes verdict', async () => {
    const dir = gitRepo('tc-roundtrip-');
    cpSync(join(projectRoot, 'tutorials'), join(dir, 'tutorials'), { recursive: true });
    const before = await run(dir, '--fix-patch', join(dir, 'fixes.patch'));
    const patch = readFileSync(join(dir, 'fixes.patch'), 'utf8');
    expect(patch).toMatch(/^# tutorial-conformance fix patch: \d+ correction\(s\) in \d+ file\(s\)/);
    expect(patch).toMatch(/^diff --git a\/tutorials\/000-arm-system-assigned\.md b\/tutorials\/000-arm-system-assigned\.md$/m);
    gitApply(dir, patch);

    const after = await run(dir);
    const fixedFails: string[] = [];
    const stillFailing: string[] = [];
    let touchedCount = 0;
    before.tutorials.forEach((t, ti) => {
      const t2 = after.tutorials[ti] as ReportTutorial;
      expect(t2.file).toBe(t.file);
      const touched = touchedSteps(t);
      const deps = dependants(t, touched);
      touchedCount += touched.size;
      t.steps.forEach((s, si) => {
        const s2 = t2.steps[si] as ReportStep;
        expect(s2.id).toBe(s.id);
        const where = `${name(t)} ${s.id} (line ${s.line.start}): ${s.verdict} → ${s2.verdict} (${s2.reason})`;
        if (touched.has(s.id) && s.verdict === 'fail') {
          if (s2.verdict !== 'fail') fixedFails.push(`${name(t)} ${s.id} → ${s2.verdict}`);
          else {
            // Still failing: for a defect the patch does not claim to fix, which lint still reports on the step.
            const remaining = t2.findings.filter((f) => f.severity === 'error' && f.fix === undefined && (f.stepId === s.id || within(f.line, s.line)));
            expect(remaining.length, where).toBeGreaterThan(0);
            stillFailing.push(`${name(t)} ${s.id}: ${remaining.map((f) => f.rule).join(', ')}`);
          }
        } else if (!deps.has(s.id)) expect(s2.verdict, where).toBe(s.verdict);
      });
      // report.json's suggestions are what the patched file holds on those lines.
      const lines = readFileSync(join(dir, 'tutorials', name(t)), 'utf8').split('\n');
      for (const fix of t.fixes ?? []) {
        const body = fix.suggestion.replace(/^`{3,}suggestion\n/, '').replace(/\n`{3,}$/, '');
        expect(body, `${name(t)}:${fix.line.start}`).toBe(lines.slice(fix.line.start - 1, fix.line.end).join('\n').replace(/\r/g, ''));
      }
      // Nothing left for a second patch.
      expect(t2.fixes, name(t)).toBeUndefined();
    });
    expect(touchedCount).toBeGreaterThan(0);
    // Touched (a no-break space; the example's resource slash) but failing for what has no sure fix:
    // <YOUR-KEY-VAULT-URL> after https://, the retired localhost:50342 endpoint.
    expect(stillFailing.sort()).toEqual([
      '000-key-vault.md s6: placeholder-url-after-scheme',
      '002-storage-access-key-user-assigned.md s3: legacy-msi-endpoint',
      '002-storage-user-assigned.md s9: legacy-msi-endpoint',
    ]);
    // The seed tutorials' failures the patch fixes (the figure in the README).
    expect(fixedFails.sort()).toEqual([
      '000-arm-system-assigned.md s4 → drift', // U+00A0 after the Authorization header: 401 → works
      '000-arm-user-assigned.md s3 → drift', // blank inside --scope "…<RESOURCE GROUP> ": 404 → works
      '000-storage-sas.md s6 → drift', // Content-Type added to listServiceSas: 415 → works; its example's st= was never sent (no fix: the writer decides)
      '002-storage-user-assigned.md s4 → pass', // az vm assign-identity → az vm identity assign, -–identities → --identities
      '002-storage-user-assigned.md s7 → drift', // ‘Reader’ → 'Reader', containers/ inserted into the scope
      '003-arm-user-assigned.md s3 → drift', // blank inside --scope
      '003-arm-user-assigned.md s5 → drift', // U+00A0 after the IMDS URL: 400 → works
      '004-key-vault.md s5 → drift', // U+00A0 after Metadata:true: 400 → works
    ]);
  }, 180_000);
});
