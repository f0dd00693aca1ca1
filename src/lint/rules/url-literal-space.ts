// A request URL holding a literal space: in an HTTP request line the space ends the target, and curl
// refuses such a URL.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';
import { eachCurl } from '../each.ts';

/** Offset of the first space of a URL outside its <PLACEHOLDER NAME>s (which the reader replaces), or -1. */
const spaceAt = (url: string): number => url.replace(/<[A-Za-z][A-Za-z0-9 _.-]{0,80}(?:\/[A-Za-z][A-Za-z0-9 _.-]{0,80})*>/g, (p) => p.replace(/[ \t]/g, '_')).search(/[ \t]/);

const REQUEST_LINE = /^(\s*)(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(https?:\/\/\S.*?|\/\S.*?)(?:[ \t]+HTTP\/\d(?:\.\d)?)?[ \t]*$/;
const HTTP_FENCES = new Set(['http', 'rest', 'https']);

export const urlLiteralSpace: Rule = {
  id: 'url-literal-space',
  name: 'UrlLiteralSpace',
  severity: 'warning',
  shortDescription: 'A request URL (an HTTP request line, or the URL given to curl) has a literal space.',
  fullDescription:
    'An HTTP/1.1 request line is "method SP request-target SP HTTP-version" and the target may not contain a space (RFC 9112 §3, RFC 3986 §2): a client or proxy that sends the line as written splits the URL at the space and the server answers 400 Bad Request, and tools that take the line (REST clients, az rest --url, curl) send a cut or differently encoded URL. curl refuses a URL with a space before sending anything: "curl: (3) URL using bad/illegal format or missing URL" (or "URL rejected: Malformed input to a URL function"). An OData value such as roleName eq \'User Access Administrator\' must be percent-encoded in the URL. A space inside the quotes before or after the URL is refused the same way (curl 7.88: "curl: (3) URL using bad/illegal format or missing URL"): readers hit it on the Translator v3 reference, whose custom-endpoint example was curl -X POST " my-ch-n.cognitiveservices.azure.com/translator/text/v3.0/translate?to=fr" (https://github.com/MicrosoftDocs/azure-docs/issues/100037, which also notes the missing https://). Sources: RFC 9112 §3 (request-line), curl\'s URL parser (curl.se/libcurl/c/libcurl-errors.html, CURLE_URL_MALFORMAT), RFC 3986 §2 (a space is not a URI character) and the OData URL conventions (query option values are percent-encoded).',
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
        const space = spaceAt(target);
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
    for (const { command, curl } of eachCurl(doc)) {
      for (const url of curl.urls) {
        // A space before or after the URL inside its quotes (" my-ch-n.cognitiveservices.azure.com/…",
        // azure-docs#100037): curl refuses it the same way; the scheme may be missing too (curl guesses http).
        // ASCII spaces only: a no-break space glued to the URL is nonascii-space-in-command's finding.
        const trimmed = url.value.replace(/^[ \t]+|[ \t]+$/g, '');
        const padded = url.value !== trimmed && /^(?:https?:\/\/|[\w-]+(?:\.[\w-]+)+[/:?])/i.test(trimmed);
        if (padded) {
          const where = url.value.startsWith(trimmed) ? 'ends with' : 'starts with';
          hits.push({
            line: url.line,
            column: url.column,
            stepId: command.step.id,
            message: `the URL given to curl ${where} a space inside its quotes ("${url.value.slice(0, 40)}${url.value.length > 40 ? '…' : ''}"): curl refuses it before sending anything ("curl: (3) URL using bad/illegal format or missing URL"). Remove the space${/^https?:\/\//i.test(trimmed) ? '' : ' and write the scheme (without one curl guesses http://)'}: ${/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`}`,
            suggestion: trimmed,
          });
          continue;
        }
        if (!/^https?:\/\//i.test(url.value)) continue;
        const space = spaceAt(url.value);
        if (space < 0) continue;
        const encoded = url.value.slice(0, space) + url.value.slice(space).replace(/<[^>]*>|[ \t]/g, (t) => (t.length === 1 ? '%20' : t));
        hits.push({
          line: url.line,
          column: url.column,
          stepId: command.step.id,
          message: `the URL given to curl has a literal space ("…${url.value.slice(Math.max(0, space - 20), space + 20)}…"): curl refuses it before sending anything ("curl: (3) URL using bad/illegal format or missing URL"). Percent-encode the spaces: ${encoded}`,
          suggestion: encoded,
        });
      }
    }
    return hits;
  },
};
