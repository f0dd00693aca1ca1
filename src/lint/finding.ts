// A static finding about a tutorial's text. Shared by lint output (text, JSON, SARIF) and by every
// run's report.json, so a finding reads the same wherever it is shown.
import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'note']);
export type Severity = z.infer<typeof Severity>;

/**
 * One replacement in the tutorial file, on one line: columns are 1-based UTF-16 columns of the line
 * as lint reads it (line breaks \r\n, \r or \n; a UTF-8 BOM is the first character of line 1), the
 * end exclusive. `old` is the text replaced, as the rule read it: the patch writer checks it against
 * the file's bytes and leaves the fix out when they differ.
 */
export const TextEdit = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endColumn: z.number().int().positive(),
  old: z.string(),
  text: z.string(),
});
export type TextEdit = z.infer<typeof TextEdit>;

/** A correction the rule is sure of: applying every edit fixes what the finding says, and nothing else. */
export const Fix = z.object({
  description: z.string(), // "delete the U+00A0 after Metadata:true"
  edits: z.array(TextEdit).min(1),
});
export type Fix = z.infer<typeof Fix>;

export const Finding = z.object({
  rule: z.string(), // stable rule id, e.g. "lookalike-dash-in-flag"
  severity: Severity,
  message: z.string(), // what is wrong and what to write instead
  file: z.string(), // tutorial file, relative to the project root
  line: z.number().int().positive(), // tutorial file line
  column: z.number().int().positive().optional(),
  endLine: z.number().int().positive().optional(),
  seed: z.object({ file: z.string(), line: z.number().int().positive() }).optional(), // the same place in the seed
  stepId: z.string().optional(),
  suggestion: z.string().optional(), // corrected text, when the fix is clear
  fix: Fix.optional(), // exact edits, only when the rule is sure of the correction (lint/run --fix-patch)
});

/** A finding's id, unique within its file: rule@line:column (the engine keeps one finding per rule and place). */
export function findingId(f: Pick<Finding, 'rule' | 'line' | 'column'>): string {
  return `${f.rule}@${f.line}:${f.column ?? 1}`;
}
export type Finding = z.infer<typeof Finding>;
