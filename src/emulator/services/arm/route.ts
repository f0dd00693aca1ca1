// The ARM route table's shape: each resource-type module lists its operations as small records
// (method, path template, resource type, required action, handler). Templates match segment by
// segment, case-insensitively (azure-behavior.md §3.2); `{*scope}` at the start takes any prefix.
import type { EmulatorRequest, EmulatorResponse, ServiceContext, TokenClaims } from '../../types.ts';
import type { ArmResourceType } from './api-versions.ts';
import type { ArmError } from './errors.ts';

export interface ArmCall {
  req: EmulatorRequest;
  ctx: ServiceContext;
  /** Template parameters, with the casing the client sent. */
  params: Record<string, string>;
  /** Request path without the trailing slash, undecoded casing kept (decoded percent escapes). */
  path: string;
  apiVersion: string;
  caller: TokenClaims;
  /** Parsed JSON body; undefined when the body is empty. */
  body: unknown;
  /** Headers every ARM answer carries (request ids, cache control). */
  baseHeaders: Record<string, string>;
  /** May the caller perform the route's action (or `action`) at this scope? List routes filter their items with it. */
  allowedAt(scope: string, action?: string): boolean;
}

export type ArmResult = EmulatorResponse | ArmError;

export interface ArmRoute {
  method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  template: string;
  resourceType: ArmResourceType;
  /** The RBAC action the caller needs at `scope` (e.g. Microsoft.Storage/storageAccounts/listkeys/action). */
  action: string;
  /** The scope the action is checked at; defaults to the request path minus a trailing action segment. */
  scope?(params: Record<string, string>, path: string): string;
  /**
   * `filtered`: a collection read. ARM lets the caller in when the action is granted at the scope or
   * anywhere below it, and the answer lists only what the caller may read (`allowedAt` per item);
   * without any grant at or below the scope it is the usual 403.
   * `open`: no role check in the pipeline (subscriptions and tenants, which every signed-in caller
   * may list); the handler decides what the caller sees.
   */
  access?: 'filtered' | 'open';
  handle(call: ArmCall): Promise<ArmResult> | ArmResult;
}

interface CompiledTemplate {
  leadingScope: boolean;
  parts: { literal?: string; param?: string }[];
}

const compiled = new Map<string, CompiledTemplate>();

function compile(template: string): CompiledTemplate {
  let c = compiled.get(template);
  if (c === undefined) {
    const segs = template.split('/').filter(Boolean);
    const leadingScope = segs[0] === '{*scope}';
    c = {
      leadingScope,
      parts: (leadingScope ? segs.slice(1) : segs).map((s) => (s.startsWith('{') ? { param: s.slice(1, -1) } : { literal: s.toLowerCase() })),
    };
    compiled.set(template, c);
  }
  return c;
}

/** Match `segments` (decoded path segments) against a template; parameters keep the client's casing. */
export function matchTemplate(template: string, segments: string[]): Record<string, string> | undefined {
  const c = compile(template);
  const n = c.parts.length;
  if (c.leadingScope ? segments.length < n : segments.length !== n) return undefined;
  const offset = segments.length - n;
  const params: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const part = c.parts[i]!;
    const seg = segments[offset + i]!;
    if (part.literal !== undefined) {
      if (seg.toLowerCase() !== part.literal) return undefined;
    } else if (part.param !== undefined) {
      if (seg === '') return undefined;
      params[part.param] = seg;
    }
  }
  if (c.leadingScope) params.scope = '/' + segments.slice(0, offset).join('/');
  return params;
}

export function isArmError(r: ArmResult): r is ArmError {
  return 'code' in r && 'gateway' in r;
}
