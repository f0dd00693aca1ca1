// The tutorial model: the single source of truth for what a tutorial says.
// Every later stage (plan, run, check, report, lint) reads these types and nothing else from parse/.
// Schemas are zod so that `extract` output, golden fixtures and report.json can be validated, and
// the TypeScript types are derived from them rather than written twice.
import { z } from 'zod';

/**
 * Why the tool or its target cannot execute or judge a step (the verdict `unsupported`): a closed
 * list shared by parse (a block language it does not run), run (an endpoint the emulator does not
 * serve, an az command without an equivalent, a shell construct the http engine does not model) and
 * report. check/verdict.ts says what would run each.
 */
export const UnsupportedReason = z.enum(['not-emulated', 'az-no-equivalent', 'az-extension', 'language', 'shell-construct', 'assumed-access']);
export type UnsupportedReason = z.infer<typeof UnsupportedReason>;

/** A place in a source file. Lines are 1-based and inclusive; columns are 1-based UTF-16 offsets. */
export const SourceRange = z.object({
  file: z.string(), // path relative to the project root, e.g. "tutorials/000-storage.md"
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
});
export type SourceRange = z.infer<typeof SourceRange>;

/** Where a tutorial file came from: its seed file and the seed line of the tutorial's line 1. */
export const SeedRef = z.object({
  file: z.string(), // seed file name in vendor/seeds
  firstLine: z.number().int().positive(),
});
export type SeedRef = z.infer<typeof SeedRef>;

/**
 * A character that a reader copying the text would not expect: never repaired, only marked, so that
 * the runner executes it as written and lint/report can say what bash and curl will do with it.
 */
export const CharMarkKind = z.enum([
  'en-dash', // U+2013 where "-" belongs, e.g. "–-request"
  'em-dash', // U+2014
  'smart-quote', // U+2018/2019/201C/201D used as shell quotes
  'nbsp', // U+00A0, glued to an argument or trailing after a command
  'non-ascii-space', // other Unicode spaces (U+2000–U+200A, U+202F, U+205F, U+3000)
  'zero-width', // U+200B–U+200D, U+2060, U+FEFF
  'mojibake', // UTF-8 read as Windows-1252, such as "â€™"
  'other-non-ascii',
]);
export type CharMarkKind = z.infer<typeof CharMarkKind>;

export const CharMark = z.object({
  kind: CharMarkKind,
  text: z.string(), // the offending characters exactly as written
  codePoints: z.array(z.string()), // e.g. ["U+2013"]
  line: z.number().int().positive(), // file line
  column: z.number().int().positive(),
});
export type CharMark = z.infer<typeof CharMark>;

/** One spelling of a placeholder at one place. */
export const PlaceholderOccurrence = z.object({
  spelling: z.string(), // exactly as written: "<ACCESS TOKEN>", "<ACCESS-TOKEN>", "$access_token"
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  stepId: z.string().optional(), // absent when the placeholder is in prose
  inProse: z.boolean(),
});
export type PlaceholderOccurrence = z.infer<typeof PlaceholderOccurrence>;

/**
 * A value the reader must supply, normalised to one key: upper case, words joined by "_"
 * ("<ACCESS TOKEN>", "<ACCESS_TOKEN>", "<ACCESS-TOKEN>" → "ACCESS_TOKEN"). Misspelt twins such as
 * "<SUBSCRIPTON ID>" keep their own key and are linked through `similarTo`.
 */
export const Placeholder = z.object({
  key: z.string(),
  spellings: z.array(z.string()),
  occurrences: z.array(PlaceholderOccurrence),
  similarTo: z.array(z.string()).default([]), // keys within a small edit distance
});
export type Placeholder = z.infer<typeof Placeholder>;

export const Header = z.object({
  name: z.string(), // as written, before the first ":" (may carry marked characters)
  value: z.string(), // as written after ":" with leading ASCII spaces removed; nothing else trimmed
  raw: z.string(), // the whole argument as the shell would pass it
});
export type Header = z.infer<typeof Header>;

