// The compute settings Azure has retired, as retired-resource-setting reads them: VM sizes of retired series (in az
// vm/vmss create, az batch pool create, New-AzVM, a template's or a Batch pool body's vmSize), Batch node agent SKUs
// of end-of-life operating systems, and unmanaged disks. Each fact is quoted from the retirement notice; readers hit
// these on the Batch and VM pages (MicrosoftDocs/azure-docs#72860, #87876; Azure/azure-quickstart-templates#6671).
// Only retirements whose date has passed on RETIRED_AS_OF are listed (an announced one, such as Av2 on 15 November
// 2028, is no defect yet), so the rule gives the same answer every day.
import type { Setting } from './rules/retired-resource-setting.ts';

/** The day the dates below were judged against (the retirements are all before it). */
export const RETIRED_AS_OF = '2026-12-07';

interface SizeSeries {
  series: string;
  /** The size names, matched whole and case-insensitively (Azure reads vmSize case-insensitively). */
  sizes: RegExp;
  retired: string;
  fact: string;
  source: string;
}

const AV1_SOURCE =
  'Learn "Av1-series retirement" (MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/retirement/av1-series-retirement.md: "On August 31, 2024, we retire Basic and Standard A-series virtual machines (VMs)"); readers reported Standard_A1 no longer valid (MicrosoftDocs/azure-docs#72860, Azure/azure-quickstart-templates#6671)';
const GPU_SOURCE =
  'Learn "Retired Azure VM size series" (MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/retirement/retired-sizes-list.md: "Series with Retirement Status listed as Retired are no longer available and can\'t be provisioned")';

export const RETIRED_SIZE_SERIES: readonly SizeSeries[] = [
  {
    series: 'Basic and Standard A-series (Av1)',
    // Standard_A0-A11 and Basic_A0-A4; the Av2 sizes (Standard_A1_v2, Standard_A2m_v2) are current
    sizes: /^(?:Standard_A(?:\d|1[01])|Basic_A[0-4])$/i,
    retired: '2024-08-31',
    fact: 'Basic and Standard A-series (Av1) VM sizes were retired on 31 August 2024: they can no longer be provisioned; use an Av2 size (Standard_A1_v2, Standard_A2_v2) or a current D-series size',
    source: AV1_SOURCE,
  },
  {
    series: 'NC, NCv2, ND and NV',
    sizes: /^Standard_(?:NC(?:6|12|24|24r)(?:_Promo|s_v2)?|ND(?:6|12|24|24r)s|NV(?:6|12|24)(?:_Promo)?)$/i,
    retired: '2023-09-06',
    fact: 'the NC, NCv2, ND and NV GPU series were retired on 6 September 2023: they can no longer be provisioned; use a current GPU series (NCasT4_v3, NC A100 v4, NVadsA10 v5)',
    source: GPU_SOURCE,
  },
  {
    series: 'NCv3',
    sizes: /^Standard_NC(?:6|12|24|24r)s_v3$/i,
    retired: '2025-09-30',
    fact: 'the NCv3 GPU series was retired on 30 September 2025: it can no longer be provisioned; use a current GPU series (NC A100 v4, NCads H100 v5)',
    source: GPU_SOURCE,
  },
];

/** The series a size belongs to, when it is retired on RETIRED_AS_OF. */
export function retiredSizeSeries(size: string): SizeSeries | undefined {
  return RETIRED_SIZE_SERIES.find((s) => s.sizes.test(size) && s.retired <= RETIRED_AS_OF);
}

