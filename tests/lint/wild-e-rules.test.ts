// Issue 16 session 9 (wild-e): rules written for defects readers reported on Service Bus, Event Hubs and Key
// Vault SDK pages (tests/fresh), each held on the reported page and kept silent where the same thing is
// written correctly on a real page (tests/lint/fixtures/real, provenance in its README).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

const AUTO_FORWARD = 'tests/fresh/articles/service-bus-messaging/enable-auto-forward.md';
const SB_QUICKSTART = 'tests/fresh/articles/service-bus-messaging/service-bus-quickstart-cli.md';
const GO_QUICKSTART = 'tests/fresh/articles/key-vault/secrets/quick-create-go.md';
const GO_FIXED = 'tests/lint/fixtures/real/quick-create-go.security-docs.md';
const NET_QUICKSTART = 'tests/fresh/articles/key-vault/secrets/quick-create-net.md';
const MICROSERVICES = 'tests/fresh/articles/container-apps/communicate-between-microservices.md';
const EH_ROLES_BROKEN = 'tests/lint/fixtures/real/event-hub-assign-roles.d450fa2.md';
const EH_ROLES_FIXED = 'tests/lint/fixtures/real/event-hub-assign-roles.0b8729e.md';
const EH_QUICKSTART = 'tests/fresh/articles/event-hubs/event-hubs-quickstart-cli.md';

describe('powershell-parameter-repeated', () => {
  const rule = 'powershell-parameter-repeated';
  it('enable-auto-forward.md: Set-AzServiceBusSubscription -Name mytopic -SubscriptionName mysub binds -Name twice (azure-docs#122602)', () => {
    const text = read(AUTO_FORWARD);
    const hits = found(rule, AUTO_FORWARD);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, '-SubscriptionName mysub `'), 'error']]);
    expect(hits[0]?.message).toMatch(/-Name and -SubscriptionName are both -Name on Set-AzServiceBusSubscription.*Cannot bind parameter because parameter 'Name' is specified more than once/);
  });
  it('silent on New-AzServiceBusSubscription -SubscriptionName alone (an alias of -Name, given once), and on a parameter named once', () => {
    const text = read(AUTO_FORWARD);
    expect(text).toMatch(/New-AzServiceBusSubscription -ResourceGroup myresourcegroup `\n {4}-NamespaceName mynamespace `\n {4}-TopicName mytopic `\n {4}-SubscriptionName mysubscription/);
    const fixed = text.replace('    -Name mytopic `\n    -SubscriptionName mysub `', '    -TopicName mytopic `\n    -SubscriptionName mysub `');
    expect(found(rule, 'fixed.md', fixed)).toEqual([]);
  });
});

describe('program-env-var-not-set', () => {
  const rule = 'program-env-var-not-set';
  it('quick-create-go.md: the page exports KEY_VAULT_NAME, main.go reads AZURE_KEY_VAULT_URI (azure-docs#107530)', () => {
    const text = read(GO_QUICKSTART);
    const hits = found(rule, GO_QUICKSTART);
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, 'vaultUri := os.Getenv("AZURE_KEY_VAULT_URI")')]);
    expect(hits[0]?.message).toMatch(/AZURE_KEY_VAULT_URI.*it sets KEY_VAULT_NAME \(line \d+\)/);
  });
  it('silent on the fixed page (reads the KEY_VAULT_NAME it exports), the .NET quickstart (setx KEY_VAULT_NAME) and a read with a default', () => {
    expect(read(GO_FIXED)).toMatch(/os\.Getenv\("KEY_VAULT_NAME"\)[\s\S]*export KEY_VAULT_NAME=quickstart-kv/);
    expect(found(rule, GO_FIXED)).toEqual([]);
    expect(read(NET_QUICKSTART)).toMatch(/setx KEY_VAULT_NAME[\s\S]*GetEnvironmentVariable\("KEY_VAULT_NAME"\)/);
    expect(found(rule, NET_QUICKSTART)).toEqual([]);
    expect(read(MICROSERVICES)).toMatch(/process\.env\.TIMEOUT \|\| 5000/);
    expect(found(rule, MICROSERVICES)).toEqual([]);
  });
  it('silent when the page sets no environment variable at all, or names the variable in its prose', () => {
    const text = read(GO_QUICKSTART);
    expect(found(rule, 'noexport.md', text.replace('export KEY_VAULT_NAME=quickstart-kv', 'echo quickstart-kv'))).toEqual([]);
    expect(found(rule, 'prose.md', text.replace('create an environment variable named `KEY_VAULT_NAME`', 'set `AZURE_KEY_VAULT_URI` to the vault URI and create an environment variable named `KEY_VAULT_NAME`'))).toEqual([]);
  });
});

describe('go-package-not-imported', () => {
  const rule = 'go-package-not-imported';
  it('quick-create-go.md: main.go uses os.Getenv and time.Second, imports neither', () => {
    const text = read(GO_QUICKSTART);
    const main = lineWith(text, 'package main');
    const hits = found(rule, GO_QUICKSTART);
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, 'os.Getenv', main), lineWith(text, 'time.Second', main)]);
    expect(hits.map((h) => h.message)).toEqual([expect.stringMatching(/undefined: os/), expect.stringMatching(/undefined: time/)]);
  });
  it('silent on the fixed page (imports "os"), and on snippets without a package clause', () => {
    expect(read(GO_FIXED)).toMatch(/import \(\n {4}"context"\n {4}"fmt"\n {4}"log"\n {4}"os"/);
    expect(found(rule, GO_FIXED)).toEqual([]);
    // The page's snippets (no package clause) use os and time too: only the whole file is judged.
    expect(read(GO_QUICKSTART)).toMatch(/```go\nvaultUri := os\.Getenv/);
  });
});

describe('az-namespace-service-mismatch', () => {
  const rule = 'az-namespace-service-mismatch';
  it('event-hub-assign-roles.md @d450fa2: az servicebus namespace show -n <your-event-hub-name> (azure-docs#104377, #117916)', () => {
    const text = read(EH_ROLES_BROKEN);
    const hits = found(rule, EH_ROLES_BROKEN);
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, 'az servicebus namespace show -g')]);
    expect(hits[0]?.message).toMatch(/Microsoft\.ServiceBus\/namespaces.*<your-event-hub-name> names an Event Hubs namespace.*az eventhubs namespace show/);
  });
  it('silent on the fixed include (az eventhubs namespace show), and on the Service Bus and Event Hubs CLI quickstarts', () => {
    expect(read(EH_ROLES_FIXED)).toMatch(/az eventhubs namespace show -g '<your-event-hub-resource-group>' -n '<your-event-hub-name>'/);
    expect(found(rule, EH_ROLES_FIXED)).toEqual([]);
    expect(found(rule, SB_QUICKSTART)).toEqual([]);
    expect(found(rule, EH_QUICKSTART)).toEqual([]);
  });
  it('names the namespace an earlier az <other> namespace create made', () => {
    const page = ['# t', '', '```azurecli', 'az eventhubs namespace create -g rg -n contoso-ns -l eastus', 'az servicebus queue create -g rg --namespace-name contoso-ns -n q1', '```', ''].join('\n');
    const hits = found(rule, 'made.md', page);
    expect(hits.map((h) => h.line)).toEqual([5]);
    expect(hits[0]?.message).toMatch(/the page made contoso-ns with az eventhubs namespace create/);
  });
});
