// AKS add-ons that AKS no longer offers, named in az aks create --enable-addons or az aks
// enable-addons --addons: kube-dashboard (removed from Kubernetes 1.19 on; every version AKS creates
// today is later) and http_application_routing (retired on 3 March 2025). The add-on list is free text
// to the Azure CLI reference (no enum), so az-enum-value cannot see it; disabling an add-on
// (az aks disable-addons) is what a page should do and is not judged.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';

interface Retired {
  error: boolean;
  why: string;
  use: string;
}

const RETIRED: ReadonlyMap<string, Retired> = new Map([
  ['kube-dashboard', {
    error: true,
    why: "the Kubernetes dashboard add-on was removed for Kubernetes 1.19 and later, and every version AKS creates clusters with is later: the request fails with AddonInvalid 'Kubernetes Dashboard addon is deprecated for Kubernetes version >= 1.19.0.'",
    use: 'the Kubernetes resource view of the Azure portal, or install the open-source dashboard yourself',
  }],
  ['http_application_routing', {
    error: false,
    why: 'the HTTP application routing add-on (preview) was retired on 3 March 2025 (Azure update "Retirement: HTTP application routing add-on (preview) for AKS will retire 03/03/2025"): clusters can no longer be given it',
    use: 'the application routing add-on (az aks approuting enable, or --enable-app-routing on az aks create)',
  }],
]);

const ADDON_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  'aks create': ['--enable-addons', '-a'],
  'aks enable-addons': ['--addons', '-a'],
};

export const aksRetiredAddon: Rule = {
  id: 'aks-retired-addon',
  name: 'AksRetiredAddon',
  severity: 'warning',
  shortDescription: 'An AKS add-on AKS no longer offers (kube-dashboard, http_application_routing) is enabled with az aks create --enable-addons or az aks enable-addons.',
  fullDescription:
    'az aks create --enable-addons and az aks enable-addons --addons take a comma-separated list of add-on names that the Azure CLI reference does not enumerate, so a retired one is only refused when the request reaches AKS. kube-dashboard: AKS stopped offering the managed Kubernetes dashboard from Kubernetes 1.19 (AKS release notes 2020; the resource provider answers AddonInvalid "Kubernetes Dashboard addon is deprecated for Kubernetes version >= 1.19.0.", hashicorp/terraform-provider-azurerm#13119; readers asked about it on the AKS dashboard page, MicrosoftDocs/azure-docs#61949, #62689, #67793) — an error, since every Kubernetes version AKS creates is later. http_application_routing: retired on 3 March 2025 in favour of the application routing add-on (Azure update, and the migration notice quoted in Azure/terraform-azurerm-aks#444) — a warning, since what the service answers an old cluster is not documented.',
  help: 'Leave the retired add-on out: use the application routing add-on instead of http_application_routing, and the Azure portal\'s Kubernetes resource view instead of kube-dashboard.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      const names = ADDON_OPTIONS[az.path.join(' ')];
      if (!names) continue;
      for (const o of az.options) {
        if (!names.includes(o.name) || !o.value) continue;
        const v = o.value;
        for (const addon of v.value.split(',')) {
          const retired = RETIRED.get(addon.trim());
          if (!retired) continue;
          const offset = v.raw.indexOf(addon.trim());
          hits.push({
            line: v.line,
            column: v.column + Math.max(offset, 0),
            stepId: command.step.id,
            ...(retired.error ? { severity: 'error' as const } : {}),
            message: `az ${az.path.join(' ')} ${o.name} ${addon.trim()}: ${retired.why}. Use ${retired.use}.`,
          });
        }
      }
    }
    return hits;
  },
};
