// Where the rules about what a page shows around its commands fire on real pages, and where they
// stay silent because the page writes the pattern correctly (issue 16: example-output,
// inconsistent-name, other).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { lintTutorial } from '../../src/lint/index.ts';
import { objectIdFields } from '../../src/lint/rules/az-graph-objectid-query.ts';
import { runtimeStatus } from '../../src/reference/runtime-lifecycle.ts';
import { constructedKeys } from '../../src/lint/rules/example-projection-keys.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const corpus = (page: string) => `tests/corpus/articles/${page}`;
const found = (page: string, rule: string, text = read(page)) => lintText(text, 'docfx', page).filter((f) => f.rule === rule);
const lines = (page: string, rule: string) => found(page, rule).map((f) => f.line);

describe('az-graph-objectid-query', () => {
  it('reports az ad user/group/sp queries for objectId on real pages, at the --query word', () => {
    expect(lines(corpus('role-based-access-control/role-assignments-cli.md'), 'az-graph-objectid-query')).toEqual([273, 281, 289]);
    const bicep = found(corpus('key-vault/secrets/quick-create-bicep.md'), 'az-graph-objectid-query');
    expect(bicep.map((f) => f.line)).toEqual([33]);
    expect(bicep[0]?.fix?.edits).toEqual([{ line: 33, column: 44, endColumn: 52, old: 'objectId', text: 'id' }]);
  });
  it('reads JMESPath: string literals, hash keys and other fields are no objectId field', () => {
    expect(objectIdFields('objectId')).toEqual([0]);
    expect(objectIdFields('[].objectId')).toEqual([3]);
    expect(objectIdFields('"objectId"')).toEqual([1]);
    expect(objectIdFields("[?objectId=='x'].displayName")).toEqual([2]);
    expect(objectIdFields('{objectId: id, name: displayName}')).toEqual([]);
    expect(objectIdFields("[?displayName=='objectId'].id")).toEqual([]);
    expect(objectIdFields('[].principalObjectIds')).toEqual([]);
  });
  it('silent on the Azure CLI reference pages that query Graph objects correctly', () => {
    // MicrosoftDocs/azure-docs-cli @e97b361d00a5deca1759cc063e05ae2d53ea95e0:
    // docs-ref-conceptual/Latest-version/includes/query-azure-cli-examples.md:47 and
    // docs-ref-conceptual/Latest-version/azure-cli-sp-tutorial-2.md:62
    const page = [
      '# Query',
      '',
      '```azurecli',
      `az ad sp list --display-name "Microsoft Graph" --query "[0].appRoles[?value=='User.Read.All' && contains(allowedMemberTypes, 'Application')].id" --output tsv`,
      '```',
      '',
      '```bash',
      'spID=$(az ad sp list --display-name myServicePrincipalName --query "[].{spID:appId}" --output tsv)',
      'az role assignment list --assignee $spID --query "[].{objectId:principalId}"',
      '```',
      '',
    ].join('\n');
    expect(found('query.md', 'az-graph-objectid-query', page)).toEqual([]);
    expect(found(corpus('app-service/deploy-github-actions.md'), 'az-graph-objectid-query')).toEqual([]);
  });
});

