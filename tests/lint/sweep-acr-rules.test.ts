// Lint precision from a sweep of never-seen container-registry pages (MicrosoftDocs/azure-management-docs
// @d923d588, 50 pages, seed 43): five false errors on two pages, each pinned on a byte-exact excerpt
// (tests/lint/fixtures/real/README.md) with the defect beside it still reported.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';
import { shellWords } from '../../src/parse/shell-words.ts';
import { findAnglePlaceholders } from '../../src/parse/placeholders.ts';

const JAVA = 'tests/lint/fixtures/real/container-registry-java-quickstart.excerpt.md';
const TASK_IDENTITY = 'tests/lint/fixtures/real/container-registry-tasks-authentication-managed-identity.excerpt.md';
const SOFT_DELETE = 'tests/lint/fixtures/real/container-registry-soft-delete-policy.excerpt.md';
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('az-missing-required: --name=<placeholder with spaces>', () => {
  // argparse splits `--name=value` at "=" before it asks whether the word has a space: the option is given.
  it('silent on az group create --name=<your resource group name> (the Java quickstart)', () => {
    const text = readRepoFile(JAVA);
    expect(ruleFindings('az-missing-required', JAVA, text).filter((h) => h.line === lineOf(text, 'az group create'))).toEqual([]);
  });
  it('still reports az group create with no --name at all', () => {
    expect(ruleFindings('az-missing-required', 'x.md', '```azurecli\naz group create --location=<location>\n```\n').length).toBe(1);
  });
});

describe('az-missing-required: a default set with az config set defaults.acr=', () => {
  it('silent on az acr login after az config set defaults.acr=<your registry name> (the Java quickstart)', () => {
    expect(ruleFindings('az-missing-required', JAVA)).toEqual([]);
  });
  it('still reports az acr login without --name when nothing sets the default', () => {
    const text = readRepoFile(JAVA).replace('az config set defaults.acr=<your registry name>\n', '');
    expect(ruleFindings('az-missing-required', JAVA, text).map((h) => h.message)).toEqual([
      expect.stringContaining("'az acr login' requires it"),
      expect.stringContaining("'az acr login' requires it"),
    ]);
  });
});

describe('placeholder-misspelt: markup element names in prose', () => {
  it('silent on the `<plugins>` collection and the `<plugin>` element the pom.xml block closes (the Java quickstart)', () => {
    expect(ruleFindings('placeholder-misspelt', JAVA)).toEqual([]);
  });
  it('still reports a slip of one letter beside a placeholder', () => {
    const text = readRepoFile(JAVA).replace('--location <location> \\', '--location <locaton> \\');
    expect(ruleFindings('placeholder-misspelt', JAVA, text).length).toBe(1);
  });
});

describe('az-flag-without-value: az acr task create --assign-identity', () => {
  // azure-cli acr/_params.py: assign_identity nargs='*' (no value is the system identity); the reference
  // entry's example passes two values, which the table now reads as a list (scripts/generate-az-table.ts).
  it('silent on --assign-identity with no value; the line without its "\\" below is still reported', () => {
    const text = readRepoFile(TASK_IDENTITY);
    expect(ruleFindings('az-flag-without-value', TASK_IDENTITY, text)).toEqual([]);
    expect(ruleFindings('shell-missing-continuation', TASK_IDENTITY, text).map((h) => h.line)).toEqual([text.split('\n').findIndex((l) => l.endsWith('--commit-trigger-enabled false')) + 1]);
  });
  it('az acr task create takes the system and a user identity together', () => {
    expect(ruleFindings('az-unknown-parameter', 'x.md', '```azurecli\naz acr task create -n t -r r -c /dev/null --cmd x --assign-identity [system] /subscriptions/0/resourcegroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i\n```\n')).toEqual([]);
  });
});

describe('a choice placeholder <enabled/disabled>', () => {
  it('is one word holding one placeholder, not a redirection (the soft delete page); <br/> and </plugin> stay markup', () => {
    const line = readRepoFile(SOFT_DELETE).split('\n').find((l) => l.includes('--status'))!.trim();
    expect(shellWords(line).slice(-2)).toEqual(['--status', '<enabled/disabled>']);
    expect(findAnglePlaceholders(line).map((p) => p.spelling)).toEqual(['<enabled/disabled>']);
    expect(findAnglePlaceholders('a<br/>b </plugin> <plugin/>')).toEqual([]);
  });
  it('no error on the soft delete page', () => {
    const text = readRepoFile(SOFT_DELETE);
    for (const rule of ['az-flag-without-value', 'az-missing-required', 'shell-unclosed-quote']) expect(ruleFindings(rule, SOFT_DELETE, text)).toEqual([]);
  });
});

describe('json-example-invalid: one line per finding', () => {
  // container-registry-firewall-rules.md's service tag excerpts end in `[...]` after "13.70.72.136/29",:
  // V8's message quoted the two lines around the error and broke the finding over two report lines.
  it('the JSON.parse message is shown without its line break', () => {
    const page = '# t\n\n```json\n{\n  "name": "AzureContainerRegistry.AustraliaEast",\n  "properties": {\n    "addressPrefixes": [\n      "13.70.72.136/29",\n    [...]\n```\n';
    const hits = ruleFindings('json-example-invalid', 'x.md', page);
    expect(hits.length).toBe(1);
    expect(hits[0]!.message).not.toContain('\n');
    expect(hits[0]!.message).toContain('it elides part of the value');
  });
});

const ABAC = 'tests/lint/fixtures/real/container-registry-rbac-abac-repository-permissions.excerpt.md';
const MANAGED_IDENTITY = 'tests/lint/fixtures/real/container-registry-authentication-managed-identity.excerpt.md';

describe('example-ids-inconsistent: placeholders and a --scope held in a variable', () => {
  it('only the id written at the resource group while the scope is the registry is reported (the ABAC page)', () => {
    const text = readRepoFile(ABAC);
    const hits = ruleFindings('example-ids-inconsistent', ABAC, text);
    expect(hits.map((h) => h.line)).toEqual([lineOf(text, '"id": "/subscriptions/{subscriptionId}')]);
    expect(hits[0]!.message).toContain('does not start with its own scope');
  });
  it('a literal --scope the example contradicts, and a literal roleDefinitionId of another role, are still reported', () => {
    const text = readRepoFile(ABAC)
      .replace('--scope "$scope"', '--scope "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}"')
      .replace('roleDefinitions/{roleDefinitionId}', 'roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d');
    const messages = ruleFindings('example-ids-inconsistent', ABAC, text).map((h) => h.message);
    expect(messages.length).toBe(3);
    expect(messages.some((m) => m.startsWith('roleDefinitionId ends with 7f951dda'))).toBe(true);
    expect(messages.some((m) => m.startsWith("the example's scope"))).toBe(true);
    expect(messages.some((m) => m.startsWith("the example's id"))).toBe(true);
  });
});

describe('page-assumes-resource: prose that calls the group existing', () => {
  it('silent on "in an existing resource group named myResourceGroup" (the managed identity page)', () => {
    expect(ruleFindings('page-assumes-resource', MANAGED_IDENTITY)).toEqual([]);
  });
  it('still reports the group when the prose does not say it exists', () => {
    // Neither "existing" nor the group's name in the prose (a name the prose gives is the reader's, sweep-aks4).
    const text = readRepoFile(MANAGED_IDENTITY).replace('in an existing resource group named *myResourceGroup*', 'in a resource group');
    expect(ruleFindings('page-assumes-resource', MANAGED_IDENTITY, text).length).toBe(1);
  });
});
