// Thin front over the library: `--version`, `help [command]`, `<command> --help` (generated from the
// command's option table in cli/specs.ts), then the command itself, from commands/<name>.ts, loaded
// only when used so that `extract` does not pay for the emulator's imports. A ToolError is one line
// on stderr and its exit code (2 for anything the user can fix), never a stack trace.
import './zod-jitless.ts';
import { ToolError } from './errors.ts';
import { commandHelp, overviewHelp } from './cli/help.ts';
import { parseCommand } from './cli/options.ts';
import { COMMAND_SPECS, ENVIRONMENT, type CommandName } from './cli/specs.ts';
import { toolIdentity } from './cli/version.ts';

export interface Command {
  run(argv: string[]): Promise<number>;
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_SPECS, name);
}

function overview(): string {
  return overviewHelp(
    Object.values(COMMAND_SPECS).map((s) => ({ name: s.name, summary: s.summary })),
    ENVIRONMENT,
  );
}

/**
 * A reader that went away (`… | head` closes stdout, a closed terminal makes writes fail with EIO)
 * does not end a command: a run still finishes, writes its reports and tears its target down, and
 * exits with its own code, without a stack trace for output nobody reads any more.
 */
function tolerateClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'EIO') throw err;
    });
  }
}

function fail(prefix: string, err: ToolError): number {
  process.stderr.write(`${prefix}: ${err.code}: ${err.message}\n`);
  return err.exitCode;
}

export async function main(argv: string[]): Promise<number> {
  tolerateClosedOutput();
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    const { name: tool, version } = toolIdentity();
    process.stdout.write(`${tool} ${version}\n`);
    return 0;
  }
  if (name === undefined) {
    process.stderr.write(overview());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      process.stdout.write(overview());
      return 0;
    }
    if (!isCommand(topic)) return fail('tutorial-conformance help', new ToolError('E_USAGE', `no command '${topic}'; the commands are ${Object.keys(COMMAND_SPECS).join(', ')}`));
    process.stdout.write(commandHelp(COMMAND_SPECS[topic], helpWidth()));
    return 0;
  }
  if (!isCommand(name)) {
    return fail('tutorial-conformance', new ToolError('E_USAGE', `unknown command '${name}'; the commands are ${Object.keys(COMMAND_SPECS).join(', ')} (see 'tutorial-conformance help')`));
  }
  try {
    // Parsed here first: --help and usage errors are answered before the command's modules load.
    if (parseCommand(COMMAND_SPECS[name], rest).help) {
      process.stdout.write(commandHelp(COMMAND_SPECS[name], helpWidth()));
      return 0;
    }
    const mod = (await import(`./commands/${name}.ts`)) as Command;
    return await mod.run(rest);
  } catch (err) {
    if (err instanceof ToolError) return fail(`tutorial-conformance ${name}`, err);
    if (err instanceof Error && 'code' in err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes(`commands/${name}.ts`)) {
      process.stderr.write(`tutorial-conformance: the '${name}' command is not available in this build\n`);
      return 2;
    }
    throw err;
  }
}

/** Help wraps at the terminal's width (80–120 columns), 100 when not on a terminal. */
function helpWidth(): number {
  const cols = process.stdout.isTTY ? process.stdout.columns : undefined;
  return cols === undefined ? 100 : Math.max(80, Math.min(120, cols));
}
