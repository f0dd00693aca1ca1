// WindowsAzure.ServiceBus is retired for Service Bus messaging and Event Hubs (end of support 30 September 2026),
// but it is the only library of Azure WCF Relay, and Microsoft keeps supporting it with WCF Relay: the retirement
// notice says "Azure WCF Relay still uses this library, and support of this library in combination with this
// service will continue until further notice" (Azure updates, "Some Azure Service Bus SDK libraries will be retired
// on 30 September 2026—migrate to the latest SDKs", 6 October 2023). Its named replacement, Azure.Messaging.ServiceBus,
// has no relay bindings, so telling a WCF Relay page to use it is wrong advice.
import type { LintDocument } from './document.ts';

/** The package the exception is about (NuGet names are case-insensitive). */
export const WCF_RELAY_PACKAGE = 'windowsazure.servicebus';

export const WCF_RELAY_SOURCE =
  'Azure updates "Some Azure Service Bus SDK libraries will be retired on 30 September 2026—migrate to the latest SDKs" (6 October 2023): "Azure WCF Relay still uses this library, and support of this library in combination with this service will continue until further notice"';

// The WCF Relay bindings and the relay credential behavior of Microsoft.ServiceBus.dll: only WCF Relay code uses them.
const RELAY = /\b(?:NetTcpRelayBinding|BasicHttpRelayBinding|WebHttpRelayBinding|WS2007HttpRelayBinding|NetOnewayRelayBinding|NetEventRelayBinding|TransportClientEndpointBehavior)\b/i;
// Service Bus messaging and Event Hubs types of the same library: their use is the retired one.
const MESSAGING = /\b(?:QueueClient|TopicClient|SubscriptionClient|MessagingFactory|MessageSender|MessageReceiver|BrokeredMessage|EventHubClient|EventProcessorHost|EventData)\b/;

/** The page uses WindowsAzure.ServiceBus for WCF Relay only (a relay binding, no messaging or Event Hubs type). */
export function wcfRelayOnly(doc: LintDocument): boolean {
  let relay = false;
  for (let n = 1; n <= doc.lineCount; n++) {
    const text = doc.line(n);
    if (MESSAGING.test(text)) return false;
    if (RELAY.test(text)) relay = true;
  }
  return relay;
}
