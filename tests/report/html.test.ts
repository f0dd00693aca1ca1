import { describe, expect, it } from 'vitest';
import { esc, renderHtml } from '../../src/report/html.ts';
import type { Report } from '../../src/report/schema.ts';
import { sampleReport } from './sample-report.ts';

describe('renderHtml (pure)', () => {
  it('escapes every value from the report, including markup in reasons, raw text and bodies', async () => {
    const { report } = await sampleReport();
    const r = structuredClone(report) as Report;
    const step = r.tutorials[0]!.steps.find((s) => s.request)!;
    step.reason = '<script>alert("reason")</script>';
    step.raw = `curl '<img src=x onerror=alert(1)>' {{style}}`;
    step.response = { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [['x-evil', '"><svg onload=alert(2)>']], body: '</pre><b>bold</b>', bodyEncoding: 'utf8' };
    r.tutorials[0]!.title = 'T & <i>itals</i>';
    const html = renderHtml(r);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('</pre><b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;reason&quot;)&lt;/script&gt;');
    expect(html).toContain('T &amp; &lt;i&gt;itals&lt;/i&gt;');
    // Template placeholders are filled once: a "{{style}}" in the data stays text.
    expect(html).toContain('{{style}}');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('is a pure function of the report: same report, same page', async () => {
    const { report } = await sampleReport();
    expect(renderHtml(report)).toBe(renderHtml(structuredClone(report) as Report));
  });

  it('esc covers the five characters', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
