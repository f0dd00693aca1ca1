// Positive cases of issue 16 session 9's sasurl rule (a SAS token anywhere on a page that no Azure
// Storage SAS can be), merged into rules.test.ts's table (one-line breaks of the clean fixture). Its
// real pages, positive and negative, are in sasurl-rules.test.ts.
const TOKEN = '{"serviceSasToken":"sv=2015-04-05&sr=c&se=2027-01-01T00%3A00%3A00Z&sp=r&spr=https&sig=<SIGNATURE>"}';

export const sasurlCases = {
  'sas-token-invalid': [
    { name: 'sp letter no blob SAS has', find: TOKEN, replace: (l: string) => l.replace('&sp=r&', '&sp=rq&'), message: /sp=rq: "q" is no letter of a blob, container or directory SAS.*Signature fields not well formed/, severity: 'warning' as const },
    { name: 'account ss next to a service sr', find: TOKEN, replace: (l: string) => l.replace('&sr=c&', '&sr=c&ss=b&srt=o&'), message: /sr \(signed resource\) belongs to a service or user delegation SAS.*account SAS/ },
    { name: 'sv that is no storage version', find: TOKEN, replace: (l: string) => l.replace('sv=2015-04-05', 'sv=2015-04-15'), message: /sv=2015-04-15 is no Azure Storage service version.*did you mean 2015-04-05\?/ },
    { name: 'se not in UTC', find: TOKEN, replace: (l: string) => l.replace('00%3A00%3A00Z', '00%3A00%3A00%2B01%3A00'), message: /se=2027-01-01T00:00:00\+01:00 is not in UTC/ },
  ],
};
