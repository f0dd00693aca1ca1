// A CI job asks for a hosted image that was removed: runs-on: ubuntu-18.04 in a GitHub Actions
// workflow, pool: vmImage: ubuntu-20.04 in an Azure Pipelines YAML. GitHub never assigns a runner to
// the job (it is cancelled unrun); Azure Pipelines refuses it ("No image label found to route agent
// pool Azure Pipelines"). The table is src/reference/hosted-images-retired.json, judged against its
// asOf day, never the clock.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, visit, type Scalar } from 'yaml';
import type { Rule, RuleHit } from '../rule.ts';
import { keyOf, yamlBlocks, type YamlBlock } from '../yaml-blocks.ts';

type Platform = 'github' | 'azure-pipelines';

interface Table {
  about: { asOf: string };
  platforms: Record<Platform, { what: string; readers: string[] }>;
  retired: { label: string; removed: string; platforms: Platform[]; use: string; source: string }[];
}

let table: Table | undefined;
const images = (): Table =>
  (table ??= JSON.parse(readFileSync(new URL('../../reference/hosted-images-retired.json', import.meta.url), 'utf8')) as Table);

/** The label's retirement on that platform, when its date is on or before the table's asOf. */
function retired(label: string, platform: Platform) {
  const t = images();
  return t.retired.find((r) => r.label === label.toLowerCase() && r.platforms.includes(platform) && r.removed <= t.about.asOf);
}

/** The scalars an image key names: `runs-on: x`, `runs-on: [x, y]`, `vmImage: x`. */
function labelsOf(value: unknown): Scalar[] {
  if (isScalar(value) && typeof value.value === 'string') return [value];
  if (isSeq(value)) return value.items.filter((i): i is Scalar => isScalar(i) && typeof i.value === 'string');
  return [];
}

/** A variable of the block (`vmImageName: 'ubuntu-18.04'`) that `$(vmImageName)` names. */
function variableValue(block: YamlBlock, name: string): Scalar | undefined {
  let found: Scalar | undefined;
  visit(block.doc, {
    Pair: (_, pair) => {
      if (keyOf(pair)?.name === name && isScalar(pair.value) && typeof pair.value.value === 'string') found ??= pair.value;
    },
  });
  return found;
}

export const hostedImageRetired: Rule = {
  id: 'hosted-image-retired',
  name: 'HostedImageRetired',
  severity: 'warning',
  shortDescription: 'A GitHub Actions job (runs-on) or an Azure Pipelines job (vmImage) asks for a hosted image that was removed (ubuntu-18.04, ubuntu-20.04, windows-2019, macos-12…).',
  fullDescription:
    'GitHub-hosted runners and Microsoft-hosted Azure Pipelines agents keep the two newest versions of each OS and remove older images on announced dates (actions/runner-images announcements: Ubuntu 16.04 on 2021-09-20, #3287; Ubuntu 18.04 on 2023-04-03, #6002; Ubuntu 20.04 on 2025-04-15, #11101, both services; on GitHub also Windows Server 2019 on 2025-06-30, #12045; macOS 11 on 2024-06-28 and macOS 12 on 2024-12-03, #10721). A job that asks for a removed image never runs: on GitHub it waits for a runner that never comes and is cancelled (readers: dashbitco/nimble_csv#93, kubedl-io/kubedl#290); Azure Pipelines answers "No image label found to route agent pool Azure Pipelines" (Azure/mlops-project-template#149; a reader reported vmImage ubuntu-18.04 in the Azure Pipelines docs\' own samples: MicrosoftDocs/azure-devops-docs#13380). runs-on is read in whole GitHub Actions workflows; vmImage in any YAML block, through a $(variable) the block defines. Dates are judged against the table\'s asOf day (src/reference/hosted-images-retired.json), not the clock.',
  help: 'Use a current label: ubuntu-latest, windows-latest or macos-latest (or a pinned current version such as ubuntu-24.04).',
  check(doc) {
    const hits: RuleHit[] = [];
    const t = images();
    for (const block of yamlBlocks(doc)) {
      visit(block.doc, {
        Pair: (_, pair) => {
          const key = keyOf(pair)?.name;
          const platform: Platform | undefined = key === 'runs-on' && block.workflow ? 'github' : key === 'vmImage' ? 'azure-pipelines' : undefined;
          if (!platform) return;
          const labels = labelsOf(pair.value);
          // A self-hosted runner may carry any label, an old image name included: not GitHub's image.
          if (labels.some((l) => String(l.value).toLowerCase() === 'self-hosted')) return;
          for (const scalar of labels) {
            let label = String(scalar.value).trim();
            let at = scalar;
            let via = '';
            const variable = platform === 'azure-pipelines' ? /^\$\((\w+)\)$/.exec(label) : null;
            if (variable) {
              const value = variableValue(block, variable[1] as string);
              if (!value) continue;
              label = String(value.value).trim();
              at = value;
              via = ` (the value of $(${variable[1]}), used by vmImage on line ${scalar.range ? block.at(scalar.range[0]).line : '?'})`;
            }
            const r = retired(label, platform);
            if (!r || !at.range) continue;
            const pos = block.at(at.range[0]);
            const service = platform === 'github' ? 'GitHub-hosted runner image' : 'Microsoft-hosted Azure Pipelines image';
            hits.push({
              line: pos.line,
              column: pos.column,
              message: `The ${service} ${label}${via} was removed on ${r.removed} (${r.source}): ${t.platforms[platform].what}. Use ${r.use}.`,
            });
          }
        },
      });
    }
    return hits;
  },
};
