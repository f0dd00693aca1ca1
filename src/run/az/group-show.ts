// `az group show -n NAME`: GET the resource group; a name the subscription does not have is ARM's
// 404 ResourceGroupNotFound, printed as az prints it (exit status 3, as az does for a missing resource).
import { ArmSession, callFailed, callPrinted, type ArmCall } from './arm.ts';
import type { AzCommandModule, AzInvocation } from './command.ts';
import type { StepOutcome } from '../context.ts';
import { printedGroup, RESOURCE_GROUP_API_VERSION } from './group-create.ts';

export const groupShow: AzCommandModule = {
  path: ['group', 'show'],
  options: [{ dest: 'name', names: ['--name', '--resource-group', '-n', '-g'], required: true }],
  async run({ args, ctx }) {
    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const get = await session.call('GET', `/subscriptions/${sub}/resourcegroups/${args.name ?? ''}?api-version=${RESOURCE_GROUP_API_VERSION}`);
    if (!get.ok || typeof get.json !== 'object' || get.json === null) {
      const out = callFailed(session, get);
      // az exits 3 when the resource is not found (azure.cli.core: ResourceNotFoundError).
      return get.result.exchange.response?.status === 404 && out.output ? { ...out, output: { ...out.output, exitCode: 3 } } : out;
    }
    return callPrinted(session, printedGroup(get.json));
  },
};

/** The location a resource created in `rg` gets when the command names none (az reads the group): a string, or the failed call. */
export async function groupLocation(session: ArmSession, sub: string, rg: string): Promise<string | ArmCall> {
  const group = await session.call('GET', `/subscriptions/${sub}/resourcegroups/${rg}?api-version=${RESOURCE_GROUP_API_VERSION}`);
  if (!group.ok) return group;
  return String((group.json as { location?: unknown }).location ?? '');
}

/**
 * Where an az create command puts its resource: the session, subscription, group and location (the
 * group's when `--location` is not given, as az does), or the failed look-up as the step's outcome.
 */
export async function creationTarget({ args, ctx }: AzInvocation): Promise<{ session: ArmSession; sub: string; rg: string; location: string } | { failed: StepOutcome }> {
  const session = new ArmSession(ctx);
  const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
  const rg = args['resource-group'] ?? '';
  const location = args.location ?? (await groupLocation(session, sub, rg));
  if (typeof location !== 'string') return { failed: callFailed(session, location) };
  return { session, sub, rg, location };
}
