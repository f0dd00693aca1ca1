// A page creates a resource with a setting Azure no longer accepts: a storage account of the
// retired kinds (general-purpose v1 "Storage", legacy "BlobStorage"), or a key vault with soft
// delete turned off. In az commands, Azure PowerShell cmdlets and ARM/Bicep templates (blocks that declare the resource
// with an api version, never an output example that merely shows an existing account's kind).
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';
import { codeFences } from '../fences.ts';
import { bindNamed, eachPowerShellCommand, psLiteral, type PsCommandAt } from '../powershell-commands.ts';
import { NETWORK_SETTINGS } from '../retired-network-settings.ts';
import { AGENT_SETTINGS } from '../retired-agent-settings.ts';
import { COMPUTE_SETTINGS } from '../retired-compute-settings.ts';
import { PUSH_SETTINGS } from '../retired-push-settings.ts';

/**
 * A setting that is retired only while another option keeps its default or a given value: a VPN gateway's Standard
 * SKU (the ExpressRoute gateway's Standard SKU is current), an NSG flow log being enabled (turning one off is not a
 * create). Absent: az's or the cmdlet's default applies, and the default is the retired case.
 */
export interface Only {
  option: string;
  value: RegExp;
}

export interface Setting {
  /**
   * az command path and option whose value is retired (`only`: and only while that option is absent or matches); no
   * `value`: the option itself is the setting (a flag such as --use-unmanaged-disk).
   */
  az?: { path: string; option: string; value?: RegExp; only?: Only };
  /**
   * The Azure PowerShell cmdlet and parameter (as written, or as the table binds it) whose value is retired; no
   * `value`: the parameter itself is the setting (a switch, or one the cmdlet no longer has). `only`: a declared
   * parameter that must be absent or have that literal value.
   */
  ps: { cmdlet: string; parameter: RegExp; value?: RegExp; only?: Only }[];
  /** The resource type(s) a template block must declare (Bicep `'Type@version'` or ARM `"type"` with `"apiVersion"`); one suffices. */
  type: string | readonly string[];
  /** The property line in a template (none: the value is not distinctive enough there, e.g. a sku named Basic). */
  template?: RegExp;
  /**
   * What marks a block as the resource's own body when it declares no ARM type: a Batch pool's nodeAgentSkuId (the
   * data-plane Pool - Add request a page shows after its POST). A command's shown response is never judged.
   */
  marks?: RegExp;
  fact: string;
  source: string;
}

const SQL_GEN4 =
  'Azure SQL Gen4 hardware is retired: it "has been retired and isn\'t available for provisioning, upscaling, or downscaling", so az stops with "Could not find sku in tier … with family \'Gen4\'" (readers reported it on the CLI samples, MicrosoftDocs/azure-docs#57703 and #68152)';
const SQL_GEN4_SOURCE = 'Learn "vCore purchasing model - Azure SQL Database", section Gen4 (azure-sql/database/service-tiers-sql-database-vcore)';

