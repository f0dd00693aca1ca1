// Portal instructions: what a run of numbered, command-free list items (or a prose "assign the X
// role" sentence) sets up, named so that plan/ and report/ can cite the prerequisite.
//
// `creates` entries read "<kind>" or "<kind>: <detail>", kinds being: virtual-machine,
// resource-group, storage-account, blob-container, blob, blob-content, role-assignment, key-vault,
// key-vault-secret, key-vault-access-policy, data-lake-folder, data-lake-acl, ssh-session.
import { plainInline } from './lines.ts';

const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * Every phrase that decides or guards an entry, found in one regex pass over the lower-cased text
 * (this runs for each instruction list, so the text is scanned once rather than once per phrase).
 */
const TRIGGERS =
  /virtual machine information|ubuntu server|compute|create (?:a )?(?:new )?(?:linux )?(?:vm|virtual machine)\b|resource group|create new|create storage account|storage account - blob|storage, then storage account|name for the storage account|storage account creation|\+ ?container|new container|name for the container|give the container a name|titled|named|the file|add the text|key vault from the results|name for the new key vault|create a key vault|create a secret|secrets, (?:then |and )?select add|name and value for the secret|add access policy|role|data lake|connect to (?:the|your) vm\b|ssh client/g;

function triggers(lower: string): Set<string> {
  const found = new Set<string>();
  TRIGGERS.lastIndex = 0;
  for (let m = TRIGGERS.exec(lower); m; m = TRIGGERS.exec(lower)) found.add(m[0]);
  return found;
}

const hasPrefix = (found: Set<string>, prefix: string) => {
  for (const f of found) if (f.startsWith(prefix)) return true;
  return false;
};

/** What a list of portal instructions creates. `items` are the items' texts, in order. */
export function manualCreates(items: string[]): string[] {
  const out: string[] = [];
  const joined = items.join('\n');
  const lower = joined.replace(/[*`]+/g, '').toLowerCase();
  const t = triggers(lower);
  if (t.size === 0) return out;
  const all = plainInline(joined);

  const createsVm = [...t].some((f) => f.startsWith('create ') && (f.endsWith(' vm') || f.endsWith('virtual machine')));
  if (t.has('virtual machine information') || t.has('ubuntu server') || createsVm || (t.has('compute') && /select \w*\s*compute/.test(lower))) out.push('virtual-machine');
  if (t.has('resource group') && /resource group[^.\n]*create new|new resource group/.test(lower)) out.push('resource-group');

  if (t.has('create storage account') || t.has('storage account - blob') || t.has('storage, then storage account') || t.has('name for the storage account') || t.has('storage account creation'))
    out.push('storage-account');
  if (t.has('+ container') || t.has('+container') || t.has('new container') || t.has('name for the container') || t.has('give the container a name')) out.push('blob-container');

  if (t.has('titled') || t.has('named') || t.has('the file')) {
    for (const m of all.matchAll(/\b(?:titled|named|the file)\s+((?:[\w-]+ )?[\w-]+\.(?:txt|json|csv|md|log|png|jpg|bin))\b/gi)) out.push(`blob: ${m[1]}`);
  }
  if (t.has('add the text')) {
    for (const m of all.matchAll(/\badd the text\s+(.+?)(?:,\s| and then\b|\.\s|\.$|$)/gim)) out.push(`blob-content: ${m[1]}`);
  }

  // Key Vault
  if (t.has('key vault from the results') || t.has('name for the new key vault') || t.has('create a key vault')) out.push('key-vault');
  if (t.has('create a secret') || hasPrefix(t, 'secrets, ') || t.has('name and value for the secret')) out.push('key-vault-secret');
  if (t.has('add access policy')) {
    const m = /template[^,.\n]*?,?\s*choose\s+([A-Z][\w ]+?)\s+from/i.exec(all);
    out.push(m ? `key-vault-access-policy: ${m[1]}` : 'key-vault-access-policy');
  }

  // Role assignments made in the portal
  if (t.has('role')) {
    for (const m of all.matchAll(/\bIn the Role tab, select ([A-Z][\w ]*?)\./g)) out.push(`role-assignment: ${m[1]}`);
    for (const m of all.matchAll(/\bSet Role to "([^"]+)"/g)) out.push(`role-assignment: ${m[1]}`);
  }

  // Data Lake Store: folders and ACL entries, item by item (the selected folder changes)
  if (t.has('data lake')) {
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

  if (hasPrefix(t, 'connect to ') || t.has('ssh client')) out.push('ssh-session');
  return uniq(out);
}

/** A prose sentence asking the reader to assign a role in the portal: its role and scope. */
export const PROSE_ROLE = /\bassign(?:ing)? the (.{2,80}?) role to the [\w -]+? at the scope of (?:the )?([\w ]+?)(?: that\b|\.|,|$)/i;

export function proseRoleCreates(text: string): string[] | undefined {
  const m = PROSE_ROLE.exec(plainInline(text));
  if (!m) return undefined;
  return [`role-assignment: ${m[1]!.trim()} (scope: ${m[2]!.trim()})`];
}
