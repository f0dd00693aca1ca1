// A GitHub Actions workflow reads ${{ env.NAME }} that no env block of the workflow defines (and no
// step writes to $GITHUB_ENV). GitHub evaluates a missing context property to an empty string, so
// the step gets "" (an empty package path, an empty app name) instead of failing loudly.
import type { Rule, RuleHit } from '../rule.ts';
import { isMap, isScalar } from 'yaml';
import { keyOf, mappings, yamlBlocks, type YamlBlock } from '../yaml-blocks.ts';

const ENV_REF = /\$\{\{[^}]*?\benv\.([A-Za-z_][A-Za-z0-9_]*)/g;

/** The names every env block of the workflow defines, and the top-level env block's lines. */
function envOf(block: YamlBlock): { names: Set<string>; top: { line: number; endLine: number } | undefined } {
  const names = new Set<string>();
  let top: { line: number; endLine: number } | undefined;
  const root = block.doc.contents;
  for (const map of mappings(block)) {
    for (const pair of map.items) {
      if (keyOf(pair)?.name !== 'env' || !isMap(pair.value)) continue;
      for (const p of pair.value.items) if (isScalar(p.key)) names.add(String(p.key.value));
      if (map === root && pair.value.range) {
        const key = keyOf(pair)!;
        top = { line: block.at(key.offset).line, endLine: block.at(Math.max(pair.value.range[1] - 1, key.offset)).line };
      }
    }
  }
  return { names, top };
}

export const workflowUndefinedEnv: Rule = {
  id: 'workflow-undefined-env',
  name: 'WorkflowUndefinedEnv',
  severity: 'warning',
  shortDescription: 'A GitHub Actions workflow uses ${{ env.NAME }} that none of its env blocks defines.',
  fullDescription:
    'In a GitHub Actions expression, a property the env context does not have evaluates to an empty string (GitHub Docs, "Contexts reference": "If you attempt to dereference a nonexistent property, it will evaluate to an empty string", added by github/docs PR #17089). A workflow that reads ${{ env.AZURE_WEBAPP_PACKAGE_PATH }} without defining it in the workflow\'s, the job\'s or the step\'s env block runs with an empty value: the deploy action gets no package path, a command gets an empty argument. Workflows that set variables through $GITHUB_ENV are not judged (any step may define any name), nor are excerpts that are not whole workflows.',
  help: 'Define the variable in the workflow\'s env block (NAME: value), or use the literal value.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const block of yamlBlocks(doc)) {
      if (!block.workflow) continue;
      let githubEnv = false;
      for (let n = block.from; n <= block.to; n++) if (/\bGITHUB_ENV\b/.test(doc.line(n))) githubEnv = true;
      if (githubEnv) continue;
      const { names, top } = envOf(block);
      const reported = new Set<string>();
      for (let n = block.from; n <= block.to; n++) {
        for (const m of doc.line(n).matchAll(ENV_REF)) {
          const name = m[1] as string;
          if (names.has(name) || reported.has(name)) continue;
          reported.add(name);
          const where = top ? `its env block (lines ${top.line}-${top.endLine}) does not define it` : 'it has no env block';
          hits.push({
            // The fix belongs in the env block when there is one: that is where the definition is missing.
            line: top?.line ?? n,
            ...(top ? { endLine: top.endLine } : { column: (m.index ?? 0) + 1 }),
            message: `The workflow reads \${{ env.${name} }} on line ${n}, but ${where}, nor does any job or step: GitHub evaluates it to an empty string, so the step runs with "" instead of the value. Add ${name}: <value> to the env block.`,
          });
        }
      }
    }
    return hits;
  },
};
