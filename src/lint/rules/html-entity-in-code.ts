// `&lt;app_name&gt;` inside a code block: CommonMark decodes no entity in code, so the reader sees
// and copies the five characters "&lt;" where the writer meant "<".
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';
import { fixOf, replaceAt } from '../fix.ts';

const ENTITY = /&(lt|gt|amp|quot|apos|nbsp|#\d{2,5}|#x[0-9a-f]{2,4});/gi;
const DECODED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
// Markup languages escape with entities themselves: "&lt;" is right there.
const MARKUP = /^(xml|html|htm|xhtml|svg|aspx|cshtml|razor|vbhtml|xaml|config|csproj|msbuild|resx|wsdl|xsd|xslt?|plist|vue|jsx|tsx)$/;

function decode(entity: string): string {
  const name = entity.slice(1, -1).toLowerCase();
  if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return DECODED[name] ?? entity;
}

export const htmlEntityInCode: Rule = {
  id: 'html-entity-in-code',
  name: 'HtmlEntityInCode',
  severity: 'warning',
  shortDescription: 'A code block contains an HTML entity such as "&lt;", which Markdown shows literally inside code.',
  fullDescription:
    'CommonMark does not recognise entity and numeric character references in code spans and code blocks (CommonMark spec 0.31.2, section 2.5: entity and numeric character references "are recognized in any context besides code spans or code blocks"), so "&lt;app_name&gt;" in a fence is shown and copied as those characters. A command gets "&lt;" as text (bash even reads the "&" as the end of a command), and an example output shows something no program prints.',
  help: 'Write the character itself inside code: <app_name>, not &lt;app_name&gt;.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const fence of codeFences(doc)) {
      if (MARKUP.test(fence.info)) continue;
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
        const text = doc.line(n);
        const found = [...text.matchAll(ENTITY)];
        if (found.length === 0) continue;
        const edits = found.map((m) => replaceAt(doc, n, (m.index ?? 0) + 1, (m.index ?? 0) + 1 + m[0].length, decode(m[0])));
        const decoded = text.replace(ENTITY, (e) => decode(e));
        const fix = fixOf('write the characters the entities stand for', edits);
        hits.push({
          line: n,
          column: (found[0]?.index ?? 0) + 1,
          message: `${found.map((m) => `"${m[0]}"`).join(', ')} inside a code block${fence.info ? ` (${fence.info})` : ''} is shown and copied literally (Markdown decodes no entity in code). Write ${JSON.stringify(decoded.trim())}.`,
          suggestion: decoded.trim(),
          ...(fix ? { fix } : {}),
        });
      }
    }
    return hits;
  },
};
