// Positive cases of issue 16 session 9's wild-f rules (defects readers reported on storage, SQL and
// networking pages), merged into rules.test.ts's table (one-line breaks of the clean fixture). Their
// real pages, positive and negative, are in wild-f-rules.test.ts (with the Gen4 cases of
// retired-resource-setting, whose key this table already has from findings-cases-facts.ts).
export const wildFCases = {
  'az-create-retired-service': [
    { name: 'az mysql server create (single server, retired 16 September 2024)', find: 'az identity create -g', replace: () => 'az mysql server create -g myResourceGroup -n mydemoserver -l westeurope --admin-user mylogin --sku-name GP_Gen5_2', message: /Azure Database for MySQL single server, which was retired on 16 September 2024.*az mysql flexible-server create/, severity: 'warning' as const },
    { name: 'az mariadb server create', find: 'az identity create -g', replace: () => 'az mariadb server create -g myResourceGroup -n mydemoserver -l westeurope --admin-user mylogin --sku-name GP_Gen5_2', message: /Azure Database for MariaDB, which was retired on 19 September 2025/, severity: 'warning' as const },
  ],
};
