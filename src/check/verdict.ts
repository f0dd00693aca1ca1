// The vocabulary every later stage shares: verdicts, failure kinds and the evidence of one check.
// Zod schemas so report.json validates them; the TypeScript types are derived, never written twice.
// Reports (HTML, JUnit) switch on `FailureKind` and read the table below; they never parse a reason.
import { z } from 'zod';
import { UnsupportedReason } from '../model.ts';

/**
 * What check/ decides for a step that ran. `fail` is only ever the page's fault; what the tool or
 * its target cannot execute or judge is `unsupported`, with a reason from UNSUPPORTED_REASONS.
 */
export const CheckedVerdict = z.enum(['pass', 'drift', 'fail', 'unsupported']);
export type CheckedVerdict = z.infer<typeof CheckedVerdict>;

/** Every verdict a step can carry in a report; blocked/manual/skipped are decided by the runner. */
export const Verdict = z.enum(['pass', 'drift', 'fail', 'unsupported', 'blocked', 'manual', 'skipped']);
export type Verdict = z.infer<typeof Verdict>;
export const VERDICTS: readonly Verdict[] = Verdict.options;

export { UnsupportedReason } from '../model.ts';

export interface UnsupportedReasonInfo {
  title: string;
  /** What would run or judge the step: the reader's way out, never a judgement of the page. */
  runsIt: string;
}

export const UNSUPPORTED_REASONS: Readonly<Record<UnsupportedReason, UnsupportedReasonInfo>> = {
  'not-emulated': {
    title: 'Not served by the emulator',
    runsIt: 'A live subscription (--target azure) runs it; the emulator answers only what it models and says so for the rest.',
  },
  'az-no-equivalent': {
    title: 'az command without a REST equivalent here',
    runsIt: 'A REST equivalent in src/run/az/ would run it (both engines use them); this tool does not run the real Azure CLI.',
  },
  'az-extension': {
    title: 'Needs an Azure CLI extension',
    runsIt: 'The Azure CLI with that extension installed (az extension add --name <extension>) runs it; this tool runs no az extension.',
  },
  language: {
    title: 'Block language not run',
    runsIt: 'This tool runs bash and Azure CLI blocks, and Azure PowerShell statements whose cmdlets have a REST equivalent in src/run/powershell/; other PowerShell and other languages are listed, not run.',
  },
  'shell-construct': {
    title: 'Shell construct the http engine does not model',
    runsIt: '--engine shell runs this step in bash as written.',
  },
  'assumed-access': {
    title: "Access to a resource the page assumes",
    runsIt: "A sidecar grant (docs/conformance.yaml) or a prerequisite on the page that states the reader's access to the resource the page uses without creating it; the World never assumes a permission.",
  },
};

export const FailureKind = z.enum([
  'network-error',
  'timeout',
  'invalid-command',
  'az-usage',
  'unbound-placeholder',
  'shell-error',
  'no-response',
  'http-error-status',
  'token-audience-mismatch',
  'contract-broken',
  'output-mismatch',
  'exit-code',
]);
export type FailureKind = z.infer<typeof FailureKind>;

export interface FailureKindInfo {
  title: string;
  /** One sentence a doc writer can act on. */
  fix: string;
}

export const FAILURE_KINDS: Readonly<Record<FailureKind, FailureKindInfo>> = {
  'network-error': {
    title: 'No connection',
    fix: 'Check the host name and scheme in the command; an endpoint that no longer exists (a retired service, the legacy localhost:50342 MSI endpoint) must be replaced by its successor.',
  },
  timeout: { title: 'Timed out', fix: 'Check that the endpoint answers the request as written, or document the expected delay.' },
  'invalid-command': {
    title: 'Command cannot run as written',
    fix: 'Correct the command text: look-alike characters (en dashes, smart quotes, no-break spaces) or a malformed URL make the shell or curl reject it.',
  },
  'az-usage': {
    title: 'Azure CLI rejects the command',
    fix: 'Use the current az command name and options (see `az <group> --help`); renamed commands such as `az vm assign-identity` no longer exist.',
  },
  'unbound-placeholder': {
    title: 'A value was missing',
    fix: 'Say where the reader gets this value (which earlier response or which portal page), or supply it with --set.',
  },
  'shell-error': { title: 'Shell step failed', fix: 'Correct the shell command so that it runs in bash as written.' },
  'no-response': { title: 'No response', fix: 'The step produced neither a response nor an error; check the command.' },
  'http-error-status': {
    title: 'Error status',
    fix: 'Correct the request (URL, method, headers, body) or the access it needs, as the error body explains.',
  },
  'token-audience-mismatch': {
    title: 'Token audience mismatch',
    fix: 'Request the token for exactly the resource the target service accepts (the `resource` parameter becomes the token\'s `aud` byte for byte).',
  },
  'contract-broken': {
    title: 'Response breaks the REST contract',
    fix: 'The response does not match the operation\'s published schema; check the api-version the page uses.',
  },
  'output-mismatch': {
    title: 'Wrong result',
    fix: 'The command ran but did not produce what it should (content, size or hash differ from the data sent); correct the steps that feed it.',
  },
  'exit-code': {
    title: 'Non-zero exit status',
    fix: 'The command printed output but exited with an error; a reader\'s script would stop here.',
  },
};

export const DifferenceKind = z.enum(['missing', 'extra', 'type', 'value', 'format', 'status', 'header', 'claim']);
export type DifferenceKind = z.infer<typeof DifferenceKind>;

export const Difference = z.object({
  path: z.string(), // JSON pointer into the compared value ("/keys/0/permissions"), "status", "header:<name>", "claim:<name>"
  kind: DifferenceKind,
  expected: z.string().optional(),
  actual: z.string().optional(),
  message: z.string(),
});
export type Difference = z.infer<typeof Difference>;

export const CheckLayer = z.enum(['example', 'contract', 'literal']);
export type CheckLayer = z.infer<typeof CheckLayer>;

export const CheckResult = z.object({
  layer: CheckLayer,
  ok: z.boolean(),
  skipped: z.string().optional(), // why the layer had nothing to compare
  differences: z.array(Difference),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const StepCheck = z.object({
  verdict: CheckedVerdict,
  failure: FailureKind.optional(),
  unsupported: UnsupportedReason.optional(), // set exactly when verdict is 'unsupported'
  reason: z.string(),
  checks: z.array(CheckResult),
  suggestion: z.string().optional(),
});
export type StepCheck = z.infer<typeof StepCheck>;
