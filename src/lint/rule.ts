// What a lint rule is: stable metadata (shown in text output, SARIF `tool.driver.rules` and the
// HTML report) and one pure check over a LintDocument. Rules never read files or the network.
import type { Fix, Severity } from './finding.ts';
import type { LintDocument } from './document.ts';

export interface RuleMeta {
  /** Stable id, also the rule's file name under rules/. Never renamed once published. */
  readonly id: string;
  /** PascalCase name for SARIF `reportingDescriptor.name`. */
  readonly name: string;
  readonly severity: Severity;
  /** One sentence: what the rule finds. */
  readonly shortDescription: string;
  /** Why it matters: what bash, curl, az or Azure does with such text. */
  readonly fullDescription: string;
  /** What to write instead, in general terms; each finding's message is specific. */
  readonly help: string;
}

/** One place a rule found. The engine adds file, seed line and rule metadata. */
export interface RuleHit {
  line: number;
  column?: number;
  endLine?: number;
  message: string;
  suggestion?: string;
  /** Exact edits, only when the rule is sure of them (src/lint/fix.ts builds them). */
  fix?: Fix;
  stepId?: string;
  /** Only when one place deserves another level than the rule's default (e.g. a note-level variant). */
  severity?: Severity;
}

export interface Rule extends RuleMeta {
  check(doc: LintDocument): RuleHit[];
}
