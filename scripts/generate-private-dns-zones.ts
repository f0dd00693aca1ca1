// Generates src/reference/private-dns-zones.json: the private DNS zone a private endpoint needs for each
// private link resource type and sub-resource (group id), Azure commercial cloud, from the table of
// Learn "Azure Private Endpoint DNS configuration" (MicrosoftDocs/azure-docs
// articles/private-link/private-endpoint-dns.md, "Azure services DNS zone configuration"). The page's
// lines are saved verbatim in scripts/data/private-dns-zones/private-endpoint-dns.md (first line: repo,
// path, commit), read byte-exact from the stored copy of the repository.
//   npx tsx scripts/generate-private-dns-zones.ts           write the table
//   npx tsx scripts/generate-private-dns-zones.ts --check   exit 1 when the committed table differs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOrCheck } from './write-generated.ts';

const root = join(import.meta.dirname, '..');
const input = 'scripts/data/private-dns-zones/private-endpoint-dns.md';
const out = join(root, 'src/reference/private-dns-zones.json');

export interface PrivateDnsZoneRow {
  /** The service as the page names it ("Azure Database for MySQL"). */
  service: string;
  /** Resource types ("Microsoft.DBforMySQL/servers"); a bare namespace where the page gives no type. */
  resourceTypes: string[];
  /** Sub-resources (group ids) as the page spells them; empty where the page says N/A. */
  groupIds: string[];
  /** Zone names; {regionName}, {regionCode}, {dnsPrefix}, {subzone}, {partitionId} stand for one label each. */
  zones: string[];
}

/** A table cell's items: the page separates them with <br>, <br/> or </br>, and marks footnotes with <sup>. */
function items(cell: string): string[] {
  return cell
    .replace(/<sup>[^<]*<\/sup>/g, '')
    .split(/<\/?br\s*\/?>/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

const text = readFileSync(join(root, input), 'utf8');
const lines = text.split('\n');
const m = /^source: (\S+\/\S+) (\S+) ([0-9a-f]{40})$/.exec(lines[0] ?? '');
if (!m) throw new Error(`${input}: the first line must be "source: <repo> <path> <commit>"`);
const header = lines.findIndex((l) => l.startsWith('| Private link resource type | Subresource | Private DNS zone name |'));
if (header < 0) throw new Error(`${input}: no "| Private link resource type | Subresource | Private DNS zone name |" table`);
const rows: PrivateDnsZoneRow[] = [];
for (const line of lines.slice(header + 2)) {
  if (!line.startsWith('|')) break;
  const cells = line.split('|').slice(1, -1);
  if (cells.length !== 4) throw new Error(`${input}: a row without 4 cells: ${line}`);
  const [typeCell = '', subCell = '', zoneCell = ''] = cells;
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(typeCell.trim());
  if (!paren) throw new Error(`${input}: no "(Namespace/type)" in ${typeCell}`);
  const zones = items(zoneCell);
  for (const z of zones) if (!/^[a-z0-9{}.-]+$/i.test(z)) throw new Error(`${input}: "${z}" is not a zone name`);
  rows.push({
    service: paren[1]!.replace(/\s*\/$/, ''),
    resourceTypes: items(paren[2]!),
    groupIds: items(subCell).filter((g) => g !== 'N/A'),
    zones,
  });
}
if (rows.length < 40) throw new Error(`${input}: only ${rows.length} rows; the page's table has more`);

const table = {
  about: {
    source: `https://github.com/${m[1]}`,
    file: m[2],
    commit: m[3],
    section: 'Azure services DNS zone configuration (Azure commercial cloud)',
    input,
    generator: 'scripts/generate-private-dns-zones.ts',
    note: 'Generated: do not edit by hand. The page: "Private endpoint private DNS zone configurations will only automatically generate if you use the recommended naming scheme in the following table." A client resolves <name>.<service domain> through the CNAME <name>.privatelink.<service domain>, so only a zone of exactly that name answers it.',
  },
  rows,
};
writeOrCheck(out, `${JSON.stringify(table, null, 1)}\n`, 'npx tsx scripts/generate-private-dns-zones.ts');
