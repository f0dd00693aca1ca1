// Regression: a Service Bus / Notification Hubs / Relay (SharedAccessKey=) or SignalR / Web PubSub (AccessKey=)
// connection string that no step registered as a secret (a page's `echo "$primaryConnectionString"`, an app's log)
// reached the reports whole; only AccountKey= was in the pattern net. The pages' placeholders stay as written.
import { describe, expect, it } from 'vitest';
import { isSecretSetting, Redactor } from '../../src/report/redact.ts';

const KEY = 'Vd9Qy7LmX2+fT0oWcZpR4sKjN8bHaE1uG6iYx3DqBnM='; // 44 base64 characters, a 32-byte key's shape

describe('connection-string access keys are redacted though nobody registered them', () => {
  it('SharedAccessKey= (Service Bus, Event Hubs, Notification Hubs, Relay) and AccessKey= (SignalR, Web PubSub)', () => {
    const r = new Redactor();
    const counts = new Map<string, number>();
    const out = r.redact(
      [
        `Endpoint=sb://spnhubns.servicebus.windows.net/;SharedAccessKeyName=DefaultListenSharedAccessSignature;SharedAccessKey=${KEY}`,
        `"primaryConnectionString": "Endpoint=https://mysignalr.service.signalr.net;AccessKey=${KEY};Version=1.0;"`,
      ].join('\n'),
      counts,
    );
    expect(out).not.toContain(KEY);
    expect(out).toContain('SharedAccessKeyName=DefaultListenSharedAccessSignature;SharedAccessKey=[REDACTED:access-key]');
    expect(out).toContain('AccessKey=[REDACTED:access-key];Version=1.0;"');
    expect(counts.get('access-key')).toBe(2);
  });
  it('leaves the pages\' placeholders as written (SharedAccessKey=yourKey, AccessKey=<key>)', () => {
    const r = new Redactor();
    const text = 'value="Endpoint=sb://yourNamespace.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=yourKey" Endpoint=https://x.service.signalr.net;AccessKey=<key>;Version=1.0;';
    expect(r.redact(text)).toBe(text);
  });
  it('a --set value holding a SignalR connection string is a secret', () => {
    expect(isSecretSetting('SIGNALR', `Endpoint=https://mysignalr.service.signalr.net;AccessKey=${KEY};Version=1.0;`)).toBe(true);
  });
});
