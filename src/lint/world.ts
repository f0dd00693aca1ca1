// The page's World as the lint reads it: the same inference as the run (src/world), from the page's
// own names only (no target values, no --set), built once per document and shared by the rules that
// need it (page-assumes-resource, rbac-what-if).
import { inferWorld } from '../world/infer.ts';
import type { World } from '../world/types.ts';
import type { LintDocument } from './document.ts';

const worlds = new WeakMap<LintDocument, World>();

export function pageWorld(doc: LintDocument): World {
  let world = worlds.get(doc);
  if (world === undefined) {
    const text = doc.hasText ? Array.from({ length: doc.lineCount }, (_, i) => doc.line(i + 1)).join('\n') : undefined;
    world = inferWorld({
      tutorial: doc.tutorial,
      ...(text !== undefined ? { text } : {}),
      valueOf: () => undefined,
      defaults: { resourceGroup: '' },
      ...(doc.authorGrants ? { author: { grants: [...doc.authorGrants] } } : {}),
    });
    worlds.set(doc, world);
  }
  return world;
}
