// ARM ids inside examples that Azure could not have returned: a misspelt resource type
// ("blogServices"), a provider namespace in the wrong case ("Microsoft.storage"), a container
// name without its "containers/" segment.
import type { Rule, RuleHit } from '../rule.ts';
import { walk, locateValue } from '../../parse/json-reader.ts';
import { checkResourceId } from '../resource-id.ts';
import { dotted } from '../contract-check.ts';

export const contractResourceId: Rule = {
  id: 'contract-resource-id',
  name: 'ContractResourceId',
  severity: 'error',
  shortDescription: 'An example shows a resource id or scope that is not a valid ARM id.',
  fullDescription:
    'ARM returns ids in canonical form: provider namespaces as registered ("Microsoft.Storage"; a namespace wholly in lower case is not judged, since services echo linked ids that way in a resource\'s properties, as an Azure Machine Learning workspace does for its keyVault and storageAccount), resource types spelt as defined ("blobServices"), and type/name pairs ("…/blobServices/default/containers/<name>"). An example id that breaks these rules cannot come from Azure and sends readers after a scope that does not exist.',
  help: 'Write the id as Azure returns it; the suggestion shows the corrected id.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const block of doc.json) {
      const read = block.read;
      if (read.value === undefined) continue;
      for (const leaf of walk(read.value)) {
        if (typeof leaf.value !== 'string' || !leaf.value.startsWith('/subscriptions/')) continue;
        const checked = checkResourceId(leaf.value);
        const { suggestion } = checked;
        // A wholly lower-case namespace ("/resourcegroups/rg/providers/microsoft.keyvault/vaults/kv")
        // is how services echo linked ids in a resource's properties (an Azure Machine Learning
        // workspace's keyVault and storageAccount, azure-docs how-to-manage-workspace-cli.md): Azure
        // can return it. A namespace in mixed case ("Microsoft.storage") is still a slip.
        const problems = checked.problems.filter((p) => !p.lowercaseNamespace);
        if (!problems.length) continue;
        const at = locateValue(read, leaf.value) ?? { line: block.json.source.startLine, column: 1 };
        hits.push({
          line: at.line,
          column: at.column + (problems[0]?.offset ?? 0),
          ...(block.step ? { stepId: block.step.id } : {}),
          message: `${dotted(leaf.path)} is not an id Azure returns: ${problems.map((p) => p.message).join('; ')}. Write ${JSON.stringify(suggestion)}.`,
          suggestion,
        });
      }
    }
    return hits;
  },
};
