// Microsoft.Resources/tags at a scope (resources.json Tags_GetAtScope, Tags_CreateOrUpdateAtScope,
// Tags_UpdateAtScope, Tags_DeleteAtScope): the tags of a resource group, read, replaced, patched
// (operation Merge, Replace or Delete — Delete removes the given names, or name/value pairs when a
// value is given) and removed, answered 200 at once. The emulator keeps tags on resource groups only:
// tags of a subscription or a resource are not emulated, and neither are names or values outside
// what Azure documents as valid (name ≤ 512 characters without < > % & \ ? /, value ≤ 256), whose
// exact error it does not know.
import { jsonResponse } from '../../respond.ts';
import { notEmulatedResponse } from '../../router.ts';
import { findResourceGroup } from '../../state.ts';
import { armErrors } from './errors.ts';
import type { ArmCall, ArmResult, ArmRoute } from './route.ts';

const TEMPLATE = '{*scope}/providers/Microsoft.Resources/tags/default';
const GROUP_SCOPE = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)$/i;

type Group = NonNullable<ReturnType<typeof findResourceGroup>>;

/** The resource group the scope names, or the answer when it is not one the emulator keeps tags for. */
function groupOf(call: ArmCall): { group: Group } | { answer: ArmResult } {
  const name = GROUP_SCOPE.exec(call.params.scope!)?.[1];
  if (name === undefined) return { answer: notEmulatedResponse(`tags at the scope ${call.params.scope} (the emulator keeps tags on resource groups only)`, call.req.requestId) };
  const group = findResourceGroup(call.ctx.state, name);
  return group !== undefined ? { group } : { answer: armErrors.resourceGroupNotFound(name) };
}

function tagsBody(call: ArmCall, tags: Record<string, string>): ArmResult {
  return jsonResponse(200, { id: `${call.params.scope}/providers/Microsoft.Resources/tags/default`, name: 'default', type: 'Microsoft.Resources/tags', properties: { tags } }, call.baseHeaders);
}

/** properties.tags of the body as strings, or the not-emulated answer for what Azure would refuse in words the emulator does not know. */
function bodyTags(call: ArmCall): { tags: Record<string, string> } | { answer: ArmResult } {
  const raw = (call.body as { properties?: { tags?: unknown } } | undefined)?.properties?.tags;
  if (raw === undefined || raw === null) return { tags: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { answer: armErrors.invalidRequestContent('properties.tags must be an object') };
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const value = v === null ? '' : String(v);
    if (k.length > 512 || value.length > 256 || /[<>%&\\?/]/.test(k)) return { answer: notEmulatedResponse(`the tag '${k.slice(0, 40)}' (a name or value Azure refuses; its exact error is not modelled)`, call.req.requestId) };
    tags[k] = value;
  }
  return { tags };
}

/** A write: the group and the body's tags, or the answer that stops it. */
function write(call: ArmCall, apply: (group: Group, tags: Record<string, string>) => ArmResult): ArmResult {
  const g = groupOf(call);
  if ('answer' in g) return g.answer;
  const body = bodyTags(call);
  return 'answer' in body ? body.answer : apply(g.group, body.tags);
}

export const tagRoutes: ArmRoute[] = [
  {
    method: 'GET',
    template: TEMPLATE,
    resourceType: 'resources',
    action: 'Microsoft.Resources/tags/read',
    scope: (p) => p.scope!,
    handle(call) {
      const g = groupOf(call);
      return 'answer' in g ? g.answer : tagsBody(call, g.group.tags);
    },
  },
  {
    method: 'PUT',
    template: TEMPLATE,
    resourceType: 'resources',
    action: 'Microsoft.Resources/tags/write',
    scope: (p) => p.scope!,
    handle: (call) =>
      write(call, (group, tags) => {
        group.tags = tags;
        return tagsBody(call, group.tags);
      }),
  },
  {
    method: 'PATCH',
    template: TEMPLATE,
    resourceType: 'resources',
    action: 'Microsoft.Resources/tags/write',
    scope: (p) => p.scope!,
    handle: (call) =>
      write(call, (group, tags) => {
        const operation = String((call.body as { operation?: unknown } | undefined)?.operation ?? '');
        switch (operation.toLowerCase()) {
          case 'merge':
            group.tags = { ...group.tags, ...tags };
            break;
          case 'replace':
            group.tags = tags;
            break;
          case 'delete':
            group.tags = Object.fromEntries(Object.entries(group.tags).filter(([k, v]) => !(k in tags) || (tags[k] !== '' && tags[k] !== v)));
            break;
          default:
            return notEmulatedResponse(`tags PATCH with operation '${operation}' (Merge, Replace and Delete are modelled)`, call.req.requestId);
        }
        return tagsBody(call, group.tags);
      }),
  },
  {
    method: 'DELETE',
    template: TEMPLATE,
    resourceType: 'resources',
    action: 'Microsoft.Resources/tags/delete',
    scope: (p) => p.scope!,
    handle(call) {
      const g = groupOf(call);
      if ('answer' in g) return g.answer;
      g.group.tags = {};
      return { status: 200, headers: call.baseHeaders };
    },
  },
];
