// "file:line:col rule severity message (seed FILE:LINE)", one finding per line, for terminals and CI logs.
import type { Finding } from '../finding.ts';

export function formatFinding(f: Finding): string {
  const seed = f.seed ? ` (seed ${f.seed.file}:${f.seed.line})` : '';
  return `${f.file}:${f.line}:${f.column ?? 1} ${f.rule} ${f.severity} ${f.message}${seed}`;
}

export function formatText(results: readonly { tutorial: string; findings: readonly Finding[] }[]): string {
  const lines = results.flatMap((r) => r.findings.map(formatFinding));
  const count = (s: Finding['severity']): number => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  lines.push(`${results.length} tutorial(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('note')} note(s)`);
  return `${lines.join('\n')}\n`;
}
