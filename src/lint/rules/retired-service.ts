// Data Lake Storage Gen1 was retired on 29 February 2024.
import type { Rule, RuleHit } from '../rule.ts';
import { eachCurl } from '../each.ts';
import { hostAndPath } from '../commands.ts';

export const retiredService: Rule = {
  id: 'retired-service',
  name: 'RetiredService',
  severity: 'error',
  shortDescription: 'A command calls an Azure service that has been retired.',
  fullDescription:
    'Azure Data Lake Storage Gen1 (*.azuredatalakestore.net, WebHDFS) was retired on 29 February 2024; its accounts are no longer accessible, so every request of such a tutorial fails whatever the reader does.',
  help: 'Rewrite the tutorial for Data Lake Storage Gen2: https://<ACCOUNT>.dfs.core.windows.net with a token for https://storage.azure.com/ and the Storage Blob Data roles.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, curl } of eachCurl(doc)) {
      for (const url of curl.urls) {
        const hp = hostAndPath(url.value);
        if (!hp || !hp.host.endsWith('.azuredatalakestore.net')) continue;
        hits.push({
          line: url.line,
          column: url.column,
          stepId: command.step.id,
          message: `${hp.host} is Azure Data Lake Storage Gen1, retired on 29 February 2024: the account no longer answers, so this request cannot succeed. Use Data Lake Storage Gen2 (https://<ACCOUNT>.dfs.core.windows.net, token resource https://storage.azure.com/).`,
        });
      }
    }
    return hits;
  },
};