describe('html-entity-in-code', () => {
  it('reports &lt;app_name&gt; in the output of az webapp up (quickstart-html.md)', () => {
    const f = found(corpus('app-service/quickstart-html.md'), 'html-entity-in-code');
    expect(f.map((x) => x.line)).toEqual([67, 69, 74, 75]);
    expect(f[1]?.message).toMatch(/Write "\\"name\\": \\"<app_name>\\",/);
    expect(f[1]?.fix?.edits.map((e) => e.text)).toEqual(['<', '>']);
  });
  it('silent on entities in prose (decoded there) and in markup blocks (escaping is right there)', () => {
    const page = ['# Entities', '', 'Replace &lt;name&gt; with your name.', '', '```xml', '<Value>a &lt; b &amp;&amp; c</Value>', '```', ''].join('\n');
    expect(found('entities.md', 'html-entity-in-code', page)).toEqual([]);
    expect(found(corpus('key-vault/secrets/quick-create-cli.md'), 'html-entity-in-code')).toEqual([]);
  });
});

describe('output-in-command-fence', () => {
  it('reports output written in the command block or in a block tagged azurecli', () => {
    expect(lines(corpus('storage/common/storage-require-secure-transfer.md'), 'output-in-command-fence')).toEqual([104, 117]);
    expect(lines(corpus('role-based-access-control/conditions-role-assignments-cli.md'), 'output-in-command-fence')).toEqual([47, 93]);
  });
  it('reports a bash block that the prose introduces as a file content or an output (multiline-secrets.md)', () => {
    const f = found(corpus('key-vault/secrets/multiline-secrets.md'), 'output-in-command-fence');
    expect(f.map((x) => [x.line, x.endLine])).toEqual([[24, 26], [57, 57]]);
    expect(f[0]?.message).toMatch(/holds no command.*line 21/);
  });
  it('silent on console transcripts and on output in its own block (tutorial-rotation.md, quickstart-html.md, quick-create-cli.md)', () => {
    expect(read(corpus('key-vault/secrets/tutorial-rotation.md'))).toMatch(/```console\nName {2,}ResourceGroup/);
    expect(found(corpus('key-vault/secrets/tutorial-rotation.md'), 'output-in-command-fence')).toEqual([]);
    expect(found(corpus('app-service/quickstart-html.md'), 'output-in-command-fence')).toEqual([]);
    expect(found(corpus('key-vault/secrets/quick-create-cli.md'), 'output-in-command-fence')).toEqual([]);
  });
  it('silent on a bash block of commands the parser does not know, introduced like output', () => {
    for (const lead of ['The build script contains the following steps:', 'The following example shows the steps:', 'Create a file build.sh containing the following lines:']) {
      const page = ['# Build', '', lead, '', '```bash', './configure --prefix=/usr', 'make install', '```', ''].join('\n');
      expect(found('build.md', 'output-in-command-fence', page), lead).toEqual([]);
    }
  });
});

describe('retired-runtime-version', () => {
  it('reads versions as each runtime numbers them, against the data file\'s asOf day', () => {
    expect(runtimeStatus('node', '14.x')).toMatchObject({ kind: 'ended', version: '14', date: '2023-04-30' });
    expect(runtimeStatus('node', '~22')).toEqual({ kind: 'current' });
    expect(runtimeStatus('python', '3.7')).toMatchObject({ kind: 'ended', date: '2023-06-27' });
    expect(runtimeStatus('python', '3.12')).toEqual({ kind: 'current' });
    expect(runtimeStatus('dotnet', '3.3.x')).toMatchObject({ kind: 'never-released', version: '3.3' });
    expect(runtimeStatus('dotnet', '10.0.x')).toEqual({ kind: 'current' });
    expect(runtimeStatus('dotnet', '6')).toMatchObject({ kind: 'ended', version: '6.0' });
    expect(runtimeStatus('functions', '~4')).toEqual({ kind: 'current' });
    expect(runtimeStatus('functions', '~3')).toMatchObject({ kind: 'ended', date: '2022-12-13' });
  });
  it('reports the workflow pins of deploy-github-actions.md: Node.js 14, .NET Core 3.1 and a .NET 3.3 that never existed', () => {
    const f = found(corpus('app-service/deploy-github-actions.md'), 'retired-runtime-version');
    expect(f.map((x) => x.line)).toEqual([156, 183, 295, 426, 506, 647]);
    expect(f[0]?.message).toMatch(/\.NET 3\.3 \("3\.3\.x"\) was never released/);
    expect(f[1]?.message).toMatch(/Node\.js 14 \("14\.x"\) reached end of support on 2023-04-30 \(nodejs\/Release schedule\.json/);
  });
  it('reports Core Tools 3.x in the prose of create-first-function-cli-java.md', () => {
    expect(lines(corpus('azure-functions/create-first-function-cli-java.md'), 'retired-runtime-version')).toEqual([30, 40]);
  });
  it('silent on variables, unpinned versions, history and supported versions', () => {
    const page = read(corpus('app-service/deploy-github-actions.md'));
    expect(page).toContain('node-version: ${{ env.NODE_VERSION }}');
    expect(page).toContain('python-version: 3.x');
    expect(found(corpus('azure-functions/disable-function.md'), 'retired-runtime-version')).toEqual([]);
    expect(found(corpus('azure-functions/functions-how-to-use-azure-function-app-settings.md'), 'retired-runtime-version')).toEqual([]);
    const text = [
      '# Versions',
      '',
      'As of December 13, 2022, apps on Azure Functions runtime version 3.x reached the end of extended support.',
      '',
      '```yaml',
      "node-version: '22.x'",
      "dotnet-version: '8.0.x'",
      "python-version: '3.12'",
      '```',
      '',
      '```azurecli',
      'az functionapp create -g myGroup -n myApp -s mystorage --consumption-plan-location westeurope --runtime python --runtime-version 3.12 --functions-version 4',
      '```',
      '',
    ].join('\n');
    expect(found('versions.md', 'retired-runtime-version', text).map((f) => f.message)).toEqual([expect.stringMatching(/\.NET 8\.0 \("8\.0\.x"\) reached end of support on 2026-11-10/)]);
  });
});

describe('inconsistent-resource-name', () => {
  // Parsed as the run parses them: includes resolved from the corpus's docfx.json.
  const lintFile = (page: string) => lintTutorial(parseTutorialFile(join(root, page)), { text: read(page) }).filter((f) => f.rule === 'inconsistent-resource-name');
  it('manage-resource-groups-cli.md: creates demoResourceGroup and LockGroup, then uses exampleGroup and deletes exampleLock', () => {
    const f = lintFile(corpus('azure-resource-manager/management/manage-resource-groups-cli.md'));
    expect(f.map((x) => x.line)).toEqual([44, 52, 122]);
    expect(f[1]?.message).toMatch(/az group delete deletes the resource group "exampleGroup", which the page never created/);
    expect(f[2]?.message).toMatch(/az lock delete uses the lock "exampleLock".*creates "LockGroup" \(line 110\)/);
  });
  it('quick-create-python.md (keys): the include creates myResourceGroup, the page uses KeyVault-PythonQS-rg (first use in each tab) and deletes it', () => {
    const f = lintFile(corpus('key-vault/keys/quick-create-python.md'));
    expect(f.map((x) => x.line)).toEqual([41, 47, 164]);
    expect(f[0]?.message).toMatch(/creates "myResourceGroup" \(in an included file\)/);
  });
  it('silent where the names agree (quick-create-cli.md, hsm-protected-keys-byok.md: a key import creates its key) and on the twelve tutorials', () => {
    expect(lintFile(corpus('key-vault/secrets/quick-create-cli.md'))).toEqual([]);
    expect(lintFile(corpus('key-vault/keys/hsm-protected-keys-byok.md'))).toEqual([]);
    for (const t of ['000-storage-sas.md', '002-storage-user-assigned.md', '001-storage-access-key.md']) expect(lintFile(`tutorials/${t}`), t).toEqual([]);
  });
  it('silent when the prose introduces the other name, and on names that are placeholders or variables', () => {
    const page = corpus('azure-resource-manager/management/manage-resource-groups-cli.md');
    const stated = read(page).replace('## Delete resource groups', 'The following examples use an existing group named exampleGroup.\n\n## Delete resource groups');
    expect(found(page, 'inconsistent-resource-name', stated).filter((f) => f.message.includes('exampleGroup'))).toEqual([]);
    const text = ['# Groups', '', '```azurecli', 'az group create --name myGroup --location westus', 'az group show --name $GROUP', 'az group show --name <resource-group>', 'az group show --name MYGROUP', '```', ''].join('\n');
    expect(found('groups.md', 'inconsistent-resource-name', text)).toEqual([]);
  });
});

describe('inconsistent-resource-name: a parent named by --<noun>-name, a separator variant', () => {
  const sb = (queueNamespace: string) => ['# Service Bus', '', '```azurecli', 'az group create --name my-group --location eastus2', 'az servicebus namespace create --name namespace-name --resource-group my-group', `az servicebus queue create --resource-group my-group --namespace-name ${queueNamespace} --name queue-name`, '```', ''].join('\n');
  it('a queue created in namespace_name when the page created namespace-name', () => {
    const f = found('sb.md', 'inconsistent-resource-name', sb('namespace_name'));
    expect(f.map((x) => [x.line, x.column])).toEqual([[6, 71]]);
    expect(f[0]?.message).toMatch(/uses the servicebus namespace "namespace_name", while the page creates "namespace-name" \(line 5\): the same name with other separators/);
    expect(found('sb.md', 'inconsistent-resource-name', sb('namespace-name'))).toEqual([]);
  });
  it('the fresh service-bus-quickstart-cli.md (line 71), silent on event-hubs-quickstart-cli.md and the Log Analytics sample whose parents agree', () => {
    const f = found('tests/fresh/articles/service-bus-messaging/service-bus-quickstart-cli.md', 'inconsistent-resource-name');
    expect(f.map((x) => x.line)).toEqual([71]);
    expect(f[0]?.message).toMatch(/"namespace_name", while the page creates "namespace-name" \(line 68\)/);
    expect(found('tests/fresh/articles/event-hubs/event-hubs-quickstart-cli.md', 'inconsistent-resource-name')).toEqual([]);
    expect(found('tests/fresh/articles/azure-monitor/logs/azure-cli-log-analytics-workspace-sample.md', 'inconsistent-resource-name')).toEqual([]);
  });
});

describe('example-projection-keys', () => {
  it('custom-roles-cli.md: jq builds roleName and roleType, the output shows "type" (every object of the stream)', () => {
    const f = found(corpus('role-based-access-control/custom-roles-cli.md'), 'example-projection-keys');
    expect(f.map((x) => x.line)).toEqual([47, 51, 55]);
    expect(f[0]?.message).toMatch(/shows "type".*keys "roleName", "roleType" only/);
  });
  it('reads jq and JMESPath object constructions, and gives up on computed keys or several objects', () => {
    expect(constructedKeys('.[] | {"roleName":.roleName, "roleType":.roleType}', 'jq')).toEqual(['roleName', 'roleType']);
    expect(constructedKeys('.[] | {roleName, id: .name}', 'jq')).toEqual(['roleName', 'id']);
    expect(constructedKeys('{(.name): .id}', 'jq')).toBeUndefined();
    expect(constructedKeys('{a: {b: .c}}', 'jq')).toBeUndefined();
    expect(constructedKeys('[].{Name:name, "Resource Group":resourceGroup}', 'jmespath')).toEqual(['Name', 'Resource Group']);
    expect(constructedKeys("[?name=='{x}'].{Name:name}", 'jmespath')).toEqual(['Name']);
    expect(constructedKeys('[].name', 'jmespath')).toBeUndefined();
  });
  it('silent where the output shows what the projection prints (role-assignments-cli.md, jq with roleName/description/roleType)', () => {
    const page = corpus('role-based-access-control/role-assignments-cli.md');
    expect(read(page)).toContain(`jq '.[] | {"roleName":.roleName, "description":.description, "roleType":.roleType}'`);
    expect(found(page, 'example-projection-keys')).toEqual([]);
  });
  it('silent on table output, where the keys are column headers', () => {
    const text = ['# List', '', '```azurecli', 'az group list --query "[].{Name:name}" --output table', '```', '', '```output', 'Name', '------', 'myGroup', '```', ''].join('\n');
    expect(found('list.md', 'example-projection-keys', text)).toEqual([]);
  });
});

describe('example-role-definition-differs', () => {
  it('tutorial-custom-role-cli.md: the list shows actions no version of ReaderSupportRole.json grants; the create output matches the file', () => {
    const f = found(corpus('role-based-access-control/tutorial-custom-role-cli.md'), 'example-role-definition-differs');
    expect(f.map((x) => [x.line, x.endLine])).toEqual([[162, 189]]);
    expect(f[0]?.message).toMatch(/"Microsoft\.Insights\/diagnosticSettings\/\*\/read" that it does not grant/);
  });
  it('custom-roles-cli.md: the listed Virtual Machine Operator has the updated actions but one assignable scope', () => {
    const f = found(corpus('role-based-access-control/custom-roles-cli.md'), 'example-role-definition-differs');
    expect(f.map((x) => x.line)).toEqual([76]);
    expect(f[0]?.message).toMatch(/against the one on line 189 it has 1 assignable scope where it has 3/);
  });
  it('role-assignments-cli.md: the built-in Contributor it lists lacks the NotActions the role has today', () => {
    const f = found(corpus('role-based-access-control/role-assignments-cli.md'), 'example-role-definition-differs');
    // The whole block: the stale description (line 108) is part of the same old definition.
    expect(f.map((x) => [x.line, x.endLine])).toEqual([[102, 130]]);
    expect(f[0]?.message).toMatch(/built-in role "Contributor" is not its definition today: notActions lacks "Microsoft\.Blueprint\/blueprintAssignments\/write"/);
    expect(f[0]?.message).toMatch(/articles\/role-based-access-control\/built-in-roles\/privileged\.md @ 0b8729eaf7eb/);
  });
  it("silent on a built-in role shown as Azure defines it today (the Contributor block of the built-in roles page, after the page's az command)", () => {
    // MicrosoftDocs/azure-docs articles/role-based-access-control/built-in-roles/privileged.md
    // @ 0b8729eaf7eb0aabc6390cb17348d19761285f12, its Contributor ```json block verbatim.
    const block = [
      '{',
      '  "assignableScopes": [',
      '    "/"',
      '  ],',
      '  "description": "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.",',
      '  "id": "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c",',
      '  "name": "b24988ac-6180-42a0-ab88-20f7382dd24c",',
      '  "permissions": [',
      '    {',
      '      "actions": [',
      '        "*"',
      '      ],',
      '      "notActions": [',
      '        "Microsoft.Authorization/*/Delete",',
      '        "Microsoft.Authorization/*/Write",',
      '        "Microsoft.Authorization/elevateAccess/Action",',
      '        "Microsoft.Blueprint/blueprintAssignments/write",',
      '        "Microsoft.Blueprint/blueprintAssignments/delete",',
      '        "Microsoft.Compute/galleries/share/action",',
      '        "Microsoft.Purview/consents/write",',
      '        "Microsoft.Purview/consents/delete",',
      '        "Microsoft.Resources/deploymentStacks/manageDenySetting/action",',
      '        "Microsoft.Subscription/cancel/action",',
      '        "Microsoft.Subscription/enable/action"',
      '      ],',
      '      "dataActions": [],',
      '      "notDataActions": []',
      '    }',
      '  ],',
      '  "roleName": "Contributor",',
      '  "roleType": "BuiltInRole",',
      '  "type": "Microsoft.Authorization/roleDefinitions"',
      '}',
    ];
    const text = ['# Contributor', '', '```azurecli', 'az role definition list --name "Contributor"', '```', '', '```Output', '[', ...block, ']', '```', ''].join('\n');
    expect(found('contributor.md', 'example-role-definition-differs', text)).toEqual([]);
    // The same block with one NotAction fewer is reported: the negative is not silent by accident.
    const stale = text.replace('        "Microsoft.Subscription/enable/action"\n', '').replace('"Microsoft.Subscription/cancel/action",', '"Microsoft.Subscription/cancel/action"');
    expect(found('contributor.md', 'example-role-definition-differs', stale).map((x) => x.message)).toEqual([expect.stringMatching(/notActions lacks "Microsoft\.Subscription\/enable\/action"/)]);
  });
});

describe('example-secret-from-file', () => {
  it('multiline-secrets.md: the value shown breaks the lines elsewhere than secretfile.txt', () => {
    const f = found(corpus('key-vault/secrets/multiline-secrets.md'), 'example-secret-from-file');
    expect(f.map((x) => x.line)).toEqual([57]);
    expect(f[0]?.suggestion).toBe('"This is my\\nmulti-line\\nsecret"');
  });
  it('silent when the value is the file (a final line break either way), or when another encoding is asked for', () => {
    const page = corpus('key-vault/secrets/multiline-secrets.md');
    const right = read(page).replace('"This is\\nmy multi-line\\nsecret"', '"This is my\\nmulti-line\\nsecret\\n"');
    expect(found(page, 'example-secret-from-file', right)).toEqual([]);
    const base64 = read(page).replace('--file "secretfile.txt"', '--file "secretfile.txt" --encoding base64');
    expect(found(page, 'example-secret-from-file', base64)).toEqual([]);
  });
});

describe('link-reference-mismatch', () => {
  it('overview-storage-keys.md: [az login] links the Connect-AzAccount page', () => {
    expect(lines(corpus('key-vault/secrets/overview-storage-keys.md'), 'link-reference-mismatch')).toEqual([55]);
  });
  it('silent on az links to the CLI reference, cmdlet links to PowerShell, and anchors (role-assignments-cli.md, quick-create-python.md)', () => {
    expect(read(corpus('role-based-access-control/role-assignments-cli.md'))).toContain('[az ad user show](/cli/azure/ad/user#az-ad-user-show)');
    expect(found(corpus('role-based-access-control/role-assignments-cli.md'), 'link-reference-mismatch')).toEqual([]);
    expect(found(corpus('key-vault/keys/quick-create-python.md'), 'link-reference-mismatch')).toEqual([]);
    expect(found(corpus('key-vault/secrets/multiline-secrets.md'), 'link-reference-mismatch')).toEqual([]);
  });
});

describe('contract-field-not-in-api on az role assignment list / update', () => {
  it('elevate-access-global-admin.md: the list shown in an "Example" fence still has canDelegate', () => {
    const f = found(corpus('role-based-access-control/elevate-access-global-admin.md'), 'contract-field-not-in-api');
    expect(f.map((x) => x.line)).toEqual([170]);
    expect(f[0]?.message).toMatch(/^\[0\]\.canDelegate: canDelegate belonged to the preview role assignment APIs/);
  });
  it('conditions-role-assignments-cli.md: both the create and the update output', () => {
    expect(lines(corpus('role-based-access-control/conditions-role-assignments-cli.md'), 'contract-field-not-in-api')).toEqual([48, 94]);
  });
  it("silent on what a jq or --query projection prints (role-assignments-cli.md's lists through jq)", () => {
    const page = corpus('role-based-access-control/role-assignments-cli.md');
    expect(read(page)).toContain("--output json | jq '.[] | {\"principalName\":.principalName");
    for (const rule of ['contract-field-not-in-api', 'contract-type-mismatch', 'contract-invalid-guid']) expect(found(page, rule)).toEqual([]);
  });
  it("silent on today's shape: the list of elevate-access-global-admin.md as api-version 2022-04-01 returns it", () => {
    const old = read(corpus('role-based-access-control/elevate-access-global-admin.md'));
    const today = old.replace(
      '    "canDelegate": null,\n',
      [
        '    "condition": null,',
        '    "conditionVersion": null,',
        '    "createdBy": "33333333-3333-3333-3333-333333333333",',
        '    "createdOn": "2024-01-01T00:00:00.000000+00:00",',
        '    "delegatedManagedIdentityResourceId": null,',
        '    "description": null,',
        '    "updatedBy": "33333333-3333-3333-3333-333333333333",',
        '    "updatedOn": "2024-01-01T00:00:00.000000+00:00",',
        '',
      ].join('\n'),
    );
    expect(today).not.toBe(old);
    expect(found(corpus('role-based-access-control/elevate-access-global-admin.md'), 'contract-field-not-in-api', today)).toEqual([]);
  });
});

describe('example-az-default-name', () => {
  const page = corpus('app-service/quickstart-html.md');
  it('quickstart-html.md: az webapp up without -g/--plan prints appsvc_rg_Windows_westeurope and appsvc_asp_Windows_westeurope, the old default names', () => {
    const f = found(page, 'example-az-default-name');
    expect(f.map((x) => x.line)).toEqual([71, 72]);
    expect(f[0]?.message).toMatch(/az webapp up on line 50 is given no --resource-group.*_create_util\.py @ 90bd338da58f/);
    expect(f[1]?.message).toMatch(/no --plan.*<user>_asp_<4 random digits>.*"appsvc_asp_Windows_westeurope"/);
  });
  it("silent on today's names, on names the command gives, and on placeholders (the same page, corrected each way)", () => {
    const text = read(page);
    const today = text.replace('appsvc_rg_Windows_westeurope",', 'appsvc_rg_4821",').replace('appsvc_asp_Windows_westeurope', 'appsvc_asp_4821');
    expect(found(page, 'example-az-default-name', today)).toEqual([]);
    const given = text.replace('az webapp up --location westeurope --name <app_name> --html', 'az webapp up --location westeurope --name <app_name> --html --resource-group appsvc_rg_Windows_westeurope --plan appsvc_asp_Windows_westeurope');
    expect(found(page, 'example-az-default-name', given)).toEqual([]);
    const placeholders = text.replace('"appsvc_rg_Windows_westeurope",', '"<your-resource-group-name>",').replace('"appsvc_asp_Windows_westeurope"', '"<your-app-service-plan-name>"');
    expect(found(page, 'example-az-default-name', placeholders)).toEqual([]);
    for (const t of ['000-storage-sas.md', '002-storage-user-assigned.md']) expect(found(`tutorials/${t}`, 'example-az-default-name')).toEqual([]);
  });
});
