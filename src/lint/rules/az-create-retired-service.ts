// An az command that creates a resource of a retired Azure service: Azure Database for MySQL single
// server, Azure Database for MariaDB, Data Lake Storage Gen1. The az commands are still in the CLI
// reference (they manage what is left), so az-retired-command does not mark them; the service no
// longer creates the resource. Retired services whose create command left the reference too
// (az postgres server create, az dla account create) are az-retired-command's.
// Only create commands are judged: a page that shows, lists or deletes such a server is about an
// existing one, which is another matter. A warning, since the date a region stops accepting creates
// is the service's, not the CLI's.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';

interface Retired {
  /** az command path ("mysql server create"). */
  path: string;
  service: string;
  fact: string;
  instead: string;
  source: string;
}

const RETIRED: readonly Retired[] = [
  {
    path: 'mysql server create',
    service: 'Azure Database for MySQL single server',
    fact: 'was retired on 16 September 2024',
    instead: 'az mysql flexible-server create',
    source: 'Learn "What\'s happening to Azure Database for MySQL single server?" (mysql/migrate/whats-happening-to-mysql-single-server)',
  },
  {
    path: 'mariadb server create',
    service: 'Azure Database for MariaDB',
    fact: 'was retired on 19 September 2025',
    instead: 'az mysql flexible-server create (Azure Database for MySQL flexible server)',
    source: 'Learn "What\'s happening to Azure Database for MariaDB?" (mariadb/whats-happening-to-mariadb)',
  },
  {
    path: 'dls account create',
    service: 'Azure Data Lake Storage Gen1',
    fact: 'was retired on 29 February 2024',
    instead: 'az storage account create --kind StorageV2 --enable-hierarchical-namespace true (Data Lake Storage Gen2)',
    source: 'Learn "Azure Data Lake Storage Gen1 retirement" (data-lake-store/data-lake-store-overview, retirement notice)',
  },
  // issue 16 session 11 (wild-k): the front-door extension still creates classic Front Doors; ARM refuses them
  {
    path: 'network front-door create',
    service: 'Azure Front Door (classic)',
    fact: 'stopped accepting new resources on 1 April 2025 ("you won\'t be able to create new Azure Front Door (classic) resources starting April 1, 2025"; it retires on 31 March 2027) — ARM answers "Creation of new Frontdoors are not allowed as the resource has been deprecated." (azsk/AzTS-docs#516, pulumi/pulumi-azure-native#4338)',
    instead: 'az afd profile create --sku Standard_AzureFrontDoor (Azure Front Door Standard/Premium) with az afd endpoint, origin-group, origin and route create',
    source: 'Learn "Azure Front Door (classic) retirement FAQ" (frontdoor/classic-retirement-faq)',
  },
];

export const azCreateRetiredService: Rule = {
  id: 'az-create-retired-service',
  name: 'AzCreateRetiredService',
  severity: 'warning',
  shortDescription: 'An az command creates a resource of a retired Azure service (MySQL single server, MariaDB, Data Lake Storage Gen1, Azure Front Door (classic)).',
  fullDescription:
    'Some services that old tutorials build on have been retired: Azure Database for MySQL single server on 16 September 2024, Azure Database for MariaDB on 19 September 2025, Azure Data Lake Storage Gen1 on 29 February 2024 (Learn: "What\'s happening to Azure Database for MySQL single server?", "What\'s happening to Azure Database for MariaDB?", the Data Lake Storage Gen1 retirement notice). Azure Front Door (classic) stopped accepting new resources on 1 April 2025 and retires on 31 March 2027 (Learn "Azure Front Door (classic) retirement FAQ"): az network front-door create (front-door extension) gets "Creation of new Frontdoors are not allowed as the resource has been deprecated.". Their az commands are still in the CLI reference, so az accepts the command line, but the service no longer creates the resource: the step and every step that uses the server after it cannot work. Only create commands are judged. (az postgres server create and az dla account create, of the PostgreSQL single server and Data Lake Analytics retirements, have left the reference: az-retired-command reports them.)',
  help: 'Create the successor instead: az mysql flexible-server create, a Data Lake Storage Gen2 account (az storage account create --enable-hierarchical-namespace true), an Azure Front Door Standard/Premium profile (az afd profile create --sku Standard_AzureFrontDoor).',
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
    return hits;
  },
};
