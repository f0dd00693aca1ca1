// index.html as text: a pure function of the report, every value escaped (the packed parts too),
// what the header says, where findings and fixes go. What a reader sees in a browser is
// html.browser.test.ts.
import { describe, expect, it } from 'vitest';
import { esc, expandedText, renderHtml, unpack } from '../../src/report/html.ts';
import { VERDICTS } from '../../src/check/verdict.ts';
import { literalQuotes } from '../../src/report/html/pack.ts';
import type { IndexEntry } from '../../src/report/html/page.ts';
import { summarise, type Report, type ReportStep } from '../../src/report/schema.ts';
import { sampleReport } from './sample-report.ts';

const clone = async () => structuredClone((await sampleReport()).report) as Report;
const stepsOf = (r: Report) => r.tutorials.flatMap((t, ti) => t.steps.map((s) => ({ t, ti, s })));
/** The packed part of tutorial `ti`: its steps as the browser inserts them. */
const partOf = (html: string, ti: number) => unpack(html).get(ti) ?? '';
/** One step's article in the packed part. */
const articleOf = (html: string, ti: number, s: ReportStep) => new RegExp(`<article class="step" data-verdict="[a-z]+" id="t${ti}-${s.id}">[\\s\\S]*?</article>`).exec(partOf(html, ti))?.[0] ?? '';

