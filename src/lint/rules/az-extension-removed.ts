// `az extension add --name azure-cli-iot-ext`: an Azure CLI extension that was taken out of the
// extension index. az resolves --name through the index, so it stops with "No matching extensions for
// 'azure-cli-iot-ext'" and the commands the page runs next ("az iot hub device-identity …") are not
// there. Reader report MicrosoftDocs/azure-docs#33950 on the IoT Hub Node.js quickstart.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';

interface Removed {
  replacement: string;
  removed: string;
  source: string;
}

// One entry per extension the index no longer has, each with where its removal is recorded.
const REMOVED: Readonly<Record<string, Removed>> = {
  'azure-cli-iot-ext': {
    replacement: 'azure-iot',
    removed: '2021-01-29',
    source:
      'Azure/azure-cli-extensions PR #2950 "[IoT] Remove deprecated azure-cli-iot-ext extension" ("This removes our deprecated azure-cli-iot-ext extension from the index (replaced with azure-iot extension)"; deprecated since 0.8.9, early 2020)',
  },
};

export const azExtensionRemoved: Rule = {
  id: 'az-extension-removed',
  name: 'AzExtensionRemoved',
  severity: 'error',
  shortDescription: 'az extension add (or update) names an Azure CLI extension that was removed from the extension index.',
  fullDescription:
    'az extension add --name X and az extension update --name X look X up in the Azure CLI extension index (azure-cli-core extension/_resolve.py resolve_from_index). The legacy IoT extension azure-cli-iot-ext was deprecated in early 2020 in favour of azure-iot and removed from the index on 2021-01-29 (Azure/azure-cli-extensions PR #2950), so az stops with "ERROR: No matching extensions for \'azure-cli-iot-ext\'. Use --debug for more information." (as readers report in Azure/azure-iot-cli-extension#229 and mongoose-os/mos#67), and the az iot hub device-identity … commands the page runs next are missing ("\'device-identity\' is not in the \'az iot hub\' command group", MicrosoftDocs/azure-docs#33950 on articles/iot-hub/quickstart-send-telemetry-node.md). Only extensions whose removal is recorded are judged; az extension remove and --source installs are not.',
  help: 'Install the replacement the finding names (az extension add --name azure-iot), and use its command names.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      const verb = az.path.join(' ');
      if (verb !== 'extension add' && verb !== 'extension update') continue;
      const value = azOption(az, '--name', '-n')?.value;
      const removed = value ? REMOVED[value.value.toLowerCase()] : undefined;
      if (!value || !removed) continue;
      hits.push({
        line: value.line,
        column: value.column,
        stepId: command.step.id,
        message: `the extension "${value.value}" was removed from the Azure CLI extension index on ${removed.removed}: az answers "ERROR: No matching extensions for '${value.value}'", and the commands it used to add are missing. Use az extension ${verb === 'extension add' ? 'add' : 'update'} --name ${removed.replacement} (${removed.source}).`,
        suggestion: removed.replacement,
      });
    }
    return hits;
  },
};
