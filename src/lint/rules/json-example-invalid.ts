// A JSON example the reader cannot use: a request body that the service would reject as malformed,
// or a response that no JSON tool (jq, a test) can read.
import type { Rule, RuleHit } from '../rule.ts';
import { withFix } from '../fix.ts';
import { jsonRepair } from '../json-repair.ts';
import type { LintDocument } from '../document.ts';
import type { Step } from '../../model.ts';
import { describeChar } from '../text.ts';
import { decodedTokens, partError } from '../decoded-token.ts';
import { readJoiningBrokenStrings } from '../../parse/json-reader.ts';

/** A line that stands for left-out content: "...", ". . .", "…", "(...)", "< JSON data removed for brevity. >". */
const ELISION = /^(?:\.{3}|\. \. \.|…|\(\.{3}\)|\[\.{3}\]|\/\/\s*\.{3}|(?:<|&lt;)[^>&]*(?:\.{3}|…|removed|omitted|truncated|brevity)[^>&]*(?:>|&gt;)),?$/i;
/**
 * A value elided in place: `"results": [...]`, `"metadata": {...}`, `[…]` — a member's value written
 * as a bracket around dots (azure-management-docs @d923d588 azure-arc/agents-tools-foundry-local/
 * mcp-server-overview.md shows a response's shape that way).
 */
