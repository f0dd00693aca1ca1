// `az resource list`, as azure-cli's resource/custom.py list_resources does it (Azure/azure-cli, the
// file holding `def list_resources(cmd, …)` and _list_resources_odata_filter_builder): with -g, GET the
// group first (a missing group is its 404); then one GET of the subscription's /resources with the
// OData filter az builds — resourceGroup, name, location, resourceType (`--namespace` joined to it),
// tagname/tagvalue (`KEY*` is startswith) — joined by ` and `. az's own usage errors come first.
// Printed as az prints GenericResourceExpanded: every attribute of the model (absent ones null) and
// `resourceGroup` from the id.
import { ArmSession, azJson, callFailed, callPrinted, resourceGroupOf } from './arm.ts';
import { azError, type AzCommandModule } from './command.ts';
import { RESOURCE_GROUP_API_VERSION } from './group-create.ts';
import { parseTag } from './group-list.ts';
import { listAll } from './role-assignment-list.ts';

/** The attributes of azure-mgmt-resource's GenericResourceExpanded, which az prints null when absent. */
const MODEL_FIELDS = ['changedTime', 'createdTime', 'extendedLocation', 'id', 'identity', 'kind', 'location', 'managedBy', 'name', 'plan', 'properties', 'provisioningState', 'sku', 'tags', 'type'];

export const resourceList: AzCommandModule = {
  path: ['resource', 'list'],
  options: [
    { dest: 'resource-group', names: ['--resource-group', '-g'] },
    { dest: 'name', names: ['--name', '-n'] },
    { dest: 'location', names: ['--location', '-l'] },
    { dest: 'resource-type', names: ['--resource-type'] },
    { dest: 'namespace', names: ['--namespace'] },
    { dest: 'tag', names: ['--tag'] },
  ],
  async run({ args, ctx }) {
    const rg = args['resource-group'];
    const { name, location, namespace } = args;
    const type = args['resource-type'];
    if (args.tag !== undefined) {
      // az's words, with its hint about configured defaults for the two that `az configure` can set.
      const clash = rg !== undefined ? `--resource-group'(If the default value for resource group is set, please use 'az configure --defaults group=""' command to clear it first)` : namespace !== undefined ? "--namespace'" : type !== undefined ? "--resource-type'" : name !== undefined ? "--name'" : location !== undefined ? `--location'(If the default value for location is set, please use 'az configure --defaults location=""' command to clear it first)` : undefined;
      if (clash !== undefined) return azError(`you cannot use '--tag' with '${clash}`);
    }
    const filters: string[] = [];
    if (rg) filters.push(`resourceGroup eq '${rg}'`);
    if (name) filters.push(`name eq '${name}'`);
    if (location) filters.push(`location eq '${location}'`);
    if (type) {
      if (namespace) filters.push(`resourceType eq '${namespace}/${type}'`);
      else if (!/[^/]+\/[^/]+/.test(type)) return azError('Malformed resource-type: --resource-type=<namespace>/<resource-type> expected.');
      else filters.push(`resourceType eq '${type}'`);
    } else if (namespace) return azError('--namespace also requires --resource-type');
    if (args.tag) {
      const { key, value } = parseTag(args.tag);
      if (key.endsWith('*')) filters.push(`startswith(tagname, '${key.slice(0, -1)}')`);
      else if (key !== '') {
        filters.push(`tagname eq '${key}'`);
        if (value !== '') filters.push(`tagvalue eq '${value}'`);
      }
    }

    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    if (rg !== undefined) {
      const group = await session.call('GET', `/subscriptions/${sub}/resourcegroups/${rg}?api-version=${RESOURCE_GROUP_API_VERSION}`);
      if (!group.ok) {
        const out = callFailed(session, group);
        return group.result.exchange.response?.status === 404 && out.output ? { ...out, output: { ...out.output, exitCode: 3 } } : out;
      }
    }
    const filter = filters.length > 0 ? `$filter=${filters.join(' and ')}&` : '';
    const listed = await listAll(session, `/subscriptions/${sub}/resources?${filter}api-version=${RESOURCE_GROUP_API_VERSION}`);
    if (!Array.isArray(listed)) return callFailed(session, listed);
    const printed = listed.map((r) => ({ ...Object.fromEntries(MODEL_FIELDS.map((f) => [f, null])), ...r, resourceGroup: typeof r.id === 'string' ? resourceGroupOf(r.id) : null }));
    return callPrinted(session, azJson(printed));
  },
};
