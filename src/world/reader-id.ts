// The signed-in reader's own object id (or sign-in name), as a page reads it into a variable and then grants it access:
// `CALLER_OBJECT_ID=$(az ad signed-in-user show --query id -o tsv)` then
// `az role assignment create --assignee $CALLER_OBJECT_ID …`. This tool never runs the lookup (the
// target has no signed-in user of the reader's), so the id stays unknown; what it names is known, and
// the World records such a grant (a role assignment or an access policy, by az or Azure PowerShell) as
// one to the reader; the check that a refusal followed a grant to the reader that could not run reads
// the World's record.
import type { Step } from '../model.ts';

// `az account show --query user.name` is the signed-in account's sign-in name, which `az role assignment
// create --assignee` accepts as well as an object id (az reference: "--assignee: Represent a user, group, or
// service principal. supported format: object id, user sign-in name, or service principal name"). Only the
// user.name query: `az account show --query id` is the subscription's id, no principal.
const SIGNED_IN = /\baz\s+ad\s+signed-in-user\s+show\b|\bGet-AzADUser\b[^\n|]*-SignedIn\b|\baz\s+account\s+show\b[^\n|)]*--query\s+["']?user\.name["']?(?=[\s)"']|$)/i;

/** The variables (bash or PowerShell, without `$`) a step before each use assigns the reader's object id. */
export function readerIdVariables(steps: readonly Step[]): Set<string> {
  const out = new Set<string>();
  for (const step of steps) {
    if (step.kind !== 'shell' || !SIGNED_IN.test(step.raw)) continue;
    if (step.language === 'powershell') {
      // PowerShell's names compare without case; the World reads them lower-cased.
      for (const st of step.powershell ?? []) if (st.assignTo !== undefined && SIGNED_IN.test(step.raw.slice(st.start, st.end))) out.add(st.assignTo).add(st.assignTo.toLowerCase());
    } else if (step.shell.kind === 'assign' && SIGNED_IN.test(step.shell.pipeline)) out.add(step.shell.variable);
  }
  return out;
}

/** Whether an option's value names the reader: one of those variables, or the lookup itself inline. */
export function namesReader(value: string, variables: ReadonlySet<string>): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (/^\$\(\s*az\s+(?:ad\s+signed-in-user|account)\s+show\b[^)]*\)$/.test(v) && SIGNED_IN.test(v)) return true;
  const name = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(v)?.[1];
  return name !== undefined && variables.has(name);
}
