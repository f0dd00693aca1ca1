// Where a page names the api-version of a Resource Manager resource type, with the namespace and type
// it applies to: a URL's `/providers/<Namespace>/<type>/…?api-version=`, Bicep's
// `'<Namespace>/<type>@<version>'`, a template's `"apiVersion"` beside its `"type"`, and az's
// `--api-version` / PowerShell's `-ApiVersion` with the resource type the same command names. Only
// code (fenced blocks, or the command lines of a text-less document) is read: prose that cites a
// version ("since 2019-06-01") is not a request.
import type { LintDocument } from './document.ts';

export interface ApiVersionMention {
  line: number;
  /** 1-based column of the version. */
  column: number;
  version: string;
  namespace: string;
  /** The resource type path below the namespace (`sites/config`), without names. */
  type: string;
  how: 'url' | 'bicep' | 'template' | 'parameter';
}

const VERSION = String.raw`\d{4}-\d{2}-\d{2}(?:-[A-Za-z0-9]+)?`;
const BICEP = new RegExp(String.raw`(['"])(Microsoft\.[A-Za-z]+)\/([A-Za-z0-9/]+)@(${VERSION})\1`, 'g');
const URL_VERSION = new RegExp(String.raw`[?&]api-version=(${VERSION})(?![\w-])`, 'gi');
const TEMPLATE_VERSION = new RegExp(String.raw`"apiVersion"\s*:\s*"(${VERSION})"`, 'g');
const TEMPLATE_TYPE = /"type"\s*:\s*"(Microsoft\.[A-Za-z]+)\/([A-Za-z0-9/]+)"/i;
const PARAMETER_VERSION = new RegExp(String.raw`(?:--api-version|-ApiVersion)[\s=]+["']?(${VERSION})(?![\w-])`, 'g');
const FENCE = /^\s*(?:>\s*)?(```|~~~)/;
const LOGGED_REQUEST = /"request_?ur[il]"\s*:\s*"$/i;

/** Line numbers of code, each with its block: fenced blocks (fence lines excluded) and command lines. */
function codeLines(doc: LintDocument): { lines: number[]; block: Map<number, number> } {
  const block = new Map<number, number>();
  let open = 0;
  for (let n = 1; doc.hasText && n <= doc.lineCount; n++) {
    if (FENCE.test(doc.line(n))) {
      open = open ? 0 : n;
      continue;
    }
    if (open) block.set(n, open);
  }
  // Commands outside any fence (a rendered page's code, a text-less document) are code too.
  doc.commands.forEach((c, i) => c.lines.forEach((l) => block.has(l.line) || block.set(l.line, -1 - i)));
  return { lines: [...block.keys()].sort((a, b) => a - b), block };
}

/** `sites/<app>/config/authsettings` → `sites/config`: the type segments of a path below a namespace. */
export function typePath(segments: string[]): string {
  return segments.filter((_, i) => i % 2 === 0).join('/');
}

export function apiVersionMentions(doc: LintDocument): ApiVersionMention[] {
  const out: ApiVersionMention[] = [];
  const { lines, block } = codeLines(doc);
  const sameBlock = (a: number, b: number) => block.get(a) !== undefined && block.get(a) === block.get(b);
  for (const n of lines) {
    const text = doc.line(n);
    for (const m of text.matchAll(BICEP)) {
      out.push({ line: n, column: (m.index ?? 0) + m[0].indexOf('@') + 2, version: m[4]!, namespace: m[2]!, type: m[3]!, how: 'bicep' });
    }
    for (const m of text.matchAll(URL_VERSION)) {
      // The URL the parameter belongs to: back to the white space or quote that starts it (spaces
      // inside a placeholder such as <STORAGE ACCOUNT NAME> do not end it).
      const flat = text.replace(/<[^<>\n]*>/g, (p) => p.replace(/\s/g, '_'));
      const start = Math.max(flat.lastIndexOf(' ', m.index), flat.lastIndexOf('"', m.index), flat.lastIndexOf("'", m.index)) + 1;
      const url = flat.slice(start, m.index);
      // A log record's `"requestUri": "…"` (Key Vault's AuditEvent, Azure Monitor resource logs) is the
      // request some client made when the record was written, shown as the log holds it: no request of the page.
      if (LOGGED_REQUEST.test(flat.slice(0, start))) continue;
      const at = url.toLowerCase().lastIndexOf('/providers/');
      if (at < 0) {
        // Resource Manager's own types: a subscription, a resource group, their resource lists.
        const own = /\/subscriptions\/[^/]+(?:\/(resourceGroups)\/[^/]+|\/(resources|resourceGroups))?\/?$/i.exec(url);
        if (own && /management\.azure\.com|^\/subscriptions/i.test(url))
          out.push({ line: n, column: (m.index ?? 0) + m[0].indexOf('=') + 2, version: m[1]!, namespace: 'Microsoft.Resources', type: own[1] ?? own[2] ?? 'subscriptions', how: 'url' });
        continue;
      }
      const [namespace, ...rest] = url.slice(at + '/providers/'.length).split('/').filter(Boolean);
      if (!namespace || !/^Microsoft\.[A-Za-z]+$/i.test(namespace) || rest.length === 0) continue;
      // Registering a provider (POST /subscriptions/{id}/providers/Microsoft.Storage/register) is an
      // operation of Microsoft.Resources' providers, at its versions, not one of the namespace's own types.
      if (rest.length === 1 && /^(un)?register$/i.test(rest[0]!) && /\/subscriptions\/[^/]+$/i.test(url.slice(0, at))) {
        out.push({ line: n, column: (m.index ?? 0) + m[0].indexOf('=') + 2, version: m[1]!, namespace: 'Microsoft.Resources', type: 'providers', how: 'url' });
        continue;
      }
      out.push({ line: n, column: (m.index ?? 0) + m[0].indexOf('=') + 2, version: m[1]!, namespace, type: typePath(rest), how: 'url' });
    }
    for (const m of text.matchAll(TEMPLATE_VERSION)) {
      const type = nearest(n, (k) => sameBlock(k, n), (k) => TEMPLATE_TYPE.exec(doc.line(k)));
      if (!type) continue;
      out.push({ line: n, column: (m.index ?? 0) + m[0].lastIndexOf(m[1]!) + 1, version: m[1]!, namespace: type[1]!, type: type[2]!, how: 'template' });
    }
    for (const m of text.matchAll(PARAMETER_VERSION)) {
      const type = nearest(n, (k) => sameBlock(k, n), (k) => commandResourceType(doc.line(k)), 4);
      if (!type) continue;
      out.push({ line: n, column: (m.index ?? 0) + m[0].lastIndexOf(m[1]!) + 1, version: m[1]!, namespace: type[0], type: type[1], how: 'parameter' });
    }
  }
  return out;
}

/** The resource type an az or PowerShell command line names: -ResourceType, --resource-type with --namespace, or an id/URL path. */
function commandResourceType(text: string): [string, string] | null {
  const full = /(?:-ResourceType|--resource-type)[\s=]+["']?(Microsoft\.[A-Za-z]+)\/([A-Za-z0-9/]+)/i.exec(text);
  if (full) return [full[1]!, full[2]!];
  const ns = /--namespace[\s=]+["']?(Microsoft\.[A-Za-z]+)/i.exec(text);
  const type = /--resource-type[\s=]+["']?([A-Za-z0-9/]+)/i.exec(text);
  if (ns && type) return [ns[1]!, type[1]!];
  const path = /\/providers\/(Microsoft\.[A-Za-z]+)\/([^\s"'?]+)/i.exec(text);
  if (path) return [path[1]!, typePath(path[2]!.split('/').filter(Boolean))];
  return null;
}

/** The first match at line n, then n∓1, n±1… up to `reach` lines away, within what `inside` allows. */
function nearest<T>(n: number, inside: (k: number) => boolean, match: (k: number) => T | null, reach = 12): T | null {
  for (let d = 0; d <= reach; d++) {
    for (const k of d === 0 ? [n] : [n - d, n + d]) {
      if (k < 1 || !inside(k)) continue;
      const found = match(k);
      if (found) return found;
    }
  }
  return null;
}
