// Positive cases of issue 16 session 10's wild-h rule (defects readers reported on Azure AI services
// pages), merged into rules.test.ts's table (one-line breaks of the clean fixture). Its real pages,
// positive and negative, are in wild-h-rules.test.ts.
export const wildHCases = {
  'variable-url-after-scheme': [
    { name: 'https://$OPENAI_API_BASE with OPENAI_API_BASE set to an endpoint placeholder (azure-docs#106642)', find: 'az identity create -g', replace: () => 'export OPENAI_API_BASE="REPLACE_WITH_YOUR_ENDPOINT_HERE"\ncurl https://$OPENAI_API_BASE/openai/models?api-version=2024-10-21 -H "api-key: $OPENAI_API_KEY"', offset: 1, message: /\$OPENAI_API_BASE follows "https:\/\/".*REPLACE_WITH_YOUR_ENDPOINT_HERE.*Could not resolve host: https/, severity: 'warning' as const },
    { name: 'https://${ENDPOINT} with ENDPOINT set to a URL', find: 'az identity create -g', replace: () => 'ENDPOINT=https://contoso.cognitiveservices.azure.com/\ncurl "https://${ENDPOINT}/language/:analyze-text?api-version=2023-04-01"', offset: 1, message: /sets it to https:\/\/contoso\.cognitiveservices\.azure\.com\/ \(line \d+\)/, severity: 'warning' as const },
  ],
  'mkdir-then-run-folder': [
    { name: 'mkdir app && app (the cd missing)', find: 'az identity create -g', replace: () => 'mkdir my-app && my-app', message: /"my-app" is the folder the mkdir before it makes, run as a command.*command not found.*Write "cd my-app"/, severity: 'warning' as const },
  ],
};
