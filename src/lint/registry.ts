// The one list of rules, in the order they are documented. A rule's position never changes its
// findings (the engine sorts by place); it only orders SARIF tool.driver.rules and the docs.
import type { Rule } from './rule.ts';
import { lookalikeDashInFlag } from './rules/lookalike-dash-in-flag.ts';
import { smartQuoteInCommand } from './rules/smart-quote-in-command.ts';
import { nonasciiSpaceInCommand } from './rules/nonascii-space-in-command.ts';
import { zeroWidthInCommand } from './rules/zero-width-in-command.ts';
import { mojibake } from './rules/mojibake.ts';
import { jsonExampleInvalid } from './rules/json-example-invalid.ts';
import { contractInvalidGuid } from './rules/contract-invalid-guid.ts';
import { contractTypeMismatch } from './rules/contract-type-mismatch.ts';
import { contractEnumValue } from './rules/contract-enum-value.ts';
import { contractFieldNotInApi } from './rules/contract-field-not-in-api.ts';
import { contractResourceId } from './rules/contract-resource-id.ts';
import { azOutputShape } from './rules/az-output-shape.ts';
import { placeholderMisspelt } from './rules/placeholder-misspelt.ts';
import { placeholderNotInCommand } from './rules/placeholder-not-in-command.ts';
import { placeholderUrlAfterScheme } from './rules/placeholder-url-after-scheme.ts';
import { placeholderTwoNames } from './rules/placeholder-two-names.ts';
import { inconsistentFileName } from './rules/inconsistent-file-name.ts';
import { statedContentMismatch } from './rules/stated-content-mismatch.ts';
import { blobPropertiesMismatch } from './rules/blob-properties-mismatch.ts';
import { tokenResourceMismatch } from './rules/token-resource-mismatch.ts';
import { exampleIdsInconsistent } from './rules/example-ids-inconsistent.ts';
import { azRemovedCommand } from './rules/az-removed-command.ts';
import { azFlagWithoutValue } from './rules/az-flag-without-value.ts';
import { azUnknownCommand } from './rules/az-unknown-command.ts';
import { azRetiredCommand } from './rules/az-retired-command.ts';
import { azUnknownParameter } from './rules/az-unknown-parameter.ts';
import { azMissingRequired } from './rules/az-missing-required.ts';
import { azEnumValue } from './rules/az-enum-value.ts';
import { azDeprecatedParameter } from './rules/az-deprecated-parameter.ts';
import { azValueTrailingSpace } from './rules/az-value-trailing-space.ts';
import { azUnknownRole } from './rules/az-unknown-role.ts';
import { azScopeNotResourceId } from './rules/az-scope-not-resource-id.ts';
import { azAssigneeIdKind } from './rules/az-assignee-id-kind.ts';
import { legacyMsiEndpoint } from './rules/legacy-msi-endpoint.ts';
import { retiredService } from './rules/retired-service.ts';
import { retiredRole } from './rules/retired-role.ts';
import { quickstartTemplateMoved } from './rules/quickstart-template-moved.ts';
import { azSynopsisAsCommand } from './rules/az-synopsis-as-command.ts';
import { apiVersionInvalid } from './rules/api-version-invalid.ts';
import { blobBearerMissingVersion } from './rules/blob-bearer-missing-version.ts';
import { armBodyContentType } from './rules/arm-body-content-type.ts';
import { proseCaseSensitiveClaim } from './rules/prose-case-sensitive-claim.ts';
import { proseOutdatedClaim } from './rules/prose-outdated-claim.ts';
import { proseTokenAudience } from './rules/prose-token-audience.ts';
import { proseParameterNotInCommand } from './rules/prose-parameter-not-in-command.ts';
import { proseAzOptionSingleDash } from './rules/prose-az-option-single-dash.ts';
import { proseAzCommandUnknown } from './rules/prose-az-command-unknown.ts';
import { missingPrerequisite } from './rules/missing-prerequisite.ts';
import { azExtensionUpdateNotInstalled } from './rules/az-extension-update-not-installed.ts';
import { shellVariableTwoNames } from './rules/shell-variable-two-names.ts';
import { shellBackslashSpace } from './rules/shell-backslash-space.ts';
import { shellTrailingBackslash } from './rules/shell-trailing-backslash.ts';
import { shellMissingContinuation } from './rules/shell-missing-continuation.ts';
import { powershellMissingContinuation } from './rules/powershell-missing-continuation.ts';
import { powershellBacktickSpace } from './rules/powershell-backtick-space.ts';
import { powershellInBashFence } from './rules/powershell-in-bash-fence.ts';
import { bashInPowershellFence } from './rules/bash-in-powershell-fence.ts';
import { curlHelpFlag } from './rules/curl-help-flag.ts';
import { shellCommandPastedTwice } from './rules/shell-command-pasted-twice.ts';
import { kubernetesMetadataMisplaced } from './rules/kubernetes-metadata-misplaced.ts';
import { proseVariableListUnused } from './rules/prose-variable-list-unused.ts';
import { kubernetesKindGroupMismatch } from './rules/kubernetes-kind-group-mismatch.ts';
import { shellUnquotedAmpersand } from './rules/shell-unquoted-ampersand.ts';
import { shellSingleQuotedVariable } from './rules/shell-single-quoted-variable.ts';
import { shellTildeInQuotes } from './rules/shell-tilde-in-quotes.ts';
import { shellOdataDollarExpanded } from './rules/shell-odata-dollar-expanded.ts';
import { exampleSasFields } from './rules/example-sas-fields.ts';
import { sasTokenInvalid } from './rules/sas-token-invalid.ts';
import { rbacWhatIf } from './rules/rbac-what-if.ts';
import { rbacNotactionsOnly } from './rules/rbac-notactions-only.ts';
// issue 16 session 4 (rbacat): permissions a page never states
import { rbacPermissionNotStated } from './rules/rbac-permission-not-stated.ts';
// issue 16 session 11 (lead): "only Owner and User Access Administrator" against the role catalog
import { proseOnlyRolesClaim } from './rules/prose-only-roles-claim.ts';
import { proseSasFieldNotSet } from './rules/prose-sas-field-not-set.ts';
import { curlUploadAt } from './rules/curl-upload-at.ts';
import { shellUnassignedVariable } from './rules/shell-unassigned-variable.ts';
import { apiVersionNotADate } from './rules/api-version-not-a-date.ts';
import { apiVersionCurrency } from './rules/api-version-currency.ts';
import { providerNamespaceMisspelt } from './rules/provider-namespace-misspelt.ts';
import { resourceNameInvalid } from './rules/resource-name-invalid.ts';
import { exampleIdVsRequest } from './rules/example-id-vs-request.ts';
import { examplePowerShellVsRequest } from './rules/example-powershell-vs-request.ts';
import { exampleVaultObjectVsRequest } from './rules/example-vault-object-vs-request.ts';
import { exampleBlobVsRequest } from './rules/example-blob-vs-request.ts';
import { exampleAppHostVsRequest } from './rules/example-app-host-vs-request.ts';
import { pageAssumesResource } from './rules/page-assumes-resource.ts';
import { azGraphObjectidQuery } from './rules/az-graph-objectid-query.ts';
import { htmlEntityInCode } from './rules/html-entity-in-code.ts';
import { outputInCommandFence } from './rules/output-in-command-fence.ts';
import { fenceLanguageAsCommand } from './rules/fence-language-as-command.ts';
import { azKeyValueOptionBare } from './rules/az-key-value-option-bare.ts';
import { retiredRuntimeVersion } from './rules/retired-runtime-version.ts';
import { inconsistentResourceName } from './rules/inconsistent-resource-name.ts';
import { inconsistentPath } from './rules/inconsistent-path.ts';
import { fileShownAfterUse } from './rules/file-shown-after-use.ts';
import { roleUsedBeforeCreated } from './rules/role-used-before-created.ts';
import { proseValueDiffers } from './rules/prose-value-differs.ts';
import { exampleProjectionKeys } from './rules/example-projection-keys.ts';
import { exampleRoleDefinitionDiffers } from './rules/example-role-definition-differs.ts';
import { exampleSecretFromFile } from './rules/example-secret-from-file.ts';
import { linkReferenceMismatch } from './rules/link-reference-mismatch.ts';
// issue 16 session 4, example-output (exout)
import { exampleAzDefaultName } from './rules/example-az-default-name.ts';
// issue 16 items 3-4 (spec data): names that cannot exist
import { enumValueStraySpace } from './rules/enum-value-stray-space.ts';
import { identityTypeValue } from './rules/identity-type-value.ts';
// issue 16, stale facts
import { proseStalePreview } from './rules/prose-stale-preview.ts';
import { azDeprecatedCommand } from './rules/az-deprecated-command.ts';
import { appServiceBasicAuthDisabled } from './rules/app-service-basic-auth-disabled.ts';
import { yamlDuplicateKey } from './rules/yaml-duplicate-key.ts';
import { workflowUndefinedEnv } from './rules/workflow-undefined-env.ts';
import { workflowSecretOtherTab } from './rules/workflow-secret-other-tab.ts';
import { policyInitiativeRenamed } from './rules/policy-initiative-renamed.ts';
import { workflowActionRefused } from './rules/workflow-action-refused.ts';
import { workflowActionInputMissing } from './rules/workflow-action-input-missing.ts';
import { workflowStepUnknownKey } from './rules/workflow-step-unknown-key.ts';
import { hostedImageRetired } from './rules/hosted-image-retired.ts';
import { retiredResourceSetting } from './rules/retired-resource-setting.ts';
import { azCreateRetiredService } from './rules/az-create-retired-service.ts';
import { pythonBelowSdkMinimum } from './rules/python-below-sdk-minimum.ts';
// issue 16 session 10 (wild-g): container pages
import { kubernetesApiRemoved } from './rules/kubernetes-api-removed.ts';
import { kubernetesIngressV1Fields } from './rules/kubernetes-ingress-v1-fields.ts';
import { helm2Command } from './rules/helm-2-command.ts';
import { aksRetiredAddon } from './rules/aks-retired-addon.ts';
import { kubectlWithoutCredentials } from './rules/kubectl-without-credentials.ts';

