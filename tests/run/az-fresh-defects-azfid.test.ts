// Defects other helpers saw on never-seen pages (tests/fresh) in the run's az equivalents, each test
// named after the defect it pins: the run must fail where az fails, with az's own words, and never
// pass where az fails. Each page is run by the CLI on the embedded emulator, over real sockets.
import { describe, expect, it } from 'vitest';
import { pageVerdicts, type StepVerdict } from '../helpers/page-verdicts.ts';

const fence = (text: string) => `\`\`\`azurecli\n${text}\n\`\`\`\n`;

/** A page of one azurecli block per command, run by the CLI. */
const verdicts = (blocks: string[]): Promise<StepVerdict[]> => pageVerdicts(`# Page\n\n${blocks.map((b) => `Run:\n\n${fence(b)}`).join('\n')}`, 'tc-azfid-');

const USAGE = /Usage error: To create role assignments, specify both --role and --scopes\./;

describe('defect: az ad sp create-for-rbac --role without --scopes (or --scopes without --role) was not a fail, where az stops with a usage error', () => {
  // Azure/azure-cli role/custom.py @01ce0346a4b9, create_service_principal_for_rbac (2.35.0+): the check comes
  // before any request. The run has no REST equivalent for the command, but az's own rejection is certain.
  it('fails --role alone, --scopes alone and an empty --scopes paired with --role, with az\'s message; both given stays unsupported', async () => {
    const steps = await verdicts([
      'az ad sp create-for-rbac --role Contributor --sdk-auth',
      'az ad sp create-for-rbac --name myapp --scopes /subscriptions/00000000-0000-0000-0000-000000000000',
      'az ad sp create-for-rbac --role Contributor --scopes ""',
      'az ad sp create-for-rbac --role Contributor --scopes /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg',
      'az ad sp create-for-rbac --skip-assignment',
    ]);
    expect(steps.slice(0, 3).map((s) => s.verdict)).toEqual(['fail', 'fail', 'fail']);
    for (const s of steps.slice(0, 3)) expect(s.reason).toMatch(USAGE);
    expect(steps.slice(3).map((s) => s.verdict)).toEqual(['unsupported', 'unsupported']);
    for (const s of steps.slice(3)) expect(s.reason).not.toMatch(USAGE);
  }, 120_000);

  it('fails it inside var=$(…) too, which the run would otherwise call unsupported', async () => {
    const steps = await verdicts(['SP=$(az ad sp create-for-rbac --role Contributor --query appId -o tsv)']);
    expect(steps[0]).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(USAGE) });
  }, 120_000);
});

describe('defect: az … --subscription "subscriptionID" failed with the emulator\'s InvalidSubscriptionId, a request az never sends', () => {
  // az's SubscriptionNameOrIdAction (azure-cli core commands/arm.py @dfa60142980c) warns on a value that is
  // neither an id nor a name of the account's subscriptions; the profile then stops before any request
  // (core/_profile.py @000cacd2ecd5 get_subscription). The fresh page application-gateway/
  // ingress-controller-install-existing.md writes az identity create --subscription "subscriptionID".
  it("fails with az's own words, and a name of the account's subscription runs as its id", async () => {
    const steps = await verdicts([
      'az identity create --name "userAssignedIdentityName" --resource-group "resourceGroupName" --location "eastus" --subscription "subscriptionID"',
      // The emulator's account is in 'Tutorial Subscription' (emulator/scenario.ts); az matches names case-insensitively.
      'az group create --name rg-by-name --location eastus --subscription "tutorial subscription"',
    ]);
    expect(steps[0]).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/Subscription 'subscriptionID' not found\. Check the spelling and casing and try again\./) });
    expect(steps[0]!.reason).not.toMatch(/InvalidSubscriptionId/);
    expect(steps[1]!.verdict).toBe('pass'); // was: PUT /subscriptions/tutorial%20subscription/… answered 400
  }, 120_000);

  it('leaves a data-plane command alone: az only warns there (no management client asks the profile)', async () => {
    const steps = await verdicts(['az keyvault secret show --vault-name myvault --name mysecret --subscription "subscriptionID"']);
    expect(steps[0]!.reason).not.toMatch(/Subscription 'subscriptionID' not found/);
  }, 120_000);
});

describe("defect: az ad sp list --query '[0].objectId' passed, where az (Microsoft Graph since 2.37) prints nothing", () => {
  // Microsoft Graph servicePrincipal resource (https://learn.microsoft.com/graph/api/resources/serviceprincipal):
  // the object's key is `id`; there is no `objectId`. The emulator's Graph objects (src/emulator/directory.ts)
  // carry `id` only, and a --query that selects nothing in an equivalent's answer is not judged (steps/az.ts
  // printedAsAzWould): the step must never be a pass.
  it('is not a pass', async () => {
    const steps = await verdicts(["az ad sp list --display-name myapp --query '[0].objectId' -o tsv"]);
    expect(steps[0]!.verdict).not.toBe('pass');
  }, 120_000);
});
