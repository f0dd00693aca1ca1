// The run command in-process (runCommand), its two streams captured apart, no colour, and an
// environment of the test's own (so a developer's NO_COLOR or a CI's GITHUB_STEP_SUMMARY does not
// change what is printed).
import type { CliEnvironment } from '../../src/cli/environment.ts';
import type { RunCommandIo } from '../../src/commands/run.ts';
import type { RunSecrets } from '../../src/run/secrets.ts';

export interface CapturedIo extends RunCommandIo {
  out(): string;
  err(): string;
  /** Every line of both streams, stderr's first. */
  lines(): string[];
}

export const QUIET_ENV: CliEnvironment = { noColor: undefined, forceColor: undefined, term: undefined, githubStepSummary: undefined, githubWorkspace: undefined, holdReportWriting: false };

export function captureIo(opts: { secrets?: RunSecrets; env?: Partial<CliEnvironment> } = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: { ...QUIET_ENV, ...opts.env },
    ...(opts.secrets !== undefined ? { secrets: opts.secrets } : {}),
    out: () => out,
    err: () => err,
    lines: () => `${err}${out}`.split('\n'),
  };
}
