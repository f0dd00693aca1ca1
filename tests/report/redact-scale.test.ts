// Redaction's cost, counted (never timed) as the input doubles: string searches made, characters
// scanned, forms compared. The counts come from outside the redactor (String.prototype's search
// methods, wrapped while it runs) as well as from its own `work`.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/report/redact.ts';

const SEARCHES = ['includes', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'split', 'replace', 'replaceAll', 'match', 'matchAll', 'search'] as const;

/** Calls of String.prototype's search methods made by `fn`. */
function searchesMadeBy(fn: () => void): number {
  let calls = 0;
  const proto = String.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = SEARCHES.map((m) => [m, proto[m]!] as const);
  for (const [m, original] of originals) {
    proto[m] = function (this: string, ...args: unknown[]) {
      calls++;
      return original.apply(this, args);
    };
  }
  try {
    fn();
  } finally {
    for (const [m, original] of originals) proto[m] = original;
  }
  return calls;
}

/** An Entra token's shape: every token of an issuer starts with the same header. */
const HEADER = Buffer.from('{"typ":"JWT","alg":"RS256","kid":"emulator-key-1"}').toString('base64url');
const token = (): string => `${HEADER}.${randomBytes(240).toString('base64url')}.${randomBytes(256).toString('base64url')}`;

/** A report's worth of strings for `pages` tutorials, each using its own token once. */
function reportFor(tokens: string[], pages: number): unknown {
  return {
    tutorials: Array.from({ length: pages }, (_, p) => ({
      file: `tutorials/page-${p}.md`,
      steps: Array.from({ length: 5 }, (_, s) => ({
        id: `s${s + 1}`,
        reason: `status 200 as the page shows; step ${s + 1} of page ${p}`,
        raw: s === 2 ? `curl -H "Authorization: Bearer ${tokens[p % tokens.length]}" https://sa1.blob.core.windows.net/c/b` : `az storage account show -n sa${p}`,
        output: { stdout: `{\n  "name": "sa${p}",\n  "kind": "StorageV2"\n}\n`, stderr: '', exitCode: 0 },
      })),
    })),
  };
}

function redactorWith(tokens: string[]): Redactor {
  const r = new Redactor();
  for (const [i, t] of tokens.entries()) r.add(t, `token ${i}`);
  return r;
}

describe('defect: redaction compared every known form of every secret with every string (10,000 pages: 12+ minutes, no report)', () => {
  it('the searches made do not grow with the number of secrets', () => {
    const report = reportFor(Array.from({ length: 50 }, token), 50);
    const counts = [200, 400, 800].map((n) => {
      const r = redactorWith(Array.from({ length: n }, token));
      return searchesMadeBy(() => r.redactDeep(report));
    });
    // Today's main made one search per form per string: 4x the secrets, 4x the searches.
    expect(counts[2]! / counts[0]!).toBeLessThan(1.1);
  });

  it('one token per page: the work doubles when the pages double, it does not quadruple', () => {
    const work = [100, 200, 400].map((pages) => {
      const tokens = Array.from({ length: pages }, token);
      const r = redactorWith(tokens);
      const report = reportFor(tokens, pages);
      const searches = searchesMadeBy(() => r.redactDeep(report));
      return { searches, redactor: r, text: JSON.stringify(report).length };
    });
    for (const k of [1, 2]) expect(work[k]!.searches / work[k - 1]!.searches).toBeLessThan(2.2);
    for (const k of [1, 2]) {
      expect(work[k]!.redactor.work.scanned / work[k - 1]!.redactor.work.scanned).toBeLessThan(2.2);
      expect(work[k]!.redactor.work.compared / work[k - 1]!.redactor.work.compared).toBeLessThan(2.2);
    }
    // A bounded number of passes over the text (the text itself, its skeleton), whatever the size.
    for (const w of work) expect(w.redactor.work.scanned / w.text).toBeLessThan(3);
  });

  it('a thousand tokens sharing their header cost one comparison per occurrence, not one per token', () => {
    const tokens = Array.from({ length: 1000 }, token);
    const r = redactorWith(tokens);
    const text = tokens.slice(0, 10).map((t) => `Authorization: Bearer ${t}`).join('\n');
    const out = r.redact(text);
    expect(out.split('\n').every((l) => /^Authorization: Bearer \[REDACTED:token \d+\]$/.test(l))).toBe(true);
    // Each form of each token found is compared at most once per view it appears in.
    expect(r.work.compared).toBeLessThan(10 * 4);
  });
});
