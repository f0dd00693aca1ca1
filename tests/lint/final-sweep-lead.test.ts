// Regressions from the closing precision sweep of this stop (npm run sweep:precision, seed final-13, 40 pages
// each of MicrosoftDocs/azure-aks-docs @fb060abe and MicrosoftDocs/azure-management-docs @d923d588):
// - reliability-availability-zones-configure.md: `az aks create … --zones 1 2 3` failed with "unrecognized
//   arguments: 2 3" (four false fails): the reference says the zones are "separated by blanks";
// - openwebsearch-on-aks.md: `VARS=(` with one element per line was a missing "\" (false error);
// - container-registry-webhook-reference.md: "cb8c3971-9adc-488b-xxxx-43cbb4974ff5", a GUID with one group
//   masked, was an invalid GUID (six false errors).
import { describe, expect, it } from 'vitest';
import { azCommand, parameter } from '../../src/reference/az-table.ts';
import { ruleFindings } from './helpers.ts';

describe('final sweep of stop 27', () => {
  it('az aks create and az aks nodepool add take several --zones ("separated by blanks")', () => {
    for (const path of ['aks create', 'aks nodepool add']) {
      const found = parameter(azCommand(path)!, '--zones');
      expect(found.kind, path).toBe('parameter');
      expect(found.kind === 'parameter' && found.parameter.multiple, path).toBe(true);
    }
  });
  it('a multi-line array assignment is no missing continuation; a detached argument still is', () => {
    const page = (body: string) => `# t\n\n\`\`\`bash\n${body}\n\`\`\`\n`;
    expect(ruleFindings('shell-missing-continuation', 'x.md', page('VARS=(\n  "${REQUIRED_AKS_VARS[@]}"\n  MCP_IMAGE_FULL\n)\nfor v in "${VARS[@]}"; do echo "$v"; done'))).toEqual([]);
    expect(ruleFindings('shell-missing-continuation', 'x.md', page('ARGS=(\n  --name myGroup\n  --location eastus\n)\naz group create "${ARGS[@]}"'))).toEqual([]);
    expect(ruleFindings('shell-missing-continuation', 'x.md', page('az storage blob upload --file hello.txt\n    "https://myaccount.blob.core.windows.net/c/hello.txt"')).length).toBe(1);
  });
  it('a GUID with a masked group is a redaction; a GUID with a stray letter still is not a GUID', () => {
    const page = (value: string) =>
      `# t\n\n\`\`\`azurecli\naz identity create --name id1 --resource-group rg1\n\`\`\`\n\n\`\`\`output\n{\n  "clientId": "${value}",\n  "name": "id1",\n  "type": "Microsoft.ManagedIdentity/userAssignedIdentities"\n}\n\`\`\`\n`;
    expect(ruleFindings('contract-invalid-guid', 'x.md', page('cb8c3971-9adc-488b-xxxx-43cbb4974ff5'))).toEqual([]);
    expect(ruleFindings('contract-invalid-guid', 'x.md', page('cb8c3971-9adc-488b-zzzz-43cbb4974ff5')).length).toBe(1);
  });
});
