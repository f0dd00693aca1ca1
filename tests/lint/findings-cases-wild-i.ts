// Positive cases of issue 16 session 11's wild-i work (defects readers reported on Azure Functions, Static Web
// Apps and App Service pages), merged into rules.test.ts's table by appending to the rule's cases (a one-line
// break of the clean fixture adds an az block whose second line, offset 1, has the defect). Their real pages,
// positive and negative, are in wild-i-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (...lines: string[]) => () => ['```azurecli', ...lines, '```'].join('\n');
const warning = 'warning' as const;

export const wildICases = {
  'retired-runtime-version': [
    { name: 'az functionapp create --runtime powershell --runtime-version 7.0 (azure-docs#105025 class)', find: FIND, replace: block('az functionapp create -g rg -n myfunc -s mysa -c westeurope --functions-version 4 --runtime powershell --runtime-version 7.0'), offset: 1, message: /PowerShell 7\.0 \("7\.0"\) reached end of support on 2022-12-03 \(MicrosoftDocs\/PowerShell-Docs/, severity: warning },
    { name: 'az webapp create --runtime "NODE:16-lts" (the colon form az webapp list-runtimes prints)', find: FIND, replace: block('az webapp create -g rg -p myplan -n myapp --runtime "NODE:16-lts"'), offset: 1, message: /Node\.js 16 \("16-lts"\) reached end of support/, severity: warning },
    { name: 'az webapp up --runtime PYTHON:3.9', find: FIND, replace: block('az webapp up --runtime PYTHON:3.9 --sku B1 --logs'), offset: 1, message: /Python 3\.9 \("3\.9"\) reached end of support/, severity: warning },
    { name: 'az functionapp config set --linux-fx-version "DOTNET-ISOLATED|7.0"', find: FIND, replace: block('az functionapp config set -g rg -n myfunc --linux-fx-version "DOTNET-ISOLATED|7.0"'), offset: 1, message: /\.NET 7\.0 \("7\.0"\) reached end of support on 2024-05-14/, severity: warning },
    { name: 'az webapp config set --net-framework-version v6.0', find: FIND, replace: block('az webapp config set -g rg -n myapp --net-framework-version v6.0'), offset: 1, message: /\.NET 6\.0 \("v6\.0"\) reached end of support on 2024-11-12/, severity: warning },
  ],
};
