// Three tutorials exist in two texts (rendered page and DocFX source, or two renderings). Each pair
// must yield the same steps — method, URL, headers, body; az path and options; shell actions; what
// manual steps create — except where the texts really differ. Those differences are listed here,
// one by one, with the lines that cause them.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/model.ts';
import { NBSP, tutorial } from './helpers.ts';

type Comparable =
  | { kind: 'http'; method: string; url: string; headers: Array<[string, string]>; body: Array<[string, string]>; expectation?: string }
  | { kind: 'az'; path: string; options: Array<[string, string | null]>; expectation?: string }
  | { kind: 'shell'; shell: unknown; expectation?: string }
  | { kind: 'manual'; creates: string[] };

function comparable(s: Step): Comparable {
  const expectation = s.expectation?.kind;
  const e = expectation ? { expectation } : {};
  switch (s.kind) {
    case 'http':
      return {
        kind: 'http',
        method: s.curl.method,
        url: s.curl.url,
        headers: s.curl.headers.map((h) => [h.name, h.value]),
        body: s.curl.data.map((d) => [d.flag, d.value]),
        ...e,
      };
    case 'az':
      return { kind: 'az', path: s.az.path.join(' '), options: s.az.options.map((o) => [o.name, o.value]), ...e };
    case 'shell':
      return { kind: 'shell', shell: s.shell, ...e };
    case 'manual':
      return { kind: 'manual', creates: s.creates };
  }
}

interface Difference {
  step: number; // index in both step lists
  field: 'url' | 'headers';
  a: unknown;
  b: unknown;
  why: string;
}

const pairs: Array<{ a: string; b: string; differences: Difference[] }> = [
  {
    a: '000-storage-access-key.md',
    b: '001-storage-access-key.md',
    differences: [], // rendered page and its DocFX source: the same commands, byte for byte
  },
  {
    a: '000-key-vault.md',
    b: '004-key-vault.md',
    differences: [
      {
        step: 4,
        field: 'headers',
        a: [['Metadata', 'true']],
        b: [['Metadata', `true${NBSP}${NBSP}`]],
        why: '004-key-vault.md:100 has two NBSPs glued to "Metadata:true"; 000-key-vault.md:93 has none',
      },
    ],
  },
  {
    a: '000-arm-user-assigned.md',
    b: '003-arm-user-assigned.md',
    differences: [
      {
        step: 4,
        field: 'url',
        a: 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com/&client_id=<UAMI CLIENT ID>',
        b: `http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com/&client_id=<UAMI CLIENT ID>${NBSP}${NBSP}${NBSP}`,
        why: '003-arm-user-assigned.md:92 has three NBSPs after the closing quote, which bash joins to the URL word; 000 has ASCII spaces',
      },
      {
        step: 5,
        field: 'headers',
        a: [['Authorization', 'Bearer <ACCESS TOKEN>']],
        b: [['Authorization', `Bearer <ACCESS TOKEN>${NBSP}`]],
        why: '003-arm-user-assigned.md:119 has an NBSP after the closing quote of the Authorization header; 000 has an ASCII space',
      },
    ],
  },
];

describe('the two texts of one tutorial give the same steps', () => {
  for (const { a, b, differences } of pairs) {
    it(`${a} and ${b}${differences.length ? ` (except ${differences.length} listed difference(s))` : ''}`, () => {
      const stepsA = tutorial(a).steps.map(comparable);
      const stepsB = tutorial(b).steps.map(comparable);
      expect(stepsB).toHaveLength(stepsA.length);
      // the listed differences are real…
      for (const d of differences) {
        expect((stepsA[d.step] as Record<string, unknown>)[d.field], d.why).toEqual(d.a);
        expect((stepsB[d.step] as Record<string, unknown>)[d.field], d.why).toEqual(d.b);
      }
      // …and they are the only ones
      const patched = stepsA.map((s, k) => {
        const ds = differences.filter((d) => d.step === k);
        return ds.reduce<Comparable>((acc, d) => ({ ...acc, [d.field]: d.b }) as Comparable, s);
      });
      expect(stepsB).toEqual(patched);
    });
  }

  it('finds the same curl and JSON in 000-key-vault.md after its unterminated fence as 004-key-vault.md does', () => {
    const t = tutorial('000-key-vault.md');
    expect(t.diagnostics.filter((d) => d.code === 'unterminated-fence').map((d) => d.line)).toEqual([94, 99]);
    const http = t.steps.filter((s) => s.kind === 'http');
    expect(http.map((s) => s.expectation?.kind)).toEqual(['json', 'json']);
  });
});
