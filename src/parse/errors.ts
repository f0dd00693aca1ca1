// The parser's own error type. Every failure to read a tutorial or a command surfaces as a
// ParseError (code E_PARSE) or a ToolError (E_TUTORIAL_UNREADABLE), each naming file and line.
import { ToolError } from '../errors.ts';

export class ParseError extends ToolError {
  constructor(message: string, opts: { file?: string; line?: number; cause?: unknown } = {}) {
    super('E_PARSE', message, opts);
    this.name = 'ParseError';
  }
}
