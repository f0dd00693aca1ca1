// Positive cases of issue 16 session 7's rules (wild-c: defects readers reported on real pages), merged
// into rules.test.ts's table (one-line breaks of the clean fixture). Their negatives on real pages are
// in az-option-repeated.test.ts, shell-continuation-joins-words.test.ts,
// prose-option-variable-differs.test.ts and deployment-output-not-declared.test.ts.
export const wild7Cases = {
  'az-option-repeated': [
    { name: 'a second --role on az role assignment create', find: 'az role assignment create', replace: (l: string) => `${l} --role "Storage Blob Data Contributor"`, message: /--role is given twice.*"Storage Blob Data Reader" is silently dropped/, severity: 'warning' as const },
  ],
  'shell-continuation-joins-words': [
    { name: 'a backslash glued to a word before an unindented option', find: 'az storage blob upload', replace: () => 'az storage blob upload -c <CONTAINER NAME> -n test.txt -f test.txt\\\n--account-name <STORAGE ACCOUNT> --auth-mode login', message: /"test.txt--account-name"/, severity: 'error' as const },
  ],
  'prose-option-variable-differs': [
    { name: 'prose quotes --account-name with an unassigned variable', find: 'Create a file to upload:', replace: () => 'Create a file to upload:\n\n```bash\nACCT=mystore\naz storage blob upload -c c -n t.txt -f t.txt --account-name $ACCT --auth-mode login\n```\n\nPass `--account-name $ACCOUNT_NAME` to name the account.', offset: 7, message: /\$ACCOUNT_NAME, which no step assigns.*\$ACCT/, severity: 'warning' as const },
  ],
  'deployment-output-not-declared': [
    { name: 'the prose names an output the Bicep file does not declare', find: 'Create a file to upload:', replace: () => "```bicep\noutput accountId string = 'x'\n```\n\nNote the `accountKey` value from the deployment output.", offset: 4, message: /deployment output accountKey, but the Bicep file on this page declares only accountId/, severity: 'warning' as const },
  ],
};
