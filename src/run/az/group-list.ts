// `az group list [--tag KEY[=VALUE]]`, as azure-cli's resource/custom.py list_resource_groups does it
// (Azure/azure-cli, the file holding `def list_resources(cmd, …)`): one GET of the subscription's
// groups, `$filter=tagname eq 'KEY'` (and `tagvalue eq 'VALUE'` when a value is given); printed as
// az prints each group.
import { ArmSession, azJson, callFailed, callPrinted } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { RESOURCE_GROUP_API_VERSION } from './group-create.ts';
import { listAll } from './role-assignment-list.ts';

/** az's `--tag KEY[=VALUE]` (validate_tag: the first `=` splits; a bare key has an empty value). */
export function parseTag(text: string): { key: string; value: string } {
  const eq = text.indexOf('=');
  return eq < 0 ? { key: text, value: '' } : { key: text.slice(0, eq), value: text.slice(eq + 1) };
}

export const groupList: AzCommandModule = {
  path: ['group', 'list'],
  options: [{ dest: 'tag', names: ['--tag'] }],
  async run({ args, ctx }) {
    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const filters: string[] = [];
    if (args.tag !== undefined && args.tag !== '') {
      const { key, value } = parseTag(args.tag);
      filters.push(`tagname eq '${key}'`);
      if (value !== '') filters.push(`tagvalue eq '${value}'`);
    }
    const filter = filters.length > 0 ? `$filter=${filters.join(' and ')}&` : '';
    const groups = await listAll(session, `/subscriptions/${sub}/resourcegroups?${filter}api-version=${RESOURCE_GROUP_API_VERSION}`);
    if (!Array.isArray(groups)) return callFailed(session, groups);
    return callPrinted(session, azJson(groups.map((g) => ({ managedBy: null, ...g, tags: g.tags ?? null }))));
  },
};