export const CurlBody = z.object({
  flag: z.enum(['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '-F', '--form']),
  value: z.string(),
});
export type CurlBody = z.infer<typeof CurlBody>;

/** A curl command line, as bash would split it and curl would read it. */
export const CurlCommand = z.object({
  method: z.string(), // effective method: -X value as written, else POST/PUT implied by -d/-T, else GET
  methodExplicit: z.boolean(), // true when -X/--request gave it
  url: z.string(), // as written (placeholders included), after shell unquoting
  headers: z.array(Header),
  data: z.array(CurlBody), // in order; several -d are joined with "&" by curl
  uploadFile: z.string().optional(), // -T/--upload-file
  followRedirects: z.boolean(), // -L
  includeHeaders: z.boolean(), // -i
  get: z.boolean(), // -G/--get: data goes to the query string
  silent: z.boolean(),
  extraUrls: z.array(z.string()), // further positional words curl would treat as URLs
  unknownFlags: z.array(z.string()), // flags curl does not know or the parser does not model
  argv: z.array(z.string()), // the words after "curl", exactly as bash passes them
});
export type CurlCommand = z.infer<typeof CurlCommand>;

export const AzOption = z.object({
  name: z.string(), // as written, e.g. "--account-name", "-g", "-–identities"
  value: z.string().nullable(), // null when the flag has no value
  raw: z.array(z.string()), // words as bash passes them
});
export type AzOption = z.infer<typeof AzOption>;

export const AzCommand = z.object({
  path: z.array(z.string()), // ["storage", "blob", "upload"], ["vm", "assign-identity"], ["login"]
  options: z.array(AzOption),
  positionals: z.array(z.string()),
  argv: z.array(z.string()),
  // Lines written under the command as if they continued it, but without a trailing "\": bash runs
  // each as a command of its own, so they are not part of argv (000-storage-sas.md's az lines).
  detachedLines: z.array(z.object({ line: z.number().int().positive(), argv: z.array(z.string()) })).optional(),
});
export type AzCommand = z.infer<typeof AzCommand>;

/** Shell lines that are neither curl nor az, or that wrap one of them. */
export const ShellAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('write-file'), file: z.string(), content: z.string(), append: z.boolean() }), // echo "…" > file
  z.object({
    kind: z.literal('assign'), // var=$(curl … | jq -r '.x')
    variable: z.string(),
    curl: CurlCommand.optional(),
    jqFilter: z.string().optional(),
    // var=$(az … [| tr -d 'SET' …]): the az command, and the characters the tr filters delete from
    // what az prints (absent when the substitution is az alone; the tail is anything else: no `az`).
    az: AzCommand.optional(),
    trDelete: z.string().optional(),
    pipeline: z.string(), // the text inside $( … ), or the value itself when `literal`
    literal: z.boolean().optional(), // var=value with no command substitution: bash just sets it
    // A value whose only purpose is to be new each run (unique names): `$(openssl rand -hex N)` or
    // `let "var=$RANDOM*$RANDOM"` (bash arithmetic over $RANDOM and digits). Any such value will do.
    generator: z.enum(['openssl-rand-hex', 'bash-random']).optional(),
    // `read [-p prompt] var`: the value is what the reader types (`pipeline` is `$var`, bound like a
    // placeholder: --set, sidecar, World); parse/read-prompts.ts.
    read: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('comment'), text: z.string() }),
  z.object({ kind: z.literal('other'), argv: z.array(z.string()) }),
]);
export type ShellAction = z.infer<typeof ShellAction>;

// ---------- block language ----------

/**
 * What a fenced block holds, from its info string (language.ts has the table): `shell` (bash,
 * azurecli, azurecli-interactive, azure-cli, console, sh, shell, zsh, terminal), `powershell` (powershell,
 * azurepowershell*, pwsh, ps1), `cmd` (cmd, bat, batch: Windows' command prompt), `json`, `yaml`, `xml`, `http`, `output` (output, text), `other`
 * (anything else, an empty info string included). Absent when the text is not in a fence.
 */
