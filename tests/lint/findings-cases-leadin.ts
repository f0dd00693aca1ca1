// Positive cases of issue 16 session 9's leadin rules (what the lead-in names against what the block
// runs; upload-batch/download-batch with the local directory and the container swapped), merged into
// rules.test.ts's table (one-line breaks of the clean fixture). Their real pages, positive and
// negative, are in leadin-rules.test.ts.
export const leadinCases = {
  'lead-in-command-not-run': [
    { name: 'the lead-in names download-batch, the block runs download', find: 'Download it again:', replace: () => 'Download it again with `az storage blob download-batch`:', message: /names `az storage blob download-batch`, but the block runs `az storage blob download` \(line \d+\)/, severity: 'warning' as const },
    { name: 'a link to the reference entry of another verb', find: 'Download it again:', replace: () => 'Download it again with the [az storage blob download-batch](/cli/azure/storage/blob#az-storage-blob-download-batch) command:', message: /names `az storage blob download-batch`/, severity: 'warning' as const },
  ],
  'az-batch-source-destination-swapped': [
    { name: 'upload-batch -d with a local folder, -s with the container', find: 'az storage blob upload -c', replace: () => 'az storage blob upload-batch -d ./site -s <CONTAINER NAME> --account-name <STORAGE ACCOUNT> --auth-mode login', message: /upload-batch takes the local directory in --source \(-s\).*-d gets \.\/site, a local path.*"incorrect usage: source must be an existing directory"/, severity: 'warning' as const },
  ],
};
