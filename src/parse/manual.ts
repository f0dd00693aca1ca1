// Portal instructions: what a run of numbered, command-free list items (or a prose "assign the X
// role" sentence) sets up, named so that plan/ and report/ can cite the prerequisite.
//
// `creates` entries read "<kind>" or "<kind>: <detail>", kinds being: virtual-machine,
// resource-group, storage-account, blob-container, blob, blob-content, role-assignment, key-vault,
// key-vault-secret, key-vault-access-policy, data-lake-folder, data-lake-acl, ssh-session.
import { plainInline } from './lines.ts';

const uniq = (xs: string[]) => [...new Set(xs)];
const anyOf = (text: string, needles: string[]) => needles.some((n) => text.includes(n));

/** What a list of portal instructions creates. `items` are the items' texts, in order. */
export function manualCreates(items: string[]): string[] {
  const out: string[] = [];
  const all = plainInline(items.join('\n'));
  const lower = all.toLowerCase();

  // Cheap substring tests guard each family of patterns: this runs for every instruction list.
  if (
    lower.includes('virtual machine information') ||
    lower.includes('ubuntu server') ||
    (lower.includes('compute') && /select \w*\s*compute/.test(lower)) ||
    (lower.includes('create') && /create (?:a )?(?:new )?(?:linux )?(?:vm|virtual machine)\b/.test(lower))
  )
    out.push('virtual-machine');
  if (lower.includes('resource group') && /resource group[^.\n]*create new|new resource group/.test(lower)) out.push('resource-group');

  if (lower.includes('storage account') && anyOf(lower, ['create storage account', 'storage account - blob', 'storage, then storage account', 'name for the storage account', 'storage account creation']))
    out.push('storage-account');
  if (lower.includes('container') && anyOf(lower, ['+ container', '+container', 'new container', 'name for the container', 'give the container a name'])) out.push('blob-container');

  if (lower.includes('titled') || lower.includes('named') || lower.includes('the file')) {
    for (const m of all.matchAll(/\b(?:titled|named|the file)\s+((?:[\w-]+ )?[\w-]+\.(?:txt|json|csv|md|log|png|jpg|bin))\b/gi)) out.push(`blob: ${m[1]}`);
  }
  if (lower.includes('add the text')) {
    for (const m of all.matchAll(/\badd the text\s+(.+?)(?:,\s| and then\b|\.\s|\.$|$)/gim)) out.push(`blob-content: ${m[1]}`);
  }

  // Key Vault
  if (lower.includes('vault') || lower.includes('secret')) {
    if (anyOf(lower, ['key vault from the results', 'name for the new key vault', 'create a key vault'])) out.push('key-vault');
    if (anyOf(lower, ['create a secret', 'secrets, then select add', 'secrets, and select add', 'secrets, select add', 'name and value for the secret'])) out.push('key-vault-secret');
    if (lower.includes('add access policy')) {
      const t = /template[^,.\n]*?,?\s*choose\s+([A-Z][\w ]+?)\s+from/i.exec(all);
      out.push(t ? `key-vault-access-policy: ${t[1]}` : 'key-vault-access-policy');
    }
  }

  // Role assignments made in the portal
  if (lower.includes('role')) {
    for (const m of all.matchAll(/\bIn the Role tab, select ([A-Z][\w ]*?)\./g)) out.push(`role-assignment: ${m[1]}`);
    for (const m of all.matchAll(/\bSet Role to "([^"]+)"/g)) out.push(`role-assignment: ${m[1]}`);
  }

  // Data Lake Store: folders and ACL entries, item by item (the selected folder changes)
  if (lower.includes('data lake')) {
    let folder = 'root folder';
    for (const raw of items) {
      const item = plainInline(raw);
      const nf = /new folder[^.]*?(?:for example,\s*)(\w+)/i.exec(item);
      if (nf) {
        out.push(`data-lake-folder: ${nf[1]}`);
        folder = nf[1]!;
      }
      if (/select the folder that you created/i.test(item) && folder === 'root folder') folder = 'new folder';
      const perm = /Select Permissions[.,]?\s*(?:then\s+)?Select\s+(.*?)(?:,? add to\b|,? then select Ok\b|$)/i.exec(item);
      if (perm) {
        const rights = ['Read', 'Write', 'Execute'].filter((r) => new RegExp(`\\b${r}\\b`).test(perm[1]!));
        out.push(`data-lake-acl: ${folder}: ${rights.join(', ')}`);
      }
    }
  }

  if (anyOf(lower, ['connect to the vm', 'connect to your vm', 'ssh client'])) out.push('ssh-session');
  return uniq(out);
}

/** A prose sentence asking the reader to assign a role in the portal: its role and scope. */
export const PROSE_ROLE = /\bassign(?:ing)? the (.{2,80}?) role to the [\w -]+? at the scope of (?:the )?([\w ]+?)(?: that\b|\.|,|$)/i;

export function proseRoleCreates(text: string): string[] | undefined {
  const m = PROSE_ROLE.exec(plainInline(text));
  if (!m) return undefined;
  return [`role-assignment: ${m[1]!.trim()} (scope: ${m[2]!.trim()})`];
}
