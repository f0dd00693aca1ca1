// Percent-encoding that a service cannot decode. Azure Storage sits behind HTTP.sys (its answers
// say `Server: Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0`), which refuses two kinds of request
// path before the service sees them, with its own HTML page (blob-errors.ts `invalidUrl`):
//  - a '%' not followed by two hex digits: HTTP.sys parses paths per RFC 2396 and never accepts a
//    bare '%' (blogs.iis.net/nazim "Use of special characters like '%' '.' and ':' in an IIS URL";
//    serverfault.com/q/257680: "/%" on IIS sites is 400), except the %uXXXX form it allows by
//    default (PercentUAllowed, support.microsoft.com/kb/820129);
//  - an escape that decodes to a control character, U+0000-U+001F or U+007F-U+009F
//    (AllowRestrictedChars is off by default, KB 820129): seen from blob.core.windows.net for
//    "%00" (Azure/azure-storage-azcopy PR #1068) and "%12" (Azure/azure-storage-net issue #977,
//    whose SDK failed parsing the HTML page), and the page's text in Azure/azure-iot-sdk-c
//    issue #1288. The naming rules say the same (learn.microsoft.com/rest/api/storageservices/
//    naming-and-referencing-containers--blobs--and-metadata: control characters are not allowed).
// Escapes that are well-formed but not UTF-8, and %uXXXX, pass HTTP.sys (EnableNonUTF8 and
// PercentUAllowed are on by default); what a service then does is not documented. So is every
// answer of Key Vault, Data Lake, Graph and ARM to a malformed escape: those are not emulated.

export type EncodingProblem = 'invalid-escape' | 'control-character' | 'not-utf8';

const ESCAPE = /%([0-9A-Fa-f]{2})?/g;
const PERCENT_U = /^%u[0-9A-Fa-f]{4}/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What is wrong with the percent-encoding of `raw` (a path or a query), or undefined when it decodes as UTF-8. */
export function encodingProblem(raw: string): EncodingProblem | undefined {
  if (!raw.includes('%')) return undefined;
  let notUtf8 = false;
  for (const m of raw.matchAll(ESCAPE)) {
    if (m[1] !== undefined) continue;
    if (PERCENT_U.test(raw.slice(m.index))) notUtf8 = true;
    else return 'invalid-escape';
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return 'not-utf8';
  }
  if (notUtf8) return 'not-utf8';
  return CONTROL.test(decoded) ? 'control-character' : undefined;
}

/** decodeURIComponent that answers undefined instead of throwing on malformed input. */
export function decodeOrUndefined(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** What the not-emulated answer says about a problem. */
export function describeEncodingProblem(problem: EncodingProblem, where: 'path' | 'query'): string {
  const what = { 'invalid-escape': "a '%' not followed by two hex digits", 'control-character': 'an escape decoding to a control character', 'not-utf8': 'escapes that are not UTF-8' }[problem];
  return `malformed percent-encoding in the ${where} (${what})`;
}
