// A GitHub Actions workflow under one tab reads ${{ secrets.NAME }} that only another tab of the same
// choice tells the reader to create. Learn shows one tab at a time (a reader following "OpenID Connect"
// never sees the "Service principal" tab's secrets table), and GitHub evaluates a secret that is not
// set to an empty string, so the step runs with "" (an empty registry password, an empty resource
// group): a reader reported exactly this on the container-instances GitHub Actions page
// (MicrosoftDocs/azure-docs#104172). Only secrets the page does name somewhere are judged: a secret
// named nowhere is not a cross-tab dependency.
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
import { yamlBlocks } from '../yaml-blocks.ts';
import { hiddenFrom, tabsAt, type PageTab } from '../tabs.ts';

const SECRET_REF = /\$\{\{[^}]*?\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g;
/** GitHub creates this one for every run. */
const BUILT_IN = new Set(['GITHUB_TOKEN']);

/** The lines, outside `${{ … }}` expressions, that name the secret (a secrets table, `gh secret set NAME`, prose). */
function mentions(doc: LintDocument, name: string): number[] {
  const word = new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`);
  const out: number[] = [];
  for (let n = 1; n <= doc.lineCount; n++) {
    const line = doc.line(n);
    if (line.includes(name) && word.test(line.replace(/\$\{\{[^}]*\}\}/g, ' '))) out.push(n);
  }
  return out;
}

export const workflowSecretOtherTab: Rule = {
  id: 'workflow-secret-other-tab',
  name: 'WorkflowSecretOtherTab',
  severity: 'warning',
  shortDescription: 'A workflow under one tab reads a GitHub secret that only another tab of the page creates.',
  fullDescription:
    'Learn shows one tab of a tab group at a time and keeps the reader\'s choice across the page\'s groups (DocFX tabs, "#tab/<id>"). A GitHub Actions workflow under the "OpenID Connect" tab that reads ${{ secrets.REGISTRY_PASSWORD }}, when only the "Service principal" tab\'s steps or secrets table tell the reader to create REGISTRY_PASSWORD, runs for that reader without it: GitHub evaluates a secret that is not set to an empty string (GitHub Docs, "Using secrets in GitHub Actions": "If a secret has not been set, the return value of an expression referencing the secret … will be an empty string"), so the login or deployment step gets "" instead of the value. Reported by a reader of the container-instances GitHub Actions page: https://github.com/MicrosoftDocs/azure-docs/issues/104172 ("Seems impossible to deploy OIDC code in this example without also doing Service Principal variable setup"). A secret the page names nowhere outside expressions, or also in the reader\'s own tab or outside the tabs, is not reported; GITHUB_TOKEN is GitHub\'s own.',
  help: 'Tell the reader of this tab to create the secret too (add it to this tab\'s secrets list), or use only the secrets this tab creates.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const block of yamlBlocks(doc)) {
      if (!block.workflow) continue;
      const own = tabsAt(doc, block.from);
      if (own.length === 0) continue;
      const reported = new Set<string>();
      for (let n = block.from; n <= block.to; n++) {
        for (const m of doc.line(n).matchAll(SECRET_REF)) {
          const name = m[1] as string;
          if (BUILT_IN.has(name) || reported.has(name)) continue;
          reported.add(name);
          const where = mentions(doc, name).filter((k) => k < block.from || k > block.to);
          if (where.length === 0) continue;
          // Hidden from the reader of every tab the workflow is in: that reader never sees it created.
          const elsewhere: Array<{ line: number; tab: PageTab }> = [];
          let seen = false;
          for (const k of where) {
            const hiding = own.map((t) => hiddenFrom(doc, t, k)).find((t) => t !== undefined);
            if (hiding) elsewhere.push({ line: k, tab: hiding });
            else seen = true;
          }
          const first = elsewhere[0];
          if (seen || !first) continue;
          const mine = own[own.length - 1] as PageTab;
          hits.push({
            line: n,
            column: (m.index ?? 0) + 1,
            message: `The workflow of the "${mine.title}" tab reads \${{ secrets.${name} }}, but only the "${first.tab.title}" tab tells the reader to create ${name} (line ${first.line}); a reader who follows "${mine.title}" never sees that step, and GitHub evaluates a secret that is not set to an empty string, so this step gets "" instead of the value. Add ${name} to what the "${mine.title}" tab asks the reader to create, or do without it.`,
          });
        }
      }
    }
    return hits;
  },
};
