// Tool errors: things the user can fix (bad input, bad configuration). Each has a stable code,
// names the file/line/setting involved, and maps to exit code 2 ("the run could not start").
export type ToolErrorCode =
  | 'E_USAGE' // bad command-line arguments
  | 'E_TUTORIAL_UNREADABLE' // missing, unreadable, empty or binary tutorial file
  | 'E_PARSE' // the tutorial text cannot be read into a model
  | 'E_PLACEHOLDER_UNBOUND' // a placeholder has no value source
  | 'E_CONFIG' // .env / environment settings invalid or missing
  | 'E_SCENARIO' // emulator scenario file invalid
  | 'E_TARGET' // target could not be started or reached
  | 'E_OUTPUT'; // an output location that cannot be written (checked before the first step), or a rendered report that cannot be written (report.json that would not parse, a secret that cannot be redacted)

export class ToolError extends Error {
  readonly code: ToolErrorCode;
  readonly exitCode: number;
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(code: ToolErrorCode, message: string, opts: { file?: string; line?: number; exitCode?: number; cause?: unknown } = {}) {
    super(opts.file ? `${opts.file}${opts.line ? `:${opts.line}` : ''}: ${message}` : message, { cause: opts.cause });
    this.name = 'ToolError';
    this.code = code;
    this.exitCode = opts.exitCode ?? 2;
    this.file = opts.file;
    this.line = opts.line;
  }
}
