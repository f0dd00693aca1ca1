// api-versions ARM accepts per resource type, newest first. Types ARM serves itself
// (Microsoft.Resources) answer an unknown version with InvalidApiVersionParameter; types routed to a
// resource provider answer NoRegisteredProviderFound, naming the type and the supported versions.
export type ArmResourceType =
  | 'resourceGroups'
  | 'subscriptions'
  | 'providers'
  | 'resources'
  | 'storageAccounts'
  | 'userAssignedIdentities'
  | 'virtualMachines'
  | 'roleAssignments'
  | 'roleDefinitions'
  | 'vaults'
  | 'webServerFarms'
  | 'webSites';

export interface ApiVersionRule {
  /** Type name as ARM writes it in NoRegisteredProviderFound ("storageAccounts"). */
  typeName: string;
  /** Served by ARM itself (true) or by a resource provider behind it (false). */
  armNative: boolean;
  versions: readonly string[];
}

/** Microsoft.Resources' own versions (resource groups, providers, /resources). */
const RESOURCES_VERSIONS = [
  '2025-04-01', '2025-03-01', '2024-11-01', '2024-07-01', '2024-03-01', '2023-07-01', '2022-09-01', '2022-05-01', '2022-03-01', '2022-01-01',
  '2021-04-01', '2021-01-01', '2020-10-01', '2020-08-01', '2020-06-01', '2019-10-01', '2019-09-01', '2019-08-01', '2019-07-01', '2019-06-01',
  '2019-05-10', '2019-05-01', '2019-03-01', '2018-11-01', '2018-09-01', '2018-08-01', '2018-07-01', '2018-06-01', '2018-05-01', '2018-02-01',
  '2018-01-01', '2017-12-01', '2017-08-01', '2017-06-01', '2017-05-10', '2017-05-01', '2017-03-01', '2016-09-01', '2016-07-01', '2016-06-01',
  '2016-02-01', '2015-11-01', '2015-01-01', '2014-04-01-preview', '2014-04-01', '2014-01-01', '2013-03-01',
] as const;

/**
 * Microsoft.Web's stable versions as src/reference/api-versions.json lists them (generated from
 * Azure/bicep-types-az generated/web/microsoft.web): the versions the specs give the namespace.
 */
const WEB_VERSIONS = [
  '2025-03-01', '2024-11-01', '2024-04-01', '2023-12-01', '2023-01-01', '2022-09-01', '2022-03-01', '2021-03-01', '2021-02-01', '2021-01-15',
  '2021-01-01', '2020-12-01', '2020-10-01', '2020-09-01', '2020-06-01', '2019-08-01', '2018-11-01', '2018-02-01', '2016-09-01', '2016-08-01',
  '2016-06-01', '2016-03-01', '2015-08-01',
] as const;

export const API_VERSIONS: Record<ArmResourceType, ApiVersionRule> = {
  resourceGroups: { typeName: 'resourceGroups', armNative: true, versions: RESOURCES_VERSIONS },
  providers: { typeName: 'providers', armNative: true, versions: RESOURCES_VERSIONS },
  resources: { typeName: 'resources', armNative: true, versions: RESOURCES_VERSIONS },
  // Microsoft.Resources/subscriptions and /tenants: the subscriptions.json versions of azure-rest-api-specs.
  subscriptions: {
    typeName: 'subscriptions',
    armNative: true,
    versions: ['2024-11-01', '2022-12-01', '2021-01-01', '2020-01-01', '2019-11-01', '2019-06-01', '2018-06-01', '2016-06-01', '2016-01-01', '2015-11-01', '2015-01-01', '2014-04-01'],
  },
  storageAccounts: {
    typeName: 'storageAccounts',
    armNative: false,
    versions: [
      '2025-08-01', '2025-06-01', '2025-01-01', '2024-01-01', '2023-05-01', '2023-04-01', '2023-01-01', '2022-09-01', '2022-05-01', '2021-09-01',
      '2021-08-01', '2021-06-01', '2021-05-01', '2021-04-01', '2021-02-01', '2021-01-01', '2020-08-01-preview', '2019-06-01', '2019-04-01',
      '2018-11-01', '2018-07-01', '2018-03-01-preview', '2018-02-01', '2017-10-01', '2017-06-01', '2016-12-01', '2016-05-01', '2016-01-01',
      '2015-06-15', '2015-05-01-preview',
    ],
  },
  userAssignedIdentities: {
    typeName: 'userAssignedIdentities',
    armNative: false,
    versions: ['2025-05-31-preview', '2025-01-31-preview', '2024-11-30', '2023-07-31-preview', '2023-01-31', '2022-01-31-preview', '2021-09-30-preview', '2018-11-30', '2015-08-31-preview'],
  },
  virtualMachines: {
    typeName: 'virtualMachines',
    armNative: false,
    versions: [
      '2025-04-01', '2024-11-01', '2024-07-01', '2024-03-01', '2023-09-01', '2023-07-01', '2023-03-01', '2022-11-01', '2022-08-01', '2022-03-01',
      '2021-11-01', '2021-07-01', '2021-04-01', '2021-03-01', '2020-12-01', '2020-06-01', '2019-12-01', '2019-07-01', '2019-03-01', '2018-10-01',
      '2018-06-01', '2018-04-01', '2017-12-01', '2017-03-30', '2016-08-30', '2016-04-30-preview', '2016-03-30', '2015-06-15', '2015-05-01-preview',
    ],
  },
  roleAssignments: {
    typeName: 'roleAssignments',
    armNative: false,
    versions: [
      '2022-04-01', '2022-01-01-preview', '2020-10-01-preview', '2020-08-01-preview', '2020-04-01-preview', '2020-03-01-preview', '2019-04-01-preview',
      '2018-12-01-preview', '2018-09-01-preview', '2018-07-01', '2018-01-01-preview', '2017-10-01-preview', '2017-05-01', '2016-07-01', '2015-07-01',
      '2015-06-01', '2015-05-01-preview', '2014-10-01-preview', '2014-07-01-preview', '2014-04-01-preview',
    ],
  },
  roleDefinitions: {
    typeName: 'roleDefinitions',
    armNative: false,
    versions: [
      '2022-05-01-preview', '2022-04-01', '2018-01-01-preview', '2017-05-01', '2016-07-01', '2015-07-01', '2015-06-01', '2015-05-01-preview',
      '2014-10-01-preview', '2014-07-01-preview', '2014-04-01-preview',
    ],
  },
  vaults: {
    typeName: 'vaults',
    armNative: false,
    versions: [
      '2024-12-01-preview', '2024-11-01', '2024-04-01-preview', '2023-08-01-preview', '2023-07-01', '2023-02-01', '2022-11-01', '2022-07-01',
      '2022-02-01-preview', '2021-11-01-preview', '2021-10-01', '2021-06-01-preview', '2021-04-01-preview', '2020-04-01-preview', '2019-09-01',
      '2018-02-14', '2016-10-01', '2015-06-01',
    ],
  },
  webServerFarms: { typeName: 'serverfarms', armNative: false, versions: WEB_VERSIONS },
  webSites: { typeName: 'sites', armNative: false, versions: WEB_VERSIONS },
};

/** Compare ARM api-versions by their date part (previews sort with their date). */
export function apiVersionAtLeast(given: string, min: string): boolean {
  return given.slice(0, 10) >= min.slice(0, 10);
}
