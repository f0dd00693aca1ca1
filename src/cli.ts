// Thin front over the library: each subcommand lives in commands/<name>.ts and exports `run(argv)`,
// loaded only when used so that `extract` does not pay for the emulator's imports.
import './zod-jitless.ts';
import { ToolError } from './errors.ts';

const commands = {
  run: 'Run tutorials against a target and write reports (default: every file in tutorials/).',
  extract: 'Print the model of one tutorial as JSON.',
  lint: 'Report static defects of tutorials (text, json or sarif).',
  emulator: 'Serve the embedded Azure emulator until SIGTERM.',
  sweep: 'Delete resources left by earlier live runs.',
  merge: 'Join shard reports into one report.',
} as const;
type CommandName = keyof typeof commands;

export interface Command {
  run(argv: string[]): Promise<number>;
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, text]) => `  ${name.padEnd(10)} ${text}`);
  return `usage: tutorial-conformance <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

/**
 * `… | head` closes stdout before a command is done: the command still finishes (a run still writes
 * its reports) and exits with its own code, without a stack trace for output nobody reads any more.
 */
function tolerateClosedStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

export async function main(argv: string[]): Promise<number> {
  tolerateClosedStdout();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (!isCommand(name)) {
    process.stderr.write(`tutorial-conformance: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    const mod = (await import(`./commands/${name}.ts`)) as Command;
    return await mod.run(rest);
  } catch (err) {
    if (err instanceof ToolError) {
      process.stderr.write(`tutorial-conformance ${name}: ${err.code}: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof Error && 'code' in err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes(`commands/${name}.ts`)) {
      process.stderr.write(`tutorial-conformance: the '${name}' command is not available in this build\n`);
      return 2;
    }
    throw err;
  }
}
