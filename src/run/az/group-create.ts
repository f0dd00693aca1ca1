// `az group create -n NAME -l LOCATION [--tags k=v …]`: one PUT of the resource group, printed as az
// prints it (the resource as returned, `managedBy` and absent `tags` as null).
import { ArmSession, azJson, callFailed, callPrinted } from './arm.ts';
import type { AzCommandModule } from './command.ts';

export const RESOURCE_GROUP_API_VERSION = '2022-09-01';

/** az's `--tags a=b c=d` (a word without `=` is a tag with an empty value). */
export function parseTags(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const tags: Record<string, string> = {};
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const eq = word.indexOf('=');
    if (eq < 0) tags[word] = '';
    else tags[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return tags;
}

/** The `tags` member of a request body for a command's --tags, or nothing when it has none: what az sends on every create that takes --tags. */
export function tagsOf(args: Readonly<Record<string, string | undefined>>): { tags?: Record<string, string> } {
  const tags = parseTags(args.tags);
  return tags ? { tags } : {};
}

/** A resource group as az prints it. */
export function printedGroup(json: unknown): string {
  const g = json as Record<string, unknown>;
  return azJson({ managedBy: null, ...g, tags: g.tags ?? null });
}

export const groupCreate: AzCommandModule = {
  path: ['group', 'create'],
  options: [
    { dest: 'name', names: ['--name', '--resource-group', '-n', '-g'], required: true },
    { dest: 'location', names: ['--location', '-l'], required: true },
    { dest: 'tags', names: ['--tags'] },
    { dest: 'managed-by', names: ['--managed-by'] },
  ],
  async run({ args, ctx }) {
    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const body = { location: args.location ?? '', ...tagsOf(args), ...(args['managed-by'] ? { managedBy: args['managed-by'] } : {}) };
    const put = await session.call('PUT', `/subscriptions/${sub}/resourcegroups/${args.name ?? ''}?api-version=${RESOURCE_GROUP_API_VERSION}`, body);
    if (!put.ok || typeof put.json !== 'object' || put.json === null) return callFailed(session, put);
    return callPrinted(session, printedGroup(put.json));
  },
};
