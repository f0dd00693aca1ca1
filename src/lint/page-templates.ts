// The deployment templates a page shows (```bicep blocks, ```json ARM templates) read once for every rule
// that compares a template with what the page does with it: the parameters it declares (and whether each
// has a default), the outputs it declares, the scope it targets, and the file name the page gives it.
// Rules that judge a deployment command against "the template" ask `templateDeployed` for the block that
// is certainly the one the command deploys, and stay silent otherwise.
import type { LintDocument } from './document.ts';
import { codeFences, type CodeFence } from './fences.ts';

export type DeploymentScope = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';

export interface TemplateParameter {
  name: string;
  line: number;
  /** A default value (Bicep `= …`, ARM "defaultValue"), or a nullable Bicep type (`string?`): az does not need it passed. */
  optional: boolean;
}

export interface PageTemplate {
  kind: 'bicep' | 'json';
  fence: CodeFence;
  /** The file name (`main.bicep`) the prose just above the block gives it, if any. */
  file: string | undefined;
  parameters: TemplateParameter[];
  outputs: { name: string; line: number }[];
  /** Bicep: its `targetScope` (resourceGroup when it declares none); ARM JSON: read from its $schema. */
  scope: DeploymentScope | undefined;
  /** The block is introduced as a part of a file ("excerpt", "snippet", "add the following") or elides lines (`...`). */
  partial: boolean;
}

const BICEP_PARAM = /^\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z_][\w.]*(?:\[\])?\??|'[^']*'(?:\s*\|\s*'[^']*')*|\{)\s*(=)?/;
const BICEP_OUTPUT = /^\s*output\s+([A-Za-z_][A-Za-z0-9_]*)\s/;
const BICEP_SCOPE = /^\s*targetScope\s*=\s*'(resourceGroup|subscription|managementGroup|tenant)'/;
// A .bicepparam file (`using './main.bicep'`, `param name = value`) is a parameters file, not a template.
const BICEPPARAM = /^\s*using\s+'/m;
const SCHEMA_SCOPE: [RegExp, DeploymentScope][] = [
  [/\/subscriptionDeploymentTemplate\.json/i, 'subscription'],
  [/\/managementGroupDeploymentTemplate\.json/i, 'managementGroup'],
  [/\/tenantDeploymentTemplate\.json/i, 'tenant'],
  [/\/deploymentTemplate\.json/i, 'resourceGroup'],
];
const FILE_NAME = /(?:^|[\s`*"'(/])([\w.-]+\.(?:bicep|json))\b/gi;
const PART = /\b(?:excerpt|snippet|portion|fragment|part of|section of|add the following|following (?:code|lines?|properties|resource|parameter|element)s? (?:to|in|into)|(?:update|replace|modify|change) (?:the|your))\b/i;
const ELISION = /^\s*(?:\.\.\.|…|\/\/\s*\.\.\.|\/\*\s*\.\.\.)/;

const read = new WeakMap<LintDocument, PageTemplate[]>();

/** The templates shown on the page, in page order. */
export function pageTemplates(doc: LintDocument): PageTemplate[] {
  if (!doc.hasText) return [];
  const known = read.get(doc);
  if (known) return known;
  const out: PageTemplate[] = [];
  for (const fence of codeFences(doc)) {
    const body: string[] = [];
    for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) body.push(doc.line(n));
    const t = fence.info === 'bicep' ? readBicep(fence, body) : fence.info === 'json' || fence.info === 'jsonc' ? readArmJson(fence, body) : undefined;
    if (!t) continue;
    const lead = leadIn(doc, fence);
    t.file = fileNamed(lead, t.kind) ?? savedAsAfter(doc, fence, t.kind);
    t.partial = PART.test(lead) || body.some((l) => ELISION.test(l));
    out.push(t);
  }
  read.set(doc, out);
  return out;
}

function readBicep(fence: CodeFence, body: string[]): PageTemplate | undefined {
  const text = body.join('\n');
  if (BICEPPARAM.test(text)) return undefined;
  const t: PageTemplate = { kind: 'bicep', fence, file: undefined, parameters: [], outputs: [], scope: 'resourceGroup', partial: false };
  let depth = 0; // declarations are top-level: a `param` inside a multi-line value is not one
  body.forEach((line, i) => {
    const n = fence.open + 1 + i;
    if (depth === 0) {
      const p = BICEP_PARAM.exec(line);
      if (p) t.parameters.push({ name: p[1] as string, line: n, optional: p[3] === '=' || (p[2] as string).endsWith('?') });
      const o = BICEP_OUTPUT.exec(line);
      if (o) t.outputs.push({ name: o[1] as string, line: n });
      const s = BICEP_SCOPE.exec(line);
      if (s) t.scope = s[1] as DeploymentScope;
    }
    const code = line.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/\/\/.*$/, '');
    for (const ch of code) depth += ch === '{' || ch === '[' || ch === '(' ? 1 : ch === '}' || ch === ']' || ch === ')' ? -1 : 0;
    if (depth < 0) depth = 0;
  });
  return t;
}

/** An ARM template: a JSON object whose $schema is a deployment template schema (a parameters file is not one). */
function readArmJson(fence: CodeFence, body: string[]): PageTemplate | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body.join('\n'));
  } catch {
    return undefined; // comments, elisions, placeholders: not read, so not judged
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const o = json as Record<string, unknown>;
  const schema = typeof o.$schema === 'string' ? o.$schema : '';
  const scope = SCHEMA_SCOPE.find(([re]) => re.test(schema))?.[1];
  if (!scope) return undefined;
  const lineOf = (section: string, key: string): number => {
    let inSection = false;
    for (let i = 0; i < body.length; i++) {
      if (new RegExp(`^\\s*"${section}"\\s*:`).test(body[i] as string)) inSection = true;
      else if (inSection && (body[i] as string).includes(`"${key}"`)) return fence.open + 1 + i;
    }
    return fence.open + 1;
  };
  const entries = (v: unknown): [string, unknown][] => (v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>) : []);
  return {
    kind: 'json',
    fence,
    file: undefined,
    parameters: entries(o.parameters).map(([name, p]) => ({ name, line: lineOf('parameters', name), optional: !!p && typeof p === 'object' && ('defaultValue' in p || (p as { nullable?: unknown }).nullable === true) })),
    outputs: entries(o.outputs).map(([name]) => ({ name, line: lineOf('outputs', name) })),
    scope,
    partial: false,
  };
}

/** The prose just above a block: the non-blank lines within four lines of it, up to the previous block. */
function leadIn(doc: LintDocument, fence: CodeFence): string {
  const lines: string[] = [];
  for (let n = fence.open - 1; n >= Math.max(1, fence.open - 4); n--) {
    const l = doc.line(n);
    if (/^\s*(?:```|~~~)/.test(l)) break;
    if (doc.isProse(n) && l.trim() !== '') lines.unshift(l);
  }
  return lines.join(' ');
}

