// Positive cases of issue 16 session 17's wild-app rules (defects readers reported on Service Fabric,
// Static Web Apps and Communication Services pages), merged into rules.test.ts's table (one-line breaks
// of the clean fixture). Their real pages, positive and negative, are in wild-app-rules.test.ts.
export const wildAppCases = {
  'ip-address-invalid': [
    { name: 'an endpoint whose address has a part above 255 (azure-docs#60054)', find: 'az identity create -g', replace: () => 'curl http://192.13.123.2345:19080/Explorer/index.html', message: /192\.13\.123\.2345 is no IPv4 address: 2345 is above 255.*192\.0\.2\.x/, severity: 'warning' as const },
  ],
};
