// Property tests: whatever the secret and whatever text surrounds it, redaction leaves no encoding
// of it behind; whatever text a report holds, junit.xml stays well-formed XML.
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/junit.ts';
import { encodedForms, MIN_SECRET_LENGTH, Redactor } from '../../src/report/redact.ts';
import type { Report } from '../../src/report/schema.ts';
import { sampleReport } from './sample-report.ts';

describe('properties', () => {
  it('a registered secret leaves no encoded form in redacted text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MIN_SECRET_LENGTH, maxLength: 40, unit: 'binary' }), fc.string(), fc.string(), fc.nat(7), (secret, before, after, pick) => {
        const r = new Redactor();
        r.add(secret, 's');
        const forms = encodedForms(secret);
        const text = `${before}${forms[pick % forms.length]}${after}`;
        const out = r.redact(text);
        for (const f of forms) expect(out.includes(f)).toBe(false);
        expect(r.findLeaks(out).filter((l) => l === 's')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('junit.xml is well-formed whatever the titles, reasons and raw text hold', async () => {
    const { report } = await sampleReport();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (title, reason, raw) => {
        const r = structuredClone(report) as Report;
        r.tutorials[0]!.title = title;
        for (const s of r.tutorials[0]!.steps) {
          s.reason = reason;
          s.raw = raw;
        }
        expect(XMLValidator.validate(renderJunit(r))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
