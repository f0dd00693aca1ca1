// A --query path that the output of its az command does not have: JMESPath matches keys exactly and
// yields null for a missing one, so `x=$(az identity show … --query properties.principalId -o tsv)`
// leaves x empty and the next step fails far from the cause.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption, invocations } from '../commands.ts';
import { compileQuery } from '../../reference/az-output.ts';
import { azGenericResource, azPrintedResource, describeAzPrinted, type AzPrintedResource } from '../../reference/az-resource-output.ts';
import type { AzView } from '../commands.ts';
import { queryMisses, type QueryMiss } from '../../reference/az-query-paths.ts';

function explain(m: QueryMiss): string {
  switch (m.kind) {
    case 'case':
      return `JMESPath compares keys with their case, and az prints \`${m.meant}\`: \`${m.written}\` selects nothing`;
    case 'flattened':
      return `az lifts the resource's properties to ${m.meant ? `\`${m.meant}\`` : 'the top level'} (the model az prints flattens them, x-ms-client-flatten): there is no \`${m.written}\` in what it prints, so the path through it selects nothing`;
    case 'nested':
      return `az prints it under "properties" (the model does not flatten them): \`${m.written}\` selects nothing; \`${m.meant}\` does`;
    case 'typo':
      return `there is no \`${m.written}\` in what az prints; it prints \`${m.meant}\``;
    case 'list':
      return `the value there is a list, and a field of a list is null in JMESPath: \`${m.written}\` selects nothing; \`${m.meant}\` projects it`;
  }
}

/** The type `az resource show` is given (--resource-type with or without --namespace, or one --ids), when written out. */
function genericPrinted(az: AzView): AzPrintedResource | undefined {
  if (azOption(az, '--parent')) return undefined;
  const literal = (s: string | undefined) => (s !== undefined && /^[\w./-]+$/.test(s) ? s : undefined);
  const ids = literal(azOption(az, '--ids')?.value?.value);
  let type: string | undefined;
  if (ids) {
    const m = /\/providers\/([\w.]+)\/([\w-]+)\/[^/]+$/i.exec(ids);
    type = m ? `${m[1]}/${m[2]}` : undefined;
  } else {
    const t = literal(azOption(az, '--resource-type')?.value?.value);
    const ns = literal(azOption(az, '--namespace')?.value?.value);
    type = t?.includes('/') ? t : t && ns ? `${ns}/${t}` : undefined;
  }
  return type && /^Microsoft\.\w+\/\w+$/i.test(type) ? azGenericResource(type) : undefined;
}

export const azQueryPath: Rule = {
  id: 'az-query-path',
  name: 'AzQueryPath',
  severity: 'warning',
  shortDescription: 'A --query path names a key that the output of its az command does not have (another case, another level, a typo), so it selects nothing.',
  fullDescription:
    'az evaluates --query with JMESPath over what it prints (knack query.py). JMESPath matches an identifier against an object\'s keys exactly, case included, and a key an object does not have, or a field asked of a list, evaluates to null (jmespath.org specification, "Identifiers", "SubExpressions"); az then prints nothing with -o tsv, so `x=$(az … --query … -o tsv)` leaves x empty and a later step fails far from the cause. What az prints for a resource is the SDK model of the operation\'s answer (REST specs in vendor/specs): x-ms-client-flatten lifts properties to the top (az identity show prints principalId, not properties.principalId), properties without it stay nested (az keyvault show: properties.vaultUri). AAZ command groups (az network, az eventhubs) flatten the same way but keep the REST names (az network public-ip show prints publicIPAllocationMethod); az containerapp prints the REST answer as it comes (its client returns r.json(): --query properties.configuration.ingress.fqdn, not configuration.ingress.fqdn, which was the shape of the retired Microsoft.Web preview extension). `az resource show` prints the generic resource instead, the provider\'s answer nested under "properties" as the service writes it (az resource show --resource-type Microsoft.Storage/storageAccounts … --query properties.primaryEndpoints). Judged for the commands whose result is the model unchanged and for az resource show with a literal type; only misses the schema proves (another case, another level, a one-typo near miss, a field of a list) are reported.',
  help: 'Write the path as az prints it (the finding names it).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of doc.commands) {
      for (const inv of invocations(command.words)) {
        if (!inv.az) continue;
        const query = azOption(inv.az, '--query')?.value;
        if (!query) continue;
        const details = azOption(inv.az, '--show-details', '-d') ? ['--show-details'] : [];
        const printed = inv.az.path.join(' ') === 'resource show' ? genericPrinted(inv.az) : azPrintedResource(inv.az.path, details);
        if (!printed) continue;
        const ast = compileQuery(query.value);
        if (!ast) continue;
        const root = printed.view.nodes[0];
        if (!root) continue;
        for (const m of queryMisses(ast, root, printed.view.known)) {
          hits.push({
            line: query.line,
            column: query.column,
            stepId: command.step.id,
            ...(m.meant && m.kind !== 'flattened' ? { suggestion: m.meant } : {}),
            message: `--query ${query.value}: ${explain(m)} (${describeAzPrinted(printed)}).`,
          });
        }
      }
    }
    return hits;
  },
};