export const BlockLanguage = z.enum(['shell', 'powershell', 'cmd', 'json', 'yaml', 'xml', 'http', 'output', 'other']);
export type BlockLanguage = z.infer<typeof BlockLanguage>;

// ---------- expectations: what the page shows after a step ----------

export const JsonExpectation = z.object({
  kind: z.literal('json'),
  source: SourceRange,
  raw: z.string(), // the lines exactly as written
  text: z.string(), // the JSON text, without a leading progress line
  progressLine: z.string().optional(), // "Finished[####…]  100.0000%"
  valid: z.boolean(), // JSON.parse accepted `text` as written
  parseError: z.string().optional(),
  hasComments: z.boolean(), // "//" comments were present (text is then invalid JSON)
  value: z.unknown().optional(), // the parsed value; for invalid JSON, the best-effort shape read with comments removed
  elided: z.array(z.string()), // JSON pointers of string values shortened with "..." ("eyJ0eXAi...")
  language: BlockLanguage.optional(), // the fenced block the JSON was read from
});
export type JsonExpectation = z.infer<typeof JsonExpectation>;

export const HttpExchange = z.object({
  line: z.number().int().positive(),
  httpVersion: z.string(),
  status: z.number().int(),
  reason: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string(), line: z.number().int().positive() })),
});
export type HttpExchange = z.infer<typeof HttpExchange>;

export const HttpExpectation = z.object({
  kind: z.literal('http'),
  source: SourceRange,
  raw: z.string(),
  exchanges: z.array(HttpExchange), // every status line in order (100 Continue, 307, 201 …)
  body: z.string().optional(),
  language: BlockLanguage.optional(), // the fenced block the transcript was read from
});
export type HttpExpectation = z.infer<typeof HttpExpectation>;

export const TextExpectation = z.object({
  kind: z.literal('text'),
  source: SourceRange,
  raw: z.string(),
  text: z.string(), // trimmed of the block's indentation only
  language: BlockLanguage.optional(), // the fenced block the text was read from
});
export type TextExpectation = z.infer<typeof TextExpectation>;

export const Expectation = z.discriminatedUnion('kind', [JsonExpectation, HttpExpectation, TextExpectation]);
export type Expectation = z.infer<typeof Expectation>;

/**
 * A JSON example that is not a response: the body parameters the prose lists before a request, or
 * the body written with an HTTP request (in its block or the block right after it). `bodyOf` is the
 * id of the request step that sends it as its body; without it, the example belongs to the step after it.
 */
export const Example = z.object({ source: SourceRange, json: JsonExpectation, bodyOf: z.string().optional() });
export type Example = z.infer<typeof Example>;

// ---------- PowerShell statements (parse/powershell-words.ts reads them) ----------

export const PsValueKind = z.enum([
  'string', // '…' or a single-quoted here-string: literal
  'expandable', // "…" or a double-quoted here-string: `$var`, `$(…)` expand
  'bare', // an unquoted argument-mode word: a string to PowerShell
  'variable', // $name, ${name}, $env:NAME
  'member', // $x.Prop, $x[0], $x.Method()
  'subexpression', // $( … ) or ( … )
  'hashtable', // @{ … }
  'array', // @( … ) or a comma list a,b
  'scriptblock', // { … }
  'splat', // @name
  'number',
  'bool', // $true / $false
  'null', // $null
  'expression', // anything else in expression mode ("a" + $b, [type]::Member, -not $x)
]);
export type PsValueKind = z.infer<typeof PsValueKind>;

