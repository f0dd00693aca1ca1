// An az command or Azure PowerShell cmdlet that creates a resource of a retired Azure service: Azure
// Database for MySQL single server, Azure Database for MariaDB, Data Lake Storage Gen1 (and, in
// PowerShell, Data Lake Analytics). The az commands are still in the CLI reference and the cmdlets in
// the Az modules (they manage what is left), so az-retired-command does not mark them; the service no
// longer creates the resource. Retired services whose create command left the reference too
// (az postgres server create, az dla account create) are az-retired-command's.
// Only create commands are judged: a page that shows, lists or deletes such a server is about an
// existing one, which is another matter. A warning, since the date a region stops accepting creates
// is the service's, not the CLI's.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { eachPowerShellCommand } from '../powershell-commands.ts';

interface Retired {
  /** az command path ("mysql server create"); absent when the az command left the reference (az-retired-command's). */
  path?: string;
  /** The Azure PowerShell cmdlets that create it (Az, and AzureRM where that module had one), lower case. */
  cmdlets: readonly string[];
  service: string;
  fact: string;
  instead: string;
  /** What to write in Azure PowerShell. */
  insteadPs: string;
  source: string;
}

const RETIRED: readonly Retired[] = [
  {
    path: 'mysql server create',
    service: 'Azure Database for MySQL single server',
    fact: 'was retired on 16 September 2024',
    instead: 'az mysql flexible-server create',
    cmdlets: ['new-azmysqlserver'],
    insteadPs: 'New-AzMySqlFlexibleServer',
    source: 'Learn "What\'s happening to Azure Database for MySQL single server?" (mysql/migrate/whats-happening-to-mysql-single-server)',
  },
  {
    path: 'mariadb server create',
    service: 'Azure Database for MariaDB',
    fact: 'was retired on 19 September 2025',
    instead: 'az mysql flexible-server create (Azure Database for MySQL flexible server)',
    cmdlets: ['new-azmariadbserver'],
    insteadPs: 'New-AzMySqlFlexibleServer (Azure Database for MySQL flexible server)',
    source: 'Learn "What\'s happening to Azure Database for MariaDB?" (mariadb/whats-happening-to-mariadb)',
  },
  {
    path: 'dls account create',
    service: 'Azure Data Lake Storage Gen1',
    fact: 'was retired on 29 February 2024',
    instead: 'az storage account create --kind StorageV2 --enable-hierarchical-namespace true (Data Lake Storage Gen2)',
    // issue 16 session 12 (wild-s): the Az.DataLakeStore cmdlet (and AzureRM's) of the same account; a reader: "Its not
    // possible to create a new Data Lake Storage gen1 anymore" (MicrosoftDocs/microsoft-academic-services#226)
    cmdlets: ['new-azdatalakestoreaccount', 'new-azurermdatalakestoreaccount'],
    insteadPs: 'New-AzStorageAccount -Kind StorageV2 -EnableHierarchicalNamespace $true (Data Lake Storage Gen2)',
    source: 'Learn "Azure Data Lake Storage Gen1 retirement" (data-lake-store/data-lake-store-overview, retirement notice; storage/blobs/data-lake-storage-introduction: "Azure Data Lake Storage Gen1 was retired on February 29, 2024")',
  },
  // az dla account create left the reference (az-retired-command); the Az.DataLakeAnalytics cmdlet is still shipped.
  {
    cmdlets: ['new-azdatalakeanalyticsaccount', 'new-azurermdatalakeanalyticsaccount'],
    service: 'Azure Data Lake Analytics',
    fact: 'was retired on 29 February 2024 with Data Lake Storage Gen1, its default store (new accounts could no longer be created unless support enabled the subscription; a reader found the create step could not be followed: MicrosoftDocs/azure-docs#98584)',
    instead: 'Azure Synapse Analytics (az synapse workspace create), Microsoft\'s migration target',
    insteadPs: 'Azure Synapse Analytics (New-AzSynapseWorkspace), Microsoft\'s migration target',
    source: 'Learn data-lake-analytics/includes/retirement-flag.md ("New Azure Data Lake Analytics accounts can no longer be created unless your subscription has been enabled", "a migration plan … by February 29th 2024")',
  },
  // issue 16 session 11 (wild-k): the front-door extension still creates classic Front Doors; ARM refuses them
  {
    path: 'network front-door create',
    service: 'Azure Front Door (classic)',
    fact: 'stopped accepting new resources on 1 April 2025 ("you won\'t be able to create new Azure Front Door (classic) resources starting April 1, 2025"; it retires on 31 March 2027) — ARM answers "Creation of new Frontdoors are not allowed as the resource has been deprecated." (azsk/AzTS-docs#516, pulumi/pulumi-azure-native#4338)',
    instead: 'az afd profile create --sku Standard_AzureFrontDoor (Azure Front Door Standard/Premium) with az afd endpoint, origin-group, origin and route create',
    cmdlets: ['new-azfrontdoor'],
    insteadPs: 'New-AzFrontDoorCdnProfile -SkuName Standard_AzureFrontDoor (Azure Front Door Standard/Premium) with New-AzFrontDoorCdnEndpoint, origin group, origin and route',
    source: 'Learn "Azure Front Door (classic) retirement FAQ" (frontdoor/classic-retirement-faq)',
  },
];

