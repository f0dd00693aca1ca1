// What the CLI's presentation depends on in the environment, read once at start and handed down
// (run configuration, .env and the live settings, is config.ts's): colour, the GitHub Actions job
// summary and workspace, and the test hook that holds report writing so a test can interrupt it.
export interface CliEnvironment {
  /** NO_COLOR (https://no-color.org): set and non-empty turns colour off. */
  noColor: string | undefined;
  /** FORCE_COLOR: set turns colour on (0 or false: off); it wins over NO_COLOR, as in Node itself. */
  forceColor: string | undefined;
  term: string | undefined;
  /** GITHUB_STEP_SUMMARY: the file a GitHub Actions job summary is appended to. */
  githubStepSummary: string | undefined;
  /** GITHUB_WORKSPACE: the checked-out repository, the root annotation paths are relative to. */
  githubWorkspace: string | undefined;
  /** TC_TEST_HOLD_REPORT_WRITING=1: the reports wait, half written, for a signal (tests of interruption). */
  holdReportWriting: boolean;
}

export function readCliEnvironment(env: NodeJS.ProcessEnv = process.env): CliEnvironment {
  const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);
  return {
    noColor: env['NO_COLOR'],
    forceColor: env['FORCE_COLOR'],
    term: env['TERM'],
    githubStepSummary: nonEmpty(env['GITHUB_STEP_SUMMARY']),
    githubWorkspace: nonEmpty(env['GITHUB_WORKSPACE']),
    holdReportWriting: env['TC_TEST_HOLD_REPORT_WRITING'] === '1',
  };
}
