// `file:line` as a link to the page's source through `settings.sourceUrl` (`--source-url`), a URL
// template with `{file}` and `{line}` such as
// "https://github.com/MicrosoftDocs/azure-docs/blob/main/{file}#L{line}". Only http(s) templates make
// links: a report is data, and a "javascript:" template must not become one.
import type { RunSettings } from '../schema.ts';
import { esc } from './escape.ts';

export type SourceLink = (file: string, line: number) => string | undefined;

export function sourceLinker(settings: RunSettings | undefined): SourceLink {
  const template = settings?.sourceUrl;
  if (!template || !/^https?:\/\/[^\s]+$/i.test(template) || !template.includes('{file}')) return () => undefined;
  return (file, line) =>
    template
      .replace(/\{file\}/g, file.split('/').map(encodeURIComponent).join('/'))
      .replace(/\{line\}/g, String(line));
}

/** `text` linked to the source at `line` when there is a template, else plain text in a span. */
export function sourceAnchor(link: SourceLink, file: string, line: number, text: string, cls: string): string {
  const href = link(file, line);
  return href === undefined ? `<span class="${cls}">${esc(text)}</span>` : `<a class="${cls}" href="${esc(href)}">${esc(text)}</a>`;
}
