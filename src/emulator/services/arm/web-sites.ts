// Microsoft.Web/sites (web and function apps): create or update (PUT), GET, DELETE, the lists by
// group and subscription, the global name check (POST …/providers/Microsoft.Web/checknameavailability)
// and the app settings (PUT config/appsettings, POST config/appsettings/list) with the slot-sticky
// names (GET/PUT config/slotConfigNames) — the calls az webapp/functionapp create, show, list,
// delete and config appsettings make. Shapes from Azure/azure-rest-api-specs specification/web/
// resource-manager/Microsoft.Web/stable/2024-04-01/WebApps.json (@dc14fc415a819d3ed895e04efe6f4d2aed3e8e20)
// and examples/CreateOrUpdateWebApp.json (@182d3c01e745ca6f99df7eadb2990185ddd8f340). Site names are
// global (<name>.azurewebsites.net): a name held anywhere is the RP's 409 Conflict.
import { jsonResponse } from '../../respond.ts';
import { notEmulatedResponse } from '../../router.ts';
import { findResourceGroup } from '../../state.ts';
import type { EmulatorState } from '../../state.ts';
import { armErrors, webErrors } from './errors.ts';
import type { ArmCall, ArmResult, ArmRoute } from './route.ts';
import { appsOf, groupOrError, planId, plansOf, regionDisplayName, type WebApp } from './web-plans.ts';

const SUB = '/subscriptions/{subscriptionId}';
const RG = `${SUB}/resourceGroups/{resourceGroupName}`;
const SITE = `${RG}/providers/Microsoft.Web/sites/{name}`;
/** 2–60 characters: letters, digits and hyphens, not starting or ending with a hyphen (a DNS label under azurewebsites.net). */
const SITE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,58}[A-Za-z0-9])$/;
const KINDS = new Set(['app', 'app,linux', 'functionapp', 'functionapp,linux', 'app,linux,container', 'functionapp,linux,container', 'app,container,windows', 'functionapp,workflowapp', 'functionapp,linux,container,azurecontainerapps']);

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
/** A new site's configuration, the defaults of examples/CreateOrUpdateWebApp.json that do not depend on a runtime. */
const SITE_CONFIG = { numberOfWorkers: 1, linuxFxVersion: '', alwaysOn: false, http20Enabled: false, minTlsVersion: '1.2', scmMinTlsVersion: '1.2', ftpsState: 'AllAllowed', use32BitWorkerProcess: true, webSocketsEnabled: false, managedPipelineMode: 'Integrated', loadBalancing: 'LeastRequests' } as const;

export function findApp(state: EmulatorState, resourceGroup: string, name: string): WebApp | undefined {
  return appsOf(state).find((a) => eq(a.resourceGroup, resourceGroup) && eq(a.name, name));
}

