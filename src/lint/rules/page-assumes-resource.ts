// A resource the page's commands use under a literal name that no command of the page creates and no
// prerequisite or portal step states: the run provides it (and lists it as an assumption) so the rest
// of the page can be judged, but a reader starting from an empty subscription gets a 404. The same
// inference as the run's World (src/world), without the target's values: only names the page writes.
import { describe } from '../../world/infer.ts';
import type { WorldResource } from '../../world/types.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { pageWorld } from '../world.ts';

export const pageAssumesResource: Rule = {
  id: 'page-assumes-resource',
  name: 'PageAssumesResource',
  severity: 'warning',
  shortDescription: 'The page uses a resource it neither creates nor states as a prerequisite.',
  fullDescription:
    'What a page uses must come from somewhere the reader can see: a command of the page that creates it, or a prerequisite that says it exists. A vault, storage account, container, blob or resource group the commands name but nothing introduces is found only by a reader who already has it.',
  help: 'Say so in the prerequisites (for example "a key vault named myVault with a secret mySecret"), or add the command that creates it.',
  check(doc) {
    const world = pageWorld(doc);
    // Without the target's values a placeholder parent is unknown: a blob in <CONTAINER> of <ACCOUNT>
    // may well be the one an earlier upload to the same placeholders made. Only fully named resources count.
    const named = (r: WorldResource): boolean =>
      r.role === 'blob' ? r.account !== undefined && r.container !== undefined : r.role === 'container' ? r.account !== undefined : r.role === 'secret' || r.role === 'key' ? r.vault !== undefined : true;
    // One finding per line (a finding is one per rule and place): everything that line assumes, parents first.
    const byLine = new Map<number, string[]>();
    for (const r of world.resources.filter((x) => x.origin === 'assumed' && named(x))) byLine.set(r.cite.line, [...(byLine.get(r.cite.line) ?? []), describe(r)]);
    return [...byLine].map(([line, what]): RuleHit => ({
      line,
      message: `the page assumes ${what.length === 1 ? what[0] : `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}`} ${what.length === 1 ? 'exists' : 'exist'}; say so in the prerequisites`,
    }));
  },
};
