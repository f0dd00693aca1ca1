// An option written with a name the Azure CLI reference marks deprecated (`az ad sp create-for-rbac
// --sdk-auth`): az still runs it, printing a deprecation warning, until a release removes the name.
// The table says which names are deprecated and what replaces them; nothing else is guessed.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';

export const azDeprecatedParameter: Rule = {
  id: 'az-deprecated-parameter',
  name: 'AzDeprecatedParameter',
  severity: 'warning',
  shortDescription: 'An az option is written with a name the Azure CLI reference marks deprecated.',
  fullDescription:
    'The Azure CLI keeps a renamed option working for a while under its old name: az prints "Option \'--sdk-auth\' has been deprecated and will be removed in a future release" and runs. A page that teaches the old name breaks when the name is removed, and what the old name did may differ from what readers need today (--sdk-auth prints credentials for the retired `creds` form of azure/login).',
  help: 'Use the option\'s current name (the finding names it), e.g. --json-auth instead of --sdk-auth.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      if (az.read.found.kind !== 'command') continue;
      const path = az.read.found.command.path;
      for (const o of az.options) {
        if (o.lookup.kind !== 'parameter' || !o.lookup.deprecatedName) continue;
        const p = o.lookup.parameter;
        const current = p.replacement ?? p.names.find((n) => n.startsWith('--') && !p.deprecatedNames.includes(n));
        hits.push({
          line: o.nameWord.line,
          column: o.nameWord.column,
          stepId: command.step.id,
          message: p.hiddenSource !== undefined
            ? `'az ${path}' option ${o.lookup.written} is deprecated and hidden: the Azure CLI reference no longer lists it, but az still accepts it with a deprecation warning (${p.hiddenSource.split(':')[0]}: deprecate(hide=True)), until a release removes it. Drop it or use what the reference gives.`
            : `'az ${path}' option ${o.lookup.written} is deprecated (the Azure CLI reference${current ? ` names ${current} instead` : ''}): az warns and still runs it, until a release removes it.${current ? ` Write ${current}.` : ''}`,
          ...(current ? { suggestion: current } : {}),
        });
      }
    }
    return hits;
  },
};
