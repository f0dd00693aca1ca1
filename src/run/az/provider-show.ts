// `az provider show -n NAMESPACE` and `az provider register -n NAMESPACE`, as azure-cli's
// resource/custom.py show_provider and _update_provider do them (Azure/azure-cli, the file holding
// `def list_resources(cmd, …)`): show is one GET of the subscription's provider (`$expand` with
// --expand); register is one POST …/register, and when the answer's registrationState is already
// 'Registered' az returns at once and prints nothing; otherwise it warns "Registering is still
// on-going. You can monitor using 'az provider show -n NAMESPACE'" (or, with --wait, polls the GET).
// The emulator lists, for a namespace it models, only the resource types it serves (header
// x-emulator-partial): a question about resourceTypes is then not judged.
import { ArmSession, azJson, callFailed, callPrinted, type ArmCall } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { outcome, type StepOutcome } from '../context.ts';
import { RESOURCE_GROUP_API_VERSION } from './group-create.ts';

/** The attributes of azure-mgmt-resource's Provider, which az prints null when absent. */
const MODEL_FIELDS = ['id', 'namespace', 'providerAuthorizationConsentState', 'registrationPolicy', 'registrationState', 'resourceTypes'];

function partial(call: ArmCall): string | undefined {
  return call.result.exchange.response?.headers.find(([k]) => k.toLowerCase() === 'x-emulator-partial')?.[1];
}

/** A partial answer is printed only when what the page reads from it does not depend on the missing part. */
function partialNotJudged(session: ArmSession, call: ArmCall, query: string | undefined): StepOutcome | undefined {
  const what = partial(call);
  if (what === undefined || (query !== undefined && !/resourceTypes/i.test(query))) return undefined;
  return outcome({ engine: 'http', exchanges: session.exchanges, error: { kind: 'unsupported', unsupported: 'not-emulated', message: `the emulator's answer for this provider is partial (${what}), so what az prints here is not judged` } });
}

export const providerShow: AzCommandModule = {
  path: ['provider', 'show'],
  options: [
    { dest: 'namespace', names: ['--namespace', '-n'], required: true },
    { dest: 'expand', names: ['--expand'] },
  ],
  async run({ args, ctx }) {
    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const expand = args.expand !== undefined ? `$expand=${args.expand}&` : '';
    const get = await session.call('GET', `/subscriptions/${sub}/providers/${args.namespace ?? ''}?${expand}api-version=${RESOURCE_GROUP_API_VERSION}`);
    if (!get.ok || typeof get.json !== 'object' || get.json === null) return callFailed(session, get);
    const notJudged = partialNotJudged(session, get, args.query);
    if (notJudged) return notJudged;
    return callPrinted(session, azJson({ ...Object.fromEntries(MODEL_FIELDS.map((f) => [f, null])), ...(get.json as Record<string, unknown>) }));
  },
};

export const providerRegister: AzCommandModule = {
  path: ['provider', 'register'],
  options: [
    { dest: 'namespace', names: ['--namespace', '-n'], required: true },
    { dest: 'wait', names: ['--wait'], flag: true },
  ],
  async run({ args, ctx }) {
    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const namespace = args.namespace ?? '';
    const post = await session.call('POST', `/subscriptions/${sub}/providers/${namespace}/register?api-version=${RESOURCE_GROUP_API_VERSION}`);
    if (!post.ok || typeof post.json !== 'object' || post.json === null) return callFailed(session, post);
    const state = (post.json as { registrationState?: unknown }).registrationState;
    if (state === 'Registered') return callPrinted(session, '');
    // The emulator registers at once; any other state is an answer this equivalent does not model.
    return outcome({ engine: 'http', exchanges: session.exchanges, error: { kind: 'unsupported', unsupported: 'not-emulated', message: `provider registration left in state '${String(state)}' is not modelled` } });
  },
};
