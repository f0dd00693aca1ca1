// `--subscription NAME_OR_ID`, as az reads it before any request. Its argparse action
// (SubscriptionNameOrIdAction, Azure/azure-cli src/azure-cli-core/azure/cli/core/commands/arm.py
// @dfa60142980c, register_global_subscription_argument) matches the value, case-insensitively, to the
// id or the name of a subscription of the signed-in account and uses that id; a value it does not
// match only gets a warning, "Subscription 'X' not recognized.", and is kept as written. Then the
// command's management client asks the profile for that subscription (Profile.get_login_credentials →
// get_subscription, src/azure-cli-core/azure/cli/core/_profile.py @000cacd2ecd5), which stops:
// "Subscription 'X' not found. Check the spelling and casing and try again." — no request is sent.
// Only a value that is neither the account's subscription nor a GUID is failed here: a GUID may be the
// reader's own subscription, which this tool does not know (it is run as written, as before).
import type { CliCredential } from '../target.ts';
import type { StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import { GUID } from '../../guid.ts';


export type SubscriptionRead =
  /** The id az sends: the account's id when the value names the account's subscription, else the value. */
  | { kind: 'id'; id: string }
  /** az stops before any request. */
  | { kind: 'not-found'; outcome: StepOutcome };

export function readSubscription(value: string, account: CliCredential['account']): SubscriptionRead {
  const v = value.toLowerCase();
  if (v === account.subscriptionId.toLowerCase() || v === account.subscriptionName.toLowerCase()) return { kind: 'id', id: account.subscriptionId };
  if (GUID.test(value)) return { kind: 'id', id: value };
  const message = `Subscription '${value}' not found. Check the spelling and casing and try again.`;
  return {
    kind: 'not-found',
    outcome: outcome({ engine: 'http', output: { stdout: '', stderr: `WARNING: Subscription '${value}' not recognized.\nERROR: ${message}\n`, exitCode: 1 }, error: { kind: 'az-usage', message } }),
  };
}
