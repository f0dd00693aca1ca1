// az's argument checking, with argparse's own words and order: a flag missing its value stops parsing
// ("expected one argument"), then missing required arguments, then words nobody recognised. What az
// would reject is an `az-usage` outcome with exit status 2, never a repaired command.
import type { AzCommand } from '../../model.ts';
import { substitute, type SubstitutionScope } from '../substitute.ts';

export interface OptionSpec {
  dest: string;
  /** As az lists them in messages: long name first, then short ("--container-name", "-c"). */
  names: string[];
  required?: boolean;
  /** Flags such as --no-progress take no value. */
  flag?: boolean;
}

export type ParsedArgs = { ok: true; values: Record<string, string>; flags: Set<string> } | { ok: false; message: string };

export class AzUsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Options every az command accepts; they change output, not what is sent. */
const GLOBAL: OptionSpec[] = [
  { dest: 'output', names: ['--output', '-o'] },
  { dest: 'query', names: ['--query'] },
  { dest: 'subscription', names: ['--subscription'] },
  { dest: 'verbose', names: ['--verbose'], flag: true },
  { dest: 'debug', names: ['--debug'], flag: true },
  { dest: 'only-show-errors', names: ['--only-show-errors'], flag: true },
];

export function parseArgs(cmd: AzCommand, specs: OptionSpec[], scope: SubstitutionScope, opts: { expand?: boolean } = {}): ParsedArgs {
  // Words bash already expanded (the shell engine) are final: a literal `$x` in them stays.
  const expand = (word: string): string => (opts.expand === false ? word : substitute(word, scope));
  const all = [...specs, ...GLOBAL];
  const out: Record<string, string> = {};
  const flags = new Set<string>();
  const unrecognized: string[] = [...cmd.positionals];
  for (const option of cmd.options) {
    const spec = all.find((s) => s.names.includes(option.name));
    if (!spec) {
      unrecognized.push(...option.raw);
      continue;
    }
    if (spec.flag) {
      flags.add(spec.dest);
      if (option.value !== null) unrecognized.push(option.value);
      continue;
    }
    if (option.value === null) return { ok: false, message: `argument ${spec.names.join('/')}: expected one argument` };
    out[spec.dest] = expand(option.value);
  }
  const missing = specs.filter((s) => s.required && out[s.dest] === undefined);
  if (missing.length > 0) return { ok: false, message: `the following arguments are required: ${missing.map((s) => s.names.join('/')).join(', ')}` };
  if (unrecognized.length > 0) return { ok: false, message: `unrecognized arguments: ${unrecognized.map(expand).join(' ')}` };
  return { ok: true, values: out, flags };
}
