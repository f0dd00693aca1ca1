// The World knows App Service: an app or plan a page uses without creating it is the reader's and is
// provided (assumed, listed), so `az functionapp config appsettings set` on it runs; an app the page
// creates is created by its own command. Regressions pinned from the corpus:
// - app-placeholder-two-roles: `<app_name>` after `az webapp` and after `az functionapp` on one page had
//   two roles and two names, and the second command looked for an app nobody had (a false fail);
// - existing-app-was-a-rival: a page that creates a new function app and also configures the reader's
//   existing one had the existing one "not provided" (the misspelling rule), a 404 false fail;
// - app-in-two-groups: one app named with the reader's group as a placeholder and as a literal.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { emulatorRun } from '../helpers/emulator-run.ts';

const fence = (text: string): string => `\`\`\`azurecli\n${text}\n\`\`\`\n`;
const TWO_GROUPS = [
  '# Configure a function app\n',
  'List the settings:\n',
  fence('az functionapp config appsettings list --name <FUNCTION_APP_NAME> --resource-group <RESOURCE_GROUP_NAME>'),
  'Add one:\n',
  fence('az webapp config appsettings set -g <RESOURCE_GROUP_NAME> -n <FUNCTION_APP_NAME> --settings CUSTOM=12345'),
  'Find its plan:\n',
  fence('functionApp=<FUNCTION_APP_NAME>\nresourceGroup=FunctionExamples\nappServicePlanId=$(az functionapp show --name $functionApp --resource-group $resourceGroup --query appServicePlanId --output tsv)\naz appservice plan list --query "[?id==\'$appServicePlanId\'].sku.tier" --output tsv'),
  'Create a Premium plan and a second app:\n',
  fence('az functionapp plan create --name <NEW_PREMIUM_PLAN_NAME> --resource-group <MY_RESOURCE_GROUP> --location westus --sku EP1'),
  fence('az functionapp plan list --resource-group <MY_RESOURCE_GROUP> --query "[?sku.family==\'EP\'].{PlanName:name,Sites:numberOfSites}"'),
  fence('az functionapp plan delete --name <NEW_PREMIUM_PLAN_NAME> --resource-group <MY_RESOURCE_GROUP> --yes'),
].join('\n');

const run = emulatorRun('web-world');
let page: Report['tutorials'][number];
beforeAll(async () => {
  page = await run.page('functions.md', TWO_GROUPS);
}, 180_000);

describe('App Service in the World', () => {
  it('the reader\'s function app is assumed and listed; every App Service step of the page passes', () => {
    const t = page;
    const verdicts = t.steps.map((s) => `${s.verdict} ${s.raw.split('\n')[0]}`);
    expect(verdicts.filter((v) => !v.startsWith('pass')), verdicts.join('\n')).toEqual([]);
    expect(t.assumptions).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'web-app', what: expect.stringMatching(/^the app /) })]));
  });

  it('the plan list query reads the tier of the plan the app runs on, and the created plan is counted by family', () => {
    const t = page;
    const tier = t.steps.find((s) => s.raw.startsWith('az appservice plan list'))!;
    expect(tier.verdict).toBe('pass');
    const premium = t.steps.find((s) => s.raw.startsWith('az functionapp plan list'))!;
    expect(premium.verdict).toBe('pass');
  });
});
