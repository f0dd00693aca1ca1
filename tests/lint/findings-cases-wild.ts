// Positive cases of issue 16 session 6's rules (defects readers reported on real pages), merged into
// rules.test.ts's table (one-line breaks of the clean fixture). Their negatives on real pages are in
// az-extension-update-not-installed.test.ts and shell-variable-two-names.test.ts.
export const wildCases = {
  'az-extension-update-not-installed': [
    { name: 'az extension update of an extension no step adds', find: 'az identity create -g', replace: () => 'az extension update --name storage-preview', message: /no earlier step installs storage-preview.*"The extension storage-preview is not installed\."/, severity: 'warning' as const },
  ],
  'shell-variable-two-names': [
    { name: 'AKSNAME assigned, $AKS_NAME used', find: 'az identity create -g', replace: () => 'AKSNAME=myAKSCluster\naz aks show -g myResourceGroup -n $AKS_NAME', offset: 1, message: /\$AKS_NAME is never assigned, but the page assigns AKSNAME/, severity: 'warning' as const },
  ],
};
