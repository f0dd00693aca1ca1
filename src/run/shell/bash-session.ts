// One long-lived bash per tutorial: the reader's terminal. Each step's text is written to a file and
// sourced by that bash, so variables (`access_token=$(…)`), the working folder and functions carry
// over to later steps exactly as they would in one terminal; the step's stdout, stderr and status go
// to files of their own, and bash's own stdout carries nothing but the end-of-step markers.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { readCapped } from '../output-cap.ts';

export interface BashStepResult {
  stdout: Buffer;
  stderr: Buffer;
  exitCode: number;
  /** The values of the requested variables after the step (unset ones are absent). */
  variables: Record<string, string>;
  /** The step did not finish in time; the bash was killed and its state is gone. */
  timedOut: boolean;
  /** The step ended the bash itself (`exit`); the next step gets a fresh one. */
  shellExited: boolean;
}

export interface BashSessionOptions {
  cwd: string;
  env: Record<string, string>;
  /** Where the step files go (the run's private folder). */
  scratch: string;
}

function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Process groups of sessions still running; killed by one exit hook if the process ends first (a signal, an error). */
const liveGroups = new Set<number>();
let exitHooked = false;

function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const group of liveGroups) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

export class BashSession {
  readonly cwd: string;
  readonly #opts: BashSessionOptions;
  readonly #child: ResultPromise<{ stdin: 'pipe'; stdout: 'pipe'; stderr: 'pipe'; buffer: false; detached: true; reject: false }>;
  #stdout = '';
  #ended = false;
  #exitCode: number | undefined;
  #waiters: (() => void)[] = [];
  #counter = 0;

  constructor(opts: BashSessionOptions) {
    this.cwd = opts.cwd;
    this.#opts = opts;
    // No profile, no rc file, and only the environment the engine hands over: a machine's aliases,
    // proxies or CA overrides must not change what the tutorial's text does.
    this.#child = execa('bash', ['--noprofile', '--norc'], {
      cwd: opts.cwd,
      env: opts.env,
      extendEnv: false,
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      buffer: false,
      detached: true,
      reject: false,
    });
    // Its own process group (detached), so a terminal's Ctrl-C does not reach it: it is killed
    // with the group when the session closes, or when the process exits without closing it.
    if (this.#child.pid !== undefined) trackGroup(this.#child.pid);
    this.#child.stdout.setEncoding('utf8');
    this.#child.stdout.on('data', (chunk: string) => {
      this.#stdout += chunk;
      this.#wake();
    });
    // bash's own complaints outside any step (there should be none) are not a step's output.
    this.#child.stderr.resume();
    this.#child.stdin.on('error', () => undefined);
    void this.#child.then((r) => {
      if (this.#child.pid !== undefined) liveGroups.delete(this.#child.pid);
      this.#ended = true;
      this.#exitCode = r.exitCode ?? 128 + 9;
      this.#wake();
    });
  }

  get alive(): boolean {
    return !this.#ended;
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  #until(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const check = (): void => {
        if (predicate()) {
          clearTimeout(timer);
          resolve(true);
        } else this.#waiters.push(check);
      };
      check();
    });
  }

  /** Run `text` as the next thing typed into this terminal. */
  async run(text: string, opts: { timeoutMs: number; variables?: readonly string[] }): Promise<BashStepResult> {
    const n = ++this.#counter;
    const base = join(this.#opts.scratch, `step-${n}`);
    const files = { script: `${base}.sh`, out: `${base}.out`, err: `${base}.err`, rc: `${base}.rc`, vars: `${base}.vars` };
    await writeFile(files.script, text.endsWith('\n') ? text : `${text}\n`, { mode: 0o600 });
    const wanted = (opts.variables ?? []).filter((v) => VARIABLE.test(v));
    // "${v+set}" tells unset from empty; NUL separates values that may hold newlines.
    const dump = wanted.map((v) => `if [ -n "\${${v}+set}" ]; then printf '%s\\0%s\\0' ${sq(v)} "\$${v}"; fi`).join('; ');
    const marker = `__tc_step_${n}_done__`;
    const control = [
      `{ . ${sq(files.script)}; } > ${sq(files.out)} 2> ${sq(files.err)} < /dev/null`,
      `printf '%s' "$?" > ${sq(files.rc)}`,
      `{ ${dump || ':'}; } > ${sq(files.vars)}`,
      `printf '\\n%s\\n' ${sq(marker)}`,
    ].join('; ');
    if (this.#ended) throw new Error('the bash session has ended');
    this.#child.stdin.write(`${control}\n`);
    const done = await this.#until(() => this.#stdout.includes(`\n${marker}\n`) || this.#ended, opts.timeoutMs);
    const finished = this.#stdout.includes(`\n${marker}\n`);
    this.#stdout = '';
    if (!done) await this.close();
    const read = async (f: string): Promise<Buffer> => readFile(f).catch(() => Buffer.alloc(0));
    // A step printing 600 MB: only its head and tail are read (output-cap.ts).
    const output = async (f: string): Promise<Buffer> => (await readCapped(f)).bytes;
    const [stdout, stderr, rcText, varsRaw] = await Promise.all([output(files.out), output(files.err), read(files.rc), read(files.vars)]);
    const variables: Record<string, string> = {};
    const parts = varsRaw.toString('utf8').split('\0');
    for (let i = 0; i + 1 < parts.length; i += 2) variables[parts[i] ?? ''] = parts[i + 1] ?? '';
    await Promise.all(Object.values(files).map((f) => rm(f, { force: true })));
    const exitCode = finished ? Number(rcText.toString('utf8') || '0') : !done ? 124 : (this.#exitCode ?? 1);
    return { stdout, stderr, exitCode, variables, timedOut: !done, shellExited: !finished && done };
  }

  async close(): Promise<void> {
    if (this.#ended) return;
    this.#child.stdin.end();
    // The whole process group: a step's curl or background job goes with its terminal.
    const pid = this.#child.pid;
    if (pid !== undefined) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await this.#until(() => this.#ended, 5000);
  }
}
