// Positive cases of issue 16 session 12's wild-r extension (push, real-time and relay services: the Notification Hubs
// GCM/FCM legacy credential), merged into rules.test.ts's table by concatenation. A one-line break of the clean
// fixture adds a block whose second line (offset 1) has the defect. Real pages, positive and negative, and the
// precision fixes (WCF Relay's WindowsAzure.ServiceBus, a provider action's id) are in wild-r-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const azcli = (...lines: string[]) => () => ['```azurecli', ...lines, '```'].join('\n');
const warning = 'warning' as const;

export const wildRCases = {
  'retired-resource-setting': [
    {
      name: 'az notification-hub credential gcm update --google-api-key (FCM legacy, azure-docs#93522)',
      find: FIND,
      replace: azcli('az notification-hub credential gcm update -g myResourceGroup --namespace-name myNamespace --notification-hub-name myHub --google-api-key $FCM_SERVER_KEY'),
      offset: 1,
      message: /--google-api-key \$FCM_SERVER_KEY: this sets the notification hub's GCM\/FCM legacy credential.*June 20, 2024.*fcmV1Credential/,
      severity: warning,
    },
  ],
};