// A Batch pool body (the data-plane Pool - Add request, or an ARM Microsoft.Batch/batchAccounts/pools) names its
// node agent: that marks a block as a pool whether or not it declares an ARM type.
const BATCH_POOL_BODY = /["']?nodeAgentSkuId["']?\s*:/i;

const NODE_AGENT =
  /^batch\.node\.(?:ubuntu (?:14|16|18|20)\.04|centos [78]|debian (?:8|9|10))$/i;
const NODE_AGENT_FACT =
  'that Batch node agent SKU is retired with its operating system: Azure Batch announced that "After 31 December 2024, no new Batch pools can be created with unsupported Batch Node Agent SKUs" (batch.node.centos 7 and 8, debian 8-10, ubuntu 14.04, 16.04 and 18.04), and "Batch pools with Ubuntu 20.04 LTS VM images and the Batch node agent SKU batch.node.ubuntu 20.04 will no longer be supported in Batch after 23 April 2025"; pool allocation with them fails (Azure-Samples/azure-batch-samples#328), as readers reported on the container workloads page (MicrosoftDocs/azure-docs#87876)';
const NODE_AGENT_SOURCE =
  'Azure/Batch#180 "End of Support Reminder for Unsupported Batch Node Agents", Azure/Batch#152 "Batch Support for Ubuntu 18.04 Ending", the Ubuntu 20.04 LTS retirement notice (quoted in nextflow-io/nextflow#5804); Learn "Choose a VM size and image for compute nodes in an Azure Batch pool" (batch/batch-pool-vm-sizes): use az batch pool supported-images list';

const UNMANAGED =
  'unmanaged disks are retired: "Unmanaged disks will be fully retired on March 31, 2026 (extended from previously published date of September 30, 2025)", and new ones could not be created since 30 September 2023; the VM create now fails with "Unmanaged disks have been retired. Please migrate to Managed Disks." (ansible-collections/azure#2288)';
const UNMANAGED_SOURCE = 'Learn "Migrate your Azure unmanaged disks by March 31, 2026" (MicrosoftDocs/azure-compute-docs articles/virtual-machines/unmanaged-disks-deprecation.md)';

/** The retired sizes: one setting per series and place a size is given (az, New-AzVM, a template's or pool body's vmSize). */
function sizeSettings(): Setting[] {
  return RETIRED_SIZE_SERIES.filter((s) => s.retired <= RETIRED_AS_OF).flatMap(({ sizes: value, fact, source }): Setting[] => {
    const template = new RegExp(`\\bvmSize["']?\\s*:\\s*["'](${value.source.replace(/^\^|\$$/g, '')})["']`, 'i');
    return [
      { az: { path: 'vm create', option: '--size', value }, ps: [{ cmdlet: 'New-AzVM', parameter: /^Size$/i, value }], type: 'Microsoft.Compute/virtualMachines', template, fact, source },
      { az: { path: 'vm resize', option: '--size', value }, ps: [], type: 'Microsoft.Compute/virtualMachines', fact, source },
      { az: { path: 'vmss create', option: '--vm-sku', value }, ps: [], type: 'Microsoft.Compute/virtualMachineScaleSets', fact, source },
      { az: { path: 'batch pool create', option: '--vm-size', value }, ps: [], type: 'Microsoft.Batch/batchAccounts/pools', marks: BATCH_POOL_BODY, template, fact, source },
    ];
  });
}

export const COMPUTE_SETTINGS: readonly Setting[] = [
  ...sizeSettings(),
  {
    az: { path: 'batch pool create', option: '--node-agent-sku-id', value: NODE_AGENT },
    ps: [],
    type: 'Microsoft.Batch/batchAccounts/pools',
    marks: BATCH_POOL_BODY,
    template: /^\s*["']?nodeAgentSkuId["']?\s*:\s*["'](batch\.node\.(?:ubuntu (?:14|16|18|20)\.04|centos [78]|debian (?:8|9|10)))["']/i,
    fact: NODE_AGENT_FACT,
    source: NODE_AGENT_SOURCE,
  },
  // --use-unmanaged-disk is a flag: the option itself is the setting
  { az: { path: 'vm create', option: '--use-unmanaged-disk' }, ps: [], type: 'Microsoft.Compute/virtualMachines', fact: UNMANAGED, source: UNMANAGED_SOURCE },
  { az: { path: 'vmss create', option: '--use-unmanaged-disk' }, ps: [], type: 'Microsoft.Compute/virtualMachineScaleSets', fact: UNMANAGED, source: UNMANAGED_SOURCE },
  // in a template, a disk given as a VHD blob ("vhd": { "uri": … }) or a scale set's vhdContainers is unmanaged
  { ps: [], type: 'Microsoft.Compute/virtualMachines', template: /^\s*["']?(vhd)["']?\s*:\s*\{/, fact: UNMANAGED, source: UNMANAGED_SOURCE },
  { ps: [], type: 'Microsoft.Compute/virtualMachineScaleSets', template: /^\s*["']?(vhdContainers)["']?\s*:/, fact: UNMANAGED, source: UNMANAGED_SOURCE },
];
