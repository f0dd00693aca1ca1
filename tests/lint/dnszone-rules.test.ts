// Issue 16 session 9 (dnszone): private DNS zones named otherwise than Learn "Azure Private Endpoint DNS
// configuration" says for the endpoint's sub-resource, held on the page where it happened (tests/fresh) and
// kept silent where the zone is right on a real page (tests/fresh, tests/lint/fixtures/real, see its README
// for repository and commit).
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const MYSQL_PRIVATE_LINK = 'tests/fresh/articles/mysql/howto-configure-privatelink-cli.md';
const SQL_PRIVATE_LINK = 'tests/fresh/articles/private-link/create-private-endpoint-cli.md';
const KEY_VAULT = 'tests/lint/fixtures/real/private-link-service-keyvault.excerpt.md';
const rule = 'private-dns-zone-name';

describe('private-dns-zone-name', () => {
  it('howto-configure-privatelink-cli.md (MySQL, January 2020): privatelink.database.azure.com for a mysqlServer endpoint, once, where the zone is created', () => {
    const text = read(MYSQL_PRIVATE_LINK);
    const hits = found(rule, MYSQL_PRIVATE_LINK);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, '--name  "privatelink.database.azure.com"'), 'warning']]);
    expect(hits[0]?.message).toMatch(/private-dns zone create --name privatelink\.database\.azure\.com: the private endpoint of line 88 connects to Azure Database for MySQL \/ mysqlServer, whose private DNS zone is privatelink\.mysql\.database\.azure\.com \(Learn "Azure Private Endpoint DNS configuration", MicrosoftDocs\/azure-docs articles\/private-link\/private-endpoint-dns\.md @42655f0ed898\)/);
    expect(hits[0]?.suggestion).toBe('privatelink.mysql.database.azure.com');
  });
  it('silent on the SQL sibling of the same period (sqlServer, privatelink.database.windows.net)', () => {
    expect(read(SQL_PRIVATE_LINK)).toMatch(/--group-ids sqlServer[\s\S]*--name {2}"privatelink\.database\.windows\.net"/);
    expect(found(rule, SQL_PRIVATE_LINK)).toEqual([]);
  });
  it('silent on the Key Vault private link page (vault, privatelink.vaultcore.azure.net); the same page with another zone is reported', () => {
    const text = `\`\`\`azurecli\n${read(KEY_VAULT)}`;
    expect(text).toMatch(/--group-ids vault/);
    expect(found(rule, KEY_VAULT, text)).toEqual([]);
    const wrong = text.replaceAll('privatelink.vaultcore.azure.net', 'privatelink.vault.azure.net');
    const hits = found(rule, KEY_VAULT, wrong);
    expect(hits.map((h) => h.line)).toEqual([lineWith(wrong, 'zone create')]);
    expect(hits[0]?.message).toMatch(/Azure Key Vault \/ vault, whose private DNS zone is privatelink\.vaultcore\.azure\.net/);
  });
  it('a documented zone of another service is judged only when a dns-zone-group attaches it to the endpoint', () => {
    const base = '```azurecli\naz network private-endpoint create -g rg -n pe-blob --vnet-name vnet --subnet sn --private-connection-resource-id $ID --group-id blob --connection-name c\n';
    const other = `${base}az network private-dns zone create -g rg -n privatelink.vaultcore.azure.net\n\`\`\`\n`;
    expect(found(rule, 'other.md', other)).toEqual([]); // the page may need it for a vault whose endpoint it makes elsewhere
    const tied = `${base}az network private-endpoint dns-zone-group create -g rg --endpoint-name pe-blob -n default --private-dns-zone privatelink.file.core.windows.net --zone-name blob\n\`\`\`\n`;
    expect(found(rule, 'tied.md', tied).map((h) => h.suggestion)).toEqual(['privatelink.blob.core.windows.net']);
  });
  it('resolves a variable the page assigns literally, never a computed or placeholder name, and leaves custom zones alone', () => {
    const ep = 'az network private-endpoint create -g rg -n pe --vnet-name v --subnet s --private-connection-resource-id $ID --group-id sqlServer --connection-name c\n';
    const assigned = `\`\`\`bash\nZONE="privatelink.database.azure.net"\n${ep}az network private-dns zone create -g rg -n $ZONE\n\`\`\`\n`;
    const hits = found(rule, 'var.md', assigned);
    expect(hits.map((h) => h.line)).toEqual([4]);
    expect(hits[0]?.message).toMatch(/\(the value of \$ZONE, line 2\).*privatelink\.database\.windows\.net/);
    const computed = `\`\`\`bash\nZONE="privatelink$(az cloud show --query suffixes.sqlServerHostname -o tsv)"\n${ep}az network private-dns zone create -g rg -n $ZONE\naz network private-dns zone create -g rg -n <zone-name>\naz network private-dns zone create -g rg -n contoso.internal\n\`\`\`\n`;
    expect(found(rule, 'computed.md', computed)).toEqual([]);
  });
  it('reads PowerShell (New-AzPrivateLinkServiceConnection -GroupId, New-AzPrivateDnsZone -Name) and Bicep', () => {
    const ps = "```azurepowershell\n$conn = New-AzPrivateLinkServiceConnection -Name c -PrivateLinkServiceId $sa.Id -GroupId 'blob'\n$zone = New-AzPrivateDnsZone -ResourceGroupName rg -Name 'privatelink.blob.core.windows.net'\n$bad = New-AzPrivateDnsZone -ResourceGroupName rg -Name 'privatelink.blob.storage.azure.net'\n```\n";
    expect(found(rule, 'ps.md', ps).map((h) => [h.line, h.suggestion])).toEqual([[4, 'privatelink.blob.core.windows.net']]);
    const bicep = "```bicep\nresource pe 'Microsoft.Network/privateEndpoints@2023-04-01' = {\n  name: 'pe'\n  properties: { privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ] }\n}\nresource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: 'privatelink.vaultcore.azure.net'\n  location: 'global'\n}\n```\n";
    expect(found(rule, 'bicep.md', bicep)).toEqual([]);
    expect(found(rule, 'bicep2.md', bicep.replace("name: 'privatelink.vaultcore.azure.net'", "name: 'privatelink.vault.azure.net'")).map((h) => h.line)).toEqual([7]);
  });
});
