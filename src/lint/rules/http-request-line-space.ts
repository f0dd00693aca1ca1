// An HTTP request line whose URL holds a literal space: the space ends the request target.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';

const REQUEST_LINE = /^(\s*)(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(https?:\/\/\S.*?|\/\S.*?)(?:[ \t]+HTTP\/\d(?:\.\d)?)?[ \t]*$/;
const HTTP_FENCES = new Set(['http', 'rest', 'https']);

export const httpRequestLineSpace: Rule = {
  id: 'http-request-line-space',
  name: 'HttpRequestLineSpace',
  severity: 'warning',
  shortDescription: 'An HTTP request line has a literal space inside its URL.',
  fullDescription:
    'An HTTP/1.1 request line is "method SP request-target SP HTTP-version" and the target may not contain a space (RFC 9112 §3, RFC 3986 §2): a client or proxy that sends the line as written splits the URL at the space and the server answers 400 Bad Request, and tools that take the line (REST clients, az rest --url, curl) send a cut or differently encoded URL. An OData value such as roleName eq \'User Access Administrator\' must be percent-encoded in the URL. Sources: RFC 9112 §3 (request-line), RFC 3986 §2 (a space is not a URI character) and the OData URL conventions (query option values are percent-encoded).',
  help: "Percent-encode the spaces in the URL: $filter=roleName%20eq%20'User%20Access%20Administrator'.",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const fence of codeFences(doc)) {
      if (!HTTP_FENCES.has(fence.info)) continue;
      for (let n = fence.open + 1; n < fence.close; n++) {
        const m = REQUEST_LINE.exec(doc.line(n));
        if (!m) continue;
        const target = m[3]!;
        // A placeholder's own spaces (<SUBSCRIPTION ID>) go with it when the reader fills it in.
        const space = target.replace(/<[A-Za-z][A-Za-z0-9 _.-]{0,80}>/g, (p) => p.replace(/[ \t]/g, '_')).search(/[ \t]/);
        if (space < 0) continue;
        const column = doc.line(n).indexOf(target, m[1]!.length + m[2]!.length) + space + 1;
        const encoded = target.slice(0, space) + target.slice(space).replace(/<[^>]*>|[ \t]/g, (t) => (t.length === 1 ? '%20' : t));
        hits.push({
          line: n,
          column,
          message: `the URL of this ${m[2]} request has a literal space ("…${target.slice(Math.max(0, space - 20), space + 20)}…"): an HTTP request line ends its target at the first space, so the request as written is malformed (400 Bad Request) or sent cut at "${target.slice(Math.max(0, space - 20), space)}". Percent-encode the spaces: ${encoded}`,
          suggestion: encoded,
        });
      }
    }
    return hits;
  },
};
