// az appservice/functionapp plan, webapp/functionapp show|list|delete and config appsettings through
// the http engine, against the real emulator: the REST calls azure-cli makes (custom.py), what az
// prints (msrest models flattened, app settings as {name, slotSetting, value}, `set` redacted) and the
// errors. These commands used to be `unsupported` (no REST equivalent here).
import { describe, expect, it } from 'vitest';
import { azHarness } from './az-harness.ts';

const h = azHarness('tc-az-web-');

const calls = (o: { exchanges: { request: { method: string; url: string } }[] }): string[] =>
  o.exchanges.filter((e) => e.request.url.includes('management.azure.com')).map((e) => `${e.request.method} ${new URL(e.request.url).pathname.replace(/^\/subscriptions\/[^/]+/, '')}`);

describe('App Service plans', () => {
  it('appservice plan create reads the group for its location, PUTs B1 by default and prints the plan flattened', async () => {
    const out = await h.run('az appservice plan create -g mi-test -n web-plan --is-linux');
    expect(out.error).toBeUndefined();
    expect(calls(out)).toEqual(['GET /resourcegroups/mi-test', 'PUT /resourceGroups/mi-test/providers/Microsoft.Web/serverfarms/web-plan']);
    const plan = JSON.parse(out.output?.stdout ?? '') as Record<string, unknown>;
    expect(plan).toMatchObject({ name: 'web-plan', reserved: true, numberOfSites: 0, sku: { name: 'B1', tier: 'Basic' } });
    expect(plan).not.toHaveProperty('properties');
  });

  it('functionapp plan create --sku EP1, then plan list with the page\'s JMESPath finds it by sku.family', async () => {
    expect((await h.run('az functionapp plan create -g mi-test -n premium-plan --location westus --sku EP1')).error).toBeUndefined();
    const listed = await h.run('az functionapp plan list --resource-group mi-test');
    const plans = JSON.parse(listed.output?.stdout ?? '') as { name: string; sku: { family: string }; numberOfSites: number; geoRegion?: string }[];
    expect(plans.filter((p) => p.sku.family === 'EP').map((p) => p.name)).toEqual(['premium-plan']);
    expect(plans[0]).not.toHaveProperty('geoRegion');
  });

  it('functionapp plan create without --sku is az\'s own usage error; plan show of a missing plan is ARM\'s 404, exit 3', async () => {
    const usage = await h.run('az functionapp plan create -g mi-test -n no-sku');
    expect(usage.output?.exitCode).toBe(2);
    expect(usage.output?.stderr).toContain('--sku');
    const missing = await h.run('az appservice plan show -g mi-test -n nope');
    expect(missing.output?.exitCode).toBe(3);
    expect(missing.output?.stderr).toContain('(ResourceNotFound)');
  });
});

