// The Azure Monitor agent retirement as retired-resource-setting reads it: a VM or scale-set extension of the
// Log Analytics agent (MicrosoftMonitoringAgent on Windows, OmsAgentForLinux on Linux; publisher
// Microsoft.EnterpriseCloud.Monitoring), installed with az, Azure PowerShell or a template. The extension install still
// runs ("Offline installation and extension-based installation still work"), so this stays a warning: what the reader
// gets is an agent Microsoft no longer supports and whose data upload may stop at any time.
import type { Setting } from './rules/retired-resource-setting.ts';

const LA_AGENT =
  'the Log Analytics agent (MMA/OMS: extension types MicrosoftMonitoringAgent and OmsAgentForLinux) was retired on 31 August 2024: Microsoft no longer supports it, it gets no new distributions or service packs, and "after March 2, 2026, data upload from the Log Analytics agent can stop at any time without further notice"; the Azure Monitor agent (AzureMonitorWindowsAgent, AzureMonitorLinuxAgent, publisher Microsoft.Azure.Monitor) with a data collection rule replaces it';
const LA_AGENT_SOURCE =
  'Azure updates "We\'re retiring the Log Analytics agent in Azure Monitor on 31 August 2024"; Learn "Migrate to Azure Monitor Agent from Log Analytics agent" (azure-monitor/agents/azure-monitor-agent-migration); the agent\'s repositories were archived with that notice (microsoft/OMS-Agent-for-Linux#1404)';

/** The extension type, as az's --name and the cmdlets' -ExtensionType/-Type take it (case is not significant to ARM). */
const LA_TYPE = /^(?:MicrosoftMonitoringAgent|OmsAgentForLinux)$/i;

export const AGENT_SETTINGS: readonly Setting[] = [
  // az vm extension set --name is the extension's type name (the instance is named after it unless --extension-instance-name)
  ...['vm extension set', 'vmss extension set'].map((path): Setting => ({
    az: { path, option: '--name', value: LA_TYPE },
    ps: path === 'vm extension set' ? [{ cmdlet: 'Set-AzVMExtension', parameter: /^ExtensionType$/i, value: LA_TYPE }] : [{ cmdlet: 'Add-AzVmssExtension', parameter: /^Type$/i, value: LA_TYPE }],
    // an extension resource at the top level, nested in its VM ("type": "extensions"), or in a scale set's extensionProfile
    type: ['Microsoft.Compute/virtualMachines/extensions', 'extensions', 'Microsoft.Compute/virtualMachineScaleSets', 'Microsoft.Compute/virtualMachineScaleSets/extensions'],
    template: /^\s*["']?type["']?\s*:\s*["'](MicrosoftMonitoringAgent|OmsAgentForLinux)["']/,
    fact: LA_AGENT,
    source: LA_AGENT_SOURCE,
  })),
];
