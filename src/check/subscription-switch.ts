// A page that works in two subscriptions (a cross-tenant walkthrough: `az account set --subscription
// $TENANT_A_SUBSCRIPTION_ID`, later `… $TENANT_B_SUBSCRIPTION_ID`) makes the same names mean different
// resources: Tenant B's resource group is not Tenant A's. The target serves one subscription, so after the
// page switches to another one, an error answer (404 for a group the page deleted "in Tenant A") says
// nothing about the page. `az account set` itself is not run (no REST equivalent); the switch is read
// from its --subscription as written.
import type { Step, Tutorial } from '../model.ts';
import { readAzArgv } from '../reference/az-args.ts';

/** The subscription `az account set` is given, as written (`$TENANT_B_SUBSCRIPTION_ID`), read as az reads its argv. */
function subscriptionWritten(step: Step): string | undefined {
  if (step.kind !== 'az' || step.az.path.join(' ') !== 'account set') return undefined;
  const argv = step.az.argv;
  const option = readAzArgv(argv).options.find((o) => o.lookup.kind === 'parameter' && o.lookup.parameter.names.includes('--subscription'));
  if (!option) return undefined;
  return option.inline ?? (option.values[0] === undefined ? undefined : argv[option.values[0]]);
}

/**
 * The `az account set` before `step` that moved the page to another subscription than its first one
 * (as written: `$TENANT_B_SUBSCRIPTION_ID` after `$TENANT_A_SUBSCRIPTION_ID`), if the page is there now.
 */
export function otherSubscription(tutorial: Tutorial, step: Step): { line: number; written: string; first: string } | undefined {
  let first: string | undefined;
  let current: { line: number; written: string } | undefined;
  for (const s of tutorial.steps) {
    if (s.source.startLine >= step.source.startLine) break;
    const written = subscriptionWritten(s);
    if (written === undefined) continue;
    first ??= written;
    current = { line: s.source.startLine, written };
  }
  return first !== undefined && current !== undefined && current.written !== first ? { ...current, first } : undefined;
}
