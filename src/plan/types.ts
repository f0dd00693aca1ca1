// The plan of one tutorial: for every step, where each of its placeholders gets its value, which
// earlier steps it needs, and whether it is executed at all. Built before any request is sent, so an
// unbound placeholder stops the run with a message instead of a half-run tutorial.
import type { IncludeResolver } from '../parse/rendered.ts';
import type { Step, Tutorial, UnsupportedReason } from '../model.ts';
import type { Role } from '../world/roles.ts';
import type { Sidecar } from '../world/sidecar.ts';
import type { World } from '../world/types.ts';

/** Where a placeholder's value comes from. */
export type BindingSource =
  /** `--set KEY=VALUE` (or `--set role:ROLE=VALUE`, then `role` says which) on the command line. */
  | { kind: 'set'; value: string; role?: Role }
  /** The page's or its folder's sidecar (`file`), by placeholder or by `role`. */
  | { kind: 'sidecar'; value: string; file: string; role?: Role }
  /** The target's own values (the emulator scenario, or `.env` for a live subscription); by the placeholder's name, or what the target answers for its `role`. */
  | { kind: 'target'; value: string; target: string; role?: Role }
  /** The page's own world: the name it creates for this role elsewhere (`why` says where), or a new name for what it creates. */
  | { kind: 'world'; value: string; why: string; role?: Role }
  /** A field of an earlier step's response, as the parser linked them (`tutorial.captures`). */
  | { kind: 'capture'; producer: string; path: string; captureKey: string; reason: string }
  /** A shell variable an earlier `var=$(…)` step assigns. */
  | { kind: 'shell-variable'; producer: string; variable: string }
  /** What bash gives a variable nothing sets: the empty string (`"…?$filter=…"`: the page meant an OData option, bash expands a variable). */
  | { kind: 'unset'; value: ''; variable: string };

export interface Binding {
  key: string;
  /** The spellings to replace in this step's text: `<ACCESS TOKEN>`, `$access_token`. */
  spellings: string[];
  source: BindingSource;
}

export type DependencyReason = 'capture' | 'shell-variable' | 'file' | 'blob' | 'created-resource' | 'grant';

export interface Dependency {
  stepId: string;
  reason: DependencyReason;
  /** Human words for the report: "uses ACCESS_TOKEN captured from s1 (access_token)". */
  detail: string;
}

export type StepMode =
  | { kind: 'execute' }
  | { kind: 'manual'; why: string }
  /** Not selected by `--grep` and not needed by a selected step. */
  | { kind: 'skip'; why: string }
  /** It cannot run as planned (a placeholder nothing gives a value): `blocked` with this reason, its dependants too. */
  | { kind: 'blocked'; why: string }
  /** The tool does not run it at all (a PowerShell statement): `unsupported` with this reason. */
  | { kind: 'unsupported'; reason: UnsupportedReason; why: string };

export interface PlannedStep {
  step: Step;
  bindings: Binding[];
  dependsOn: Dependency[];
  mode: StepMode;
  /** The sidecar expects this step to fail, for this reason: a `fail` is reported as expected and does not count. */
  expectedFailure?: string;
}

/** What kept part of the tutorial from being planned, said once for the tutorial (the report's `problems`). */
export interface PlanProblem {
  code: string;
  line?: number;
  message: string;
}

export interface Plan {
  tutorial: Tutorial;
  steps: PlannedStep[];
  problems: PlanProblem[];
  /** What exists for this tutorial: the target seeds (or provisions) it before the tutorial runs. */
  world: World;
  sidecar: Sidecar;
}

export interface PlanOptions {
  /** Values the target supplies, by placeholder key (emulator scenario `values`, or `.env`). */
  targetValues: Readonly<Record<string, string>>;
  /** What the target answers for each role (its vault, its storage account, its subscription…). */
  targetRoles?: Readonly<Partial<Record<Role, string>>>;
  targetName: string;
  /** The page's sidecars, already read (default: read next to the page; a bad one is the plan's problem). */
  sidecar?: Sidecar;
  /** The page's text, for the prose the World reads (default: read from the file). */
  text?: string;
  /** Reads the page's `[!INCLUDE]`s, as the parse did (default: the docset root found from the page). */
  resolveInclude?: IncludeResolver;
  /** `--set KEY=VALUE`, by placeholder key. */
  sets: Readonly<Record<string, string>>;
  /** `--grep TEXT`: only steps whose text, tutorial title or file contains it (case-insensitive), plus what they need. */
  grep?: string;
  /**
   * Why the engine cannot run a step whatever its values (run/steps/support.ts). A step with an
   * unbound placeholder that the engine could not run anyway is `unsupported` for that reason, not
   * blocked asking for a --set that would not make it run.
   */
  unsupported?: (step: Step) => { reason: UnsupportedReason; why: string } | undefined;
}
