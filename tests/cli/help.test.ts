// The CLI as people know it: --version, help generated from the same option tables the parser uses
// (so the help cannot drift from what the parser takes), usage errors that say what to do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { commandHelp, optionLabel } from '../../src/cli/help.ts';
import { parseCommand, parserOptions } from '../../src/cli/options.ts';
import { COMMAND_SPECS, LINT_REPORTERS, RUN_REPORTERS } from '../../src/cli/specs.ts';
import { ToolError } from '../../src/errors.ts';
import { reportersFor } from '../../src/report/reporters/index.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';

const bin = join(projectRoot, 'bin/tutorial-conformance.js');
const cli = (...args: string[]) => execa('node', [bin, ...args], { cwd: projectRoot, reject: false });

describe('--version and help', () => {
  it('--version prints the name and the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    const r = await cli('--version');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`tutorial-conformance ${pkg.version}`);
  });

  it('help run and run --help print the same generated help on stdout, exit 0', async () => {
    const [help, dashHelp, short] = await Promise.all([cli('help', 'run'), cli('run', '--help'), cli('run', '-h')]);
    for (const r of [help, dashHelp, short]) {
      expect(r.exitCode).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(dashHelp.stdout).toBe(help.stdout);
    expect(short.stdout).toBe(help.stdout);
    expect(`${help.stdout}\n`).toBe(commandHelp(COMMAND_SPECS.run));
  });

  // Derived from the option tables the parser reads: an option added to a table is in the help, or this fails.
  for (const spec of Object.values(COMMAND_SPECS)) {
    it(`help ${spec.name} describes every option its parser accepts, with value, choices and default, and the exit codes`, () => {
      const help = commandHelp(spec).replace(/\s+/g, ' '); // as read, whatever the wrapping
      for (const [name, def] of Object.entries(parserOptions(spec))) {
        expect(help).toContain(optionLabel(name, def).trim());
        if (def.choices !== undefined) for (const c of def.choices) expect(help).toContain(c);
        const shownDefault = def.defaultText ?? (typeof def.default === 'string' ? def.default : undefined);
        if (shownDefault !== undefined) expect(help).toContain(`[default: ${shownDefault}`);
        // …and the parser takes it.
        const argv = def.type === 'boolean' ? [`--${name}`] : [`--${name}`, def.choices?.[0] ?? 'x'];
        const required = Object.entries(spec.options).filter(([n, d]) => d.required === true && n !== name).flatMap(([n]) => [`--${n}`, 'x']);
        expect(() => parseCommand(spec, [...argv, ...required])).not.toThrow();
      }
      for (const [code, meaning] of spec.exitCodes) expect(help).toContain(`${code} ${meaning.replace(/\s+/g, ' ')}`);
      expect(help).toContain(' Examples: ');
    });
  }

  it("run's help lists the exit codes of design.md, 129/130/143 included", () => {
    const help = commandHelp(COMMAND_SPECS.run);
    for (const code of ['0', '1', '2', '129/130/143']) expect(help).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
  });

  it("defect: E_OUTPUT (a rendered report.json that would not parse, or a secret that cannot be redacted in it: exit 2, nothing written) was neither in run's --help nor in the README's exit-code table", async () => {
    // What the code does: the writer's refusal is a ToolError, and every ToolError is exit 2.
    const { sampleReport } = await import('../report/sample-report.ts');
    const { Redactor, renderReports } = await import('../../src/report/index.ts');
    const { report } = await sampleReport();
    const r = structuredClone(report);
    r.tutorials[0]!.steps[0]!.durationMs = 918273645546372;
    const redactor = new Redactor();
    redactor.add('918273645546372', 'numeric secret');
    const err = (() => { try { renderReports(r, ['json'], { redactor }); return undefined; } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(ToolError);
    expect([(err as ToolError).code, (err as ToolError).exitCode]).toEqual(['E_OUTPUT', 2]);
    // What the docs say about it: --help's row for 2 and the README's.
    const help = commandHelp(COMMAND_SPECS.run).replace(/\s+/g, ' ');
    expect(help).toMatch(/ 2 nothing could run:[^]*E_OUTPUT: a report\.json that would not parse, a secret that cannot be redacted; nothing is written[^]*; latest\/ untouched 129/);
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const row = readme.split('\n').find((l) => l.startsWith('| 2 | nothing could run'));
    expect(row).toMatch(/`E_OUTPUT`: a `report\.json` that would not parse as JSON, or a secret that cannot be redacted[^|]*nothing is written[^|]*\| `latest\/` untouched \|$/);
  });

  it('the --reporter choices are the names of the reporter registry', () => {
    expect([...RUN_REPORTERS].sort()).toEqual(reportersFor('run').sort());
    expect([...LINT_REPORTERS].sort()).toEqual(reportersFor('lint').sort());
  });

  it('help lists every command; a bare call prints it on stderr and exits 2; help of an unknown command exits 2', async () => {
    const [overview, bare, unknown] = await Promise.all([cli('help'), cli(), cli('help', 'nope')]);
    expect(overview.exitCode).toBe(0);
    for (const name of Object.keys(COMMAND_SPECS)) expect(overview.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(overview.stdout).toMatch(/NO_COLOR/);
    expect(bare.exitCode).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage: tutorial-conformance <command>');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/no command 'nope'; the commands are run, extract, lint/);
  });
});

describe('usage errors say what to do (exit 2, one line, no stack trace)', () => {
  const usage = (argv: string[]): ToolError => {
    try {
      parseCommand(COMMAND_SPECS.run, argv);
    } catch (err) {
      return err as ToolError;
    }
    throw new Error(`${argv.join(' ')} parsed`);
  };

  it.each([
    [['--gerp', 'x'], /unknown option --gerp \(did you mean --grep\?\)/],
    [['--target', 'cloud'], /--target must be emulator or azure, not 'cloud'/],
    [['--reporter', 'junit'], /--reporter must be one of default, json, github, not 'junit'/],
    [['--out'], /--out needs a value \(DIR\)/],
    [['--verbose=yes'], /--verbose takes no value/],
  ])('%j', (argv, message) => {
    const err = usage(argv);
    expect(err).toBeInstanceOf(ToolError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/see 'tutorial-conformance help run'/);
  });

  it('a required option is named with what it takes', () => {
    expect(() => parseCommand(COMMAND_SPECS.sweep, [])).toThrow(/--older-than is required \(AGE: /);
  });

  it('through the real CLI: one line on stderr, exit 2', async () => {
    const r = await cli('run', '--gerp', 'x');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("tutorial-conformance run: E_USAGE: unknown option --gerp (did you mean --grep?) (see 'tutorial-conformance help run')");
  });
});
