// defect: a value captured from az -o json is a JSON string with its quotes ("2026-…"); registered
// as a secret with them, it was cut out of report.json together with the quotes around the same value
// in a response ({"value":["…"]} became {"value":[[REDACTED:…]]}), and the corpus report no longer parsed.
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/report/redact.ts';

describe('a secret az printed as a JSON string', () => {
  const secret = 'dGhpcyBpcyBhIHN0b3JhZ2Uga2V5IHZhbHVl';
  it('is redacted without its quotes, so a JSON text stays JSON', () => {
    const r = new Redactor();
    r.add(`"${secret}"`, '$key1 captured from s27');
    const text = JSON.stringify({ body: JSON.stringify({ value: [secret] }), json: { value: [secret] }, captured: { key1: secret } }, null, 2);
    const out = r.redact(text);
    expect(out).not.toContain(secret);
    expect(() => JSON.parse(out)).not.toThrow();
    expect((JSON.parse(out) as { json: { value: string[] } }).json.value[0]).toBe('[REDACTED:$key1 captured from s27]');
  });
  it('keeps a secret whose quotes are part of it (not a JSON string) as given', () => {
    const r = new Redactor();
    r.add(`"${secret}`, 'odd');
    expect(r.redact(`x "${secret} y`)).toBe('x [REDACTED:odd] y');
  });
});

describe('a captured JSON object registered as a secret', () => {
  it('is not cut out whole (the corpus report.json lost its JSON syntax where the object sat in a list answer)', () => {
    const r = new Redactor();
    const obj = JSON.stringify({ name: 'mystorageaccount', keyCreationTime: { key1: '2026-12-06T20:17:32.0000000Z' } });
    r.add(obj, '$key1_create_time captured from s27');
    const text = JSON.stringify({ body: JSON.stringify({ value: [JSON.parse(obj)] }), json: { value: [JSON.parse(obj)] } }, null, 2);
    const out = r.redact(text);
    expect(() => JSON.parse(out)).not.toThrow();
    expect(r.size).toBe(0);
  });
});