export function siteId(subscriptionId: string, a: Pick<WebApp, 'resourceGroup' | 'name'>): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${a.resourceGroup}/providers/Microsoft.Web/sites/${a.name}`;
}

/** The site as GET returns it (Site in WebApps.json); `siteConfig` is only in a PUT's answer, as the RP does. */
export function siteBody(state: EmulatorState, a: WebApp, siteConfig?: Record<string, unknown>): Record<string, unknown> {
  const host = `${a.name.toLowerCase()}.azurewebsites.net`;
  const scm = `${a.name.toLowerCase()}.scm.azurewebsites.net`;
  const linux = a.kind.split(',').includes('linux');
  return {
    id: siteId(state.data.subscriptionId, a),
    name: a.name,
    type: 'Microsoft.Web/sites',
    kind: a.kind,
    location: regionDisplayName(a.location),
    tags: a.tags ?? {},
    properties: {
      name: a.name,
      state: 'Running',
      hostNames: [host],
      repositorySiteName: a.name,
      usageState: 'Normal',
      enabled: true,
      enabledHostNames: [host, scm],
      availabilityState: 'Normal',
      hostNameSslStates: [
        { name: host, sslState: 'Disabled', hostType: 'Standard' },
        { name: scm, sslState: 'Disabled', hostType: 'Repository' },
      ],
      serverFarmId: a.serverFarmId,
      reserved: linux,
      isXenon: false,
      hyperV: false,
      siteConfig: siteConfig ?? null,
      scmSiteAlsoStopped: false,
      clientAffinityEnabled: true,
      clientCertEnabled: false,
      hostNamesDisabled: false,
      containerSize: 0,
      dailyMemoryTimeQuota: 0,
      resourceGroup: a.resourceGroup,
      defaultHostName: host,
      httpsOnly: false,
      redundancyMode: 'None',
    },
  };
}

/** Config calls are authorised on the site itself (…/sites/{name}), not on the config path. */
const siteScope = (p: Record<string, string>): string => `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.Web/sites/${p.name}`;

/** The site a config call names, or ARM's 404. */
function appOrError(call: ArmCall): WebApp | ArmResult {
  const missing = groupOrError(call);
  if (missing !== undefined) return missing;
  return findApp(call.ctx.state, call.params.resourceGroupName!, call.params.name!) ?? armErrors.resourceNotFound('Microsoft.Web/sites', call.params.name!, call.params.resourceGroupName!);
}

const isApp = (x: WebApp | ArmResult): x is WebApp => 'serverFarmId' in x;

function list(call: ArmCall): ArmResult {
  const missing = groupOrError(call);
  if (missing !== undefined) return missing;
  const { state } = call.ctx;
  const rg = call.params.resourceGroupName;
  const value = appsOf(state)
    .filter((a) => rg === undefined || eq(a.resourceGroup, rg))
    .filter((a) => findResourceGroup(state, a.resourceGroup) !== undefined && call.allowedAt(siteId(state.data.subscriptionId, a)))
    .map((a) => siteBody(state, a));
  return jsonResponse(200, { value }, call.baseHeaders);
}

/** StringDictionary as the app settings calls return it. */
function settingsBody(state: EmulatorState, a: WebApp): Record<string, unknown> {
  return { id: `${siteId(state.data.subscriptionId, a)}/config/appsettings`, name: 'appsettings', type: 'Microsoft.Web/sites/config', location: regionDisplayName(a.location), properties: { ...a.appSettings } };
}

function stringMap(value: unknown): Record<string, string> | string {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return 'properties must be an object of strings';
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null) continue;
    if (typeof v !== 'string') return `properties.${k} must be a string`;
    out[k] = v;
  }
  return out;
}

/** A route under …/sites/{name}/config/: authorised on the site, 404 when the site does not exist. */
function configRoute(method: ArmRoute['method'], path: string, action: string, work: (call: ArmCall, app: WebApp) => ArmResult): ArmRoute {
  return {
    method,
    template: `${SITE}/config/${path}`,
    resourceType: 'webSites',
    action,
    scope: siteScope,
    handle(call) {
      const app = appOrError(call);
      return isApp(app) ? work(call, app) : app;
    },
  };
}

export const webSiteRoutes: ArmRoute[] = [
  {
    method: 'POST',
    template: `${SUB}/providers/Microsoft.Web/checknameavailability`,
    resourceType: 'webSites',
    action: 'Microsoft.Web/checknameavailability/read',
    scope: (p) => `/subscriptions/${p.subscriptionId}`,
    handle(call) {
      const input = (call.body ?? {}) as { name?: unknown; type?: unknown };
      const name = typeof input.name === 'string' ? input.name : '';
      const type = typeof input.type === 'string' ? input.type : '';
      if (!/^(?:Site|Microsoft\.Web\/sites)$/i.test(type)) return notEmulatedResponse(`checknameavailability for type '${type}' (only sites are modelled)`, call.req.requestId);
      if (!SITE_NAME.test(name)) return notEmulatedResponse(`checknameavailability for the invalid site name '${name}' (the RP's message is not documented here)`, call.req.requestId);
      const taken = appsOf(call.ctx.state).some((a) => eq(a.name, name));
      // ResourceNameAvailability (ResourceProvider.json): a reason only when the name is taken. Its
      // message text is not documented here, and az prints its own words for AlreadyExists: left out.
      return jsonResponse(200, taken ? { nameAvailable: false, reason: 'AlreadyExists' } : { nameAvailable: true }, call.baseHeaders);
    },
  },
  {
    method: 'PUT',
    template: SITE,
    resourceType: 'webSites',
    action: 'Microsoft.Web/sites/write',
    handle(call) {
      const { resourceGroupName: rg, name } = call.params as { resourceGroupName: string; name: string };
      const { state } = call.ctx;
      const group = findResourceGroup(state, rg);
      if (group === undefined) return armErrors.resourceGroupNotFound(rg);
      if (!SITE_NAME.test(name)) return notEmulatedResponse(`a site named '${name}' (the RP's answer to a name outside 2-60 letters, digits and inner hyphens is not documented here)`, call.req.requestId);
      const input = (call.body ?? {}) as { location?: unknown; kind?: unknown; tags?: unknown; properties?: { serverFarmId?: unknown; siteConfig?: { appSettings?: unknown } } };
      if (typeof input.location !== 'string' || input.location === '') return armErrors.locationRequired();
      const kind = typeof input.kind === 'string' ? input.kind.toLowerCase() : 'app';
      if (!KINDS.has(kind)) return notEmulatedResponse(`a site of kind '${kind}'`, call.req.requestId);
      const farm = typeof input.properties?.serverFarmId === 'string' ? input.properties.serverFarmId : undefined;
      if (farm === undefined) return notEmulatedResponse('a site without properties.serverFarmId (a plan the RP picks or makes itself)', call.req.requestId);
      const farmMatch = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Web\/serverfarms\/([^/]+)$/i.exec(farm);
      const plan = farmMatch ? plansOf(state).find((p) => eq(p.resourceGroup, farmMatch[1]!) && eq(p.name, farmMatch[2]!)) : undefined;
      if (plan === undefined) return webErrors.serverFarmNotFound(farmMatch?.[2] ?? farm);
      const raw = input.properties?.siteConfig?.appSettings;
      const settings: Record<string, string> = {};
      if (Array.isArray(raw)) for (const s of raw as { name?: unknown; value?: unknown }[]) if (typeof s.name === 'string' && typeof s.value === 'string') settings[s.name] = s.value;
      const tags = input.tags !== null && typeof input.tags === 'object' && !Array.isArray(input.tags) ? (input.tags as Record<string, string>) : undefined;
      const existing = findApp(state, rg, name);
      if (existing === undefined && appsOf(state).some((a) => eq(a.name, name))) return webErrors.siteNameTaken(name);
      const app: WebApp = existing ?? { name, resourceGroup: group.name, location: input.location, kind, serverFarmId: planId(state.data.subscriptionId, plan), appSettings: {} };
      app.kind = kind;
      app.serverFarmId = planId(state.data.subscriptionId, plan);
      // A PUT replaces the site: siteConfig.appSettings, when given, are the app's settings.
      if (Array.isArray(raw)) app.appSettings = settings;
      if (tags !== undefined) app.tags = tags;
      if (existing === undefined) appsOf(state).push(app);
      return jsonResponse(200, siteBody(state, app, SITE_CONFIG), call.baseHeaders);
    },
  },
  {
    method: 'GET',
    template: SITE,
    resourceType: 'webSites',
    action: 'Microsoft.Web/sites/read',
    handle(call) {
      const app = appOrError(call);
      return isApp(app) ? jsonResponse(200, siteBody(call.ctx.state, app), call.baseHeaders) : app;
    },
  },
  {
    method: 'DELETE',
    template: SITE,
    resourceType: 'webSites',
    action: 'Microsoft.Web/sites/delete',
    handle(call) {
      const missing = groupOrError(call);
      if (missing !== undefined) return missing;
      const { state } = call.ctx;
      const app = findApp(state, call.params.resourceGroupName!, call.params.name!);
      // WebApps_Delete: 200 deleted, 204 nothing to delete; deleteEmptyServerFarm=false keeps the plan
      // (az sends it with --keep-empty-plan), otherwise the RP removes a plan left empty.
      if (app === undefined) return { status: 204, headers: call.baseHeaders, body: '' };
      state.data.webApps = appsOf(state).filter((a) => a !== app);
      if (call.req.url.searchParams.get('deleteEmptyServerFarm')?.toLowerCase() !== 'false' && !appsOf(state).some((a) => eq(a.serverFarmId, app.serverFarmId))) {
        state.data.appServicePlans = plansOf(state).filter((p) => !eq(planId(state.data.subscriptionId, p), app.serverFarmId));
      }
      return { status: 200, headers: call.baseHeaders, body: '' };
    },
  },
  { method: 'GET', template: `${RG}/providers/Microsoft.Web/sites`, resourceType: 'webSites', action: 'Microsoft.Web/sites/read', access: 'filtered', handle: list },
  { method: 'GET', template: `${SUB}/providers/Microsoft.Web/sites`, resourceType: 'webSites', action: 'Microsoft.Web/sites/read', access: 'filtered', handle: list },
  // WebApps_ListApplicationSettings is a POST because it returns secrets: the config list action.
  configRoute('POST', 'appsettings/list', 'Microsoft.Web/sites/config/list/action', (call, app) => jsonResponse(200, settingsBody(call.ctx.state, app), call.baseHeaders)),
  configRoute('PUT', 'appsettings', 'Microsoft.Web/sites/config/write', (call, app) => {
    const settings = stringMap(((call.body ?? {}) as { properties?: unknown }).properties);
    if (typeof settings === 'string') return armErrors.invalidRequestContent(settings);
    // WebApps_UpdateApplicationSettings replaces the whole set.
    app.appSettings = settings;
    return jsonResponse(200, settingsBody(call.ctx.state, app), call.baseHeaders);
  }),
  // SiteConfigResource (WebApps_GetConfiguration), what az webapp show adds as siteConfig.
  configRoute('GET', 'web', 'Microsoft.Web/sites/config/read', (call, app) =>
    jsonResponse(200, { id: `${siteId(call.ctx.state.data.subscriptionId, app)}/config/web`, name: app.name, type: 'Microsoft.Web/sites/config', location: regionDisplayName(app.location), properties: SITE_CONFIG }, call.baseHeaders),
  ),
  configRoute('GET', 'slotConfigNames', 'Microsoft.Web/sites/config/read', (call, app) => jsonResponse(200, slotNamesBody(call.ctx.state, app), call.baseHeaders)),
  configRoute('PUT', 'slotConfigNames', 'Microsoft.Web/sites/config/write', (call, app) => {
    const names = ((call.body ?? {}) as { properties?: { appSettingNames?: unknown } }).properties?.appSettingNames;
    if (names !== undefined && names !== null && (!Array.isArray(names) || names.some((n) => typeof n !== 'string'))) return armErrors.invalidRequestContent('properties.appSettingNames must be an array of strings');
    app.slotSettingNames = (names as string[] | null | undefined) ?? [];
    return jsonResponse(200, slotNamesBody(call.ctx.state, app), call.baseHeaders);
  }),
];

/** SlotConfigNamesResource: the sticky app setting names (connection strings and storage configs are not modelled: null). */
function slotNamesBody(state: EmulatorState, a: WebApp): Record<string, unknown> {
  return {
    id: `${siteId(state.data.subscriptionId, a)}/config/slotConfigNames`,
    name: 'slotConfigNames',
    type: 'Microsoft.Web/sites/config',
    location: regionDisplayName(a.location),
    properties: { connectionStringNames: null, appSettingNames: a.slotSettingNames && a.slotSettingNames.length > 0 ? a.slotSettingNames : null, azureStorageConfigNames: null },
  };
}