export interface PsValue {
  kind: PsValueKind;
  /** The value as written (quotes included). */
  text: string;
  /** A string's content ('string', 'expandable': quotes removed, escapes as written); the variable's name ('variable', 'member', 'splat'). */
  content?: string;
  /** Variables the value reads, lower-cased, without `$` (PowerShell's names compare without case). */
  variables?: string[];
  /** A hashtable's keys as written. */
  keys?: string[];
  /**
   * A literal hashtable's entries, in order: the key, the offset of its first character (inside its quotes), and the
   * value when it is one token (what a splat binds; an expression or a nested hashtable is not read).
   */
  entries?: { key: string; keyOffset: number; value?: PsValue }[];
  /** The elements of an argument-mode comma list `a, b`. */
  items?: PsValue[];
  /** Offset of the value's first character in the step's raw text. */
  offset: number;
}
export const PsValue: z.ZodType<PsValue> = z.lazy(() =>
  z.object({
    kind: PsValueKind,
    text: z.string(),
    content: z.string().optional(),
    variables: z.array(z.string()).optional(),
    keys: z.array(z.string()).optional(),
    entries: z.array(z.object({ key: z.string(), keyOffset: z.number().int(), value: PsValue.optional() })).optional(),
    items: z.array(PsValue).optional(),
    offset: z.number().int(),
  }),
);

export const PsArg = z.object({
  param: z.string().optional(), // the parameter as written, without its `-`
  value: PsValue.optional(), // attached (`-Name:value`) or a word standing alone (binding pairs `-Name value`)
  offset: z.number().int(), // of the argument's first character in the raw text
});
export type PsArg = z.infer<typeof PsArg>;

export const PsCommand = z.object({
  name: z.string(), // as written (`New-AzVM`, `az`, `./run.ps1`); '' when the element is an expression
  args: z.array(PsArg),
  expression: PsValue.optional(), // the element is an expression (`$vm | …`, `$x = 'a'`)
  invocation: z.enum(['&', '.']).optional(),
  redirections: z.array(z.string()).optional(), // `> out.txt`, `2>&1`
  offset: z.number().int(),
});
export type PsCommand = z.infer<typeof PsCommand>;

export const PsStatement = z.object({
  assignTo: z.string().optional(), // `$rg = …` → "rg" (as written, scope removed)
  assignOp: z.string().optional(), // `=`, `+=` …
  pipeline: z.array(PsCommand), // empty for a keyword statement
  keyword: z.string().optional(), // if, foreach, function, try…: read by keyword, body not read
  start: z.number().int(),
  end: z.number().int(),
});
export type PsStatement = z.infer<typeof PsStatement>;

// ---------- steps ----------

const StepBase = z.object({
  id: z.string(), // "s1", "s2", … in document order, stable for a given file
  source: SourceRange, // the command's own lines (included steps keep their own file)
  raw: z.string(), // the command text exactly as written (all continuation lines)
  section: z.string(), // nearest heading above the step
  marks: z.array(CharMark), // look-alike characters inside the command
  placeholders: z.array(z.string()), // placeholder keys used by the command
  expectation: Expectation.optional(), // the response the page shows after the step
  fence: z.string().optional(), // the fence info string when the step came from a fenced block ("bash", "azurecli", "")
  language: BlockLanguage.optional(), // the class of that fence's language (present exactly when `fence` is)
  // What bash does with the line beyond the one command the step models (a pipe into jq, `&&`
  // another command, a $( … ) in an argument): the http engine does not run such a step.
  shellConstruct: z.string().optional(),
  // Where the step is written when that is a DocFX tab or zone pivot (absent outside both): the id
  // of its innermost tab as written ("linux", "linux+macos") and its zone's pivots ("python,csharp").
  tab: z.string().optional(),
  pivot: z.string().optional(),
  // The page's own words that this command fails ("The `az` command fails because it's missing the
  // required `--location` parameter."): a failure it shows on purpose (parse/shown-failing.ts).
  shownFailing: z.string().optional(),
  // An az step whose first word is no Azure CLI command but one the page defines (an alias of the alias
  // extension, `az alias create --name rg`) or a stand-in for any command (`az some-command`): why this
  // tool neither runs nor judges it (parse/az-stand-ins.ts).
  azStandIn: z.object({ kind: z.enum(['alias', 'stand-in']), message: z.string() }).optional(),
});

/**
 * An HTTP request written as the protocol writes it (`PUT https://management.azure.com/…?api-version=…`,
 * header lines, a body) in an http, rest or unlabelled fence, as REST how-to pages show them: no
 * shell reads it, and the reader sends it with a REST client that signs them in (the page rarely
 * shows the Authorization header). `curl` is the same request as curl would send it.
 */
