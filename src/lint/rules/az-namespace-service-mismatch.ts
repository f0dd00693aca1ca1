// Service Bus, Event Hubs and Event Grid each have their own namespaces (Microsoft.ServiceBus/namespaces,
// Microsoft.EventHub/namespaces, Microsoft.EventGrid/namespaces), and each az command group reads only
// its own: `az servicebus namespace show -n <your-event-hub-name>` looks for a Service Bus namespace of
// that name and Azure answers ResourceNotFound. Pages copy a Service Bus snippet into an Event Hubs page
// (or back) and keep the other service's command group; the names they pass still say which service
// they mean, or were created by the other group's `namespace create` earlier on the page.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';

interface Service {
  group: string;
  label: string;
  type: string;
  /** How a name or placeholder names the service ("<your-event-hub-name>", "myServiceBusNamespace"). */
  words: RegExp;
}

const SERVICES: Service[] = [
  { group: 'servicebus', label: 'Service Bus', type: 'Microsoft.ServiceBus/namespaces', words: /service[-_ ]?bus|\bsb[-_]/i },
  { group: 'eventhubs', label: 'Event Hubs', type: 'Microsoft.EventHub/namespaces', words: /event[-_ ]?hubs?|\beh[-_]/i },
  { group: 'eventgrid', label: 'Event Grid', type: 'Microsoft.EventGrid/namespaces', words: /event[-_ ]?grid|\beg[-_]/i },
];

function article(label: string): string {
  return /^[AEIOU]/.test(label) ? 'an' : 'a';
}

/** The options whose value is the namespace's name, by command: `namespace …` takes it as --name. */
function namespaceValue(path: readonly string[], option: string): boolean {
  if (option === '--namespace-name') return true;
  return path[1] === 'namespace' && (option === '--name' || option === '-n');
}

export const azNamespaceServiceMismatch: Rule = {
  id: 'az-namespace-service-mismatch',
  name: 'AzNamespaceServiceMismatch',
  severity: 'warning',
  shortDescription: 'An az servicebus / eventhubs / eventgrid command is given a namespace of another of these services.',
  fullDescription:
    'Service Bus, Event Hubs and Event Grid namespaces are different resource types (Microsoft.ServiceBus/namespaces, Microsoft.EventHub/namespaces, Microsoft.EventGrid/namespaces), and each az command group looks only in its own: `az servicebus namespace show -n <an Event Hubs namespace>` answers (ResourceNotFound) "The Resource \'Microsoft.ServiceBus/namespaces/…\' under resource group \'…\' was not found", and `az eventhubs eventhub create --namespace-name <a Service Bus namespace>` fails the same way. The rule speaks when the namespace value names the other service ("<your-event-hub-name>") and not its own, or is the name an earlier `az <other> namespace create` on the page made. Reader reports: https://github.com/MicrosoftDocs/azure-docs/issues/104377 and https://github.com/MicrosoftDocs/azure-docs/issues/117916 (includes/passwordless/event-hub/event-hub-assign-roles.md ran `az servicebus namespace show` for the Event Hubs namespace).',
  help: 'Use the command group of the service the namespace belongs to (az eventhubs … for an Event Hubs namespace, az servicebus … for a Service Bus one).',
  check(doc) {
    const hits: RuleHit[] = [];
    const created = new Map<string, Service>();
    for (const { command, az } of eachAz(doc)) {
      const service = SERVICES.find((s) => s.group === az.path[0]);
      if (!service) continue;
      for (const o of az.options) {
        const value = o.value?.value;
        if (!value || !namespaceValue(az.path, o.name)) continue;
        if (az.path[1] === 'namespace' && az.path[2] === 'create') {
          if (!created.has(value)) created.set(value, service);
          continue;
        }
        const madeBy = created.get(value);
        const other = madeBy && madeBy !== service ? madeBy : !service.words.test(value) ? SERVICES.find((s) => s !== service && s.words.test(value)) : undefined;
        if (!other) continue;
        const shown = value.split(/\s/)[0];
        const why = madeBy === other ? `the page made ${shown} with az ${other.group} namespace create` : `${shown} names ${article(other.label)} ${other.label} namespace`;
        hits.push({
          line: o.value!.line,
          column: o.value!.column,
          stepId: command.step.id,
          message: `az ${az.path.join(' ')} looks for ${article(service.label)} ${service.label} namespace (${service.type}), but ${why}: Azure answers ResourceNotFound, "The Resource '${service.type}/…' … was not found". Use az ${other.group} ${az.path.slice(1).join(' ')} for ${article(other.label)} ${other.label} namespace.`,
        });
      }
    }
    return hits;
  },
};
