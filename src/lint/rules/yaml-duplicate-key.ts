// A YAML mapping that repeats a key (a workflow with two top-level `name:`). YAML 1.2 requires keys
// to be unique; GitHub Actions refuses such a workflow file, and tools that do accept it keep only one
// of the values, so one of the two lines the page shows is silently lost.
import type { Rule, RuleHit } from '../rule.ts';
import { keyOf, mappings, yamlBlocks } from '../yaml-blocks.ts';

export const yamlDuplicateKey: Rule = {
  id: 'yaml-duplicate-key',
  name: 'YamlDuplicateKey',
  severity: 'warning',
  shortDescription: 'A YAML block repeats a key in one mapping (e.g. two `name:` at the top of a workflow).',
  fullDescription:
    'YAML 1.2 (section 3.2.1.1) says the keys of a mapping are unique. The YAML parser of GitHub Actions rejects a workflow file with a repeated key ("Invalid workflow file"), and parsers that tolerate it keep only one value (the last), so a reader who copies the block gets an error or silently loses a setting. Blocks that are not valid YAML for another reason (excerpts with "...") are not judged.',
  help: 'Keep one of the two keys (merge their values if both matter).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const block of yamlBlocks(doc)) {
      for (const map of mappings(block)) {
        const seen = new Map<string, number>();
        for (const pair of map.items) {
          const key = keyOf(pair);
          if (!key) continue;
          const first = seen.get(key.name);
          if (first === undefined) {
            seen.set(key.name, block.at(key.offset).line);
            continue;
          }
          const at = block.at(key.offset);
          hits.push({
            line: at.line,
            column: at.column,
            message: `"${key.name}" is already a key of this mapping (line ${first}): YAML requires unique keys, so ${block.workflow ? 'GitHub Actions rejects the workflow file ("Invalid workflow file")' : 'a strict YAML parser rejects the block, and a lenient one keeps only one of the two values'}. Keep one "${key.name}".`,
          });
        }
      }
    }
    return hits;
  },
};