export const HttpRequestForm = z.object({
  httpVersion: z.string().optional(), // "HTTP/1.1" when the request line names it
  // The body when it is the JSON block written right after the request's own block ("request and
  // body"), not inside it; `curl.data` holds its text.
  bodySource: SourceRange.optional(),
});
export type HttpRequestForm = z.infer<typeof HttpRequestForm>;

export const HttpStep = StepBase.extend({ kind: z.literal('http'), curl: CurlCommand, request: HttpRequestForm.optional() });
export const AzStep = StepBase.extend({ kind: z.literal('az'), az: AzCommand });
// `powershell`: the statements of a PowerShell step (language 'powershell'), read once for lint and run.
export const ShellStep = StepBase.extend({ kind: z.literal('shell'), shell: ShellAction, powershell: z.array(PsStatement).optional() });
export const ManualStep = StepBase.extend({
  kind: z.literal('manual'),
  // Portal instructions the runner cannot perform; `creates` names what the step sets up so that
  // the plan can see that a later step's resource has a stated prerequisite.
  creates: z.array(z.string()),
});

export const Step = z.discriminatedUnion('kind', [HttpStep, AzStep, ShellStep, ManualStep]);
export type Step = z.infer<typeof Step>;
export type HttpStep = z.infer<typeof HttpStep>;
export type AzStep = z.infer<typeof AzStep>;
export type ShellStep = z.infer<typeof ShellStep>;
export type ManualStep = z.infer<typeof ManualStep>;
export type StepKind = Step['kind'];

/**
 * Which earlier step's response supplies a value a later step consumes. `path` is a small JSON path
 * into the producer's response (`access_token`, `keys[0].value`, `serviceSasToken`, `clientId`).
 */
export const Capture = z.object({
  key: z.string(), // placeholder key or shell variable ("ACCESS_TOKEN", "$access_token")
  producer: z.string(), // step id
  path: z.string(),
  consumers: z.array(z.string()), // step ids
  reason: z.string(), // why the parser linked them, e.g. "prose: 'with the token returned in the previous step'"
});
export type Capture = z.infer<typeof Capture>;

export const Section = z.object({
  title: z.string(),
  level: z.number().int().min(1).max(6),
  line: z.number().int().positive(),
});
export type Section = z.infer<typeof Section>;

/** Something the parser noticed but did not fail on: an unterminated fence, an unknown curl flag… */
export const ParseDiagnostic = z.object({
  code: z.string(), // stable id, e.g. "unterminated-fence", "unknown-curl-flag", "missing-include"
  severity: z.enum(['error', 'warning', 'info']),
  line: z.number().int().positive(),
  file: z.string(),
  message: z.string(),
});
export type ParseDiagnostic = z.infer<typeof ParseDiagnostic>;

/**
 * One path through a page with tabs or zone pivots: the reader chose tab id `tab` (every group
 * with that id shows it, the others their first tab) and pivot `pivot`. `name` is how goldens and
 * reports call it: "tab=linux", "pivot=python", "tab=linux;pivot=python".
 */
export const Variant = z.object({
  name: z.string(),
  tab: z.string().optional(),
  pivot: z.string().optional(),
  steps: z.array(z.string()), // ids of the steps this variant shows, in order
  examples: z.array(z.number().int().nonnegative()), // indexes into Tutorial.examples
});
export type Variant = z.infer<typeof Variant>;

export const Tutorial = z.object({
  title: z.string(),
  file: z.string(), // path relative to the project root
  form: z.enum(['docfx', 'rendered']),
  seed: SeedRef.optional(),
  sections: z.array(Section),
  steps: z.array(Step),
  examples: z.array(Example), // JSON shown as request parameters rather than responses
  placeholders: z.array(Placeholder),
  captures: z.array(Capture),
  diagnostics: z.array(ParseDiagnostic),
  lineCount: z.number().int().nonnegative(),
  // Present when tabs or zone pivots give the page more than one path; each is run on its own.
  variants: z.array(Variant).optional(),
});
export type Tutorial = z.infer<typeof Tutorial>;
