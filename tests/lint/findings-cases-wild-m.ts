// Positive cases of issue 16 session 11's wild-m rules (defects readers reported on monitoring,
// messaging and Azure OpenAI pages), merged into rules.test.ts's table (one-line breaks of the clean
// fixture). Their real pages, positive and negative, are in wild-m-rules.test.ts (the Azure OpenAI
// retired versions of api-version-invalid too: that rule's table entry is rules.test.ts's own).
export const wildMCases = {
  'openai-deployment-name-fixed': [
    { name: 'curl $AZURE_OPENAI_ENDPOINT/openai/deployments/docs-test/… that nothing introduces (azure-docs#106642)', find: 'az identity create -g', replace: () => 'curl "$AZURE_OPENAI_ENDPOINT/openai/deployments/docs-test/chat/completions?api-version=2024-10-21" -H "api-key: $AZURE_OPENAI_API_KEY" -d \'{"messages":[]}\'', message: /names the deployment "docs-test", which this page never creates nor tells the reader to choose or replace.*404 DeploymentNotFound/, severity: 'warning' as const },
  ],
  'app-insights-instrumentation-key': [
    { name: 'the APPINSIGHTS_INSTRUMENTATIONKEY app setting (azure-docs#117192)', find: 'az identity create -g', replace: () => 'az webapp config appsettings set -g myResourceGroup -n myApp --settings APPINSIGHTS_INSTRUMENTATIONKEY=$KEY', message: /sets the APPINSIGHTS_INSTRUMENTATIONKEY app setting alone.*support ended on 31 March 2025.*APPLICATIONINSIGHTS_CONNECTION_STRING/, severity: 'warning' as const },
  ],
  'az-extension-removed': [
    { name: 'az extension add --name azure-cli-iot-ext (azure-docs#33950)', find: 'az identity create -g', replace: () => 'az extension add --name azure-cli-iot-ext', message: /"azure-cli-iot-ext" was removed from the Azure CLI extension index on 2021-01-29.*No matching extensions for 'azure-cli-iot-ext'.*az extension add --name azure-iot/, severity: 'error' as const },
  ],
};
