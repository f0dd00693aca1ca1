// Positive cases of issue 16 session 9's dnszone rule (private DNS zone names no private endpoint
// resolves through), merged into rules.test.ts's table (one-line breaks of the clean fixture). Its real
// pages, positive and negative, are in dnszone-rules.test.ts.
export const dnszoneCases = {
  'private-dns-zone-name': [
    { name: 'a privatelink zone no row documents (.com for .net): did you mean the blob zone', find: 'az identity create -g', replace: () => 'az network private-dns zone create -g myResourceGroup -n privatelink.blob.core.windows.com', message: /privatelink\.blob\.core\.windows\.com: no private endpoint resolves through a zone of that name.*Did you mean privatelink\.blob\.core\.windows\.net/, severity: 'warning' as const },
  ],
};
