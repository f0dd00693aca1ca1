// Positive cases of issue 16 session 9's fmtfence rules (timestamps formatted wrong, Markdown blocks
// left open), merged into rules.test.ts's table (one-line breaks of the clean fixture). Real pages,
// positive and negative, are in fmtfence-rules.test.ts.
export const fmtfenceCases = {
  'date-format-mistake': [
    { name: 'date -u … +%H:%m (the month where the minutes belong)', find: 'az identity create -g', replace: () => `end=$(date -u -d "30 minutes" '+%Y-%m-%dT%H:%mZ')`, message: /"\+%Y-%m-%dT%H:%mZ": %m is the month.*15:12/, severity: 'warning' as const },
    { name: 'date without -u labelled Z (local time as UTC)', find: 'az identity create -g', replace: () => 'start=$(date +%Y-%m-%dT%H:%MZ)', message: /date without -u prints the local time.*"Z"/, severity: 'warning' as const },
    { name: '(Get-Date).ToString("…hh:mm…") (12-hour hour, no tt)', find: 'az identity create -g', replace: () => '$end = [DateTime]::UtcNow.AddHours(1).ToString("yyyy-MM-ddThh:mmZ")', message: /"hh" is the hour on a 12-hour clock.*03:30/, severity: 'warning' as const },
  ],
  'date-gnu-option-on-macos': [
    { name: 'date -d in a block the lead-in offers for macOS (azure-docs#51634)', find: 'Be sure to replace `<RESOURCE GROUP>`', replace: (l: string) => `${l} On Linux or macOS, compute the expiry first:\n\n\`\`\`bash\nend=$(date -u -d "30 minutes" '+%Y-%m-%dT%H:%MZ')\n\`\`\`\n`, offset: 3, message: /GNU date's; the sentence leading into the block \(line \d+\) offers it for macOS/, severity: 'warning' as const },
  ],
  'markdown-block-unclosed': [
    { name: 'a ~~~ fence that the page never closes', find: 'Be sure to replace `<RESOURCE GROUP>`', replace: () => '~~~bash', message: /never closed.*Copy button/, severity: 'warning' as const },
    { name: 'a tab group never closed with ---', find: 'Be sure to replace `<RESOURCE GROUP>`', replace: () => '# [Azure CLI](#tab/azure-cli)', message: /tab group.*never closed.*last tab/, severity: 'warning' as const },
    { name: 'a ::: zone-end with no zone open', find: 'The response looks like this:', replace: () => '::: zone-end', message: /closes no zone/, severity: 'warning' as const },
  ],
};
