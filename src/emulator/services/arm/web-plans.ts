// Microsoft.Web/serverfarms (App Service plans): create or update (PUT), GET, DELETE and the lists by
// group and subscription — what az appservice plan / az functionapp plan call. Shapes from
// Azure/azure-rest-api-specs specification/web/resource-manager/Microsoft.Web/stable/2024-04-01/
// AppServicePlans.json and examples/CreateOrUpdateAppServicePlan.json (@182d3c01e745ca6f99df7eadb2990185ddd8f340).
// The RP answers a plan PUT with the plan at once (200); a plan that still hosts apps cannot be
// deleted, but that answer's text is not documented here: it is not emulated.
import type { Scenario } from '../../scenario.ts';
import type { EmulatorState } from '../../state.ts';
import { jsonResponse } from '../../respond.ts';
import { notEmulatedResponse } from '../../router.ts';
import { findResourceGroup } from '../../state.ts';
import { armErrors } from './errors.ts';
import type { ArmCall, ArmResult, ArmRoute } from './route.ts';

export type Plan = Scenario['appServicePlans'] extends (infer T)[] | undefined ? T : never;
export type WebApp = Scenario['webApps'] extends (infer T)[] | undefined ? T : never;

const SUB = '/subscriptions/{subscriptionId}';
const RG = `${SUB}/resourceGroups/{resourceGroupName}`;
export const PLAN = `${RG}/providers/Microsoft.Web/serverfarms/{name}`;
/** 1–60 characters: letters, digits and hyphens (the portal's and az's rule for a plan name). */
const PLAN_NAME = /^[A-Za-z0-9-]{1,60}$/;

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function plansOf(state: EmulatorState): Plan[] {
  return (state.data.appServicePlans ??= []);
}

export function appsOf(state: EmulatorState): WebApp[] {
  return (state.data.webApps ??= []);
}

export function findPlan(state: EmulatorState, resourceGroup: string, name: string): Plan | undefined {
  return plansOf(state).find((p) => eq(p.resourceGroup, resourceGroup) && eq(p.name, name));
}

