// An az command written without an argument the command requires: argparse stops with "the
// following arguments are required: …". Read against the command table; a default set with
// `az configure --defaults` on the page, or on a page its Prerequisites section links to, counts as given.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { azOptionNames, elides, missingRequired } from '../../reference/az-args.ts';
import { configuredDefaultKey, defaultOptionsSet } from '../../reference/az-configured-defaults.ts';
import { prerequisitePageTexts } from '../linked-pages.ts';
import { sideLoadedCaveat, sideLoadedExtensions } from '../installed-extensions.ts';
import { BACKUP_TYPE_REFUSAL, friendlyContainerWithoutType } from '../az-backup-container.ts';

// `az configure --defaults acr=<registry>` (web=, vm=, sql-server=…) supplies the options azure-cli
// declares with configured_default='<key>': the reference entry of each says so ("You can configure
// the default registry name using `az configure --defaults acr=<registry name>`"), read into
// src/reference/az-configured-defaults.json by scripts/generate-az-repeatable.ts (read through
// src/reference/az-configured-defaults.ts).
// container-registry-artifact-streaming.md (tests/fresh) relies on acr=.
function suppliedByDefault(path: string, names: readonly string[], defaults: ReadonlySet<string>): boolean {
  const key = configuredDefaultKey(path, names);
  return key !== undefined && defaults.has(`--${key}`);
}

