// Renders src/lint/README.md from the rules' own metadata, so the documentation cannot drift:
// tests/lint/units.test.ts compares the file with this output.
// Regenerate with: npx tsx src/lint/readme.ts > src/lint/README.md
import { fileURLToPath } from 'node:url';
import { rules } from './registry.ts';

export function renderReadme(): string {
  const lines: string[] = [];
  lines.push('# lint: static findings about a tutorial\'s text');
  lines.push('');
  lines.push('`tutorial-conformance lint [files or folders…] [--format text|json|sarif] [--output FILE]` reads each');
  lines.push('tutorial (default: every `.md` in `tutorials/`), parses it with `src/parse`, and runs every rule below over');
  lines.push('the model and the raw text. No request is sent. Exit code 0: no error-severity finding; 1: errors found;');
  lines.push('2: bad input (unknown option, unreadable or unparsable file).');
  lines.push('');
  lines.push('- `lintTutorial(tutorial, { text })` is pure and deterministic (sorted by line, column, rule); the runner');
  lines.push('  puts its findings into every `report.json`. Without `text`, only command lines and examples are read.');
  lines.push('- The page as rendered (`rendered.ts`): given `resolveInclude` (the parser\'s resolver; `lint` and `run` pass it),');
  lines.push('  the text of each `[!INCLUDE]`d file (front matter dropped, indented into the list item it stands in) follows its');
  lines.push('  include line and the whole is linted as one page, so rules about the page\'s world, prerequisites and order of');
  lines.push('  creation see what an include does where it does it. A finding on included text names the include\'s file');
  lines.push('  (project-relative, as `file` names pages) and line; "line N" in messages is relabelled likewise; a fix edits that');
  lines.push('  file (left out, said in the message, when its edits span two files); an include used by two pages is reported for');
  lines.push('  each, one used twice in one page once per place. SARIF names the page as a related location (`includedBy`).');
  lines.push('- One file per rule under `rules/`, registered in `registry.ts`; `document.ts` is the view every rule reads:');
  lines.push("  each command's words from the parser's word splitter (`parse/shell-words.ts`, with line and column), each");
  lines.push("  JSON block read once by the parser's JSON reader (`parse/json-reader.ts`: keys, values and errors with their");
  lines.push('  places) with the language of its block. Rules do not split words or read JSON themselves.');
  lines.push('- Text format: `file:line:col rule severity message (seed FILE:LINE)`. SARIF 2.1.0: rule metadata in');
  lines.push('  `tool.driver.rules`, the tutorial region as the location, the seed place as a related location and in');
  lines.push('  `properties.seed`; `tests/lint/sarif.test.ts` validates it against the vendored OASIS schema `sarif/sarif-schema-2.1.0.json` (and the rtm.5 revision).');
  lines.push('- Contracts (`contracts.ts`) are written from `vendor/specs`; `tests/lint/contracts.test.ts` checks them. A request');
  lines.push('  body written inside the command (`curl -d \'{…}\'`, single-quoted on one line) is held to the operation\'s request');
  lines.push('  contract like a body shown in its own block (`contract-check.ts`; `tests/lint/inline-body-contract.test.ts`).');
  lines.push('- Fixes: a rule attaches `fix` (exact edits: line, columns, the text replaced, its replacement) to a finding');
  lines.push('  only when the correction is certain, built with `fix.ts` (an edit is placed only where the file\'s line holds');
  lines.push('  the word\'s text verbatim) and, for JSON, `json-repair.ts`. `run`/`lint --fix-patch FILE` turn them into a');
  lines.push('  unified diff, `report.json` into review suggestions (`src/report/fixes/`), SARIF into `fixes`. The README\'s');
  lines.push('  "Fixes as a patch" lists which rules fix what, and what is left to the writer.');
  lines.push('- Every rule has a positive case in `tests/lint/rules.test.ts` (a one-line break of the clean fixture; issue 16\'s rules in');
  lines.push('  `findings-cases.ts`) and, for issue 16\'s rules, negatives on real pages where the pattern is written correctly');
  lines.push('  (`shell-rules.test.ts`, `example-request.test.ts`, `rbac-what-if.test.ts`, `findings-negatives.test.ts`,');
  lines.push('  `api-version-currency.test.ts`, `resource-name-invalid.test.ts`); the rules about what a page shows and says around');
  lines.push('  its commands (output, names, runtimes) in `findings-cases-output.ts` and `output-rules.test.ts`.');
  lines.push('- Session 4\'s shell, placeholder and URL rules (`shell-unclosed-quote`, `shell-variable-unused`, `url-literal-space`,');
  lines.push('  `placeholder-spelling-varies`, `example-id-in-input-file`, `placeholder-unquoted-special`, `azcopy-legacy-syntax`, `shell-assignment-spaces`, `az-query-backtick`): positive');
  lines.push('  cases in `findings-cases-shellph.ts`, negatives and real defects on corpus pages in `shellph-rules.test.ts` (a pattern the corpus');
  lines.push('  never writes correctly is read from a byte-exact excerpt of a real page in `tests/lint/fixtures/real/`, its source in that README).');
  lines.push('- `retired-runtime-version` reads `src/reference/runtime-lifecycle.json` (end-of-support dates, each with its source file and');
  lines.push('  commit, judged against the file\'s `asOf` day, never the clock).');
  // issue 16 session 5 (other): retired SDKs and tools, prerequisites a reader cannot guess
  lines.push('- `retired-sdk-package` reads `src/reference/retired-packages.json`, generated by `scripts/generate-retired-packages.ts`');
  lines.push('  (`--check` compares) from a snapshot of the Azure SDK release inventory (Azure/azure-sdk `_data/releases/latest/*-packages.csv`,');
  lines.push('  rows whose Support is "deprecated", commit in the file), and `src/reference/retired-tools.json` (hand-edited, a source per');
  lines.push('  entry: ADAL, Python azure-keyvault 1.x and azure-storage, AzureRM, the namespaces/modules/classes code uses for them).');
  lines.push('  Code blocks of every language (dotnet/NuGet, pip and imports, npm/require, Maven/Gradle/imports) and registry links; a');
  lines.push('  name with a supported line (azure-storage-blob 12) only with a retired version or a class only the old line has.');
  lines.push('  Cases in `tests/lint/other-rules.test.ts` (fixture `fixtures/retired-sdks.md`; negatives on corpus pages and the tutorials).');
  lines.push('- `missing-prerequisite` also warns (`prerequisite-tools.ts`) about what a reader must have that the page never names:');
  lines.push('  a program a shell or PowerShell block runs (az, func, azcopy, jq, zip, git, mvn, dotnet, python, node, kubectl, bicep,');
  lines.push('  openssl, docker…) that no prose line or install step names, Az cmdlets with no mention of Azure PowerShell, an az');
  lines.push('  command from an extension (the az table\'s source) the page neither adds nor names, and az commands with no sign-in');
  lines.push('  anywhere. Silent on pages that mention Cloud Shell (its image has every tool listed: Azure/CloudShell tests/command_list),');
  lines.push('  on Try It blocks (azurecli-interactive) and where the prerequisites are delegated to a linked page.');
  lines.push('  Cases in `tests/lint/prerequisite-tools.test.ts` (fixture `fixtures/prerequisite-tools.md`; negatives on corpus pages).');
  lines.push('- `bicep-snippet-is-json` and `prose-vault-object-mismatch` (session 5, class other): a sentence that introduces a Bicep');
  lines.push('  snippet before ARM template JSON, and one that describes a Key Vault sample\'s operations on another kind of object than');
  lines.push('  its client (SecretClient / KeyClient / CertificateClient); positives in `findings-cases-other.ts`, real pages in `other-rules.test.ts`.');
  lines.push('- `rbac-what-if` reads the grants a page makes or states through `rbac-grants.ts`: `az role assignment create` as written');
  lines.push("  (counted even when that step fails), template `Microsoft.Authorization/roleAssignments` with a literal role GUID, and the page's");
  lines.push("  World (`world.ts`: prose and portal grants of any catalog role, the sidecar's grants the runner passes); a grant the World only");
  lines.push('  assumes never counts. It decides with `src/reference/rbac.ts` over the generated built-in role catalog and the operation →');
  lines.push('  (data) action map (`src/reference/operation-actions.ts`, `src/reference/README.md`). Errors for requests made with a managed');
  lines.push("  identity's token; warnings (`rbac-reader.ts`) for the signed-in reader's own data-plane commands on a vault or storage account");
  lines.push('  the page creates, since what fails there follows today\'s defaults (az keyvault create makes RBAC vaults since Azure CLI 2.61).');
  lines.push('  Data Lake Storage ACLs: a page that sets ACLs keeps the storage part silent (ACLs are checked when RBAC denies); the ACLs');
  lines.push('  themselves are not judged.');
  lines.push('  Issue 16 session 5 (rolesdocs): the operation → (data) action map covers Queue, Table, File shares with OAuth, Data Lake');
  lines.push('  (dfs), Key Vault keys and certificates, App Configuration, Service Bus / Event Hubs and Cosmos DB, with the documented');
  lines.push('  alternatives (`src/reference/data-actions.ts`); `rbac-scope.ts` reports a grant whose scope (another account, vault or');
  lines.push('  container, names literal on both sides) does not contain the resource a later request reaches; `rbac-vault-model.ts` a Key');
  lines.push('  Vault data role on a vault created with access policies, a template vault with access policies and none listed, and Cosmos');
  lines.push('  DB data used with only Azure RBAC roles granted; `sdk-calls.ts` reads the Azure SDK programs a page runs on the reader\'s');
  lines.push('  machine (a token credential, a client call whose REST operation is certain) as the reader\'s own data-plane commands.');
  lines.push('- `rbac-permission-not-stated` (issue 16, session 4) asks the same catalog which Microsoft.Authorization action the reader\'s own');
  lines.push('  command needs (`azAuthorizationNeed` / `requestNeed` in `src/reference/operation-actions.ts`) and whether Contributor lacks it;');
  lines.push('  the roles that would state it are every catalog role that grants the action, so the list follows the catalog; real pages that');
  lines.push('  state it, in each of the ways it reads, are its negatives (`rbac-permission-not-stated.test.ts`).');
  lines.push('- `api-version-currency` reads where a page names an api-version with its namespace and type through');
  lines.push('  `api-version-mentions.ts` (URL `/providers/<Namespace>/<type>…?api-version=`, Bicep `type@version`, a template\'s');
  lines.push('  `"apiVersion"` beside its `"type"`, az `--api-version` / PowerShell `-ApiVersion` with the command\'s resource type;');
  lines.push('  code only, never prose) and judges it against the generated `src/reference/api-versions.json`: more than two');
  lines.push('  years behind the newest stable version → warning naming it; a preview where a newer stable exists → note (warning');
  lines.push('  when also two years behind); a version the listing never had → warning, not error, since the listings hold the');
  lines.push('  versions that created resources and ARM registers more (the emulator\'s `services/arm/api-versions.ts` lists count as');
  lines.push('  known). ARM answers an unregistered version with 400 InvalidApiVersionParameter / NoRegisteredProviderFound and the');
  lines.push('  supported list (the documented Resource Manager error, learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-register-resource-provider). Namespaces, types or listings the table marks partial or does');
  lines.push('  not cover are never judged unknown. A type the table lacks but the emulator models (Microsoft.Resources resource');
  lines.push('  groups and subscriptions, Microsoft.Compute virtual machines) is judged against the emulator\'s list as a partial one.');
  // issue 16 session 5 (exshape): what az prints
  lines.push('- `az-output-form` (issue 16, session 5) reads what az prints through `src/reference/az-output.ts`, the one');
  lines.push('  implementation of az\'s output: knack\'s formats (microsoft/knack `knack/output.py` @162e599: json with sorted keys,');
  lines.push('  tsv, table with the query\'s keys as columns, none) and `--query` as JMESPath (the npm `jmespath` 0.16.0, pinned; a');
  lines.push('  query\'s result shape is read from its syntax tree: projections are lists, a multiselect hash one object). It judges');
  lines.push('  only a block that follows a lone az command directly (blank lines, fences, a tab group\'s closing `---` and an');
  lines.push('  output lead-in between; no pipe, redirection or `$( … )`), never a placeholder\'s value, and without `--query` never');
  lines.push('  a table\'s columns (az\'s table transformers choose them). `example-id-vs-request` compares the values a create or');
  lines.push('  update fixes (type from the example\'s own id, region, kind, SKU, tags) through `src/reference/arm-echo.ts`, which');
  lines.push('  the check stage\'s id claims also use. The runner prints an az step\'s `--query` (as json or tsv) and `-o none` through');
  lines.push('  the same module (`azPrint`), so the check stage compares the page\'s example with what az would print and agrees');
  lines.push('  with lint; a query that selects nothing in the equivalent\'s answer, `-o table`/`yaml` and tsv without a query stay');
  lines.push('  `unsupported`.');
  // issue 16 session 5, bodies and outputs against the operation's schema (specschema)
  lines.push('- `request-body-schema` and `example-output-schema` read every JSON a page sends to, or shows back from, a Resource');
  lines.push('  Manager operation through `spec-subjects.ts` (`curl -d \'{…}\'`, `az rest --body \'{…}\'`, the saved file a `@file.json` body');
  lines.push('  sends (the last JSON block before it whose caption names the file), the JSON blocks after a raw');
  lines.push('  `PUT https://management.azure.com/…` line — the first is the body unless the prose above calls it the output —, the answer');
  lines.push('  a curl or az rest step prints unprojected, each resource of an ARM template, each `resource` of a Bicep block read by');
  lines.push('  `parse/bicep-resources.ts`: literals only, expressions kept as `[…]`) and hold it with the one schema index');
  lines.push('  `src/reference/spec-schemas.ts` (generated `spec-schemas.json`: operation → api-version → body and answer schemas from');
  lines.push('  `vendor/specs`, $ref followed, allOf merged). A version is judged when vendored, or when the vendored stable versions');
  lines.push('  around it agree on the property (its name list, enum or type); never a preview or a provider with no vendored spec.');
  lines.push('  Bodies and answers the hand contracts of `contracts.ts` judge (listServiceSas, listKeys, a resource group, IMDS) are left');
  lines.push('  to them. `tests/reference/spec-schemas.test.ts` holds the index silent on the 673 request/answer examples of the vendored');
  lines.push('  specs; `tests/lint/spec-schema-rules.test.ts` has the positives and the real pages where bodies are right.');
  // issue 16 session 7 (wild-d): defects readers reported on VM, network and identity pages
  lines.push('- `az-vm-image-alias-retired` reads `src/reference/vm-image-aliases.json`, generated by `scripts/generate-vm-image-aliases.ts`');
  lines.push('  (`--check` compares) from the history of the alias document az reads (Azure/azure-rest-api-specs');
  lines.push('  `arm-compute/quickstart-templates/aliases.json`, commit in the file): the aliases it lists today and those it dropped, with the');
  lines.push('  day. `app-gateway-rule-priority-missing` needs no data. Positives in `tests/lint/findings-cases-wild-d.ts`, real pages');
  lines.push('  (reader-reported defects and correct negatives) in `tests/lint/wild-d-rules.test.ts`.');
  // issue 16 session 9 (sasurl): SAS tokens anywhere on a page
  lines.push('- `sas-token-invalid` reads every SAS token of a page through `src/lint/sas.ts` (`sasTokensOfPage`: the one SAS query');
  lines.push('  reader, with the URL a token is appended to and whether a line break or an ellipsis cuts it) and judges it with');
  lines.push('  `src/reference/sas-validity.ts` (the fields, required fields and values of the service, account and user delegation SAS');
  lines.push('  of the Storage REST reference). Service versions: `src/reference/storage-versions.json`, generated by');
  lines.push('  `scripts/generate-storage-versions.ts` (`--check` compares) from Azure/Azurite `src/blob/utils/constants.ts`');
  lines.push('  `ValidAPIVersions` (commit in the file). Positives in `tests/lint/findings-cases-sasurl.ts`, real pages in');
  lines.push('  `tests/lint/sasurl-rules.test.ts`.');
  lines.push('');
  lines.push('## Rules');
  lines.push('');
  lines.push('| id | severity | finds | write instead |');
  lines.push('|---|---|---|---|');
  for (const r of rules) lines.push(`| \`${r.id}\` | ${r.severity} | ${r.shortDescription.replace(/\|/g, '\\|')} | ${r.help.replace(/\|/g, '\\|')} |`);
  lines.push('');
  // What each rule's finding rests on: what bash, curl, az or Azure really does, and the source.
  lines.push('## Why: what the programs and Azure do, and the sources');
  lines.push('');
  for (const r of rules) {
    lines.push(`- \`${r.id}\`: ${r.fullDescription}`);
  }
  lines.push('');
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(renderReadme());
