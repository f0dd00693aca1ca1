// A step that prints a lot, run for real by the shell engine: what the report keeps of it stays the
// same size as the output doubles (head and tail, the cut marked with how much was cut), and a secret
// printed at the place of the cut is not split into a part nobody can recognise.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { RunSecrets, runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import { recoverable } from '../helpers/leaks.ts';

const MIB = 1 << 20;
const SIZES = [2, 4, 8];
const SECRET = 'Zq9Xy78Q~vT3kLmN0pR5sU7wY1aC4eG6iJ8lO2q';

const LINE = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde';
/** Where the kept head ends (KEPT_BYTES / 2): the secret is printed across it, inside a run of 12,000 token characters. */
const HEAD = MIB / 2;
const RUN = 6000;
/** Whole lines of 64 bytes before and after. */
const BEFORE = Math.floor((HEAD - RUN - 10) / 64) * 64;
const after = (mib: number): number => Math.ceil((mib * MIB - HEAD) / 64) * 64;
const printing = (mib: number): string =>
  `\`\`\`bash\necho -n; yes ${LINE} | head -c ${BEFORE}; printf '%s' "$(head -c ${RUN} /dev/zero | tr '\\0' A)<CLIENT SECRET>$(head -c ${RUN} /dev/zero | tr '\\0' A)"; yes ${LINE} | head -c ${after(mib)}\n\`\`\`\n\n`;

let dir: string;
let report: Report;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'tc-cap-test-'));
  await writeFile(join(dir, 'big.md'), `# Big output\n\n${SIZES.map((n) => `Print ${n} MiB:\n\n${printing(n)}`).join('')}`);
  const target = await startEmulatorTarget();
  try {
    ({ report } = await runTutorials({ paths: [join(dir, 'big.md')], targetInstance: target, engine: 'shell', secrets: new RunSecrets(), sets: { CLIENT_SECRET: SECRET } }));
  } finally {
    await target.close();
  }
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('defect: a step printing 600 MB ended the run with ERR_STRING_TOO_LONG, and at 100 MB the reports were 100 MB each', () => {
  it('the bytes kept per step stay the same as the output doubles; the cut says how much was cut', () => {
    const steps = report.tutorials[0]!.steps;
    expect(steps.map((s) => s.verdict)).toEqual(['pass', 'pass', 'pass']);
    const kept = steps.map((s) => Buffer.byteLength(s.output?.stdout ?? '', 'utf8'));
    for (const k of kept) expect(k).toBeLessThanOrEqual(MIB + 200);
    expect(kept[2]! / kept[0]!).toBeLessThan(1.01);
    for (const [i, s] of steps.entries()) {
      const printed = BEFORE + 2 * RUN + SECRET.length + after(SIZES[i]!);
      const cut = /\[… ([\d,]+) bytes cut here by tutorial-conformance: the first and last part are kept …\]/.exec(s.output!.stdout)?.[1];
      expect(Number(cut?.replace(/,/g, ''))).toBe(printed - Buffer.byteLength(s.output!.stdout.replace(/\n\[… [^\]]*\]\n/, ''), 'utf8'));
      // Head and tail of what was printed, as printed.
      expect(s.output!.stdout.startsWith('0123456789abcdef')).toBe(true);
      expect(s.output!.stdout.endsWith('0123456789abcde\n')).toBe(true);
    }
  });

  it('the secret printed across the place of the cut is kept whole or not at all, never a part (the cut moved off it)', () => {
    for (const s of report.tutorials[0]!.steps) {
      const stdout = s.output!.stdout;
      expect(stdout.includes(`${LINE}\n${'A'.repeat(100)}`)).toBe(true); // the head reaches the run
      if (!stdout.includes(SECRET)) expect(recoverable(stdout, SECRET, 8)).toEqual([]);
    }
  });
});
