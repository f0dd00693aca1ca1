// What a page silently assumes is provided so the rest can be judged, and said: listed in report.json
// and the HTML report, and a lint warning. A permission is never assumed: the vault the page assumes
// exists, but reading its secret without a grant is still Azure's 403.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintTutorial } from '../../src/lint/index.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { expandedText, renderHtml } from '../../src/report/html.ts';
import type { Report } from '../../src/report/schema.ts';
import { runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import type { Target } from '../../src/run/target.ts';

const fence = (text: string): string => `\`\`\`azurecli\n${text}\n\`\`\`\n`;
const PAGE = ['# Read a secret\n', 'Read the secret:\n', fence('az keyvault secret show --vault-name assumedVault --name appSecret')].join('\n');
const STATED = ['# Read a secret\n', '## Prerequisites\n', '- A key vault named assumedVault holding a secret appSecret.\n', '- Assign yourself the Key Vault Secrets User role on the key vault.\n', 'Read the secret:\n', fence('az keyvault secret show --vault-name assumedVault --name appSecret')].join('\n');

let target: Target & { close(): Promise<void> };
let dir: string;
let report: Report;
beforeAll(async () => {
  target = await startEmulatorTarget();
  dir = mkdtempSync(join(tmpdir(), 'tc-assume-'));
  writeFileSync(join(dir, 'assumes.md'), PAGE);
  writeFileSync(join(dir, 'states.md'), STATED);
  ({ report } = await runTutorials({ paths: [dir], targetInstance: target }));
}, 120_000);
afterAll(async () => {
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assumptions', () => {
  it('are provided and listed in report.json and the HTML, with a lint warning; a permission is not assumed', () => {
    const assumes = report.tutorials.find((t) => t.file.endsWith('assumes.md'))!;
    expect(assumes.assumptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'vault', name: 'assumedVault', what: 'the key vault assumedVault' }),
        expect.objectContaining({ role: 'secret', name: 'appSecret', what: 'the secret appSecret in the key vault assumedVault' }),
      ]),
    );
    // The vault exists (no DNS failure), but nobody granted a data role: Key Vault's 403. A permission is
    // not assumed, and the refusal that follows only from that is no verdict on the page (assumed-access).
    expect(assumes.steps[0]).toMatchObject({ verdict: 'unsupported', unsupported: 'assumed-access' });
    expect(assumes.steps[0]!.reason).toMatch(/without creating it .*403 Forbidden\/ForbiddenByRbac says nothing about the page/);

    const html = expandedText(renderHtml(report));
    expect(html).toContain('2 assumptions: used without being created or stated as a prerequisite');
    expect(html).toMatch(/line 6<\/[a-z]+> the key vault assumedVault/);

    const findings = lintTutorial(parseTutorialFile(join(dir, 'assumes.md')), { text: readFileSync(join(dir, 'assumes.md'), 'utf8') });
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'page-assumes-resource', severity: 'warning', message: 'the page assumes the key vault assumedVault and the secret appSecret in the key vault assumedVault exist; say so in the prerequisites' }));
  });

  it('a page that states its vault and grant in the prerequisites assumes nothing, and the stated grant lets it read', () => {
    const states = report.tutorials.find((t) => t.file.endsWith('states.md'))!;
    expect(states.assumptions).toBeUndefined();
    expect(states.steps[0]!.verdict).toBe('pass');
  });
});