export function planId(subscriptionId: string, p: Pick<Plan, 'resourceGroup' | 'name'>): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${p.resourceGroup}/providers/Microsoft.Web/serverfarms/${p.name}`;
}

/**
 * A SKU name's tier and family as the RP reports them (the App Service pricing tiers): F1 Free, D1
 * Shared, B Basic, S Standard, P Premium, PnV2/PnV3 PremiumV2/V3, Y1 Dynamic (Consumption), EP
 * ElasticPremium, I Isolated, FC1 FlexConsumption.
 */
export function skuOf(name: string): { name: string; tier: string; size: string; family: string; capacity: number } {
  const n = name.toUpperCase();
  const m = /^([A-Z]+)(\d+)([A-Z]+\d*)?$/i.exec(n);
  const letters = m?.[1] ?? n;
  const suffix = m?.[3] ?? '';
  const family = `${letters}${suffix.toLowerCase()}`;
  const tier =
    n === 'F1' || n === 'FREE' ? 'Free'
    : n === 'D1' || n === 'SHARED' ? 'Shared'
    : letters === 'Y' ? 'Dynamic'
    : letters === 'EP' ? 'ElasticPremium'
    : letters === 'FC' ? 'FlexConsumption'
    : letters === 'WS' ? 'WorkflowStandard'
    : letters === 'B' ? 'Basic'
    : letters === 'S' ? 'Standard'
    : letters === 'I' ? (suffix === '' ? 'Isolated' : `Isolated${suffix.toUpperCase()}`)
    : letters === 'P' ? (suffix === '' ? 'Premium' : `Premium${suffix.toUpperCase()}`)
    : letters;
  return { name: n, tier, size: n, family: family === 'Y' ? 'Y' : family, capacity: letters === 'Y' || letters === 'FC' ? 0 : 1 };
}

/** Azure's display name of a region, as the Web RP writes `location` ("West Europe"). */
export function regionDisplayName(location: string): string {
  const known: Record<string, string> = {
    westus: 'West US', westus2: 'West US 2', westus3: 'West US 3', eastus: 'East US', eastus2: 'East US 2', centralus: 'Central US',
    northcentralus: 'North Central US', southcentralus: 'South Central US', northeurope: 'North Europe', westeurope: 'West Europe',
    uksouth: 'UK South', ukwest: 'UK West', southeastasia: 'Southeast Asia', eastasia: 'East Asia', japaneast: 'Japan East',
    australiaeast: 'Australia East', canadacentral: 'Canada Central', francecentral: 'France Central', germanywestcentral: 'Germany West Central',
    swedencentral: 'Sweden Central', centralindia: 'Central India', brazilsouth: 'Brazil South',
  };
  return known[location.toLowerCase().replace(/\s+/g, '')] ?? location;
}

export function planBody(state: EmulatorState, p: Plan): Record<string, unknown> {
  const sites = appsOf(state).filter((a) => eq(a.serverFarmId, planId(state.data.subscriptionId, p))).length;
  const location = regionDisplayName(p.location);
  return {
    id: planId(state.data.subscriptionId, p),
    name: p.name,
    type: 'Microsoft.Web/serverfarms',
    kind: p.kind ?? (p.linux ? 'linux' : 'app'),
    location,
    tags: p.tags ?? {},
    properties: {
      status: 'Ready',
      maximumNumberOfWorkers: 30,
      geoRegion: location,
      numberOfSites: sites,
      isSpot: false,
      reserved: p.linux,
      isXenon: false,
      hyperV: false,
      targetWorkerCount: 0,
      targetWorkerSizeId: 0,
      provisioningState: 'Succeeded',
      resourceGroup: p.resourceGroup,
    },
    sku: skuOf(p.sku),
  };
}

/** ARM's 404 for a group that does not exist, before any Microsoft.Web answer. */
export function groupOrError(call: ArmCall): ArmResult | undefined {
  const rg = call.params.resourceGroupName;
  return rg !== undefined && findResourceGroup(call.ctx.state, rg) === undefined ? armErrors.resourceGroupNotFound(rg) : undefined;
}

function list(call: ArmCall): ArmResult {
  const missing = groupOrError(call);
  if (missing !== undefined) return missing;
  const { state } = call.ctx;
  const rg = call.params.resourceGroupName;
  const value = plansOf(state)
    .filter((p) => rg === undefined || eq(p.resourceGroup, rg))
    .filter((p) => findResourceGroup(state, p.resourceGroup) !== undefined && call.allowedAt(planId(state.data.subscriptionId, p)))
    .map((p) => planBody(state, p));
  return jsonResponse(200, { value }, call.baseHeaders);
}

export const webPlanRoutes: ArmRoute[] = [
  {
    method: 'PUT',
    template: PLAN,
    resourceType: 'webServerFarms',
    action: 'Microsoft.Web/serverfarms/write',
    handle(call) {
      const { resourceGroupName: rg, name } = call.params as { resourceGroupName: string; name: string };
      const group = findResourceGroup(call.ctx.state, rg);
      if (group === undefined) return armErrors.resourceGroupNotFound(rg);
      if (!PLAN_NAME.test(name)) return notEmulatedResponse(`an App Service plan named '${name}' (the RP's answer to a name outside letters, digits and hyphens is not documented here)`, call.req.requestId);
      const input = (call.body ?? {}) as { location?: unknown; kind?: unknown; tags?: unknown; sku?: { name?: unknown }; properties?: { reserved?: unknown } };
      if (typeof input.location !== 'string' || input.location === '') return armErrors.locationRequired();
      if (typeof input.sku?.name !== 'string' || input.sku.name === '') return notEmulatedResponse(`an App Service plan without sku.name (the RP's default is not documented here)`, call.req.requestId);
      const skuName = input.sku.name;
      const plan: Plan = {
        name,
        resourceGroup: group.name,
        location: input.location,
        sku: skuName,
        linux: input.properties?.reserved === true,
        ...(typeof input.kind === 'string' ? { kind: input.kind } : {}),
        ...(input.tags !== null && typeof input.tags === 'object' && !Array.isArray(input.tags) ? { tags: input.tags as Record<string, string> } : {}),
      };
      const plans = plansOf(call.ctx.state);
      const at = plans.findIndex((p) => eq(p.resourceGroup, rg) && eq(p.name, name));
      if (at >= 0) plans[at] = { ...plans[at]!, ...plan, name: plans[at]!.name };
      else plans.push(plan);
      return jsonResponse(200, planBody(call.ctx.state, plans[at >= 0 ? at : plans.length - 1]!), call.baseHeaders);
    },
  },
  {
    method: 'GET',
    template: PLAN,
    resourceType: 'webServerFarms',
    action: 'Microsoft.Web/serverfarms/read',
    handle(call) {
      const missing = groupOrError(call);
      if (missing !== undefined) return missing;
      const plan = findPlan(call.ctx.state, call.params.resourceGroupName!, call.params.name!);
      if (plan === undefined) return armErrors.resourceNotFound('Microsoft.Web/serverfarms', call.params.name!, call.params.resourceGroupName!);
      return jsonResponse(200, planBody(call.ctx.state, plan), call.baseHeaders);
    },
  },
  {
    method: 'DELETE',
    template: PLAN,
    resourceType: 'webServerFarms',
    action: 'Microsoft.Web/serverfarms/delete',
    handle(call) {
      const missing = groupOrError(call);
      if (missing !== undefined) return missing;
      const { state } = call.ctx;
      const plan = findPlan(state, call.params.resourceGroupName!, call.params.name!);
      // AppServicePlans_Delete: 200 when deleted, 204 when there was nothing to delete.
      if (plan === undefined) return { status: 204, headers: call.baseHeaders, body: '' };
      if (appsOf(state).some((a) => eq(a.serverFarmId, planId(state.data.subscriptionId, plan)))) {
        return notEmulatedResponse(`deleting the App Service plan '${plan.name}' while apps still run on it (the RP's answer is not documented here)`, call.req.requestId);
      }
      state.data.appServicePlans = plansOf(state).filter((p) => p !== plan);
      return { status: 200, headers: call.baseHeaders, body: '' };
    },
  },
  { method: 'GET', template: `${RG}/providers/Microsoft.Web/serverfarms`, resourceType: 'webServerFarms', action: 'Microsoft.Web/serverfarms/read', access: 'filtered', handle: list },
  { method: 'GET', template: `${SUB}/providers/Microsoft.Web/serverfarms`, resourceType: 'webServerFarms', action: 'Microsoft.Web/serverfarms/read', access: 'filtered', handle: list },
];
