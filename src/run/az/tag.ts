// `az tag create|update|list|delete --resource-id ID`: the Tags-at-scope operations of
// Microsoft.Resources (resources.json Tags_CreateOrUpdateAtScope PUT {properties: {tags}},
// Tags_UpdateAtScope PATCH {operation, properties: {tags}}, Tags_GetAtScope, Tags_DeleteAtScope),
// which the CLI's tag commands call with the id as the scope; az prints the TagsResource the service
// returns (nothing for delete). `--tags` words are read as azure-cli-core's tags_type does: KEY=VALUE
// split at the first `=`, a word without `=` a tag with an empty value. Without --resource-id these
// commands manage the subscription's predefined tag names, which no equivalent here models.
import { ArmSession, azJson, callFailed, callPrinted, pollLro } from './arm.ts';
import type { AzCommandModule, AzInvocation } from './command.ts';
import { RESOURCE_GROUP_API_VERSION } from './group-create.ts';
import type { StepOutcome } from '../context.ts';

/** azure-cli-core validate_tags over the words bash passed. */
export function tagsFromWords(words: readonly string[] | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const word of words ?? []) {
    const eq = word.indexOf('=');
    if (eq < 0) tags[word] = '';
    else tags[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return tags;
}

const RESOURCE_ID = { dest: 'resource-id', names: ['--resource-id'], required: true };
const TAGS = { dest: 'tags', names: ['--tags'] };

async function atScope(method: 'GET' | 'PUT' | 'PATCH' | 'DELETE', { args, ctx }: AzInvocation, body?: unknown): Promise<StepOutcome> {
  const session = new ArmSession(ctx);
  const id = (args['resource-id'] ?? '').replace(/\/+$/, '');
  const first = await session.call(method, `${id.startsWith('/') ? '' : '/'}${id}/providers/Microsoft.Resources/tags/default?api-version=${RESOURCE_GROUP_API_VERSION}`, body);
  const call = method === 'GET' ? first : await pollLro(session, first);
  if (!call.ok) return callFailed(session, call);
  return callPrinted(session, method === 'DELETE' || call.json === undefined ? '' : azJson(call.json));
}

export const tagCreate: AzCommandModule = {
  path: ['tag', 'create'],
  options: [RESOURCE_ID, TAGS],
  run: (inv) => atScope('PUT', inv, { properties: { tags: tagsFromWords(inv.lists.tags) } }),
};

export const tagUpdate: AzCommandModule = {
  path: ['tag', 'update'],
  options: [RESOURCE_ID, TAGS, { dest: 'operation', names: ['--operation'], required: true }],
  run: (inv) => atScope('PATCH', inv, { operation: inv.args.operation, properties: { tags: tagsFromWords(inv.lists.tags) } }),
};

export const tagList: AzCommandModule = {
  path: ['tag', 'list'],
  options: [RESOURCE_ID],
  run: (inv) => atScope('GET', inv),
};

export const tagDelete: AzCommandModule = {
  path: ['tag', 'delete'],
  options: [RESOURCE_ID, { dest: 'yes', names: ['--yes', '-y'], flag: true }],
  run: (inv) => atScope('DELETE', inv),
};
