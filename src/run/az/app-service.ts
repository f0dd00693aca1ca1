// App Service plans and apps as azure-cli's appservice module (custom.py, Azure/azure-cli
// @00429bd37d87f5951917c692a2e3a8ea497c01e1; the same functions in the azure-cli 2.45 Debian package,
// /usr/lib/python3/dist-packages/azure/cli/command_modules/appservice/custom.py, at the lines cited)
// calls them:
// - `az appservice plan create` (create_app_service_plan, l.1937: the group's location when none is
//   given, sku B1 by default, `reserved` for --is-linux) and `az functionapp plan create`
//   (create_functionapp_app_service_plan, l.3428: --sku required); one PUT of the plan.
// - `… plan show` (GET), `… plan list` (list_app_service_plans, l.1912: by group, or the subscription's;
//   geoRegion and subscription pruned), `… plan delete` (DELETE; without --yes az asks first).
// - `az webapp|functionapp show` (show_app, l.886: GET the site and its config/web; serverFarmId printed
//   as appServicePlanId), `… list` (_list_app, l.898: by group or subscription, web apps without
//   "function" in their kind, function apps with it), `… delete` (delete_webapp, l.1155:
//   deleteEmptyServerFarm=false with --keep-empty-plan).
// The SDK's models print `properties` flattened into the resource (az's JSON of an msrest model).
import { ArmSession, azJson, callFailed, callPrinted, type ArmCall } from './arm.ts';
import { type AzCommandModule, printed } from './command.ts';
import type { StepOutcome } from '../context.ts';
import { creationTarget } from './group-show.ts';
import { tagsOf } from './group-create.ts';
import { listAll } from './role-assignment-list.ts';

/** The Microsoft.Web api-version azure-mgmt-web uses in the CLI release these equivalents follow. */
export const WEB_API_VERSION = '2023-12-01';

/** az exits 3 when the resource is not found (ResourceNotFoundError). */
export function siteNotFound(session: ArmSession, call: ArmCall): StepOutcome {
  const out = callFailed(session, call);
  return out.output ? { ...out, output: { ...out.output, exitCode: 3 } } : out;
}

const failedCall = (session: ArmSession, call: ArmCall): StepOutcome => (call.result.exchange.response?.status === 404 ? siteNotFound(session, call) : callFailed(session, call));

/** A resource as az prints an msrest model: `properties` flattened into it. */
export function flattened(json: unknown): Record<string, unknown> {
  const r = (json ?? {}) as Record<string, unknown>;
  const { properties, ...rest } = r;
  return { ...rest, ...((properties ?? {}) as Record<string, unknown>) };
}

/** What az prints with a warning on stderr (knack's "WARNING: " lines). */
export function printedWarning(session: ArmSession, stdout: string, warning: string): StepOutcome {
  return printed(stdout, { exchanges: session.exchanges }, `WARNING: ${warning}\n`);
}

/** The app's JSON as az webapp show / list print it: flattened, serverFarmId renamed appServicePlanId (_rename_server_farm_props). */
function printedApp(json: unknown, siteConfig?: unknown): Record<string, unknown> {
  const { serverFarmId, ...app } = flattened(json);
  return { ...app, appServicePlanId: serverFarmId ?? null, ...(siteConfig !== undefined ? { siteConfig } : {}) };
}

const GROUP_AND_NAME = [
  { dest: 'name', names: ['--name', '-n'], required: true },
  { dest: 'resource-group', names: ['--resource-group', '-g'], required: true },
];

function planCreate(group: 'appservice' | 'functionapp'): AzCommandModule {
  return {
    path: [group, 'plan', 'create'],
    options: [...GROUP_AND_NAME, { dest: 'location', names: ['--location', '-l'] }, { dest: 'sku', names: ['--sku'] }, { dest: 'is-linux', names: ['--is-linux'] }, { dest: 'tags', names: ['--tags'] }, { dest: 'number-of-workers', names: group === 'functionapp' ? ['--min-instances', '--number-of-workers'] : ['--number-of-workers'] }],
    async run(inv) {
      const { args, flags } = inv;
      const target = await creationTarget(inv);
      if ('failed' in target) return target.failed;
      const { session, sub, rg, location } = target;
      const sku = (args.sku ?? 'B1').toUpperCase();
      const linux = flags.has('is-linux') || (args['is-linux'] ?? '').toLowerCase() === 'true';
      const workers = args['number-of-workers'] !== undefined ? Number(args['number-of-workers']) : undefined;
      const body = { location, ...tagsOf(args), sku: { name: sku, ...(workers !== undefined && Number.isFinite(workers) ? { capacity: workers } : {}) }, properties: { ...(linux ? { reserved: true } : {}) } };
      const put = await session.call('PUT', `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Web/serverfarms/${args.name ?? ''}?api-version=${WEB_API_VERSION}`, body);
      if (!put.ok) return callFailed(session, put);
      return callPrinted(session, azJson(flattened(put.json)));
    },
  };
}

function planShow(group: 'appservice' | 'functionapp'): AzCommandModule {
  return {
    path: [group, 'plan', 'show'],
    options: GROUP_AND_NAME,
    async run({ args, ctx }) {
      const session = new ArmSession(ctx);
      const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
      const get = await session.call('GET', `/subscriptions/${sub}/resourceGroups/${args['resource-group'] ?? ''}/providers/Microsoft.Web/serverfarms/${args.name ?? ''}?api-version=${WEB_API_VERSION}`);
      if (!get.ok) return failedCall(session, get);
      return callPrinted(session, azJson(flattened(get.json)));
    },
  };
}