describe('apps and their settings', () => {
  const seedApp = (name: string, kind: string): void => {
    const d = h.target.handle.state.data;
    const sub = d.subscriptionId;
    (d.webApps ??= []).push({ name, resourceGroup: 'mi-test', location: 'westus', kind, serverFarmId: `/subscriptions/${sub}/resourceGroups/mi-test/providers/Microsoft.Web/serverfarms/web-plan`, appSettings: { EXISTING: 'kept', AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=c2VjcmV0LWtleS12YWx1ZQ==' } });
  };

  it('config appsettings set: POST list, PUT the merged set; printed redacted with az\'s warning; list then shows the values, the connection string redacted as a secret of the run', async () => {
    seedApp('contoso-fn-1', 'functionapp');
    const set = await h.run('az functionapp config appsettings set -g mi-test -n contoso-fn-1 --settings CUSTOM_FUNCTION_APP_SETTING=12345');
    expect(set.error).toBeUndefined();
    expect(calls(set)).toEqual([
      'GET /resourceGroups/mi-test/providers/Microsoft.Web/sites/contoso-fn-1',
      'POST /resourceGroups/mi-test/providers/Microsoft.Web/sites/contoso-fn-1/config/appsettings/list',
      'PUT /resourceGroups/mi-test/providers/Microsoft.Web/sites/contoso-fn-1/config/appsettings',
    ]);
    expect(JSON.parse(set.output?.stdout ?? '')).toEqual([
      { name: 'EXISTING', slotSetting: false, value: null },
      { name: 'AzureWebJobsStorage', slotSetting: false, value: null },
      { name: 'CUSTOM_FUNCTION_APP_SETTING', slotSetting: false, value: null },
    ]);
    expect(set.output?.stderr).toContain('App settings have been redacted.');

    const list = await h.run('az functionapp config appsettings list -g mi-test -n contoso-fn-1');
    const settings = JSON.parse(list.output?.stdout ?? '') as { name: string; value: string }[];
    expect(settings.find((s) => s.name === 'CUSTOM_FUNCTION_APP_SETTING')?.value).toBe('12345');
    expect(h.secrets.values().map((v) => v.value)).toContain('DefaultEndpointsProtocol=https;AccountName=x;AccountKey=c2VjcmV0LWtleS12YWx1ZQ==');
    expect(h.secrets.values().map((v) => v.value)).not.toContain('12345');
  });

  it('--slot-settings makes the setting sticky (slotConfigNames), delete removes both', async () => {
    const set = await h.run('az webapp config appsettings set -g mi-test -n contoso-fn-1 --slot-settings GOOGLE_PROVIDER_AUTHENTICATION_SECRET=abc');
    expect(calls(set).slice(-2)).toEqual(['GET /resourceGroups/mi-test/providers/Microsoft.Web/sites/contoso-fn-1/config/slotConfigNames', 'PUT /resourceGroups/mi-test/providers/Microsoft.Web/sites/contoso-fn-1/config/slotConfigNames']);
    expect((JSON.parse(set.output?.stdout ?? '') as { name: string; slotSetting: boolean }[]).find((s) => s.name === 'GOOGLE_PROVIDER_AUTHENTICATION_SECRET')?.slotSetting).toBe(true);
    const del = await h.run('az webapp config appsettings delete -g mi-test -n contoso-fn-1 --setting-names GOOGLE_PROVIDER_AUTHENTICATION_SECRET');
    expect(del.error).toBeUndefined();
    const list = JSON.parse((await h.run('az webapp config appsettings list -g mi-test -n contoso-fn-1')).output?.stdout ?? '') as { name: string }[];
    expect(list.map((s) => s.name)).not.toContain('GOOGLE_PROVIDER_AUTHENTICATION_SECRET');
  });

  it('set without --settings or --slot-settings is az\'s usage error; an app that does not exist is ARM\'s 404, exit 3', async () => {
    const usage = await h.run('az webapp config appsettings set -g mi-test -n contoso-fn-1');
    expect(usage.output?.stderr).toContain('Usage Error: --settings |--slot-settings');
    const missing = await h.run('az webapp config appsettings set -g mi-test -n nowhere-app --settings A=1');
    expect(missing.output?.exitCode).toBe(3);
    expect(missing.output?.stderr).toContain("The Resource 'Microsoft.Web/sites/nowhere-app' under resource group 'mi-test' was not found");
  });

  it('show prints the site with appServicePlanId and siteConfig; list keeps web apps and function apps apart; delete removes it', async () => {
    seedApp('contoso-web-2', 'app');
    const show = await h.run('az functionapp show -g mi-test -n contoso-fn-1');
    const app = JSON.parse(show.output?.stdout ?? '') as Record<string, unknown>;
    expect(app).toMatchObject({ name: 'contoso-fn-1', defaultHostName: 'contoso-fn-1.azurewebsites.net', state: 'Running', kind: 'functionapp' });
    expect(app.appServicePlanId).toMatch(/\/serverfarms\/web-plan$/);
    expect(app).not.toHaveProperty('serverFarmId');
    expect(app.siteConfig).toMatchObject({ minTlsVersion: '1.2' });
    expect((JSON.parse((await h.run('az webapp list -g mi-test')).output?.stdout ?? '') as { name: string }[]).map((a) => a.name)).toEqual(['contoso-web-2']);
    expect((JSON.parse((await h.run('az functionapp list')).output?.stdout ?? '') as { name: string }[]).map((a) => a.name)).toEqual(['contoso-fn-1']);
    const del = await h.run('az webapp delete -g mi-test -n contoso-web-2 --keep-empty-plan');
    expect(calls(del)).toEqual(['DELETE /resourceGroups/mi-test/providers/Microsoft.Web/sites/contoso-web-2']);
    expect(del.exchanges[0]?.request.url).toContain('deleteEmptyServerFarm=false');
    expect((await h.run('az webapp show -g mi-test -n contoso-web-2')).output?.exitCode).toBe(3);
  });
});
