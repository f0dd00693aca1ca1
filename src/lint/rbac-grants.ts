// The role grants a page makes or states, read from the page alone: `az role assignment create
// --role …` steps (counted even when the step itself fails, e.g. on smart quotes) and prose that
// tells the reader to assign or grant a built-in role to an identity. One module with one
// interface, so that the page's World (src/world, stated grants) can replace this reading later.
import type { LintDocument } from './document.ts';
import { azOption } from './commands.ts';
import { eachAz } from './each.ts';
import { roleCatalog } from '../reference/rbac.ts';

export interface StatedGrant {
  /** The role as the page writes it (name or id, quotes of any kind included). */
  role: string;
  line: number;
  column?: number;
  stepId?: string;
  /** The scope the role is assigned at (--scope), when the page says. */
  scope?: string;
  via: 'az role assignment create' | 'prose';
}

const GRANT_WORDS = /\b(assign|assigns|assigned|assigning|grant|grants|granted|granting|give)\b/i;
const TO_WHOM = /\b(identity|identities|principal|service principal|application|app|VM|virtual machine)\b/i;

export function statedGrants(doc: LintDocument): StatedGrant[] {
  const grants: StatedGrant[] = [];
  for (const { command, az } of eachAz(doc)) {
    if (az.path.join(' ') !== 'role assignment create') continue;
    const role = azOption(az, '--role');
    if (!role?.value) continue;
    const scope = azOption(az, '--scope')?.value?.value;
    grants.push({ role: role.value.value, line: role.value.line, column: role.value.column, stepId: command.step.id, ...(scope ? { scope } : {}), via: 'az role assignment create' });
  }
  if (!doc.hasText) return grants;
  const names = roleCatalog()
    .roles.map((r) => r.roleName)
    .sort((a, b) => b.length - a.length);
  for (let n = 1; n <= doc.lineCount; n++) {
    if (!doc.isProse(n)) continue;
    const text = doc.line(n);
    if (!GRANT_WORDS.test(text) || !/\brole\b/i.test(text) || !TO_WHOM.test(text)) continue;
    let rest = text;
    for (const name of names) {
      // "Storage Blob Data Reader", or as some pages write it, "storage-blob-data-reader"
      const words = name.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const kebab = words.join('-').toLowerCase();
      const at = rest.search(new RegExp(`(?<![\\w-])(?:${words.join(' ')}|${kebab})(?![\\w-])`));
      if (at < 0) continue;
      grants.push({ role: name, line: n, column: at + 1, via: 'prose' });
      rest = rest.slice(0, at) + ' '.repeat(name.length) + rest.slice(at + name.length); // "Storage Blob Data Reader" is not also "Reader"
    }
  }
  return grants;
}
