// Portal instructions: what a run of numbered, command-free list items (or a prose "assign the X
// role" sentence) sets up, named so that plan/ and report/ can cite the prerequisite.
//
// `creates` entries read "<kind>" or "<kind>: <detail>", kinds being: virtual-machine,
// resource-group, storage-account, blob-container, blob, blob-content, role-assignment, key-vault,
// key-vault-secret, key-vault-access-policy, data-lake-folder, data-lake-acl, ssh-session.
import { plainInline } from './lines.ts';

const uniq = (xs: string[]) => [...new Set(xs)];

/** What a list of portal instructions creates. `items` are the items' texts, in order. */
export function manualCreates(items: string[]): string[] {
  const out: string[] = [];
  const all = items.map(plainInline).join('\n');
  const lower = all.toLowerCase();

  if (/virtual machine information|ubuntu server|select \w*\s*compute|create (?:a )?(?:new )?(?:linux )?(?:vm|virtual machine)\b/.test(lower)) out.push('virtual-machine');
  if (/resource group[^.\n]*create new|create new[^.\n]*resource group|new resource group/.test(lower)) out.push('resource-group');

  if (/create storage account|storage account - blob|select storage, then storage account|click storage, then storage account|name for the storage account|storage account creation/.test(lower))
    out.push('storage-account');
  if (/\+ ?container|new container|name for the container|give the container a name/.test(lower)) out.push('blob-container');

  for (const m of all.matchAll(/\b(?:titled|named|the file)\s+((?:[\w-]+ )?[\w-]+\.(?:txt|json|csv|md|log|png|jpg|bin))\b/gi)) out.push(`blob: ${m[1]}`);
  for (const m of all.matchAll(/\badd the text\s+(.+?)(?:,\s| and then\b|\.\s|\.$|$)/gim)) out.push(`blob-content: ${m[1]}`);

  // Key Vault
  if (/key vault from the results|name for the new key vault|create a key vault/.test(lower)) out.push('key-vault');
  if (/create a secret|secrets, (?:then |and )?select add|name and value for the secret/.test(lower)) out.push('key-vault-secret');
  if (/add access policy/.test(lower)) {
    const t = /template[^,.\n]*?,?\s*choose\s+([A-Z][\w ]+?)\s+from/i.exec(all);
    out.push(t ? `key-vault-access-policy: ${t[1]}` : 'key-vault-access-policy');
  }

  // Role assignments made in the portal
  for (const m of all.matchAll(/\bIn the Role tab, select ([A-Z][\w ]*?)\./g)) out.push(`role-assignment: ${m[1]}`);
  for (const m of all.matchAll(/\bSet Role to "([^"]+)"/g)) out.push(`role-assignment: ${m[1]}`);

  // Data Lake Store: folders and ACL entries, item by item (the selected folder changes)
  if (/data lake/.test(lower)) {
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

  if (/\bconnect to (?:the|your) vm\b|ssh client/.test(lower)) out.push('ssh-session');
  return uniq(out);
}

/** A prose sentence asking the reader to assign a role in the portal: its role and scope. */
export const PROSE_ROLE = /\bassign(?:ing)? the (.{2,80}?) role to the [\w -]+? at the scope of (?:the )?([\w ]+?)(?: that\b|\.|,|$)/i;

export function proseRoleCreates(text: string): string[] | undefined {
  const m = PROSE_ROLE.exec(plainInline(text));
  if (!m) return undefined;
  return [`role-assignment: ${m[1]!.trim()} (scope: ${m[2]!.trim()})`];
}