export const azCreateRetiredService: Rule = {
  id: 'az-create-retired-service',
  name: 'AzCreateRetiredService',
  severity: 'warning',
  shortDescription: 'An az command or Azure PowerShell cmdlet creates a resource of a retired Azure service (MySQL single server, MariaDB, Data Lake Storage Gen1 or Data Lake Analytics, Azure Front Door (classic)).',
  fullDescription:
    'Some services that old tutorials build on have been retired: Azure Database for MySQL single server on 16 September 2024, Azure Database for MariaDB on 19 September 2025, Azure Data Lake Storage Gen1 on 29 February 2024 (Learn: "What\'s happening to Azure Database for MySQL single server?", "What\'s happening to Azure Database for MariaDB?", the Data Lake Storage Gen1 retirement notice). Azure Front Door (classic) stopped accepting new resources on 1 April 2025 and retires on 31 March 2027 (Learn "Azure Front Door (classic) retirement FAQ"): az network front-door create (front-door extension) gets "Creation of new Frontdoors are not allowed as the resource has been deprecated.". Their az commands are still in the CLI reference, so az accepts the command line, but the service no longer creates the resource: the step and every step that uses the server after it cannot work. Only create commands are judged, in az and in Azure PowerShell: New-AzMySqlServer, New-AzMariaDbServer, New-AzDataLakeStoreAccount, New-AzDataLakeAnalyticsAccount (Azure Data Lake Analytics retired with Gen1: "New Azure Data Lake Analytics accounts can no longer be created unless your subscription has been enabled", Learn data-lake-analytics retirement note; readers reported both creates: MicrosoftDocs/microsoft-academic-services#226, MicrosoftDocs/azure-docs#98584), New-AzFrontDoor, and the AzureRM names of the Data Lake cmdlets; the cmdlets are still in the Az modules (MicrosoftDocs/azure-docs-powershell azps-16.2.0), so PowerShell runs them and the service refuses. (az postgres server create and az dla account create, of the PostgreSQL single server and Data Lake Analytics retirements, have left the reference: az-retired-command reports them.)',
  help: 'Create the successor instead: az mysql flexible-server create (New-AzMySqlFlexibleServer), a Data Lake Storage Gen2 account (az storage account create --enable-hierarchical-namespace true, New-AzStorageAccount -EnableHierarchicalNamespace $true), an Azure Front Door Standard/Premium profile (az afd profile create --sku Standard_AzureFrontDoor, New-AzFrontDoorCdnProfile); for Data Lake Analytics, Azure Synapse Analytics.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      const path = az.path.join(' ');
      const retired = RETIRED.find((r) => r.path === path);
      if (!retired) continue;
      const word = az.words[1];
      hits.push({
        line: word?.line ?? command.step.source.startLine,
        column: word?.column ?? 1,
        stepId: command.step.id,
        message: `az ${path} creates a resource of ${retired.service}, which ${retired.fact}: the service no longer creates it, so this step and the steps that use it cannot work (${retired.source}). Use ${retired.instead}.`,
      });
    }
    // Azure PowerShell: the cmdlet as written (the Az modules of these services are not in the cmdlet table, so the name is
    // matched, not resolved; PowerShell command names are case-insensitive).
    for (const c of eachPowerShellCommand(doc)) {
      const name = c.command.name.toLowerCase();
      const retired = RETIRED.find((r) => r.cmdlets.includes(name));
      if (!retired) continue;
      hits.push({
        ...c.at(c.command.offset),
        stepId: c.step.id,
        message: `${c.command.name} creates a resource of ${retired.service}, which ${retired.fact}: the service no longer creates it, so this step and the steps that use it cannot work (${retired.source}). Use ${retired.insteadPs}.`,
      });
    }
    return hits;
  },
};
