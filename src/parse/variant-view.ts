// One variant of a page as a tutorial of its own: the steps and examples that variant shows (their
// ids unchanged, so a step is the same step in every variant), and the captures between them. Plan,
// run and check read it like any tutorial; the page's placeholders, sections and diagnostics stay.
import type { Tutorial, Variant } from '../model.ts';

export function variantView(tutorial: Tutorial, variant: Variant): Tutorial {
  const ids = new Set(variant.steps);
  const steps = tutorial.steps.filter((s) => ids.has(s.id));
  const examples = variant.examples.map((i) => tutorial.examples[i]).filter((e) => e !== undefined);
  const captures = tutorial.captures
    .filter((c) => ids.has(c.producer))
    .map((c) => ({ ...c, consumers: c.consumers.filter((id) => ids.has(id)) }))
    .filter((c) => c.consumers.length > 0);
  const { variants: _all, ...page } = tutorial;
  return { ...page, steps, examples, captures };
}
