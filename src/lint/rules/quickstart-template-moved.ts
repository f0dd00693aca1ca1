// Links into Azure/azure-quickstart-templates by the flat "101-…" folders that repository had
// until 2021. It moved every sample into quickstarts/<provider>/, demos/, application-workloads/…
// (PR #9355 and its siblings, April–May 2021: "we hit an api limit in github and can't use a flat
// structure anymore"); the old raw URLs answer 404 (MicrosoftDocs/azure-docs#75508).
import type { Rule, RuleHit } from '../rule.ts';

// The numbered folders were 100-, 101-, 201-, 301-…; "1-CONTRIBUTION-GUIDE" stayed where it was.
const OLD_PATH = /azure-quickstart-templates(?:\/|%2F)(?:master|main)(?:\/|%2F)([1-4]0[0-9]-([A-Za-z0-9][\w.-]*))/gi;

export const quickstartTemplateMoved: Rule = {
  id: 'quickstart-template-moved',
  name: 'QuickstartTemplateMoved',
  severity: 'warning',
  shortDescription: 'A URL names an Azure quickstart template by the flat "101-…" folder the repository no longer has.',
  fullDescription:
    'In April–May 2021 Azure/azure-quickstart-templates moved every sample out of its flat numbered folders (101-storage-account-create…) into quickstarts/<provider namespace>/, demos/, application-workloads/… without the number (PR #9355: "we hit an api limit in github and can\'t use a flat structure anymore"). raw.githubusercontent.com does not follow moves: the old URL answers 404 and az deployment … --template-uri, the portal\'s "Deploy to Azure" button or curl get no template (MicrosoftDocs/azure-docs#75508).',
  help: 'Link the template where it lives now, e.g. https://raw.githubusercontent.com/Azure/azure-quickstart-templates/master/quickstarts/microsoft.storage/storage-account-create/azuredeploy.json.',
  check(doc) {
    const hits: RuleHit[] = [];
    const lines = doc.hasText
      ? Array.from({ length: doc.lineCount }, (_, i) => i + 1)
      : doc.commands.flatMap((c) => c.lines.map((l) => l.line));
    for (const n of lines) {
      for (const m of doc.line(n).matchAll(OLD_PATH)) {
        const folder = m[1] as string;
        const name = m[2] as string;
        const command = doc.commands.find((c) => c.lines.some((l) => l.line === n));
        hits.push({
          line: n,
          column: (m.index ?? 0) + 1,
          ...(command ? { stepId: command.step.id } : {}),
          message: `${folder} is a folder Azure/azure-quickstart-templates removed in 2021 when it moved its samples into quickstarts/<provider>/, demos/ and other folders: this URL answers 404, so ${command ? 'the command gets no template' : 'the link finds no template'}. Link the sample where it lives now (its folder is named ${name}, without the number).`,
        });
      }
    }
    return hits;
  },
};
