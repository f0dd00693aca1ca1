// The page lists, in prose, the variables its next script needs ("You'll need the following
// information: * `managedIdentityObjectId`: … * `serverServicePrincipalObjectId`: … * `appRoleId`: …"),
// but no code on the page uses any of those names: the script below reads other variables
// ($oidForMI, $serverSPOID, $roleguid). A reader who sets the listed names sets nothing the script
// reads. Readers reported it: MicrosoftDocs/entra-docs#277 ("all 3 variable names are incorrect in
// the bulleted list"), MicrosoftDocs/azure-docs#114665.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceLines, type CodeFence } from '../fences.ts';
import { blockLanguage } from '../../parse/language.ts';

// A list item that opens with a code span naming an identifier and explains it: "* `appRoleId`: the …".
const ITEM = /^\s*(?:[-*+]|\d+\.)\s+`\$?([A-Za-z_][A-Za-z0-9_]*)`\s*[:—–-]\s+\S/;
// Names a reader would not take for a word: camelCase, snake_case or CAPS_WITH_UNDERSCORE.
const IDENTIFIER = /^(?=.{4,})(?:[a-z]+[A-Z][A-Za-z0-9]*|[A-Za-z0-9]*_[A-Za-z0-9_]*)$/;
const EXPANDED = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
// How many lines of prose may stand between the list and the script it introduces.
const GAP = 6;

export const proseVariableListUnused: Rule = {
  id: 'prose-variable-list-unused',
  name: 'ProseVariableListUnused',
  severity: 'warning',
  shortDescription: 'A bulleted list names the variables the next script needs, but no code on the page uses any of them; the script reads other variables.',
  fullDescription:
    'A list that introduces a script by its inputs ("You\'ll need the following information: `managedIdentityObjectId`: the object ID …, `appRoleId`: …") tells the reader which variables to set. When no code block on the page uses any of the listed names and the script right after the list expands other variables, the reader who sets the listed names sets nothing the script reads: in bash and PowerShell an unset variable expands to an empty string (GNU bash manual, "Shell Parameter Expansion"; about_Variables), so the request goes out with empty ids. Readers reported it on the managed identity app role page (MicrosoftDocs/entra-docs#277, MicrosoftDocs/azure-docs#114665). Only lists of two or more identifier-like names (camelCase, snake_case, CAPS_WITH_UNDERSCORE) followed within a few lines by a shell or PowerShell block that expands variables are judged; a list any of whose names a code block expands ($name) or assigns (name=) is not.',
  help: 'Name in the list the variables the script uses, or use the listed names in the script.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const fences = codeFences(doc);
    const inFence = (n: number) => fences.some((f) => f.open <= n && n <= f.close);
    const scripts = fences.filter((f) => ['shell', 'powershell'].includes(blockLanguage(f.info)));
    const body = (f: CodeFence) => fenceLines(doc, f).map((l) => l.text).join('\n');
    const allCode = fences.map(body).join('\n');
    for (let n = 1; n <= doc.lineCount; n++) {
      if (inFence(n) || !ITEM.test(doc.line(n))) continue;
      const items: { line: number; name: string }[] = [];
      let end = n;
      for (; end <= doc.lineCount && !inFence(end); end++) {
        const m = ITEM.exec(doc.line(end));
        if (!m) break;
        items.push({ line: end, name: m[1]! });
      }
      n = end;
      if (items.length < 2 || !items.every((i) => IDENTIFIER.test(i.name))) continue;
      if (items.some((i) => new RegExp(`\\$\\{?${i.name}(?![A-Za-z0-9_])|(?:^|[\\s;(])(?:export\\s+)?${i.name}=`, 'm').test(allCode))) continue;
      const next = scripts.find((f) => f.open >= end && f.open - end <= GAP);
      if (!next) continue;
      const used = [...new Set([...body(next).matchAll(EXPANDED)].map((m) => m[1]!))];
      if (used.length === 0) continue;
      hits.push({
        line: items[0]!.line,
        column: doc.line(items[0]!.line).indexOf('`') + 1,
        message: `the list names ${items.map((i) => i.name).join(', ')} as what the script at line ${next.open} needs, but no code on the page uses any of them: the script reads ${used.map((u) => `$${u}`).join(', ')}. A reader who sets the listed variables sets nothing the script reads. Name the variables the script uses.`,
      });
    }
    return hits;
  },
};