// issue 16, session 4: shell syntax, placeholders, URLs (shellph)
import { shellUnclosedQuote } from './rules/shell-unclosed-quote.ts';
import { shellVariableUnused } from './rules/shell-variable-unused.ts';
import { urlLiteralSpace } from './rules/url-literal-space.ts';
import { placeholderSpellingVaries } from './rules/placeholder-spelling-varies.ts';
import { exampleIdInInputFile } from './rules/example-id-in-input-file.ts';
import { placeholderUnquotedSpecial } from './rules/placeholder-unquoted-special.ts';
import { azcopyLegacySyntax } from './rules/azcopy-legacy-syntax.ts';
import { azureClassicCli } from './rules/azure-classic-cli.ts';
import { shellAssignmentSpaces } from './rules/shell-assignment-spaces.ts';
import { azQueryBacktick } from './rules/az-query-backtick.ts';
// issue 16 session 5: az output form (exshape)
import { azOutputForm } from './rules/az-output-form.ts';
// issue 16 session 6, wild defects (wild-a): output fields az does not print
import { azOutputFieldNamed } from './rules/az-output-field-named.ts';
import { resourceHostNameDiffers } from './rules/resource-host-name-differs.ts';
// issue 16 session 5, bodies and outputs against the operation's schema (specschema)
import { requestBodySchema } from './rules/request-body-schema.ts';
import { exampleOutputSchema } from './rules/example-output-schema.ts';
import { azOutputSchema } from './rules/az-output-schema.ts';
import { azQueryPath } from './rules/az-query-path.ts';
// issue 16 session 5 (other): retired SDKs and tools, prerequisites a reader cannot guess
import { retiredSdkPackage } from './rules/retired-sdk-package.ts';
import { retiredAzurermModule } from './rules/retired-azurerm-module.ts';
// issue 16 session 10 (retlibs): the pre-Az Service Management and Azure.Storage modules
import { retiredAzurePowershellModule } from './rules/retired-azure-powershell-module.ts';
import { retiredAzureadPowershellModule } from './rules/retired-azuread-powershell-module.ts';
import { azureAdGraphRetired } from './rules/azure-ad-graph-retired.ts';
// issue 16 session 12 (wild-o): Azure Automation Run As accounts, retired on 30 September 2023
import { automationRunAsAccount } from './rules/automation-run-as-account.ts';
import { azCreateForRbacRoleScopes } from './rules/az-create-for-rbac-role-scopes.ts';
import { bicepSnippetIsJson } from './rules/bicep-snippet-is-json.ts';
import { proseVaultObjectMismatch } from './rules/prose-vault-object-mismatch.ts';
// issue 16 session 7 (wild-c)
import { azOptionRepeated } from './rules/az-option-repeated.ts';
import { shellContinuationJoinsWords } from './rules/shell-continuation-joins-words.ts';
import { proseOptionVariableDiffers } from './rules/prose-option-variable-differs.ts';
import { deploymentOutputNotDeclared } from './rules/deployment-output-not-declared.ts';
// issue 16 session 7 (wild-d): defects readers reported on VM, network and identity pages
import { azVmImageAliasRetired } from './rules/az-vm-image-alias-retired.ts';
import { vmImageUbuntuOffer } from './rules/vm-image-ubuntu-offer.ts';
import { privateDnsZoneName } from './rules/private-dns-zone-name.ts';
import { appGatewayRulePriorityMissing } from './rules/app-gateway-rule-priority-missing.ts';
import { variableUrlAfterScheme } from './rules/variable-url-after-scheme.ts';
import { mkdirThenRunFolder } from './rules/mkdir-then-run-folder.ts';
// issue 16 session 11 (wild-m): defects readers reported on monitoring, messaging and Azure OpenAI pages
import { openaiDeploymentNameFixed } from './rules/openai-deployment-name-fixed.ts';
import { appInsightsInstrumentationKey } from './rules/app-insights-instrumentation-key.ts';
import { azExtensionRemoved } from './rules/az-extension-removed.ts';
import { azExtensionRetired } from './rules/az-extension-retired.ts';
import { dateFormatMistake } from './rules/date-format-mistake.ts';
import { markdownBlockUnclosed } from './rules/markdown-block-unclosed.ts';
import { dateGnuOptionOnMacos } from './rules/date-gnu-option-on-macos.ts';
import { shellFdRedirectSpace } from './rules/shell-fd-redirect-space.ts';
import { ipAddressInvalid } from './rules/ip-address-invalid.ts';
// issue 16 session 7 (psread): PowerShell read like az
import { powershellUnknownParameter } from './rules/powershell-unknown-parameter.ts';
import { powershellUnknownCmdlet } from './rules/powershell-unknown-cmdlet.ts';
import { powershellAmbiguousParameter } from './rules/powershell-ambiguous-parameter.ts';
import { powershellParameterRepeated } from './rules/powershell-parameter-repeated.ts';
import { programEnvVarNotSet } from './rules/program-env-var-not-set.ts';
import { goPackageNotImported } from './rules/go-package-not-imported.ts';
import { azNamespaceServiceMismatch } from './rules/az-namespace-service-mismatch.ts';
import { powershellMissingMandatory } from './rules/powershell-missing-mandatory.ts';
import { powershellMissingValue } from './rules/powershell-missing-value.ts';
import { powershellEnumValue } from './rules/powershell-enum-value.ts';
import { powershellVariableTwoNames } from './rules/powershell-variable-two-names.ts';
import { leadInCommandNotRun } from './rules/lead-in-command-not-run.ts';
import { azBatchSourceDestinationSwapped } from './rules/az-batch-source-destination-swapped.ts';
// issue 16 session 10 (deploy-params): a deployment command against the template the page shows
import { deploymentParameterNotDeclared } from './rules/deployment-parameter-not-declared.ts';
import { deploymentParameterNotPassed } from './rules/deployment-parameter-not-passed.ts';
import { deploymentScopeMismatch } from './rules/deployment-scope-mismatch.ts';
import { powershellParameterEquals } from './rules/powershell-parameter-equals.ts';
import { powershellDollarSpace } from './rules/powershell-dollar-space.ts';