const SETTINGS: readonly Setting[] = [
  {
    az: { path: 'storage account create', option: '--kind', value: /^(?:Storage|BlobStorage)$/ },
    ps: [{ cmdlet: 'New-AzStorageAccount', parameter: /^Kind$/i, value: /^(?:Storage|BlobStorage)$/i }],
    type: 'Microsoft.Storage/storageAccounts',
    template: /^\s*["']?kind["']?\s*:\s*["'](Storage|BlobStorage)["']/,
    fact: 'general-purpose v1 (kind Storage) and legacy Blob storage (kind BlobStorage) accounts are retired: Azure announced their retirement on 1 October 2025 (final retirement 13 October 2026, remaining accounts migrated to general-purpose v2) and disabled the creation of new ones before that date',
    source: 'Azure updates "Retirement: General Purpose v1 (GPv1) and legacy blob storage accounts"; Learn "Overview of legacy blob storage account retirement" and "GPv1 storage account retirement overview"',
  },
  {
    az: { path: 'keyvault create', option: '--enable-soft-delete', value: /^false$/i },
    // Az.KeyVault removed -DisableSoftDelete (and -EnableSoftDelete) from New-AzKeyVault when soft delete became
    // mandatory; pages written before still pass them (powershell-unknown-parameter says the binder refuses them).
    ps: [
      { cmdlet: 'New-AzKeyVault', parameter: /^DisableSoftDelete$/i },
      { cmdlet: 'New-AzKeyVault', parameter: /^EnableSoftDelete$/i, value: /^\$false$/i },
    ],
    type: 'Microsoft.KeyVault/vaults',
    template: /^\s*["']?enableSoftDelete["']?\s*:\s*(false)\b/,
    fact: 'soft delete can no longer be turned off: Key Vault stopped accepting enableSoftDelete false for new vaults at the end of 2020 (creating such a vault fails, Azure/azure-cli#13247; Azure/azure-sdk-for-python#13680) and the REST spec says that once true it cannot be reverted; az marks --enable-soft-delete deprecated',
    source: 'Learn "Azure Key Vault soft-delete will be enabled on all key vaults" (key-vault/general/soft-delete-change)',
  },
  // issue 16 session 7 (wild-d): Application Gateway V1 (readers' tutorials still create Standard_Medium gateways)
  {
    az: { path: 'network application-gateway create', option: '--sku', value: /^(?:Standard_(?:Small|Medium|Large)|WAF_(?:Medium|Large))$/i },
    ps: [{ cmdlet: 'New-AzApplicationGatewaySku', parameter: /^Name$/i, value: /^(?:Standard_(?:Small|Medium|Large)|WAF_(?:Medium|Large))$/i }],
    type: 'Microsoft.Network/applicationGateways',
    template: /^\s*["']?name["']?\s*:\s*["'](Standard_(?:Small|Medium|Large)|WAF_(?:Medium|Large))["']/,
    fact: 'Application Gateway V1 (the Standard and WAF tiers: Standard_Small/Medium/Large, WAF_Medium/Large) is retired: Azure announced its retirement on 28 April 2023, stopped the creation of new V1 gateways before the retirement date, and retired the V1 SKU on 28 April 2026; only the v2 SKUs (Standard_v2, WAF_v2) can be created',
    source: 'Learn "Migrate your Application Gateways from V1 SKU to V2 SKU by April 28, 2026" (application-gateway/v1-retirement)',
  },
  // issue 16 session 11 (wild-j): Azure Cache for Redis minimum TLS 1.0/1.1 (TLS 1.2 enforced since October 2024)
  {
    az: { path: 'redis create', option: '--minimum-tls-version', value: /^1\.[01]$/ },
    ps: [],
    type: 'Microsoft.Cache/redis',
    template: /^\s*["']?minimumTlsVersion["']?\s*:\s*["'](1\.[01])["']/,
    fact: 'Azure Cache for Redis no longer takes a minimum TLS version of 1.0 or 1.1: "Beginning March 1, 2024, you will not be able to set the Minimum TLS version for any cache to 1.0 or 1.1", and since October 1, 2024 every cache requires TLS 1.2 and rejects TLS 1.0 and 1.1 connections',
    source: 'Learn "Remove TLS 1.0 and 1.1 from use with Azure Cache for Redis" (MicrosoftDocs/azure-docs articles/azure-cache-for-redis/cache-remove-tls-10-11.md @08d4ae3cc3c1)',
  },
  // issue 16 session 9 (wild-f): Azure SQL Gen4 hardware (readers hit "Could not find sku in tier
  // 'GeneralPurpose' with family 'Gen4'", MicrosoftDocs/azure-docs#57703, #68152)
  ...['sql db create', 'sql db update', 'sql elastic-pool create', 'sql elastic-pool update', 'sql mi create', 'sql mi update'].flatMap((path): Setting[] =>
    [
      { option: '--family', value: /^Gen4$/i },
      { option: '--service-objective', value: /^(?:GP|BC|HS)_Gen4(?:_\d+)?$/i },
    ].map((o) => ({
      az: { path, ...o },
      // New-AzSqlDatabase -ComputeGeneration (alias -Family) Gen4 or -RequestedServiceObjectiveName GP_Gen4_2, bound
      // through the generated cmdlet table (Az.Sql's help): once, on the database create
      ps: path === 'sql db create' ? (o.option === '--family' ? [{ cmdlet: 'New-AzSqlDatabase', parameter: /^ComputeGeneration$/i, value: /^Gen4$/i }] : [{ cmdlet: 'New-AzSqlDatabase', parameter: /^RequestedServiceObjectiveName$/i, value: /^(?:GP|BC|HS)_Gen4(?:_\d+)?$/i }]) : [],
      type: path.startsWith('sql mi') ? 'Microsoft.Sql/managedInstances' : path.startsWith('sql elastic-pool') ? 'Microsoft.Sql/servers/elasticPools' : 'Microsoft.Sql/servers/databases',
      template: /^\s*["']?family["']?\s*:\s*["'](Gen4)["']/,
      fact: SQL_GEN4,
      source: SQL_GEN4_SOURCE,
    })),
  ),
  // issue 16 session 12 (wild-u): Defender for Cloud's auto-provisioning of the retired Log Analytics agent (MMA); the
  // auto-provisioning setting named default is that agent's (ARM answers 400 Deprecated)
  {
    az: { path: 'security auto-provisioning-setting update', option: '--auto-provision', value: /^on$/i, only: { option: '--name', value: /^default$/i } },
    ps: [], // Set-AzSecurityAutoProvisioningSetting (Az.Security) is not in the cmdlet table
    type: 'Microsoft.Security/autoProvisioningSettings',
    template: /^\s*["']?autoProvision["']?\s*:\s*["'](On)["']/i,
    fact: 'Defender for Cloud no longer auto-provisions the Log Analytics agent (MMA), retired on 31 August 2024: "End of November 2024 - MMA auto provisioning will be disabled on subscriptions that have not yet switched it off. From that point forward, it is no longer possible to enable MMA auto provisioning on existing subscriptions" (new subscriptions could not enable it since the end of September 2024), and ARM answers 400 Deprecated "Log Analytics auto provisioning is deprecated and can no longer be enabled." (Azure/terraform-azure-mdc-defender-plans-azure#92)',
    source: 'Learn "Prepare for retirement of the Log Analytics agent" (defender-for-cloud/prepare-deprecation-log-analytics-mma-agent), section "Log analytics agent autoprovisioning experience - deprecation plan"',
  },
  // issue 16 session 11 (wild-k): networking retirements readers hit (Basic public IPs and load balancers, non-AZ
  // and legacy VPN gateway SKUs, CDN classic and Edgio/Akamai profiles, NSG flow logs)
  ...NETWORK_SETTINGS,
  // issue 16 session 12 (wild-o): the Log Analytics agent extension (MMA/OMS), retired on 31 August 2024
  ...AGENT_SETTINGS,
  // issue 16 session 12 (wild-q): retired VM sizes (Av1, NC/NCv2/ND/NV, NCv3), Batch node agents of end-of-life
  // operating systems, unmanaged disks
  ...COMPUTE_SETTINGS,
  // issue 16 session 12 (wild-r): Notification Hubs GCM/FCM legacy credentials (FCM legacy HTTP shut down on 20 June 2024)
  ...PUSH_SETTINGS,
];

/** The literal value of a named parameter on a PowerShell command (undefined: absent; null: given but not a literal). */
function psValueOf(c: PsCommandAt, parameter: string): string | undefined | null {
  const b = bindNamed(c).find((x) => (x.resolution.kind === 'parameter' ? x.resolution.parameter.name : x.written).toLowerCase() === parameter.toLowerCase());
  if (!b) return undefined;
  return (b.value && psLiteral(b.value)) ?? null;
}

/** The template blocks of a page: fenced JSON or Bicep that declares `type` with an api version. */
function declares(lines: string[], types: string | readonly string[]): boolean {
  return (typeof types === 'string' ? [types] : types).some((type) => declaresOne(lines, type));
}

function declaresOne(lines: string[], type: string): boolean {
  const text = lines.join('\n');
  const t = type.replace(/[./]/g, (c) => `\\${c}`);
  return new RegExp(`['"]${t}@\\d{4}-\\d{2}-\\d{2}`, 'i').test(text) || (new RegExp(`"type"\\s*:\\s*"${t}"`, 'i').test(text) && /"apiVersion"\s*:/.test(text));
}

export const retiredResourceSetting: Rule = {
  id: 'retired-resource-setting',
  name: 'RetiredResourceSetting',
  severity: 'warning',
  shortDescription: 'A resource is created with a setting Azure has retired: a storage account of kind Storage (GPv1) or BlobStorage, a key vault with enableSoftDelete false, an Application Gateway of a V1 SKU (Standard_Medium…, WAF_Medium…), an Azure SQL database, elastic pool or managed instance on Gen4 hardware, a Basic or Dynamic public IP, a Basic load balancer, a non-AZ (VpnGw1-5) or legacy VPN gateway SKU, a classic, Edgio (Verizon) or Akamai CDN profile, an NSG flow log, an Azure Cache for Redis with a minimum TLS version of 1.0 or 1.1, a VM or Batch pool of a retired size series (Standard_A1, Basic_A2, Standard_NC6…), a Batch pool on a retired node agent (batch.node.ubuntu 18.04, centos 7…), a VM on unmanaged disks, a Log Analytics agent (MMA/OMS) VM or scale-set extension, a legacy WAF configuration on an Application Gateway, a WAF policy on a retired rule set (CRS 2.2.9/3.0/3.1, Front Door DRS 1.x), Defender for Cloud auto-provisioning of the Log Analytics agent, a notification hub given a GCM/FCM legacy credential (Firebase server key).',
  fullDescription:
    'Some settings that old tutorials use are no longer accepted. Azure Storage retired general-purpose v1 accounts (kind Storage) and legacy Blob storage accounts (kind BlobStorage): the retirement was announced on 1 October 2025, new ones can no longer be created, and the remaining ones are migrated to general-purpose v2 (Learn "Overview of legacy blob storage account retirement"). Key Vault has refused to create vaults with soft delete disabled since the end of 2020 (Learn "soft-delete will be enabled on all key vaults"; Azure/azure-cli#13247). Application Gateway V1 (SKUs Standard_Small/Medium/Large and WAF_Medium/Large) was retired on 28 April 2026 after new V1 gateways could no longer be created (Learn "Migrate your Application Gateways from V1 SKU to V2 SKU by April 28, 2026"). Azure SQL Gen4 hardware has been retired and can no longer be provisioned, upscaled or downscaled (Learn "vCore purchasing model - Azure SQL Database", section Gen4): --family Gen4 or a GP_Gen4_… service objective fails with "Could not find sku in tier \'GeneralPurpose\' with family \'Gen4\'" (MicrosoftDocs/azure-docs#57703, #68152). Azure Cache for Redis stopped accepting a minimum TLS version of 1.0 or 1.1 on 1 March 2024 and has required TLS 1.2 of every cache since 1 October 2024 (Learn "Remove TLS 1.0 and 1.1 from use with Azure Cache for Redis"): az redis create --minimum-tls-version 1.0, or a template\'s minimumTlsVersion \'1.1\' on Microsoft.Cache/redis, asks for what the service no longer sets. A page that still creates them fails or sets the reader up on a retired configuration. Azure PowerShell is judged the same way: New-AzStorageAccount -Kind Storage/BlobStorage, New-AzKeyVault -DisableSoftDelete (Az.KeyVault removed the parameter when soft delete became mandatory, so the binder refuses it as well) or -EnableSoftDelete:$false, New-AzApplicationGatewaySku -Name Standard_Medium, New-AzSqlDatabase -ComputeGeneration Gen4 or -RequestedServiceObjectiveName GP_Gen4_2 (the parameters as the Az help of Azure/azure-powershell declares them, abbreviations and aliases bound as PowerShell does). Networking (src/lint/retired-network-settings.ts, each fact quoted from the service\'s retirement notice): Basic SKU public IPs can no longer be created since 31 March 2025 and were retired on 30 September 2025, and dynamic allocation exists only on them, so az network public-ip create --sku Basic or --allocation-method Dynamic, az vm create --public-ip-sku Basic, New-AzPublicIpAddress -Sku Basic or -AllocationMethod Dynamic and a template\'s publicIPAllocationMethod Dynamic fail (IPv4BasicSkuPublicIpCountLimitReached, or StandardSkuPublicIPAddressesMustBeStatic now that Standard is the default; readers reported it, MicrosoftDocs/azure-docs#113829, #42889); Basic Load Balancer was retired on 30 September 2025 (az network lb create --sku Basic, az vmss create --lb-sku Basic, New-AzLoadBalancer -Sku Basic); VPN gateways can no longer be created with the non-AZ SKUs VpnGw1-5 since 1 January 2025 (Learn "VPN Gateway SKU consolidation and migration") nor with the legacy Standard and HighPerformance SKUs, retired on 30 September 2025 (judged only for a gateway of type Vpn: an ExpressRoute gateway\'s Standard SKU is current); Azure CDN Standard from Microsoft (classic) creates no new profiles since 15 August 2025, Azure CDN from Edgio (the Verizon SKUs) and from Akamai are retired (az cdn profile create --sku, New-AzCdnProfile -SkuName, a Microsoft.Cdn/profiles template\'s sku name); NSG flow logs can no longer be created since 30 June 2025 (az network watcher flow-log create --nsg, and the retired flow-log configure unless it turns one off with --enabled false); an Application Gateway WAF_v2 can no longer be given a legacy WAF configuration since 15 March 2025 (az network application-gateway waf-config set --enabled true, a template\'s webApplicationFirewallConfiguration; Learn "Upgrade to Azure Application Gateway WAF policy"; readers reported it, MicrosoftDocs/azure-docs#43902), and new WAF policies no longer take the N-3 managed rule sets since DRS 2.2 (February 2026): OWASP CRS 2.2.9 (unsupported since 15 March 2025), 3.0 and 3.1 on Application Gateway (az network application-gateway waf-policy create or managed-rule rule-set add/update --version, a WAF policy template\'s ruleSetVersion), Default Rule Set 1.0-1.2 on Front Door (az network front-door waf-policy managed-rules add, the bot manager\'s 1.0 and 1.1 excepted; Learn "Azure Web Application Firewall managed ruleset support policy"). Defender for Cloud (not networking): the auto-provisioning setting named default deploys the Log Analytics agent, retired on 31 August 2024, and can no longer be turned on since the end of November 2024: az security auto-provisioning-setting update --name default --auto-provision On, or a Microsoft.Security/autoProvisioningSettings template with autoProvision On, gets 400 Deprecated "Log Analytics auto provisioning is deprecated and can no longer be enabled." (Learn "Prepare for retirement of the Log Analytics agent"; Azure/terraform-azure-mdc-defender-plans-azure#92); Set-AzSecurityAutoProvisioningSetting and the WAF configuration cmdlets are not judged, their modules\' help not being in the cmdlet table. Compute (src/lint/retired-compute-settings.ts, each fact quoted from the retirement notice, and only retirements whose date has passed): Basic and Standard A-series (Av1: Standard_A0-A11, Basic_A0-A4) VM sizes were retired on 31 August 2024 (Learn "Av1-series retirement"; a reader found Standard_A1 "aren\'t allowed anymore", MicrosoftDocs/azure-docs#72860), the NC, NCv2, ND and NV GPU series on 6 September 2023 and NCv3 on 30 September 2025 (Learn "Retired Azure VM size series": retired series "are no longer available and can\'t be provisioned"), judged in az vm create/resize --size, az vmss create --vm-sku, az batch pool create --vm-size, New-AzVM -Size and a template\'s or a Batch pool body\'s vmSize (announced retirements such as Av2 or D-series in 2028 are not judged); Batch node agent SKUs of end-of-life operating systems (batch.node.ubuntu 14.04-20.04, centos 7 and 8, debian 8-10: "After 31 December 2024, no new Batch pools can be created with unsupported Batch Node Agent SKUs", Azure/Batch#180; Ubuntu 20.04 after 23 April 2025), in az batch pool create --node-agent-sku-id and a pool body\'s nodeAgentSkuId; unmanaged disks (az vm/vmss create --use-unmanaged-disk, a VM template\'s disk given as "vhd": { "uri": … }, a scale set template\'s vhdContainers), fully retired on 31 March 2026 (Learn "Migrate your Azure unmanaged disks by March 31, 2026"). A Batch pool body is recognised by its nodeAgentSkuId (the data-plane Pool - Add request declares no ARM type). Monitoring (src/lint/retired-agent-settings.ts): the Log Analytics agent (MMA/OMS) was retired on 31 August 2024 (Azure updates "We\'re retiring the Log Analytics agent in Azure Monitor on 31 August 2024"; Learn "Migrate to Azure Monitor Agent from Log Analytics agent": Microsoft no longer supports it, and after 2 March 2026 its data upload "can stop at any time without further notice"), so installing its extension (az vm extension set or az vmss extension set --name MicrosoftMonitoringAgent or OmsAgentForLinux, Set-AzVMExtension -ExtensionType, Add-AzVmssExtension -Type, a template extension of type MicrosoftMonitoringAgent or OmsAgentForLinux, nested in its VM or not) sets the reader up on a retired agent; the extension install itself still runs, so this is a warning like the rest. Output examples that show an existing account\'s kind are not judged: only az create commands and template blocks that declare the resource with an api version (or a pool body), never a command\'s shown response. Notification Hubs (src/lint/retired-push-settings.ts): az notification-hub credential gcm update --google-api-key, or a template\'s googleApiKey on Microsoft.NotificationHubs/namespaces/notificationHubs, configures the GCM/FCM legacy channel, and Google stopped FCM legacy HTTP on 20 June 2024 (Learn "Azure Notification Hubs and Google Firebase Cloud Messaging migration": "Google will stop supporting FCM legacy HTTP on June 20, 2024"); Firebase no longer issues the server key the pages ask for (MicrosoftDocs/azure-docs#93522, #115227). The az command may still be accepted, so this stays a warning.',
  help: 'Create a general-purpose v2 account (--kind StorageV2, kind: \'StorageV2\'), or BlockBlobStorage / FileStorage for premium; remove enableSoftDelete false (soft delete is always on; use purge protection settings and the retention days instead); create Application Gateways with --sku Standard_v2 or WAF_v2 (and a Standard public IP, and --priority on their rules); use Gen5 (standard-series) hardware for Azure SQL: --family Gen5 --capacity 2, or a GP_Gen5_2 service objective; create Azure Cache for Redis with --minimum-tls-version 1.2 (or leave it out: 1.2 is the default). In PowerShell: -Kind StorageV2, no soft-delete switch on New-AzKeyVault, New-AzApplicationGatewaySku -Name Standard_v2 -Tier Standard_v2, New-AzSqlDatabase -ComputeGeneration Gen5. Networking: Standard public IPs with Static allocation (--sku Standard --allocation-method Static), Standard load balancers, AZ VPN gateway SKUs (VpnGw1AZ-5AZ), Azure Front Door Standard/Premium instead of a CDN classic profile (az afd profile create --sku Standard_AzureFrontDoor, New-AzFrontDoorCdnProfile), virtual network flow logs (az network watcher flow-log create --vnet); a WAF policy (az network application-gateway waf-policy create --type Microsoft_DefaultRuleSet --version 2.1, or OWASP 3.2, then az network application-gateway create --waf-policy) instead of waf-config set, and DRS 2.1 or later on Front Door. Defender for Cloud: leave auto-provisioning off; Defender for Servers uses Defender for Endpoint and agentless scanning, and data collection uses the Azure Monitor Agent. Compute: a current size (Standard_A1_v2, Standard_D2s_v5, a current GPU series), a node agent az batch pool supported-images list shows (batch.node.ubuntu 22.04), managed disks (drop --use-unmanaged-disk). Monitoring: the Azure Monitor agent instead of the Log Analytics agent (az vm extension set --name AzureMonitorLinuxAgent or AzureMonitorWindowsAgent --publisher Microsoft.Azure.Monitor, Set-AzVMExtension -ExtensionType AzureMonitorWindowsAgent -Publisher Microsoft.Azure.Monitor), with a data collection rule associated to the machine. Notification Hubs: configure FCM v1 instead of the legacy key (the portal\'s Google (FCM v1) page, or fcmV1Credential with privateKey, clientEmail and projectId of a Firebase service account, api-version 2023-10-01-preview or later) and register devices as FCM v1.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      const path = az.path.join(' ');
      for (const s of SETTINGS) {
        if (!s.az || path !== s.az.path) continue;
        const option = azOption(az, s.az.option);
        if (!option) continue;
        const value = option.value;
        if (s.az.value ? !value || !s.az.value.test(value.value) : value && !/^true$/i.test(value.value)) continue;
        // `--gateway-type ExpressRoute --sku Standard` is current; a variable there is not judged either
        const only = s.az.only && azOption(az, s.az.only.option);
        if (s.az.only && only && !s.az.only.value.test(only.value?.value ?? 'true')) continue; // a bare flag (--enabled) is true
        const at = value ?? option.nameWord;
        hits.push({ line: at.line, column: at.column, stepId: command.step.id, message: `${s.az.option}${s.az.value && value ? ` ${value.value}` : ''}: ${s.fact} (${s.source}).` });
      }
    }
    // the page's PowerShell commands read once: the settings name a dozen cmdlets
    const commands = eachPowerShellCommand(doc);
    for (const s of SETTINGS) {
      for (const p of s.ps) {
        for (const c of commands) {
          if (c.cmdlet?.name.toLowerCase() !== p.cmdlet.toLowerCase()) continue;
          for (const b of bindNamed(c)) {
            // The name as written (a parameter the cmdlet no longer has), or the declared one it binds to.
            const declared = b.resolution.kind === 'parameter' ? b.resolution.parameter.name : b.written;
            if (!p.parameter.test(b.written) && !p.parameter.test(declared)) continue;
            // `-EnableSoftDelete:$false`: the constant as written.
            const text = b.value ? (b.value.kind === 'bool' ? b.value.text : psLiteral(b.value)) : undefined;
            if (p.value && (text === undefined || !p.value.test(text))) continue;
            if (p.only) {
              const other = psValueOf(c, p.only.option);
              if (other === null || (other !== undefined && !p.only.value.test(other))) continue;
            }
            const where = p.value && b.valueWhere ? b.valueWhere : b.where;
            hits.push({ ...where, stepId: c.step.id, message: `${c.cmdlet.name} -${b.written}${p.value ? ` ${text}` : ''}: ${s.fact} (${s.source}).` });
          }
        }
      }
    }
    // a block a command's shown response: an existing resource, not one the page creates
    const responses = new Set<number>();
    for (const b of doc.json) if (b.role === 'response') for (let n = b.json.source.startLine; n <= b.json.source.endLine; n++) responses.add(n);
    for (const fence of codeFences(doc)) {
      if (!['json', 'bicep', 'jsonc', 'azurecli', ''].includes(fence.info) && !fence.info.startsWith('json')) continue;
      const lines: string[] = [];
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) lines.push(doc.line(n));
      // several settings share a template property (Gen4 for each SQL command): one finding a line
      const seen = new Set<number>();
      for (const s of SETTINGS) {
        if (!s.template || !(declares(lines, s.type) || (s.marks && s.marks.test(lines.join('\n')) && !responses.has(fence.open + 1)))) continue;
        lines.forEach((text, i) => {
          const m = s.template?.exec(text);
          if (m && !seen.has(i) && seen.add(i)) hits.push({ line: fence.open + 1 + i, column: text.indexOf(m[1] as string) + 1, message: `${text.trim()} — ${s.fact} (${s.source}).` });
        });
      }
    }
    return hits;
  },
};
