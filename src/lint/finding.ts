// A static finding about a tutorial's text. Shared by lint output (text, JSON, SARIF) and by every
// run's report.json, so a finding reads the same wherever it is shown.
import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'note']);
export type Severity = z.infer<typeof Severity>;

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
});
export type Finding = z.infer<typeof Finding>;