const INLINE_ELISION = /(?:^|[:,[])\s*(?:\[\s*(?:\.{3}|…)\s*\]|\{\s*(?:\.{3}|…)\s*\})\s*(?:[,}\]]|$)/;
/** A member's or an element's value written as a bare placeholder: `: <true|false>`, `[<port>, …`. */
const VALUE_PLACEHOLDER = /([:[,]\s*)(?:<<[^<>"\n]+>>|<[^<>"\n]+>)(?=\s*[,}\]])/g;
/** A `//` comment after a member on its line (no quote after it, so not inside a string). */
const LINE_COMMENT = /([\s,{[])\/\/[^"\n]*$/gm;
/** The `$schema` of an ARM template (deploymentTemplate, subscriptionDeploymentTemplate…). */
const ARM_TEMPLATE = /"\$schema"\s*:\s*"https?:\/\/schema\.management\.azure\.com\/schemas\/[^"]*DeploymentTemplate\.json/i;
/**
 * A value written as an ARM template expression ("[parameters('app-title')]", "[variables('x')]"): the block is
 * a part of a template (azure-aks-docs deploy-application-az-cli.md shows a resource of one to copy from).
 */
const ARM_EXPRESSION = /:\s*"\[(?:parameters|variables|concat|resourceId|reference|format|uniqueString|resourceGroup|subscription)\(/;

/** White space outside JSON's four characters (RFC 8259 §2), which an editor or a web page may put in. */
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/u;
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/gu;

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export const jsonExampleInvalid: Rule = {
  id: 'json-example-invalid',
  name: 'JsonExampleInvalid',
  severity: 'error',
  shortDescription: 'A JSON example does not parse (comments, missing commas, trailing commas…).',
  fullDescription:
    'JSON has no comments and needs a comma between members. A request body copied from such an example is rejected by Azure Resource Manager with 400 (InvalidRequestContent); a response example that does not parse cannot be compared with a real response. Where the only fault is Unicode white space (U+00A0, U+202F…) between tokens, JSON.parse, jq and Python still refuse it (RFC 8259 §2 allows only space, tab, CR and LF), but Json.NET, which Azure Resource Manager reads request bodies with, skips any char.IsWhiteSpace (JsonTextReader.ParseObject/ParseValue): a warning that names the character. Where the only fault of a body sent to Azure Resource Manager (management.azure.com) is a trailing comma, JSON.parse, jq and Python refuse it, but Json.NET accepts trailing commas on purpose (\"It is on purpose. It is not configurable.\", JamesNK/Newtonsoft.Json#818): a warning. A value written as a bare placeholder (\"enabled\": <true|false>) is a template the reader fills in and is not reported. A schema sketch with such placeholders (\"interval\": <<int>>) and \"//\" notes on its members is said as a warning: no request sends it as written. So is an example with \"//\" comments that no command of the page comes after (a message format annotated member by member, as a protocol page writes a JWS header and payload): no step sends or reads it. An output that a JavaScript shell printed (mongosh\'s rs.status(): bare keys, single-quoted strings), a JSON Web Token shown decoded ({header}.{payload}.[Signature], as jwt.ms prints it: no service is sent it), an excerpt, an elided or cut-short output (a block fenced as output counts as one whichever command it follows, and an output block whose only fault is the comma after its last member was cut there) and an ARM template are said as warnings: they are not JSON as written, on purpose. So is a long string value written over several lines for display (an escaped JSON string broken after its commas) in a block no request sends: JSON strings hold no raw line break, but the breaks are layout; what else is wrong in such a block is reported as read with the string on one line.',
  help: 'Move explanations out of the JSON into the prose (or a table), and fix the syntax so that JSON.parse accepts the block.',
  check(doc) {
    const hits: RuleHit[] = [];
    // A JSON Web Token shown decoded ({header}.{payload}.[Signature]) is read part by part (decoded-token.ts):
    // no service is sent it, so what is wrong in a part is a warning, and the blocks the parser cut out of
    // the fence (a header ending "}.{", objects nested in the payload) are not judged on their own.
    const tokens = decodedTokens(doc);
    for (const { parts } of tokens) {
      for (const part of parts) {
        const error = partError(part);
        if (!error) continue;
        hits.push({
          line: error.line,
          column: error.column,
          severity: 'warning',
          message: `this part of a JSON Web Token shown decoded ({header}.{payload}.[signature], as a token decoder prints it) is not JSON: ${error.message}. No service is sent it, but a reader cannot read the claims with a JSON tool: fix the syntax (a missing comma or quote, an unclosed <placeholder>, bare keys).`,
        });
      }
    }
    const inToken = (line: number): boolean => tokens.some(({ fence }) => fence.open < line && line < fence.close);
    for (const block of doc.json) {
      if (inToken(block.json.source.startLine)) continue;
      const read = block.read;
      // V8 quotes the text around the error, line breaks included ("Unexpected token '.', ..."29",\n    [...]"
      // is not valid JSON"): a finding is one line of the report, so they are shown as spaces.
      const said = read.error?.message.replace(/\s*\n\s*/g, ' ');
      if (read.ok) continue;
      // A value the reader writes in: `"enabled": <true|false>` (azure-management-docs @d923d588
      // container-registry/how-to-continuous-patching.md's config file). With each such placeholder
      // replaced by a value the block parses: it is a template, not a syntax slip.
      if (parses(block.json.raw.replace(VALUE_PLACEHOLDER, '$1null'))) continue;
      const stepId = block.step?.id;
      const lines = block.json.raw.split('\n');
      // What the page does on purpose is no syntax error: an example that elides members ("...",
      // "< data removed for brevity >", a value written [...] or {...}), an excerpt cut from a longer output (the fence holds text
      // before the JSON starts), an ARM template (Azure Resource Manager reads templates with
      // Json.NET, which accepts comments and trailing commas). Said as a warning.
      let elision = lines.findIndex((l) => ELISION.test(l.trim()));
      if (elision < 0) elision = lines.findIndex((l) => INLINE_ELISION.test(l.trim()));
      // A value described in words: `{⏎Resource group create output⏎}` in a log the page shows
      // (azure-docs-cli create-azure-resources-at-scale.md): the whole object is elided.
      if (elision < 0 && lines.length === 3 && lines[0]!.trim() === '{' && /^[A-Za-z][\w -]*$/.test(lines[1]!.trim()) && lines[2]!.trim() === '}') elision = 1;
      // The reader may stop the block at a blank line before the elision: look past it.
      let after = block.json.source.endLine + 1;
      while (after <= doc.lineCount && doc.line(after).trim() === '') after++;
      if (elision < 0 && after <= doc.lineCount && ELISION.test(doc.line(after).trim())) elision = after - block.json.source.startLine;
      const elided = elision < lines.length ? lines[elision] : doc.line(after);
      // JSON.parse reads left to right: a slip it stops at before the elided line (the missing comma
      // after "kind": "vector" above ". . ." on azure-docs vector-search-how-to-query.md, reported by a
      // reader on the same page as MicrosoftDocs/azure-docs#119801) is no part of the elision. Only a
      // message that gives its position says where it stopped ("Unexpected token" is located by the
      // token's first use, which may be a number's dot above the elision).
      const stoppedAt = read.error && /position \d+/.test(read.error.message) ? read.error.line : undefined;
      if (elision >= 0 && elision < lines.length && stoppedAt !== undefined && stoppedAt < block.json.source.startLine + elision) elision = -1;
      // JSON members right before the value: the block is cut out of a longer output.
      const before = doc.line(block.json.source.startLine - 1).trim();
      const excerpt = /^["}\]]|[,{[]$/.test(before) && !/^(?:```|~~~)/.test(before);
      const template = ARM_TEMPLATE.test(block.json.raw) || ARM_EXPRESSION.test(block.json.raw);
      // What a command printed: a response, or a block fenced as output whichever step the parser tied
      // it to (the ```output block that prose introduces with "In the output, … For example:" is no body).
      const output = block.role === 'response' || block.language === 'output';
      // A string value written over several lines for display (a long escaped JSON string broken after its
      // commas): no JSON string holds a raw line break, but the breaks are layout, not a slip. A block that
      // parses once they are taken out is said as a warning; one that still does not is reported for what
      // is wrong besides (privacy-data-collection-and-reporting.md's usage payload also lacks its closing
      // braces). A body that a request sends (curl, an HTTP request, az rest --body) is sent as written, so
      // only what no request sends is let off: an output, or a payload shown to be read (upload-usage-data.md
      // shows an entry of the file az arcdata dc export writes).
      const sent = block.role === 'example' && (block.step?.kind === 'http' || (block.step?.kind === 'az' && /\s--body\b/.test(block.step.raw)));
      const joined = sent ? undefined : readJoiningBrokenStrings(read.lines);
      const wrapped = joined !== undefined && joined.error === undefined;
      // A trailing comma is where the writer slipped; JSON.parse stops at the brace after it.
      const comma = trailingComma(doc, read.error);
      // An output shown only in part, cut at its end: its last line ends inside a value ("…": {, a member
      // and its comma) and the fence closes (the VPN gateway CLI page's az network public-ip show), or, in
      // a block fenced as output, its only fault is the comma after its last member, kept where the members
      // after it were left out (the first five keys of az aks show, azure-aks-docs supported-kubernetes-versions.md).
      // A request body cut the same way is still sent as written, and a ```json block after a command may
      // be the file the reader writes next (a configuration the service parses), so neither is let off.
      const cutAtEnd = output && /[,{[:]$/.test(block.json.raw.trimEnd());
      const cutAtComma = block.language === 'output' && !cutAtEnd && comma !== undefined && parses(block.json.raw.replace(TRAILING_COMMA, '$1'));
      const cutShort = cutAtEnd || cutAtComma;
      // An output printed by a JavaScript shell (mongosh's rs.status(), node's console.log): bare keys
      // (`set: 'rs0'`) and no quoted one. Not JSON and not meant as JSON, whatever the fence says; a
      // request body written so is still sent as written, so only an output is let off.
      const printout = output && jsObjectPrintout(lines);
      const where = comma ?? { line: read.error?.line ?? block.json.source.startLine, column: read.error?.column ?? 1 };
      const commaNote = comma ? ` (a trailing comma after the last member, line ${comma.line})` : '';
      if (elision >= 0 || excerpt || template || cutShort || printout || wrapped) {
        const why = elision >= 0 && !printout ? `it elides part of the value (line ${block.json.source.startLine + elision}: ${JSON.stringify(elided?.trim())})` : excerpt ? 'it is an excerpt of a longer output' : template ? 'it is (a part of) an ARM template, which Azure Resource Manager reads with Json.NET (comments and trailing commas accepted)' : printout
          ? `it is a JavaScript object as a JavaScript shell prints it (mongosh, node: bare keys such as "${printout}:", single-quoted strings), not JSON`
          : wrapped ? `it writes a long string value over several lines for display (lines ${joined.breaks[0]}–${joined.breaks[joined.breaks.length - 1]! + 1}; a JSON string holds no raw line break, \\n is written instead)`
          : cutAtComma && comma ? `it is an output shown in part (the comma after its last member, line ${comma.line}, is where the rest was left out)` : 'it is an output cut short (its last line ends inside a value)';
        hits.push({
          ...where,
          ...(stepId ? { stepId } : {}),
          severity: 'warning',
          message: `this example is not JSON as written (${said ?? 'it does not parse'}${commaNote}), but ${why}: a reader cannot paste it into a JSON tool as it is.`,
        });
        continue;
      }
      // A block after a command is its output as often as a file the page has the reader write
      // (a settings file, a policy): say where it stands, not what it is.
      // (nor call a block that stands alone a request body: it is as often a response form or token claims).
      const what = block.role === 'response' && block.step ? `JSON block after the command of line ${block.step.source.startLine}` : 'JSON block';
      // A schema sketch the reader fills in: values written as placeholders ("interval": <<int>>) and
      // "//" notes on the members (azure-docs data-factory concepts-pipeline-execution-triggers.md's
      // schedule trigger definition). Not JSON to paste, and said so, but no request sends it as written:
      // a warning, like the placeholders alone (which are not reported at all).
      const filled = block.json.raw.replace(VALUE_PLACEHOLDER, '$1null');
      if (read.commentLines.length > 0 && filled !== block.json.raw && parses(filled.replace(LINE_COMMENT, '$1'))) {
        const first = read.commentLines[0];
        hits.push({
          line: first?.line ?? block.json.source.startLine,
          column: (first?.text.indexOf('//') ?? 0) + 1,
          ...(stepId ? { stepId } : {}),
          severity: 'warning',
          message: `this example is a template to fill in (values written as placeholders such as ${/<<?[^<>"\n]+>>?/.exec(block.json.raw)?.[0]}) with "//" notes on its members (lines ${read.commentLines.map((l) => l.line).join(', ')}): JSON has no comments, so once filled in it still does not parse until the notes are removed. Put the notes in the prose or a table and keep the JSON bare.`,
        });
        continue;
      }
      if (read.commentLines.length > 0) {
        const first = read.commentLines[0];
        const lines = read.commentLines.map((l) => l.line);
        // An example that no command of the page comes after is no body a step sends and no file one
        // reads: a message format annotated member by member (azure-security-docs attestation/
        // virtualization-based-security-protocol.md's JWS header and payload, "// aik_pub is represented
        // as a JSON Web Key"). Its notes are not JSON, but nothing refuses them where the page stands.
        if (block.role === 'example' && stepId === undefined) {
          hits.push({
            line: first?.line ?? block.json.source.startLine,
            column: (first?.text.indexOf('//') ?? 0) + 1,
            endLine: lines[lines.length - 1],
            severity: 'warning',
            message: `this JSON block has "//" comments (lines ${lines.join(', ')}), which JSON does not allow (JSON.parse: "${said}"); no command of the page sends or reads it, so it describes a format, but a reader who copies it must strip them first. Put the explanations in the prose and keep the JSON bare.`,
          });
          continue;
        }
        hits.push({
          line: first?.line ?? block.json.source.startLine,
          column: (first?.text.indexOf('//') ?? 0) + 1,
          endLine: lines[lines.length - 1],
          ...(stepId ? { stepId } : {}),
          message: `this ${what} has "//" comments (lines ${lines.join(', ')}), which JSON does not allow: JSON.parse fails with "${said}"${block.role === 'example' ? ', and a request body written this way is rejected with 400' : ''}. Put the explanations in the prose and keep the JSON bare.`,
        });
        continue;
      }
      // The value closed early and the block goes on (a brace too many): say so, not "a missing comma".
      const extra = /after JSON/i.test(read.error?.message ?? '') ? ` (the JSON value is complete before line ${where.line}; ${JSON.stringify(doc.line(where.line).trim())} there is one closing bracket too many)` : '';
      // Unicode white space (U+00A0, U+202F…) where JSON allows only space, tab, CR and LF: JSON.parse,
      // jq and Python refuse it, but Json.NET, which Azure Resource Manager reads bodies with, skips
      // any char.IsWhiteSpace (JsonTextReader.ParseObject), so the request may well succeed. When
      // those characters are all that is wrong, say so as a warning and name them: the reader
      // cannot see them (U+202F after "{" on azure-arc api-extended-security-updates.md).
      const at = doc.line(where.line).charAt(where.column - 1);
      if (UNICODE_SPACE.test(at) && parses(block.json.raw.replace(UNICODE_SPACES, ' '))) {
        hits.push({
          ...where,
          ...(stepId ? { stepId } : {}),
          severity: 'warning',
          message: `this ${what} is not JSON as written: ${read.error?.message} (the character there is ${describeChar(at)}, which JSON does not accept as white space: only space, tab, CR and LF). JSON.parse, jq and Python reject it; Azure Resource Manager's Json.NET skips it. Replace the invisible spaces with ordinary ones.`,
        });
        continue;
      }
      // Trailing commas in a body sent to Azure Resource Manager: JSON.parse, jq and Python refuse them,
      // but Json.NET, which ARM reads request bodies with, accepts them on purpose ("It is on purpose.
      // It is not configurable.", JamesNK/Newtonsoft.Json#818), so the request may well succeed. When
      // they are all that is wrong, a warning (azure-docs synapse-analytics sql-data-warehouse-manage-compute-rest-api.md's
      // maintenance window body).
      if (comma && block.role === 'example' && sentToArm(doc, block.step, block.json.source.startLine) && parses(block.json.raw.replace(TRAILING_COMMA, '$1'))) {
        hits.push({
          ...where,
          ...(stepId ? { stepId } : {}),
          severity: 'warning',
          message: `this ${what} is not JSON as written${commaNote}: JSON.parse, jq and Python reject it (${said}), while Azure Resource Manager's Json.NET accepts trailing commas. Delete the comma after the last member so that the body is JSON every tool reads.`,
          ...withFix(jsonRepair(doc, read)),
        });
        continue;
      }
      // Strings written over several lines are layout: what JSON.parse says once they are joined is the slip.
      if (joined?.error) {
        hits.push({
          line: joined.error.line,
          column: joined.error.column,
          ...(stepId ? { stepId } : {}),
          message: `this ${what} is not valid JSON: ${joined.error.message.replace(/\s*\n\s*/g, ' ').replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '')} (once the string value written over lines ${joined.breaks[0]}–${joined.breaks[joined.breaks.length - 1]! + 1} for display is read as one line). Fix the syntax (a missing comma, quote or closing bracket) so that the block parses.`,
        });
        continue;
      }
      hits.push({
        ...where,
        ...(stepId ? { stepId } : {}),
        message: `this ${what} is not valid JSON: ${said}${commaNote}${extra}. Fix the syntax (${extra ? 'remove what follows the value' : 'a missing comma or quote, a trailing comma'}) so that the block parses.`,
        ...withFix(jsonRepair(doc, read)),
      });
    }
    return hits;
  },
};

/**
 * The first bare key of an object as a JavaScript shell prints it: braces, two or more members with
 * bare keys and none with a quoted one, and single-quoted strings (`set: 'rs0'`); else undefined. A
 * YAML-like text in brackets (kubectl describe's `Name: x`) has no single-quoted string.
 */
function jsObjectPrintout(lines: readonly string[]): string | undefined {
  if (!/^\s*[{[]/.test(lines.find((l) => l.trim() !== '') ?? '')) return undefined;
  const bare = lines.map((l) => /^\s*([A-Za-z_$][\w$]*)\s*:(?!\/\/)/.exec(l)?.[1]).filter((k): k is string => k !== undefined);
  const quoted = lines.some((l) => /^\s*"[^"]*"\s*:/.test(l));
  const singleQuoted = lines.some((l) => /:\s*'[^']*'/.test(l));
  return bare.length >= 2 && !quoted && singleQuoted ? bare[0] : undefined;
}

/** A comma before a closing brace or bracket (white space between). */
const TRAILING_COMMA = /,(\s*[}\]])/g;

const ARM_URL = /^https:\/\/management\.azure\.com\//i;
const REQUEST_LINE = /^(?:PUT|POST|PATCH)\s+(\S+)/;

/**
 * Whether the body is sent to Azure Resource Manager: its step's URL (a raw request line or curl), or,
 * for a body the parser tied to no step, the request line above it in the same block.
 */
function sentToArm(doc: LintDocument, step: Step | undefined, start: number): boolean {
  if (step) return step.kind === 'http' && ARM_URL.test(step.curl.url.trim());
  for (let n = start - 1; n >= 1 && n >= start - 5; n--) {
    const t = doc.line(n).replace(/^[\s>]*/, '');
    if (/^(?:```|~~~)/.test(t)) return false;
    const m = REQUEST_LINE.exec(t);
    if (m) return ARM_URL.test(m[1]!);
  }
  return false;
}

/** The comma right before the closing brace or bracket where JSON.parse stopped, if that is what it is. */
function trailingComma(doc: LintDocument, error: { line: number; column: number } | undefined): { line: number; column: number } | undefined {
  if (!error) return undefined;
  const closing = doc.line(error.line).charAt(error.column - 1);
  if (closing !== '}' && closing !== ']') return undefined;
  let line = error.line;
  let column = error.column - 1;
  for (let guard = 0; guard < 20; guard++) {
    const text = doc.line(line).slice(0, column).replace(/\s+$/, '');
    if (text !== '') return text.endsWith(',') ? { line, column: text.length } : undefined;
    line--;
    if (line < 1) return undefined;
    column = doc.line(line).length;
  }
  return undefined;
}
