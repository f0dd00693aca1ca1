// What a page creates for private endpoint name resolution: its private endpoints (the sub-resource,
// or group id, each connects to, and the target's resource type when the page writes it) and the
// private DNS zones it creates or links. Read from az commands (src/lint/commands.ts), Azure
// PowerShell commands (the one PowerShell reader, src/lint/powershell-commands.ts: Az.Network's
// New-AzPrivateLinkServiceConnection and Az.PrivateDns's New-AzPrivateDnsZone / New-AzPrivateDnsVirtualNetworkLink
// are bound through the generated cmdlet table, so an abbreviated or aliased parameter is read as PowerShell binds
// it; a cmdlet the table lacks is matched by full parameter names) and ARM/Bicep/Terraform blocks.
// A value is read as written, or from the one literal the page assigns to the shell variable it uses
// (src/lint/shell.ts literalAssignment); anything else (a placeholder, a computed value) is not read.
import type { LintDocument } from './document.ts';
import { azOption } from './commands.ts';
import { eachAz } from './each.ts';
import { codeFences } from './fences.ts';
import { bindNamed, eachPowerShellCommand, psLiteral, type PsCommandAt } from './powershell-commands.ts';
import { literalAssignment } from './shell.ts';
import type { PsValue } from '../model.ts';

export interface EndpointRead {
  line: number;
  /** The endpoint's name (az --name), to tie a dns-zone-group to it. */
  name?: string;
  /** The group id as written; undefined when the page computes it or leaves a placeholder. */
  groupId?: string;
  /** The target's resource type, from a literal resource id ("Microsoft.DBforMySQL/servers"). */
  resourceType?: string;
}

export interface ZoneRead {
  /** The zone name, lower case, without a trailing dot. */
  name: string;
  line: number;
  column: number;
  stepId?: string;
  /** How the page names it ("az network private-dns zone create --name"). */
  via: string;
  /** The endpoint a dns-zone-group attaches the zone to (az --endpoint-name). */
  endpointName?: string;
  /** The shell variable the value came from, and the line that assigns it. */
  variable?: { name: string; line: number };
}

