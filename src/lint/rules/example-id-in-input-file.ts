// A JSON file the page has the reader save and a command read, holding stand-in ids
// (/subscriptions/11111111-1111-…) that the page never says to replace.
import type { Rule, RuleHit } from '../rule.ts';
import { standInGuids } from '../../parse/placeholders.ts';

/** Where such a GUID names something that must exist: a subscription in a scope, or an id field. */
const MUST_EXIST = /\/subscriptions\/$|"(?:subscriptionId|tenantId|principalId|objectId|subscription|tenant)"\s*:\s*"$/i;
/** A file name as pages caption a block: vmoperator.json, *role.json*, `params.json`, **x.json**. */
const FILE_NAME = /(?:^|[\s*`"'(])([\w.-]+\.json)(?=$|[\s*`"'):,.])/;
/** Prose that tells the reader to put their own values in. */
const REPLACE = /\breplace\b|\byour (?:own )?(?:subscription|tenant)|\bsubstitute\b|\bexample (?:subscription|id)|\bwith (?:the|your) (?:subscription|tenant)/i;

/** An instruction, anywhere before, to write the reader's own ids. */
const OWN_IDS = /\breplace\b|\byour (?:own )?(?:subscription|tenant)/i;

export const exampleIdInInputFile: Rule = {
  id: 'example-id-in-input-file',
  name: 'ExampleIdInInputFile',
  severity: 'warning',
  shortDescription: 'A JSON file the page has the reader save and pass to a command holds stand-in ids (11111111-1111-…) the page never says to replace.',
  fullDescription:
    'A file that a command reads (az role definition create --role-definition vmoperator.json, --parameters @file.json, curl -d @body.json) is sent as it is. A subscription or tenant id of one repeated digit is a documentation stand-in that exists nowhere: Azure rejects the request, since no caller has access to a scope in a subscription that does not exist (az role definition create checks that the caller may write role definitions at every assignable scope). When neither the caption nor the prose says to replace it, the reader has to guess that the file is a template. Source: learn.microsoft.com/azure/role-based-access-control/custom-roles (AssignableScopes lists the subscriptions, management groups or resource groups the role can be assigned at; creating the role needs Microsoft.Authorization/roleDefinitions/write at each of them).',
  help: 'Write the ids as placeholders (/subscriptions/<SUBSCRIPTION ID>) or tell the reader, before the block, to replace them with their own.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    for (const block of doc.json) {
      // A saved file is read as an example or, right after a command, as its output: the caption decides.
      if (block.language !== undefined && block.language !== 'json') continue;
      const { startLine, endLine } = block.json.source;
      // The caption: the few lines above the block (its fence line skipped), up to a heading.
      let file: string | undefined;
      let captionFrom = startLine;
      for (let n = startLine - 1, seen = 0; n >= 1 && seen < 3; n--) {
        const text = doc.line(n);
        if (/^\s*(```|~~~)/.test(text) || text.trim() === '') continue;
        if (/^#/.test(text)) break;
        seen++;
        captionFrom = n;
        file ??= FILE_NAME.exec(text)?.[1];
      }
      if (!file) continue;
      const name = file;
      const read = doc.commands.some((c) => c.step.source.startLine > endLine && c.words.some((w) => w.value === name || w.value.endsWith(`/${name}`) || w.value === `@${name}`));
      if (!read) continue;
      // The section's prose up to the block: an instruction to replace anything counts.
      let told = false;
      for (let n = captionFrom; n >= 1 && !told; n--) {
        const text = doc.line(n);
        if (doc.isProse(n) && REPLACE.test(text)) told = true;
        if (/^#/.test(text)) break;
      }
      if (told) continue;
      // …and so does an earlier instruction about this file, this id or the field that holds it
      // ("In `AssignableScopes`, replace {subscriptionId1} with your subscription ID").
      const earlier: string[] = [];
      for (let n = 1; n < captionFrom; n++) if (doc.isProse(n) && OWN_IDS.test(doc.line(n))) earlier.push(doc.line(n));
      let field = '';
      for (let n = startLine; n <= endLine; n++) {
        const text = doc.line(n);
        field = /"([A-Za-z]\w*)"\s*:/.exec(text)?.[1] ?? field;
        for (const m of text.matchAll(standInGuids())) {
          if (!MUST_EXIST.test(text.slice(0, m.index))) continue;
          if (earlier.some((t) => t.includes(name) || t.includes(m[0]) || (field !== '' && t.includes(field)))) continue;
          hits.push({
            line: n,
            column: m.index! + 1,
            message: `${name} is sent as written by a later command, and ${m[0]} here is a stand-in id, not the reader's: the page never says to replace it, so the request names a subscription that does not exist and Azure rejects it. Write a placeholder (<SUBSCRIPTION ID>) or tell the reader to put their own ids in ${name}.`,
          });
        }
      }
    }
    return hits;
  },
};