export const azMissingRequired: Rule = {
  id: 'az-missing-required',
  name: 'AzMissingRequired',
  severity: 'error',
  shortDescription: 'An az command lacks an argument the command requires (always, or with the other arguments the page gives).',
  fullDescription:
    'The Azure CLI reference marks some parameters required (az role assignment create needs --scope since Azure CLI 2.54). Without them az stops with "the following arguments are required: …" before any request is made. A default that `az configure --defaults group=… spring=…` (or `az config set defaults.…`) sets counts as given, whether the page runs it or a page its Prerequisites section sends the reader to first does (a quickstart series sets it once: MicrosoftDocs/azure-docs articles/spring-apps/quickstart-deploy-apps.md, then quickstart-logs-metrics-tracing.md runs az spring app logs -n solar-system-weather -f). A command whose lines end in a backtick (PowerShell\'s continuation in a bash block) is left to shell-missing-continuation: bash drops the options the page writes, and the fix is the continuation. A command of an az extension is read against the extension\'s current reference, which may be newer than the extension the reader has installed: a warning (az vmware private-cloud create without --sku, a reader\'s report: https://github.com/MicrosoftDocs/azure-docs/issues/54270). Where the page installs an extension from a file or URL (az extension add --source …), which may redefine the command (the appservice-kube wheel makes az webapp create\'s --plan optional: Azure/azure-cli-extensions src/appservice-kube/azext_appservice_kube/_params.py), the finding is a warning. Some arguments are required only with others, which az checks after parsing: az backup item show and az backup recoverypoint list / show given a container\'s friendly name (--container-name myVM, not the native IaasVMContainer;iaasvmcontainerv2;<group>;<vm> that az backup container list prints) need --backup-management-type, and az stops with "--backup-management-type is required when providing container\'s friendly name." (Azure/azure-cli src/azure-cli/azure/cli/command_modules/backup/custom_help.py @90f08455 validate_and_extract_container_type; readers met it on the restore tutorial, MicrosoftDocs/azure-docs#46683). A placeholder container name may stand for the native name, so that finding is a warning.',
  help: 'Add the required argument (a placeholder the prose explains is fine), e.g. --scope /subscriptions/<SUBSCRIPTION ID>/resourceGroups/<GROUP>.',
  check(doc) {
    const hits: RuleHit[] = [];
    const all = eachAz(doc);
    // `az configure --defaults group=x location=y` supplies --resource-group and --location afterwards,
    // and so does its successor `az config set defaults.group=x defaults.acr=y` (azure-cli's config
    // command writes the same [defaults] section; the container-registry Java quickstart sets acr= so).
    const defaults = new Set<string>();
    for (const { az } of all) for (const name of defaultOptionsSet(az.path.join(' '), az.words.map((w) => w.value))) defaults.add(name);
    // So does the one a page the Prerequisites section sends the reader to first runs: the Azure Spring
    // Apps quickstarts set `az configure --defaults group=<resource-group-name> spring=<service-name>` once
    // (quickstart-deploy-apps.md) and the later ones run `az spring app logs -n solar-system-weather -f`.
    for (const text of prerequisitePageTexts(doc)) for (const line of text.split(/\r?\n/)) {
      const set = /^\s*az\s+(configure\s+--defaults|config\s+set)\s+(.*)$/.exec(line);
      if (set) for (const name of defaultOptionsSet(set[1]!.startsWith('configure') ? 'configure' : 'config set', set[2]!.split(/\s+/))) defaults.add(name);
    }
    // An extension installed from a file or URL may redefine the command (appservice-kube makes az webapp create's --plan optional).
    const sideLoaded = sideLoadedExtensions(doc)[0];
    for (const { command, az } of all) {
      if (az.read.found.kind !== 'command') continue;
      // An extension's command is read against the extension's current reference, which may be newer
      // than the extension the reader has: a warning (az vmware private-cloud create without --sku,
      // a reader's report: https://github.com/MicrosoftDocs/azure-docs/issues/54270).
      const source = az.read.found.command.source;
      const ofExtension = source.kind === 'extension' ? ` in the current reference of ${source.extension ? `the ${source.extension}` : 'its'} extension` : '';
      if (elides(az.words.filter((w) => !w.quoted).map((w) => w.value))) continue;
      // A backtick ending a line is PowerShell's continuation pasted into a bash block: bash runs the
      // text up to the next backtick as a command of its own and ends the az command at the newline
      // after it, so the options the page writes never reach az. shell-missing-continuation reports
      // that line with its fix; "add the required argument" would be wrong advice for an argument the
      // page writes, and what az then lists depends on how the backticks pair (quickstart-edge-rag.md,
      // azure-management-docs @d923d588: az group create `, --name $rg `, --location $location).
      if (az.words.some((w) => /`[ \t]*\n/.test(w.raw))) continue;
      const path = az.read.found.command.path;
      // A line joined to the next without `\`: az-flag-without-value and the parser say so; the command az gets is incomplete either way.
      const missing = missingRequired(az.read).filter((p) => !p.names.some((n) => defaults.has(n)) && !suppliedByDefault(path, p.names, defaults) && p.extension === undefined);
      const friendly = missing.length === 0 ? friendlyContainerWithoutType(az) : undefined;
      if (friendly) {
        hits.push({
          line: friendly.line,
          column: friendly.column,
          stepId: command.step.id,
          ...(friendly.placeholder ? { severity: 'warning' as const } : {}),
          message: `'az ${path}' is given the container's friendly name ${friendly.value} without --backup-management-type: az stops with "${BACKUP_TYPE_REFUSAL}"${friendly.placeholder ? ' (unless the reader puts the native name, with its ";", in the placeholder).' : ''} Add --backup-management-type AzureIaasVM (AzureStorage, AzureWorkload for file shares and workloads), or give the native container name az backup container list prints.`,
        });
        continue;
      }
      if (missing.length === 0) continue;
      const first = az.words[1];
      hits.push({
        line: first?.line ?? command.step.source.startLine,
        column: first?.column ?? 1,
        stepId: command.step.id,
        ...(sideLoaded || ofExtension ? { severity: 'warning' as const } : {}),
        message: `${sideLoaded ? 'Without an extension that redefines the command, ' : ''}az stops with "the following arguments are required: ${missing.map((p) => (p.positional ? p.names[0] : azOptionNames(p))).join(', ')}" ('az ${az.read.found.command.path}' requires ${missing.length > 1 ? 'them' : 'it'}${ofExtension}).${sideLoaded ? sideLoadedCaveat(sideLoaded) : ''}`,
      });
    }
    return hits;
  },
};