function planList(group: 'appservice' | 'functionapp'): AzCommandModule {
  return {
    path: [group, 'plan', 'list'],
    options: [{ dest: 'resource-group', names: ['--resource-group', '-g'] }],
    async run({ args, ctx }) {
      const session = new ArmSession(ctx);
      const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
      const rg = args['resource-group'];
      const path = rg === undefined ? `/subscriptions/${sub}/providers/Microsoft.Web/serverfarms?detailed=true&api-version=${WEB_API_VERSION}` : `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Web/serverfarms?api-version=${WEB_API_VERSION}`;
      const listed = await listAll(session, path);
      if (!Array.isArray(listed)) return failedCall(session, listed);
      const plans = listed.map((p) => {
        const { geoRegion: _geo, subscription: _sub, ...rest } = flattened(p);
        return rest;
      });
      // az functionapp plan list shows the plans a function app can use: every plan (list_function_app_plans is the same call).
      return callPrinted(session, azJson(plans));
    },
  };
}

function planDelete(group: 'appservice' | 'functionapp'): AzCommandModule {
  return {
    path: [group, 'plan', 'delete'],
    options: [...GROUP_AND_NAME, { dest: 'yes', names: ['--yes', '-y'], flag: true }],
    async run({ args, flags, ctx }) {
      const session = new ArmSession(ctx);
      const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
      const del = await session.call('DELETE', `/subscriptions/${sub}/resourceGroups/${args['resource-group'] ?? ''}/providers/Microsoft.Web/serverfarms/${args.name ?? ''}?api-version=${WEB_API_VERSION}`);
      if (!del.ok) return callFailed(session, del);
      return callPrinted(session, '', flags.has('yes') ? undefined : 'az asks "Are you sure you want to perform this operation? (y/n)"; the reader answers y');
    },
  };
}

function appShow(group: 'webapp' | 'functionapp'): AzCommandModule {
  return {
    path: [group, 'show'],
    options: GROUP_AND_NAME,
    async run({ args, ctx }) {
      const session = new ArmSession(ctx);
      const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
      const base = `/subscriptions/${sub}/resourceGroups/${args['resource-group'] ?? ''}/providers/Microsoft.Web/sites/${args.name ?? ''}`;
      const get = await session.call('GET', `${base}?api-version=${WEB_API_VERSION}`);
      if (!get.ok) return failedCall(session, get);
      const config = await session.call('GET', `${base}/config/web?api-version=${WEB_API_VERSION}`);
      if (!config.ok) return failedCall(session, config);
      // show_app also reads the publishing profiles for ftpPublishingUrl: deployment, not modelled here.
      return callPrinted(session, azJson(printedApp(get.json, flattened(config.json))), 'ftpPublishingUrl is left out: the publishing profiles (deployment credentials) are not modelled');
    },
  };
}

function appList(group: 'webapp' | 'functionapp'): AzCommandModule {
  return {
    path: [group, 'list'],
    options: [{ dest: 'resource-group', names: ['--resource-group', '-g'] }],
    async run({ args, ctx }) {
      const session = new ArmSession(ctx);
      const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
      const rg = args['resource-group'];
      const path = rg === undefined ? `/subscriptions/${sub}/providers/Microsoft.Web/sites?api-version=${WEB_API_VERSION}` : `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Web/sites?api-version=${WEB_API_VERSION}`;
      const listed = await listAll(session, path);
      if (!Array.isArray(listed)) return failedCall(session, listed);
      const wanted = listed.filter((s) => typeof s.kind === 'string' && s.kind.toLowerCase().includes('function') === (group === 'functionapp'));
      return callPrinted(session, azJson(wanted.map((s) => printedApp(s))));
    },
  };
}

function appDelete(group: 'webapp' | 'functionapp'): AzCommandModule {
  return {
    path: [group, 'delete'],
    options: [...GROUP_AND_NAME, { dest: 'keep-empty-plan', names: ['--keep-empty-plan'] }],
    async run({ args, flags, ctx }) {
      const session = new ArmSession(ctx);
      const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
      const keep = flags.has('keep-empty-plan') || args['keep-empty-plan'] !== undefined ? '&deleteEmptyServerFarm=false' : '';
      const del = await session.call('DELETE', `/subscriptions/${sub}/resourceGroups/${args['resource-group'] ?? ''}/providers/Microsoft.Web/sites/${args.name ?? ''}?api-version=${WEB_API_VERSION}${keep}`);
      if (!del.ok) return failedCall(session, del);
      return callPrinted(session, '');
    },
  };
}

export const appservicePlanCreate = planCreate('appservice');
export const appservicePlanShow = planShow('appservice');
export const appservicePlanList = planList('appservice');
export const appservicePlanDelete = planDelete('appservice');
export const functionappPlanCreate = planCreate('functionapp');
export const functionappPlanShow = planShow('functionapp');
export const functionappPlanList = planList('functionapp');
export const functionappPlanDelete = planDelete('functionapp');
export const webappShow = appShow('webapp');
export const webappList = appList('webapp');
export const webappDelete = appDelete('webapp');
export const functionappShow = appShow('functionapp');
export const functionappList = appList('functionapp');
export const functionappDelete = appDelete('functionapp');