export const rules: readonly Rule[] = [
  lookalikeDashInFlag,
  smartQuoteInCommand,
  nonasciiSpaceInCommand,
  zeroWidthInCommand,
  mojibake,
  jsonExampleInvalid,
  contractInvalidGuid,
  contractTypeMismatch,
  contractEnumValue,
  contractFieldNotInApi,
  contractResourceId,
  azOutputShape,
  placeholderMisspelt,
  placeholderNotInCommand,
  placeholderUrlAfterScheme,
  placeholderTwoNames,
  inconsistentFileName,
  statedContentMismatch,
  blobPropertiesMismatch,
  tokenResourceMismatch,
  exampleIdsInconsistent,
  azRemovedCommand,
  azUnknownCommand,
  azRetiredCommand,
  azFlagWithoutValue,
  azUnknownParameter,
  azMissingRequired,
  azEnumValue,
  azDeprecatedParameter,
  azValueTrailingSpace,
  azUnknownRole,
  azScopeNotResourceId,
  azAssigneeIdKind,
  legacyMsiEndpoint,
  retiredService,
  retiredRole,
  quickstartTemplateMoved,
  apiVersionInvalid,
  blobBearerMissingVersion,
  armBodyContentType,
  proseCaseSensitiveClaim,
  proseOutdatedClaim,
  proseTokenAudience,
  proseParameterNotInCommand,
  proseAzOptionSingleDash,
  proseAzCommandUnknown,
  missingPrerequisite,
  shellBackslashSpace,
  shellTrailingBackslash,
  shellMissingContinuation,
  powershellMissingContinuation,
  powershellBacktickSpace,
  powershellInBashFence,
  bashInPowershellFence,
  curlHelpFlag,
  shellCommandPastedTwice,
  kubernetesMetadataMisplaced,
  proseVariableListUnused,
  kubernetesKindGroupMismatch,
  shellUnquotedAmpersand,
  shellSingleQuotedVariable,
  shellTildeInQuotes,
  shellOdataDollarExpanded,
  exampleSasFields,
  sasTokenInvalid,
  rbacWhatIf,
  rbacNotactionsOnly,
  rbacPermissionNotStated,
  proseOnlyRolesClaim,
  proseSasFieldNotSet,
  curlUploadAt,
  shellUnassignedVariable,
  apiVersionNotADate,
  apiVersionCurrency,
  providerNamespaceMisspelt,
  resourceNameInvalid,
  exampleIdVsRequest,
  examplePowerShellVsRequest,
  pageAssumesResource,
  azGraphObjectidQuery,
  htmlEntityInCode,
  outputInCommandFence,
  fenceLanguageAsCommand,
  azKeyValueOptionBare,
  retiredRuntimeVersion,
  inconsistentResourceName,
  exampleProjectionKeys,
  exampleRoleDefinitionDiffers,
  exampleSecretFromFile,
  linkReferenceMismatch,
  // issue 16, session 4: shell syntax, placeholders, URLs (shellph)
  shellUnclosedQuote,
  shellVariableUnused,
  urlLiteralSpace,
  placeholderSpellingVaries,
  exampleIdInInputFile,
  placeholderUnquotedSpecial,
  azcopyLegacySyntax,
  azureClassicCli,
  shellAssignmentSpaces,
  azQueryBacktick,
  // issue 16 session 4: the page's world (names and prerequisites)
  inconsistentPath,
  fileShownAfterUse,
  roleUsedBeforeCreated,
  proseValueDiffers,
  // issue 16 session 4, example-output (exout)
  exampleAzDefaultName,
  // issue 16 items 3-4 (spec data)
  enumValueStraySpace,
  identityTypeValue,
  // issue 16, stale facts
  proseStalePreview,
  azDeprecatedCommand,
  appServiceBasicAuthDisabled,
  yamlDuplicateKey,
  workflowUndefinedEnv,
  workflowSecretOtherTab,
  policyInitiativeRenamed,
  workflowActionRefused,
  workflowActionInputMissing,
  workflowStepUnknownKey,
  hostedImageRetired,
  retiredResourceSetting,
  azCreateRetiredService,
  pythonBelowSdkMinimum,
  // issue 16 session 10 (wild-g): container pages
  kubernetesApiRemoved,
  kubectlWithoutCredentials,
  // issue 16 session 11 (k8s2): Kubernetes and Helm
  kubernetesIngressV1Fields,
  helm2Command,
  aksRetiredAddon,
  // issue 16 session 5: what az prints (exshape)
  azOutputForm,
  // issue 16 session 5, bodies and outputs against the operation's schema (specschema)
  requestBodySchema,
  exampleOutputSchema,
  // issue 16 session 5 (other): retired SDKs and tools
  retiredSdkPackage,
  retiredAzurermModule,
  retiredAzurePowershellModule,
  retiredAzureadPowershellModule,
  azureAdGraphRetired,
  azCreateForRbacRoleScopes,
  bicepSnippetIsJson,
  proseVaultObjectMismatch,
  // issue 16 session 6 (wild-b): defects readers reported on real pages
  azExtensionUpdateNotInstalled,
  shellVariableTwoNames,
  // issue 16 session 6, wild defects (wild-a): output fields az does not print
  azOutputFieldNamed,
  resourceHostNameDiffers,
  // issue 16 session 7 (wild-c): defects readers reported on real pages
  azOptionRepeated,
  shellContinuationJoinsWords,
  proseOptionVariableDiffers,
  deploymentOutputNotDeclared,
  // issue 16 session 7 (exout2): az output and --query against the resource model az prints
  azOutputSchema,
  azQueryPath,
  // issue 16 session 7 (wild-d): defects readers reported on VM, network and identity pages
  azVmImageAliasRetired,
  appGatewayRulePriorityMissing,
  shellFdRedirectSpace,
  // issue 16 session 10 (wild-h): defects readers reported on Azure AI services pages
  variableUrlAfterScheme,
  mkdirThenRunFolder,
  // issue 16 session 11 (wild-m): defects readers reported on monitoring, messaging and Azure OpenAI pages
  openaiDeploymentNameFixed,
  appInsightsInstrumentationKey,
  azExtensionRemoved,
  azExtensionRetired,
  // issue 16 session 17 (wild-app): defects readers reported on Service Fabric, Static Web Apps and Communication Services pages
  ipAddressInvalid,
  // issue 16 session 7 (psread): PowerShell read like az
  powershellUnknownParameter,
  powershellUnknownCmdlet,
  powershellAmbiguousParameter,
  powershellParameterRepeated,
  programEnvVarNotSet,
  goPackageNotImported,
  azNamespaceServiceMismatch,
  powershellMissingMandatory,
  powershellMissingValue,
  powershellEnumValue,
  powershellVariableTwoNames,
  // issue 16 session 9 (echo2): data-plane examples against the request that produced them
  exampleVaultObjectVsRequest,
  exampleBlobVsRequest,
  exampleAppHostVsRequest,
  // issue 16 session 9 (fmtfence): timestamps formatted wrong, Markdown blocks left open
  dateFormatMistake,
  dateGnuOptionOnMacos,
  markdownBlockUnclosed,
  // issue 16 session 9 (leadin): what the lead-in names against what the block runs
  leadInCommandNotRun,
  azBatchSourceDestinationSwapped,
  // issue 16 session 9 (dnszone): private DNS zone names no private endpoint resolves through
  privateDnsZoneName,
  // issue 16 session 10 (deploy-params): a deployment command against the template the page shows
  deploymentParameterNotDeclared,
  deploymentParameterNotPassed,
  deploymentScopeMismatch,
  powershellParameterEquals,
  // issue 16 session 12 (wild-o): operations pages (Automation, Azure Monitor agents)
  automationRunAsAccount,
  // issue 16 session 12 (wild-q): defects readers reported on Batch and VM pages
  vmImageUbuntuOffer,
  // issue 16 session 15 (wild-data): defects readers reported on data and analytics pages
  azSynopsisAsCommand,
  // issue 16 session 17 (wild-ops): defects readers reported on Site Recovery pages
  powershellDollarSpace,
];
