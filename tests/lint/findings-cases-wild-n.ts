// Positive cases of issue 16 session 12's wild-n rule (defects on Azure Machine Learning pages),
// merged into rules.test.ts's table (one-line breaks of the clean fixture). Its real pages, positive
// and negative, are in wild-n-rules.test.ts, with the Azure AI Search retired versions of
// api-version-invalid and the Azure Machine Learning SDK v1 of retired-sdk-package (those rules'
// table entries are other files' own).
export const wildNCases = {
  'az-extension-retired': [
    { name: 'az extension add -n azure-cli-ml (Azure ML CLI v1, support ended 2025-09-30)', find: 'az identity create -g', replace: () => 'az extension add -n azure-cli-ml', message: /installs the Azure Machine Learning CLI v1 extension \(azure-cli-ml\), whose support ended on 2025-09-30.*az extension add -n ml/, severity: 'warning' as const },
    { name: 'az ml run submit-script, a command only azure-cli-ml defines', find: 'az identity create -g', replace: () => 'az ml run submit-script -c sklearn -e testexperiment train.py', message: /"az ml run submit-script" is a command of the Azure Machine Learning CLI v1 extension/, severity: 'warning' as const },
  ],
};
