// Issue 16 session 12 (wild-r, push, real-time and relay services): the Notification Hubs GCM/FCM legacy credential
// readers reported (retired-resource-setting), and two precision fixes found on never-seen pages — WindowsAzure.ServiceBus
// on a WCF Relay page (still supported there) and the id of a provider action's response (a check-availability result).
// Real pages are tests/fresh copies (tests/fresh/manifest.json: repository, path, commit).
import { describe, expect, it } from 'vitest';
import { checkResourceId } from '../../src/lint/resource-id.ts';
import { lintText, readRepoFile } from './helpers.ts';

const FRESH = 'tests/fresh/articles';
const findings = (rule: string, text: string, file = 'p.md') => lintText(text, 'docfx', file).filter((f) => f.rule === rule);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('retired-resource-setting: a notification hub given a GCM/FCM legacy credential (FCM legacy HTTP shut down 20 June 2024)', () => {
  it('configure-notification-hub-portal-pns-settings.md: az notification-hub credential gcm update --google-api-key (azure-docs#93522)', () => {
    const file = `${FRESH}/notification-hubs/configure-notification-hub-portal-pns-settings.md`;
    const text = readRepoFile(file);
    const f = findings('retired-resource-setting', text, file);
    expect(f.map((x) => [x.line, x.severity])).toEqual([[lineOf(text, '--google-api-key myKey'), 'warning']]);
    expect(f[0]?.message).toMatch(/^--google-api-key myKey: this sets the notification hub's GCM\/FCM legacy credential.*"Google will stop supporting FCM legacy HTTP on June 20, 2024/);
    expect(f[0]?.message).toMatch(/notification-hubs-gcm-to-fcm\.md/);
  });
  it('is silent on a real page that creates hubs and access policies and sets no GCM credential (create-notification-hub-azure-cli.md)', () => {
    const file = `${FRESH}/notification-hubs/create-notification-hub-azure-cli.md`;
    expect(findings('retired-resource-setting', readRepoFile(file), file)).toEqual([]);
  });
  it('reads a template that declares the hub with googleApiKey, and not one with fcmV1Credential', () => {
    const hub = (credential: string[]) =>
      ['# T', '', '```json', '{', '  "type": "Microsoft.NotificationHubs/namespaces/notificationHubs",', '  "apiVersion": "2023-10-01-preview",', '  "name": "[concat(parameters(\'ns\'), \'/hub\')]",', '  "properties": {', ...credential, '  }', '}', '```', ''].join('\n');
    const legacy = hub(['    "gcmCredential": { "properties": {', '      "googleApiKey": "[parameters(\'key\')]"', '    } }']);
    expect(findings('retired-resource-setting', legacy).map((x) => x.line)).toEqual([lineOf(legacy, 'googleApiKey')]);
    const v1 = hub(['    "fcmV1Credential": { "properties": {', '      "clientEmail": "[parameters(\'email\')]", "privateKey": "[parameters(\'key\')]", "projectId": "[parameters(\'project\')]"', '    } }']);
    expect(findings('retired-resource-setting', v1)).toEqual([]);
  });
});

describe('retired-sdk-package: WindowsAzure.ServiceBus stays supported with WCF Relay', () => {
  it('no warning on the WCF Relay hybrid tutorial that links the package (netTcpRelayBinding, TransportClientEndpointBehavior)', () => {
    const file = `${FRESH}/azure-relay/service-bus-dotnet-hybrid-app-using-service-bus-relay.md`;
    const text = readRepoFile(file);
    expect(lineOf(text, 'https://www.nuget.org/packages/WindowsAzure.ServiceBus/')).toBe(76);
    expect(findings('retired-sdk-package', text, file)).toEqual([]);
  });
  it('still warns where the package is used for Service Bus messaging (QueueClient), the use that retired on 30 September 2026', () => {
    const text = ['# T', '', '```powershell', 'Install-Package WindowsAzure.ServiceBus', '```', '', '```csharp', 'var client = QueueClient.CreateFromConnectionString(connectionString, "orders");', '```', ''].join('\n');
    const f = findings('retired-sdk-package', text);
    expect(f.map((x) => x.line)).toEqual([4]);
    expect(f[0]?.message).toMatch(/WindowsAzure\.ServiceBus: this library reached end of support on 2026-09-30.*Azure\.Messaging\.ServiceBus/);
  });
  it('still warns on a relay page that also sends Service Bus messages with the same library', () => {
    const text = ['# T', '', '```powershell', 'Install-Package WindowsAzure.ServiceBus', '```', '', '```csharp', 'var binding = new NetTcpRelayBinding();', 'var factory = MessagingFactory.CreateFromConnectionString(cs);', '```', ''].join('\n');
    expect(findings('retired-sdk-package', text).map((x) => x.line)).toEqual([4]);
  });
});

describe('contract-resource-id: the id of a provider action\'s response is not a false error', () => {
  it('create-notification-hub-azure-cli.md: a check-availability result\'s id ".../providers/Microsoft.NotificationHubs/checkNamespaceAvailability" is what the REST spec returns', () => {
    const file = `${FRESH}/notification-hubs/create-notification-hub-azure-cli.md`;
    const text = readRepoFile(file);
    expect(lineOf(text, '/providers/Microsoft.NotificationHubs/checkNamespaceAvailability')).toBe(55);
    expect(findings('contract-resource-id', text, file)).toEqual([]);
    expect(checkResourceId('/subscriptions/29cfa613-cbbc-4512-b1d6-1b3a92c7fa40/providers/Microsoft.NotificationHubs/CheckNamespaceAvailability').problems).toEqual([]);
  });
  it('still reports a known resource type without its name, and a name without its type deeper in the id', () => {
    expect(checkResourceId('/subscriptions/<S>/resourceGroups/<RG>/providers/Microsoft.Storage/storageAccounts').problems).toHaveLength(1);
    expect(checkResourceId('/subscriptions/<S>/resourceGroups/<RG>/providers/Microsoft.NotificationHubs/namespaces/<NS>/<HUB>').problems).toHaveLength(1);
  });
});

describe('prose-stale-preview: Azure Web PubSub is generally available (stable API since 2021-10-01, az webpubsub GA)', () => {
  it('quickstart-cli-create.md: its include cli-awps-creation.md says "Since the Web PubSub service is still in preview"', () => {
    const file = `${FRESH}/azure-web-pubsub/includes/cli-awps-creation.md`;
    const text = readRepoFile(file);
    const f = findings('prose-stale-preview', text, file);
    expect(f.map((x) => x.line)).toEqual([lineOf(text, 'Since the Web PubSub service is still in preview')]);
    expect(f[0]?.message).toMatch(/"Web PubSub service" is called preview here, but Azure Web PubSub .* became generally available in 2021/);
  });
  it('is silent where a part of it is what the sentence calls preview (Socket.IO, MQTT), and where no preview is said', () => {
    const page = (line: string) => ['# Azure Web PubSub', '', line, ''].join('\n');
    expect(findings('prose-stale-preview', page('Web PubSub for Socket.IO is in public preview.'))).toEqual([]);
    expect(findings('prose-stale-preview', page('MQTT support in Web PubSub is in preview.'))).toEqual([]);
    expect(findings('prose-stale-preview', page('Create a Web PubSub instance with az webpubsub create.'))).toEqual([]);
  });
});
