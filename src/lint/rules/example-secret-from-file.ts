// `az keyvault secret set --file secretfile.txt` stores the file's text as the secret's value, and
// `az keyvault secret show --query value` prints it back as a JSON string: when the page shows both the
// file and that output, they must be the same text.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';
import { codeFences, type CodeFence } from '../fences.ts';
import type { LintDocument } from '../document.ts';

/** The body of a fence, its common indentation removed. */
function body(doc: LintDocument, f: CodeFence): string[] {
  const lines: string[] = [];
  for (let n = f.open + 1; n < f.close && n <= doc.lineCount; n++) lines.push(doc.line(n));
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
}

/** The nearest non-blank line before a fence, when it is prose. */
function leadIn(doc: LintDocument, f: CodeFence): string {
  let n = f.open - 1;
  while (n > 0 && doc.line(n).trim() === '') n--;
  return n > 0 && doc.isProse(n) ? doc.line(n) : '';
}

export const exampleSecretFromFile: Rule = {
  id: 'example-secret-from-file',
  name: 'ExampleSecretFromFile',
  severity: 'warning',
  shortDescription: 'A secret read back from Key Vault is shown with other text than the file the page stored it from.',
  fullDescription:
    'az keyvault secret set --file reads the file (utf-8 unless --encoding says otherwise) and stores its text as the secret value; az keyvault secret show --query value prints that value as a JSON string, line breaks as \\n. When the page shows the file and then the value, the two must be the same text (at most a final line break apart, which editors add): otherwise the reader cannot tell whether their secret was stored right.',
  help: 'Show the value exactly as the file holds it (line breaks as \\n), or the file exactly as the value shows it.',
  check(doc) {
    const hits: RuleHit[] = [];
    const fences = codeFences(doc);
    const sets = eachAz(doc).filter(({ az }) => az.path.join(' ') === 'keyvault secret set');
    for (const { az: set } of sets) {
      const file = azOption(set, '--file', '-f')?.value?.value;
      const name = azOption(set, '--name', '-n')?.value?.value;
      const encoding = azOption(set, '--encoding', '-e')?.value?.value;
      if (!file || !name || (encoding !== undefined && !/^utf-?8$/i.test(encoding))) continue;
      const base = file.split('/').pop() as string;
      // The page's own copy of the file: a block the prose introduces by the file's name.
      const shownFile = fences.find((f) => f.close < (set.words[0]?.line ?? 0) && leadIn(doc, f).includes(base));
      if (!shownFile) continue;
      const content = body(doc, shownFile).join('\n').replace(/\n+$/, '');
      for (const { command, az: show } of eachAz(doc)) {
        if (show.path.join(' ') !== 'keyvault secret show' || azOption(show, '--name', '-n')?.value?.value.toLowerCase() !== name.toLowerCase()) continue;
        if (azOption(show, '--query')?.value?.value !== 'value') continue;
        // Its output: the next block after the command's own, a single JSON string.
        const after = fences.find((f) => f.open > command.step.source.endLine + 1 && f.open <= command.step.source.endLine + 8);
        const lines = after ? body(doc, after).filter((l) => l.trim() !== '') : [];
        if (!after || lines.length !== 1) continue;
        let value: unknown;
        try {
          value = JSON.parse((lines[0] as string).trim());
        } catch {
          continue;
        }
        if (typeof value !== 'string' || value === content || value === `${content}\n`) continue;
        hits.push({
          line: after.open + 1 + body(doc, after).findIndex((l) => l.trim() !== ''),
          column: 1,
          stepId: command.step.id,
          message: `The value shown is ${JSON.stringify(value)}, but ${base} (line ${shownFile.open + 1}) holds ${JSON.stringify(content)}: az keyvault secret set --file stores the file's text as it is, and show --query value prints it back as a JSON string.`,
          suggestion: JSON.stringify(content),
        });
      }
    }
    return hits;
  },
};
