// The push-notification settings retired-resource-setting reads: a notification hub given a GCM/FCM legacy
// credential (a Firebase server key). Google stopped the FCM legacy HTTP API that credential drives on 20 June 2024;
// Notification Hubs sends to Android through FCM v1 (a service account's private key, client email and project id)
// instead. Readers reported that Firebase no longer issues the server key the pages ask for
// (MicrosoftDocs/azure-docs#93522, #95498, #110858, #115227).
import type { Setting } from './rules/retired-resource-setting.ts';

const FCM_LEGACY =
  'this sets the notification hub\'s GCM/FCM legacy credential (a Firebase server key), and Google shut down the FCM legacy HTTP API it drives: "Google will stop supporting FCM legacy HTTP on June 20, 2024, so you must migrate your applications and notification payloads to the new format" — Android notifications now go through FCM v1 (fcmV1Credential: privateKey, clientEmail, projectId of a Firebase service account), and Firebase no longer issues the server key this asks for (readers reported it, MicrosoftDocs/azure-docs#93522, #115227)';
const FCM_LEGACY_SOURCE =
  'Learn "Azure Notification Hubs and Google Firebase Cloud Messaging migration" (MicrosoftDocs/azure-docs articles/notification-hubs/notification-hubs-gcm-to-fcm.md @03adcc30b28e); REST spec Microsoft.NotificationHubs 2023-10-01-preview (FcmV1Credential)';

export const PUSH_SETTINGS: readonly Setting[] = [
  {
    // The key is the setting: whatever its value, it configures the retired FCM legacy channel.
    az: { path: 'notification-hub credential gcm update', option: '--google-api-key', value: /[^]/ },
    ps: [],
    type: 'Microsoft.NotificationHubs/namespaces/notificationHubs',
    template: /^\s*["']?(googleApiKey)["']?\s*:/,
    fact: FCM_LEGACY,
    source: FCM_LEGACY_SOURCE,
  },
];