/** A word's value, or the one literal the page assigns to the `$VAR` it is. */
function resolved(doc: LintDocument, value: string): { value: string; variable?: { name: string; line: number } } | undefined {
  const v = value.trim();
  const variable = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(v);
  if (variable) {
    const literal = literalAssignment(doc, variable[1]!);
    return literal ? { value: literal.value, variable: { name: variable[1]!, line: literal.line } } : undefined;
  }
  return /[$<>{}[\]()`*\s]/.test(v) || v === '' ? undefined : { value: v };
}

/** "Microsoft.DBforMySQL/servers" from a literal resource id. */
function resourceTypeOf(id: string | undefined): string | undefined {
  const m = id ? /\/providers\/([A-Za-z0-9.]+)\/([A-Za-z0-9]+)\//i.exec(id) : null;
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** A zone name from a name or a privateDnsZones resource id. */
function zoneName(value: string): string | undefined {
  const fromId = /\/privateDnsZones\/([^/]+)$/i.exec(value);
  const name = (fromId ? fromId[1]! : value).toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(name) ? name : undefined;
}

/** A PowerShell argument by its full parameter name (the cmdlets are not in the table: no abbreviations). */
function psArg(c: PsCommandAt, ...names: string[]): { value: PsValue; where: { line: number; column: number } } | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  if (c.cmdlet) {
    // The cmdlet's help is in the table: bind as PowerShell does (a unique prefix, an alias: -Zone, -GroupI).
    const b = bindNamed(c).find((x) => x.resolution.kind === 'parameter' && wanted.includes(x.resolution.parameter.name.toLowerCase()));
    return b?.value && b.valueWhere ? { value: b.value, where: b.valueWhere } : undefined;
  }
  const args = c.command.args;
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a.param === undefined || !wanted.includes(a.param.toLowerCase())) continue;
    const value = a.value ?? (args[k + 1]?.param === undefined ? args[k + 1]?.value : undefined);
    return value ? { value, where: c.at(value.offset) } : undefined;
  }
  return undefined;
}

const TEMPLATE_ZONE = /["'](privatelink\.[a-z0-9.-]+?)\.?["']/gi;
const TEMPLATE_GROUP = /\b(?:groupIds|subresource_names)["']?\s*[:=]\s*\[\s*["']([A-Za-z_]+)["']/g;
const TEMPLATE_GROUP_ANY = /\b(?:groupIds|subresource_names)["']?\s*[:=]/;
const SHELLS = new Set(['azurecli', 'azurecli-interactive', 'azurepowershell', 'azurepowershell-interactive', 'powershell', 'bash', 'sh', 'console', 'shell', 'cmd']);

export function readPrivateDns(doc: LintDocument): { endpoints: EndpointRead[]; zones: ZoneRead[] } {
  const endpoints: EndpointRead[] = [];
  const zones: ZoneRead[] = [];
  const addZone = (raw: string, z: Omit<ZoneRead, 'name' | 'variable'>): void => {
    const r = resolved(doc, raw);
    const name = r ? zoneName(r.value) : undefined;
    if (name) zones.push({ ...z, name, ...(r?.variable ? { variable: r.variable } : {}) });
  };
  for (const { command, az } of eachAz(doc)) {
    const path = az.path.join(' ');
    const stepId = command.step.id;
    if (path === 'network private-endpoint create') {
      const group = azOption(az, '--group-id', '--group-ids')?.value;
      const id = azOption(az, '--private-connection-resource-id')?.value;
      const name = azOption(az, '--name', '-n')?.value;
      endpoints.push({
        line: (group ?? az.words[0]!).line,
        ...(name ? { name: resolved(doc, name.value)?.value ?? name.value } : {}),
        ...(group && resolved(doc, group.value) ? { groupId: resolved(doc, group.value)!.value } : {}),
        ...(id ? { resourceType: resourceTypeOf(resolved(doc, id.value)?.value ?? id.value) } : {}),
      });
      continue;
    }
    const option =
      path === 'network private-dns zone create' ? azOption(az, '--name', '-n')
      : path === 'network private-dns link vnet create' ? azOption(az, '--zone-name', '-z')
      // --private-dns-zone is the zone (name or id); the group's --zone-name only names its zone config
      : path === 'network private-endpoint dns-zone-group create' || path === 'network private-endpoint dns-zone-group add' ? azOption(az, '--private-dns-zone')
      : undefined;
    if (!option?.value) continue;
    const endpoint = path.includes('dns-zone-group') ? azOption(az, '--endpoint-name')?.value : undefined;
    addZone(option.value.value, {
      line: option.value.line,
      column: option.value.column,
      stepId,
      via: `az ${path} ${option.name}`,
      ...(endpoint ? { endpointName: resolved(doc, endpoint.value)?.value ?? endpoint.value } : {}),
    });
  }
  for (const c of eachPowerShellCommand(doc)) {
    const name = c.command.name.toLowerCase();
    if (name === 'new-azprivatelinkserviceconnection') {
      const group = psArg(c, 'GroupId');
      const id = psArg(c, 'PrivateLinkServiceId');
      const literal = group ? psLiteral(group.value) : undefined;
      const idText = id ? psLiteral(id.value) : undefined;
      endpoints.push({ line: group?.where.line ?? c.at(c.command.offset).line, ...(literal ? { groupId: literal } : {}), ...(idText ? { resourceType: resourceTypeOf(idText) } : {}) });
    } else if (name === 'new-azprivatednszone' || name === 'new-azprivatednsvirtualnetworklink') {
      const arg = psArg(c, name === 'new-azprivatednszone' ? 'Name' : 'ZoneName');
      const literal = arg ? psLiteral(arg.value) : undefined;
      if (arg && literal) addZone(literal, { ...arg.where, stepId: c.step.id, via: `${c.command.name} -${name === 'new-azprivatednszone' ? 'Name' : 'ZoneName'}` });
    }
  }
  // Templates: a block that declares private DNS zones or private endpoints (ARM/Bicep type names, Terraform resources).
  for (const fence of codeFences(doc)) {
    if (SHELLS.has(fence.info)) continue;
    const lines: string[] = [];
    for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) lines.push(doc.line(n));
    const text = lines.join('\n');
    const declaresZone = /Microsoft\.Network\/privateDnsZones|azurerm_private_dns_zone\b/i.test(text);
    const declaresEndpoint = /Microsoft\.Network\/privateEndpoints|azurerm_private_endpoint\b/i.test(text);
    lines.forEach((line, i) => {
      if (declaresZone) for (const m of line.matchAll(TEMPLATE_ZONE)) addZone(m[1]!, { line: fence.open + 1 + i, column: (m.index ?? 0) + 2, via: 'a template\'s private DNS zone' });
      if (!declaresEndpoint || !TEMPLATE_GROUP_ANY.test(line)) return;
      const m = new RegExp(TEMPLATE_GROUP.source).exec(lines.slice(i, i + 4).join(' ')); // `groupIds: [` with its items on the next lines
      endpoints.push({ line: fence.open + 1 + i, ...(m ? { groupId: m[1]! } : {}) }); // no literal: an endpoint of unknown sub-resource
    });
  }
  return { endpoints, zones };
}