function fileNamed(lead: string, kind: PageTemplate['kind']): string | undefined {
  const names = [...lead.matchAll(FILE_NAME)].map((m) => m[1] as string).filter((f) => (kind === 'bicep' ? /\.bicep$/i : /\.json$/i).test(f) && !/parameters?\.json$/i.test(f));
  return names.length > 0 && names.every((f) => f.toLowerCase() === names[0]!.toLowerCase()) ? names[0] : undefined;
}

// "To deploy this file, save it as main.bicep on your local computer": the name given just after the block.
const SAVE_AS = /\bsave (?:it|this (?:file|template)|the (?:bicep )?(?:file|template)) as \W{0,2}([\w.-]+\.(?:bicep|json))\b/i;

function savedAsAfter(doc: LintDocument, fence: CodeFence, kind: PageTemplate['kind']): string | undefined {
  for (let n = fence.close + 1; n <= Math.min(doc.lineCount, fence.close + 3); n++) {
    const l = doc.line(n);
    if (/^\s*(?:```|~~~|:::)/.test(l)) break;
    const m = doc.isProse(n) ? SAVE_AS.exec(l) : null;
    if (m) return (kind === 'bicep' ? /\.bicep$/i : /\.json$/i).test(m[1] as string) ? m[1] : undefined;
  }
  return undefined;
}

/** A `:::code` reference to a template file the page does not show (`source="~/quickstart-templates/…/main.bicep"`). */
export function referencedTemplates(doc: LintDocument): string[] {
  const out: string[] = [];
  for (let n = 1; n <= doc.lineCount; n++) {
    const m = /^\s*:::code\b[^\n]*\bsource="([^"]+\.(?:bicep|json))"/i.exec(doc.line(n));
    if (m) out.push((m[1] as string).split('/').pop() as string);
  }
  return out;
}

/** How sure the page is that a block is the template a command deploys. */
export type TemplateLink = 'named' | 'only';

/**
 * The template a command that deploys `templateFile` (as written) at `line` certainly deploys: the last block
 * before the command that the prose gives that file name, else the page's only template of that kind when
 * nothing else could be it (no `:::code` reference to a template, no block named otherwise). Undefined when
 * the file is computed (`$file`, `<path>`) or the page leaves it open.
 */
export function templateDeployed(doc: LintDocument, templateFile: string, line: number): { template: PageTemplate; link: TemplateLink } | undefined {
  if (/[$<>{}*]/.test(templateFile)) return undefined;
  const base = templateFile.replace(/\\/g, '/').split('/').pop() as string;
  const kind = /\.bicep$/i.test(base) ? 'bicep' : /\.json$/i.test(base) ? 'json' : undefined;
  if (!kind) return undefined;
  const all = pageTemplates(doc).filter((t) => t.kind === kind);
  const named = all.filter((t) => t.file?.toLowerCase() === base.toLowerCase() && t.fence.close < line);
  if (named.length > 0) return { template: named[named.length - 1] as PageTemplate, link: 'named' };
  if (all.some((t) => t.file?.toLowerCase() === base.toLowerCase())) return undefined; // shown only after the command
  const referenced = referencedTemplates(doc);
  if (referenced.length > 0) return undefined;
  if (all.length === 1 && (all[0]!.file === undefined) && all[0]!.fence.close < line) return { template: all[0] as PageTemplate, link: 'only' };
  return undefined;
}
