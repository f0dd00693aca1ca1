// The help a command prints, generated from its option table (./options.ts): usage, what it does,
// its arguments, every option with its value, choices and default, its exit codes and examples.
import { HELP_OPTION, parserOptions, type CommandSpec, type OptionDef } from './options.ts';

const TOOL = 'tutorial-conformance';

/**
 * Words re-flowed for a column that starts at `indent` and ends at `width`: the caller writes the
 * first line's `indent` columns itself, the next lines are indented here.
 */
export function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  const room = Math.max(20, width - indent);
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${' '.repeat(indent)}${l}`)).join('\n');
}

/** `-o, --output FILE`, `--target emulator|azure`, `--verbose`. */
export function optionLabel(name: string, d: OptionDef): string {
  const flag = `${d.short !== undefined ? `-${d.short}, ` : '    '}--${name}`;
  if (d.type === 'boolean') return flag;
  return `${flag} ${d.choices !== undefined && d.value === undefined ? d.choices.join('|') : (d.value ?? 'VALUE')}`;
}

function defaultText(d: OptionDef): string | undefined {
  if (d.defaultText !== undefined) return d.defaultText;
  if (d.default === undefined || d.default === false) return undefined;
  return Array.isArray(d.default) ? d.default.join(', ') : String(d.default);
}

function optionLine(name: string, d: OptionDef, labelWidth: number, width: number): string {
  const parts = [d.description];
  if (d.aliasOf !== undefined) parts.push(`(same as ${d.aliasOf}; kept for compatibility)`);
  if (d.choices !== undefined && d.value !== undefined) parts.push(`(${d.choices.join(', ')})`);
  if (d.multiple === true) parts.push('(repeatable)');
  if (d.required === true) parts.push('(required)');
  const def = defaultText(d);
  if (def !== undefined) parts.push(`[default: ${def}]`);
  const label = `  ${optionLabel(name, d)}`;
  const indent = Math.min(labelWidth, 34) + 4;
  const head = label.length + 2 > indent ? `${label}\n${' '.repeat(indent)}` : label.padEnd(indent);
  return head + wrap(parts.join(' '), width, indent);
}

/** `tutorial-conformance help <command>`, `<command> --help`. */
export function commandHelp(spec: CommandSpec, width = 100): string {
  const options = Object.entries(parserOptions(spec));
  const labelWidth = Math.max(...options.map(([n, d]) => optionLabel(n, d).length + 2));
  const out: string[] = [];
  const args = spec.arguments === undefined ? '' : spec.arguments.exactlyOne === true ? ` <${spec.arguments.name}>` : ` [${spec.arguments.name}…]`;
  const required = Object.entries(spec.options).filter(([, d]) => d.required === true).map(([n, d]) => ` --${n} ${d.value ?? 'VALUE'}`).join('');
  out.push(`Usage: ${TOOL} ${spec.name}${args}${required} [options]`, '', wrap(spec.summary, width, 0));
  for (const p of spec.details ?? []) out.push('', wrap(p, width, 0));
  if (spec.arguments !== undefined) {
    const a = spec.arguments;
    out.push('', 'Arguments:', `  ${a.name}`, `      ${wrap(a.description + (a.defaultText !== undefined ? ` [default: ${a.defaultText}]` : ''), width, 6)}`);
  }
  out.push('', 'Options:', ...options.map(([n, d]) => optionLine(n, d, labelWidth, width)));
  out.push('', 'Exit codes:');
  const codeWidth = Math.max(...spec.exitCodes.map(([c]) => c.length));
  for (const [code, meaning] of spec.exitCodes) out.push(`  ${code.padEnd(codeWidth)}  ${wrap(meaning, width, codeWidth + 4)}`);
  if (spec.examples.length > 0) {
    out.push('', 'Examples:');
    for (const [cmd, what] of spec.examples) out.push(`  ${wrap(what, width, 2)}`, `      $ ${cmd}`);
  }
  return `${out.join('\n')}\n`;
}

export interface OverviewEntry {
  name: string;
  summary: string;
}

/** `tutorial-conformance help`, `--help`, and what a bare `tutorial-conformance` prints. */
export function overviewHelp(commands: readonly OverviewEntry[], environment: readonly (readonly [string, string])[], width = 100): string {
  const nameWidth = Math.max(...commands.map((c) => c.name.length));
  const envWidth = Math.max(...environment.map(([n]) => n.length));
  return [
    `Usage: ${TOOL} <command> [options]`,
    `       ${TOOL} help <command>     (or ${TOOL} <command> --help)`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(nameWidth)}  ${wrap(c.summary, width, nameWidth + 4)}`),
    '',
    'Options:',
    `  ${optionLabel('help', HELP_OPTION).padEnd(14)}  ${HELP_OPTION.description}`,
    `  ${'    --version'.padEnd(14)}  print the version (${TOOL} X.Y.Z) and exit`,
    '',
    'Environment:',
    ...environment.map(([n, what]) => `  ${n.padEnd(envWidth)}  ${wrap(what, width, envWidth + 4)}`),
    '',
  ].join('\n');
}
