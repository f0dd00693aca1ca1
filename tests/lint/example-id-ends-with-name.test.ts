// missed defect: container-registry-get-started-azure-cli.md (tests/fresh) runs az acr create --name
// myContainerRegistry007 and shows a registry whose name is myContainerRegistry007 but whose id ends
// in /registries/myContainerRegistry1. example-id-vs-request compared name and resourceGroup only.
// When the example's name is the --name given, its id must end with that name; a child resource
// whose name is not the --name (a slot "app/staging") is left alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const ids = (text: string, page = 'p.md') => lintText(text, 'docfx', page).filter((f) => f.rule === 'example-id-vs-request');
const page = (id: string, name: string) =>
  `# T\n\n\`\`\`azurecli\naz acr create --name reg007 --resource-group rg --sku Basic\n\`\`\`\n\nThe output is similar to:\n\n\`\`\`json\n{\n  "id": "${id}",\n  "name": "${name}",\n  "resourceGroup": "rg"\n}\n\`\`\`\n`;

describe("an az create example's id", () => {
  it('must end with the name the example and the command give (container-registry-get-started-azure-cli.md)', () => {
    const p = 'tests/fresh/articles/container-registry/container-registry-get-started-azure-cli.md';
    const found = ids(readFileSync(join(root, p), 'utf8'), p);
    const endsIn = found.filter((f) => /ends in/.test(f.message));
    expect(endsIn.map((f) => f.line)).toEqual([66]);
    expect(endsIn[0]?.message).toMatch(/ends in "myContainerRegistry1"/);
    // The same example's sku (Managed_Standard for --sku Basic) is the page's other real defect.
    expect(found.filter((f) => !/ends in/.test(f.message)).map((f) => `${f.line} ${/sku is "Managed_Standard", not Basic/.test(f.message)}`)).toEqual(['72 true']);
  });
  it('is silent when it ends with the name, or when the shown name is not the --name', () => {
    expect(ids(page('/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/reg007', 'reg007'))).toEqual([]);
    expect(ids(page('/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/reg007/slots/staging', 'reg007/staging')).filter((f) => /ends in/.test(f.message))).toEqual([]);
  });
});
