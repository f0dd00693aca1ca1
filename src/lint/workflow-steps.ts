// The steps of the GitHub Actions YAML a page shows, read once from yaml-blocks.ts: in a whole
// workflow, the items of jobs.<job_id>.steps; in an excerpt, any sequence item that is a mapping with
// a `uses: owner/repo@ref` (that key and value are GitHub's, never Azure Pipelines'). Each step with
// its keys, its `uses` (parsed), and its `with` inputs, all with page positions.
import { isMap, isScalar, isSeq, visit, type YAMLMap } from 'yaml';
import type { LintDocument } from './document.ts';
import { keyOf, yamlBlocks, type YamlBlock } from './yaml-blocks.ts';

export interface StepKey {
  name: string;
  line: number;
  column: number;
}

export interface WorkflowStep {
  block: YamlBlock;
  /** The step is an item of jobs.<job_id>.steps of a whole workflow (not an excerpt). */
  inWorkflow: boolean;
  keys: StepKey[];
  /** `uses: owner/repo[/path]@ref`, split; absent for run steps and local or docker actions. */
  uses?: { action: string; ref: string; line: number; column: number };
  /** The step's `with` inputs; undefined when it has no `with` mapping (none, or an empty `with:`). */
  inputs?: Set<string>;
  /** The `with:` key, when the step has one (mapping or empty). */
  withKey?: StepKey;
}

// owner/repo, an optional path inside it, then @ref (GitHub's syntax for an action in a repository).
const USES = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?:\/[^@\s]*)?@(\S+)$/;

const cache = new WeakMap<LintDocument, WorkflowStep[]>();

export function workflowSteps(doc: LintDocument): WorkflowStep[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const out: WorkflowStep[] = [];
  for (const block of yamlBlocks(doc)) {
    const seen = new Set<YAMLMap>();
    if (block.workflow) {
      const root = block.doc.contents as YAMLMap;
      const jobs = root.items.find((p) => keyOf(p)?.name === 'jobs')?.value;
      if (isMap(jobs)) {
        for (const job of jobs.items) {
          if (!isMap(job.value)) continue;
          const steps = job.value.items.find((p) => keyOf(p)?.name === 'steps')?.value;
          if (!isSeq(steps)) continue;
          for (const item of steps.items) {
            if (!isMap(item) || seen.has(item)) continue;
            seen.add(item);
            out.push(readStep(block, item, true));
          }
        }
      }
    }
    // Excerpts (and anything a whole workflow holds elsewhere): sequence items that use an action.
    visit(block.doc, {
      Seq: (_, seq) => {
        for (const item of seq.items) {
          if (!isMap(item) || seen.has(item)) continue;
          const uses = item.items.find((p) => keyOf(p)?.name === 'uses')?.value;
          if (!isScalar(uses) || typeof uses.value !== 'string' || !USES.test(uses.value)) continue;
          seen.add(item);
          out.push(readStep(block, item, false));
        }
      },
    });
  }
  cache.set(doc, out);
  return out;
}

function readStep(block: YamlBlock, map: YAMLMap, inWorkflow: boolean): WorkflowStep {
  const step: WorkflowStep = { block, inWorkflow, keys: [] };
  for (const pair of map.items) {
    const key = keyOf(pair);
    if (!key) continue;
    const at = block.at(key.offset);
    const k = { name: key.name, line: at.line, column: at.column };
    step.keys.push(k);
    if (key.name === 'uses' && isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.range) {
      const m = USES.exec(pair.value.value);
      const v = block.at(pair.value.range[0]);
      if (m) step.uses = { action: m[1] as string, ref: m[2] as string, line: v.line, column: v.column };
    }
    if (key.name === 'with') {
      step.withKey = k;
      if (isMap(pair.value)) step.inputs = new Set(pair.value.items.map((p) => keyOf(p)?.name).filter((n): n is string => n !== undefined));
    }
  }
  return step;
}
