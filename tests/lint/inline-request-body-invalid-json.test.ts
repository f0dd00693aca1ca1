// defect (missed): a JSON body written in the request's own ```http block was read by no rule. The
// fresh articles/azure-resource-manager/management/manage-resources-rest.md sends
//   PUT …/storageAccounts/{accountName}?api-version=2018-02-01 … { "sku": …, "location": "eastus2", }
// whose trailing comma ARM rejects (400 InvalidRequestContent); json-example-invalid said nothing,
// while the same body in a ```json block of its own was reported. The inline body is now the page's
// JSON example too; a valid one stays silent.
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { parseTutorialText } from '../../src/parse/index.ts';

const page = (body: string[]) =>
  ['# REST', '', '```http', 'PUT /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}?api-version=2023-05-01 HTTP/1.1', 'Authorization: Bearer <bearer-token>', 'Content-Type: application/json', 'Host: management.azure.com', '', ...body, '```', ''].join('\n');
const invalid = ['{', '  "sku": {', '    "name": "Standard_GRS"', '  },', '  "kind": "StorageV2",', '  "location": "eastus2",', '}'];
const valid = ['{', '  "sku": {', '    "name": "Standard_GRS"', '  },', '  "kind": "StorageV2",', '  "location": "eastus2"', '}'];

describe('a JSON body in the request block', () => {
  it('is reported when it does not parse, on the trailing comma', () => {
    const found = lintText(page(invalid)).filter((f) => f.rule === 'json-example-invalid');
    expect(found).toHaveLength(1);
    // A warning: the body is the PUT's own (Host: management.azure.com), and Azure Resource Manager's
    // Json.NET accepts trailing commas (json-example-invalid). It was an error only while the body,
    // with no step after it, was tied to no request (request-body-given-to-next-request.test.ts).
    expect(found[0]).toMatchObject({ severity: 'warning', line: 14 });
    expect(found[0]?.message).toMatch(/trailing comma/);
  });
  it('is silent when it parses, and the request still carries it with its place', () => {
    expect(lintText(page(valid)).filter((f) => f.rule === 'json-example-invalid')).toEqual([]);
    const step = parseTutorialText(page(valid), 'rest.md', { form: 'docfx' }).steps[0];
    expect(step?.kind === 'http' ? step.request?.bodySource : undefined).toMatchObject({ startLine: 9, endLine: 15 });
  });
});
