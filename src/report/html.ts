// index.html: one self-contained page (inline CSS and JS, no network), a pure function of the
// report. Every value from the report goes through `esc`; step bodies and evidence travel compressed
// per tutorial (html/pack.ts) and are inflated in the browser when they come near the screen. The
// template and its CSS/JS are resource files next to the modules, read once when this module loads.
import { readFileSync } from 'node:fs';
import { esc, fill } from './html/escape.ts';
import { ALPHABET } from './html/pack.ts';
import { pageBody } from './html/page.ts';
import type { Report } from './schema.ts';

export { esc } from './html/escape.ts';
export { expandedText, mapText as mapHtmlText, unpack } from './html/pack.ts';

const resource = (name: string) => readFileSync(new URL(`./html/${name}`, import.meta.url), 'utf8');
const TEMPLATE = resource('template.html');
const STYLE = resource('report.css');
// The script decodes the packs with the alphabet they were encoded with: one definition.
const SCRIPT = resource('report.js').replace('__PACK_ALPHABET__', () => ALPHABET);

export function renderHtml(report: Report): string {
  const s = report.summary;
  const title = `Tutorial conformance: ${s.fail} fail, ${s.drift} drift, ${s.unsupported} unsupported, ${s.pass} pass`;
  return fill(TEMPLATE, { title: esc(title), style: STYLE, script: SCRIPT, body: pageBody(report) });
}