describe('renderHtml (pure)', () => {
  it('escapes every value from the report, including markup in reasons, raw text and bodies, packed parts too', async () => {
    const r = await clone();
    const step = r.tutorials[0]!.steps.find((s) => s.request)!;
    step.reason = '<script>alert("reason")</script>';
    step.raw = `curl '<img src=x onerror=alert(1)>' {{style}}`;
    step.response = { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [['x-evil', '"><svg onload=alert(2)>']], body: '</pre><b>bold</b>', bodyEncoding: 'utf8' };
    r.tutorials[0]!.title = 'T & <i>itals</i>';
    r.tutorials[0]!.findings.push({ rule: '<u>r</u>', severity: 'note', message: '<em>m</em>', file: r.tutorials[0]!.file, line: 1 });
    const text = expandedText(renderHtml(r));
    expect(text).not.toContain('<script>alert');
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain('<svg onload');
    expect(text).not.toContain('</pre><b>');
    expect(text).not.toContain('<em>m</em>');
    expect(text).not.toContain('<u>r</u>');
    // Between tags a quote is literal (html/pack.ts literalQuotes); inside attributes it stays escaped.
    expect(text).toContain('&lt;script&gt;alert("reason")&lt;/script&gt;');
    expect(text).toContain('T &amp; &lt;i&gt;itals&lt;/i&gt;');
    // Template placeholders are filled once: a "{{style}}" in the data stays text.
    expect(text).toContain('{{style}}');
    expect(renderHtml(r).match(/<script>/g)).toHaveLength(1);
  });

  it('is a pure function of the report: same report, same page, byte for byte', async () => {
    const r = await clone();
    expect(renderHtml(r)).toBe(renderHtml(structuredClone(r)));
  });

  it('esc covers the five characters', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('header and table of tutorials', () => {
  it('says the tool version and how the run was asked for', async () => {
    const r = await clone();
    r.settings = { tool: { name: 'tutorial-conformance', version: '9.8.7' }, failOn: ['drift', 'unsupported'], grep: 'storage', setKeys: ['SUBSCRIPTION_ID'], shard: '2/4', sourceUrl: 'https://github.com/o/r/blob/main/{file}#L{line}' };
    const html = renderHtml(r);
    const header = /<header class="top"[\s\S]*?<\/header>/.exec(html)![0];
    expect(header).toContain('tutorial-conformance 9.8.7');
    for (const s of ['--fail-on drift,unsupported', '--grep storage', '--set SUBSCRIPTION_ID', '--shard 2/4', '--source-url https://github.com/o/r/blob/main/{file}#L{line}']) expect(header).toContain(esc(s));
    delete r.settings;
    expect(renderHtml(r)).toContain('tool version not recorded');
  });

  it('lists every tutorial once with its counts per verdict, each count a link to its first such step', async () => {
    const r = await clone();
    const html = renderHtml(r);
    // The rows are drawn by the page's script from this index (the browser test sees them drawn).
    const index = JSON.parse(/<script type="application\/json" id="tc-index">([^<]*)<\/script>/.exec(html)![1]!) as IndexEntry[];
    expect(index).toHaveLength(r.tutorials.length);
    r.tutorials.forEach((t, ti) => {
      const [title, file, problems, counts, findings, , steps] = index[ti]!;
      expect([title, file, problems, findings, steps]).toEqual([t.title, t.file, t.problems?.length ?? 0, t.findings.length, t.steps.length]);
      const fail = t.steps.filter((s) => s.verdict === 'fail');
      expect(counts[VERDICTS.indexOf('fail')]).toEqual(fail.length ? [fail.length, fail[0]!.id] : 0);
    });
    // Every verdict, unsupported included, has its chip with its count.
    for (const v of ['pass', 'drift', 'fail', 'unsupported', 'blocked', 'manual', 'skipped'] as const) expect(html).toMatch(new RegExp(`data-filter="${v}" checked><strong>${r.summary[v]}</strong> ${v}`));
  });
});

describe('file:line through --source-url', () => {
  it('links each step and finding to its line; a template that is not http(s) links nothing', async () => {
    const r = await clone();
    r.settings = { sourceUrl: 'https://github.com/o/r/blob/main/{file}#L{line}' };
    const { t, ti, s } = stepsOf(r).find((x) => x.s.kind === 'http')!;
    const html = renderHtml(r);
    expect(articleOf(html, ti, s)).toContain(`<a class="where" href="https://github.com/o/r/blob/main/${t.file}#L${s.line.start}">${t.file}:${s.line.start}</a>`);
    r.settings = { sourceUrl: 'javascript:alert(1)//{file}{line}' };
    const text = expandedText(renderHtml(r));
    expect(text).not.toMatch(/href="javascript:/i);
    expect(text).not.toMatch(/class="where" href=/);
  });

  it('encodes the file name in the link', async () => {
    const r = await clone();
    r.settings = { sourceUrl: 'https://example.com/{file}?line={line}' };
    r.tutorials[0]!.file = 'docs/a b/#c.md';
    expect(expandedText(renderHtml(r))).toContain('href="https://example.com/docs/a%20b/%23c.md?line=');
  });
});

describe('a step', () => {
  it('unsupported: its reason title and what would run it', async () => {
    const r = await clone();
    const x = stepsOf(r).find((y) => y.s.kind === 'http')!;
    Object.assign(x.s, { verdict: 'unsupported', unsupported: 'not-emulated', failure: undefined, reason: 'the emulator does not serve this operation' });
    r.summary = summarise(r.tutorials);
    const a = articleOf(renderHtml(r), x.ti, x.s);
    expect(a).toContain('data-verdict="unsupported"');
    expect(a).toContain('<span class="uk">Not served by the emulator</span>');
    expect(a).toContain('<b>What would run it:</b> A live subscription (--target azure) runs it');
  });

  it("a tutorial's problems, an expected failure, and a fail's fix are said", async () => {
    const r = await clone();
    r.tutorials[0]!.problems = [{ code: 'missing-include', line: 21, message: '[!INCLUDE] ~/includes/x.md is not resolved' }];
    const x = stepsOf(r).find((y) => y.s.verdict === 'fail')!;
    x.s.expectedFailure = 'the page still shows the retired endpoint';
    const html = renderHtml(r);
    expect(partOf(html, 0)).toMatch(/<div class="problems"><h3>1 problem kept part of this page from running<\/h3><ul><li><code>missing-include<\/code> <span class="fl">line 21<\/span> \[!INCLUDE\]/);
    // The table's row says so (drawn by the script from the index: problems is its third field).
    expect((JSON.parse(/id="tc-index">([^<]*)</.exec(html)![1]!) as IndexEntry[])[0]![2]).toBe(1);
    const a = articleOf(html, x.ti, x.s);
    expect(a).toContain('<span class="xf">expected to fail</span>');
    expect(a).toContain('the page still shows the retired endpoint');
    expect(a).toMatch(/<b>How to fix:<\/b> /);
  });

  it('findings sit with the step they name or whose lines hold them, the rest with the tutorial', async () => {
    const r = await clone();
    const t = r.tutorials[0]!;
    const withExample = t.steps.find((s) => s.expectation)!;
    t.findings = [
      { rule: 'named', severity: 'error', message: 'named by id', file: t.file, line: 1, stepId: t.steps[1]!.id },
      { rule: 'by-line', severity: 'warning', message: 'on the example', file: t.file, line: withExample.expectation!.line.end },
      { rule: 'prose', severity: 'note', message: 'in the prose', file: t.file, line: 2 },
    ];
    const html = renderHtml(r);
    expect(articleOf(html, 0, t.steps[1]!)).toContain('named by id');
    expect(articleOf(html, 0, withExample)).toContain('on the example');
    expect(articleOf(html, 0, withExample)).toContain('<span class="nf">');
    const part = partOf(html, 0);
    expect(part).toMatch(/<div class="tf"><h3>1 finding not tied to a step<\/h3><ul class="findings"><li class="sev-note">.*in the prose/);
    for (const s of t.steps) expect(articleOf(html, 0, s)).not.toContain('in the prose');
  });

  it('the response: status and body first, headers folded; paths without JSON-pointer escapes', async () => {
    const r = await clone();
    const x = stepsOf(r).find((y) => y.s.kind === 'http' && y.s.response && y.s.response.headers.length > 3)!;
    x.s.checks.push({ layer: 'contract', ok: false, differences: [{ path: '/paths/~1subscriptions~1{id}/x', kind: 'missing', message: '/paths/~1subscriptions~1{id}/x is missing' }] });
    const a = articleOf(renderHtml(r), x.ti, x.s);
    const cameBack = a.indexOf('<h4>Came back</h4>');
    const status = a.indexOf('<pre class="status">', cameBack);
    const hdrs = a.indexOf('<details class="hdrs">', cameBack);
    expect(cameBack).toBeGreaterThan(0);
    expect(status).toBeGreaterThan(cameBack);
    expect(hdrs).toBeGreaterThan(status);
    expect(a.slice(status, hdrs)).toMatch(/<pre class="body">|body: the right column above/);
    for (const [name] of x.s.response!.headers) expect(a.slice(cameBack, hdrs)).not.toContain(`${esc(name)}: `);
    expect(a).toContain('paths["/subscriptions/{id}"].x');
    expect(a).not.toContain('~1');
  });

  it('a fix the report knows is copyable: the suggestion, and the command with its look-alikes replaced', async () => {
    const r = await clone();
    const x = stepsOf(r).find((y) => y.s.kind === 'http')!;
    x.s.raw = 'curl -X POST\u00a0-d "" \u2013-request POST';
    x.s.suggestion = '"resource":"https://management.azure.com/"';
    const a = articleOf(renderHtml(r), x.ti, x.s);
    expect(a).toContain(`<div class="cl">Suggested text</div><pre><code>${literalQuotes(esc(x.s.suggestion))}</code></pre><button type="button" class="copy">Copy</button>`);
    expect(a).toContain('<pre><code>curl -X POST -d "" --request POST</code></pre>');
    x.s.suggestion = 'replace `‘Reader’` with `\'Reader\'`';
    expect(articleOf(renderHtml(r), x.ti, x.s)).toContain(`<b>Suggested:</b> replace <code>‘Reader’</code> with <code>'Reader'</code>`);
  });
});
