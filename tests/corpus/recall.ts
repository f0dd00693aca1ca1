// Recall per defect class: how many of the goldens' defects (goldens/FORMAT.md, `defects`) the
// tool reports. A defect counts as found when
//  - a finding of a rule whose class (defect-classes.ts) is the defect's class covers one of the
//    lines holding the defect's `where` text, or
//  - the step holding those lines is a `fail` whose reason matches the golden step's `reason`
//    (the run itself showed the defect).
// A `where` that is not on the page but in the text of a file the page includes (the manifest's
// `includes`) is located there: found by a finding of its class on those lines of that file (lint
// reads included text in place and names the include's file), or by a failing step written there.
// A `where` in neither is never found; it is listed as unlocated.
// Pure: the report, the goldens and the corpus files' text in, figures out.
import type { Report } from '../../src/report/schema.ts';
import { DEFECT_CLASSES, type Golden } from './golden.ts';
import { corpusPath, pairSteps } from './judge.ts';
import { RULE_CLASS, type DefectClassName } from './defect-classes.ts';

export interface ClassRecall {
  defects: number;
  found: number;
  heldOutDefects: number;
  heldOutFound: number;
}

export interface Recall {
  byClass: Map<DefectClassName, ClassRecall>;
  missed: { page: string; class: DefectClassName; where: string }[];
  unlocated: { page: string; class: DefectClassName; where: string }[];
  /** Rules whose findings appear in the report but have no class in defect-classes.ts. */
  unclassifiedRules: string[];
}

const reportPath = (file: string): string => file.replace(/^.*?(?=articles\/)/, '');

/** The 1-based line ranges where `where` occurs in `text`. */
export function linesOf(text: string, where: string): [number, number][] {
  const out: [number, number][] = [];
  if (where === '') return out;
  for (let at = text.indexOf(where); at >= 0; at = text.indexOf(where, at + 1)) {
    const start = text.slice(0, at).split('\n').length;
    out.push([start, start + where.split('\n').length - 1]);
  }
  return out;
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

/**
 * `text` reads a corpus file by its corpus path (a page or an include); `includesOf` lists the files
 * a page includes (the manifest's `includes`), where defects not on the page itself are looked for.
 */
export function recall(
  report: Report,
  goldens: ReadonlyMap<string, Golden>,
  text: (file: string) => string,
  heldOut: ReadonlySet<string>,
  includesOf: (page: string) => readonly string[] = () => [],
): Recall {
  const byClass = new Map<DefectClassName, ClassRecall>(DEFECT_CLASSES.map((c) => [c, { defects: 0, found: 0, heldOutDefects: 0, heldOutFound: 0 }]));
  const r: Recall = { byClass, missed: [], unlocated: [], unclassifiedRules: [] };
  const unclassified = new Set<string>();
  // A page with tabs or pivots has one entry per variant: its findings and steps are read together.
  const tutorials = new Map<string, Report['tutorials']>();
  for (const t of report.tutorials) tutorials.set(reportPath(t.file), [...(tutorials.get(reportPath(t.file)) ?? []), t]);
  for (const [page, golden] of goldens) {
    const entries = tutorials.get(page) ?? [];
    const files = [page, ...includesOf(page)];
    const findings = entries.flatMap((t) => t.findings).map((f) => {
      if (RULE_CLASS[f.rule] === undefined) unclassified.add(f.rule);
      return { cls: RULE_CLASS[f.rule], file: corpusPath(f.file), at: [f.line, f.endLine ?? f.line] as [number, number] };
    });
    const failing = entries.length > 0
      ? pairSteps(page, golden, entries.flatMap((t) => t.steps))
          .filter((p) => p.step?.verdict === 'fail' && p.golden?.expect === 'fail' && p.golden.reason !== undefined && new RegExp(p.golden.reason, 'i').test(`${p.step.reason} ${p.step.output?.stderr ?? ''}`))
          .map((p) => ({ file: p.step!.file !== undefined ? corpusPath(p.step!.file) : page, at: [p.step!.line.start, p.step!.line.end] as [number, number] }))
      : [];
    for (const d of golden.defects) {
      const c = byClass.get(d.class)!;
      const held = heldOut.has(page);
      c.defects++;
      if (held) c.heldOutDefects++;
      // On the page first; only a `where` the page does not hold is looked for in its includes.
      let places: { file: string; at: [number, number] }[] = [];
      for (const file of files) {
        places = linesOf(text(file), d.where).map((at) => ({ file, at }));
        if (places.length > 0) break;
      }
      if (places.length === 0) {
        r.unlocated.push({ page, class: d.class, where: d.where });
        continue;
      }
      const found = places.some((p) => findings.some((f) => f.cls === d.class && f.file === p.file && overlaps(f.at, p.at)) || failing.some((s) => s.file === p.file && overlaps(s.at, p.at)));
      if (found) {
        c.found++;
        if (held) c.heldOutFound++;
      } else r.missed.push({ page, class: d.class, where: d.where });
    }
  }
  r.unclassifiedRules = [...unclassified].sort();
  return r;
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${Math.round((100 * n) / d)}%`);

/** Recall per class as a Markdown table (all pages, then the held-out pages). */
export function recallTable(r: Recall): string {
  const rows = [...r.byClass].filter(([, c]) => c.defects > 0);
  const total = rows.reduce((a, [, c]) => ({ d: a.d + c.defects, f: a.f + c.found, hd: a.hd + c.heldOutDefects, hf: a.hf + c.heldOutFound }), { d: 0, f: 0, hd: 0, hf: 0 });
  return [
    '| defect class | found / defects | recall | held-out found / defects | held-out recall |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(([k, c]) => `| ${k} | ${c.found} / ${c.defects} | ${pct(c.found, c.defects)} | ${c.heldOutFound} / ${c.heldOutDefects} | ${pct(c.heldOutFound, c.heldOutDefects)} |`),
    `| all | ${total.f} / ${total.d} | ${pct(total.f, total.d)} | ${total.hf} / ${total.hd} | ${pct(total.hf, total.hd)} |`,
  ].join('\n');
}
