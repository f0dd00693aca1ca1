// defect: the http engine expanded a `$name` that bash leaves alone. Its words have lost their
// quotes, so it now expands only the names bash expands somewhere in the step (unquoted or in double
// quotes); `'$HOME'` is sent as the five characters `$HOME`, as real bash and curl (the shell engine)
// send it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import { substitute } from '../../src/run/substitute.ts';

const IMDS = `'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F'`;
const fence = (text: string): string => `\`\`\`bash\n${text}\n\`\`\`\n\n`;

const dir = mkdtempSync(join(tmpdir(), 'tc-quoting-'));
const file = join(dir, 'quoting.md');
writeFileSync(
  file,
  '# Quoting\n\nGet the token type:\n\n' +
    fence(`kind=$(curl -s ${IMDS} -H Metadata:true | jq -r '.token_type')`) +
    'Send it, with text bash leaves alone:\n\n' +
    fence(`curl ${IMDS} -H Metadata:true -H 'X-Literal: $HOME \${LITERAL_NAME}' -H "X-Expanded: [$kind]" -H X-Escaped:\\$ESCAPED_NAME`),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function headersOf(report: Report): Record<string, string> {
  const step = report.tutorials[0]!.steps.find((s) => s.id === 's2')!;
  const request = step.exchanges?.[0]?.request ?? step.request;
  return Object.fromEntries((request?.headers ?? []).map(([k, v]) => [k.toLowerCase(), v]));
}

let http: Report;
let shell: Report;
beforeAll(async () => {
  const target = await startEmulatorTarget();
  try {
    http = (await runTutorials({ paths: [file], targetInstance: target, engine: 'http' })).report;
    shell = (await runTutorials({ paths: [file], targetInstance: target, engine: 'shell' })).report;
  } finally {
    await target.close();
  }
}, 120_000);

describe('defect: a $name in single quotes or escaped is text in the http engine too', () => {
  it('both engines send the single-quoted and escaped $names as written and expand the double-quoted one', () => {
    for (const report of [http, shell]) {
      const h = headersOf(report);
      expect(h['x-literal']).toBe('$HOME ${LITERAL_NAME}');
      expect(h['x-expanded']).toBe('[Bearer]');
      expect(h['x-escaped']).toBe('$ESCAPED_NAME');
    }
    expect(http.tutorials[0]!.steps.map((s) => s.verdict)).toEqual(shell.tutorials[0]!.steps.map((s) => s.verdict));
  });

  it('substitute: a name outside the expanded set stays as written; without the set, every name expands', () => {
    const scope = { values: [{ spellings: ['$x'], value: 'X' }], env: new Map([['y', 'Y']]) };
    expect(substitute('$x ${y} $z', { ...scope, expands: new Set(['x']) })).toBe('X ${y} $z');
    expect(substitute('$x ${y} $z', scope)).toBe('X Y ');
  });
});
