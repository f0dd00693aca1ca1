// What executing one step produced: the evidence that check/ judges and report/ shows.
// Engines (http, shell) and az equivalents all produce this one shape, so checks never care how a
// step was executed.
import { z } from 'zod';
import { UnsupportedReason } from '../model.ts';

export const HeaderList = z.array(z.tuple([z.string(), z.string()]));
export type HeaderList = z.infer<typeof HeaderList>;

export const ObservedRequest = z.object({
  method: z.string(),
  url: z.string(), // exactly what was sent (placeholders substituted)
  headers: HeaderList,
  body: z.string().optional(), // UTF-8 text, or base64 when `bodyEncoding` says so
  bodyEncoding: z.enum(['utf8', 'base64']).default('utf8'),
});
export type ObservedRequest = z.infer<typeof ObservedRequest>;

export const ObservedResponse = z.object({
  status: z.number().int(),
  statusText: z.string(),
  httpVersion: z.string().default('1.1'),
  headers: HeaderList,
  body: z.string(), // UTF-8 text (binary bodies base64 with bodyEncoding)
  bodyEncoding: z.enum(['utf8', 'base64']).default('utf8'),
  json: z.unknown().optional(), // parsed body when it is JSON
});
export type ObservedResponse = z.infer<typeof ObservedResponse>;

/** One HTTP round trip. A step may make several (redirects, az commands that GET then PUT). */
export const ObservedExchange = z.object({
  request: ObservedRequest,
  response: ObservedResponse.optional(), // absent on a network error
  /** Interim responses the client saw before the final one (100 Continue). */
  interim: z.array(z.object({ status: z.number().int(), statusText: z.string() })).default([]),
  durationMs: z.number().nonnegative(),
});
export type ObservedExchange = z.infer<typeof ObservedExchange>;

/** Why a step could not produce a response at all. A closed union: reports switch on `kind`. */
export const ExecutionErrorKind = z.enum([
  'network', // connection refused/reset, DNS failure, TLS error
  'timeout',
  'invalid-command', // the text cannot be executed as written (curl would reject it: bad URL, unknown flag…)
  'az-usage', // az would reject its arguments (unknown command, missing value, unknown role)
  'unsupported', // the tool or target cannot execute this (see `unsupported`); never a pass, never the page's fault
  'unbound-placeholder', // a value was missing at run time (a capture that produced nothing)
  'shell', // a shell step failed (file not found, non-zero exit)
]);
export type ExecutionErrorKind = z.infer<typeof ExecutionErrorKind>;

export const ExecutionError = z.object({ kind: ExecutionErrorKind, message: z.string(), unsupported: UnsupportedReason.optional() });
export type ExecutionError = z.infer<typeof ExecutionError>;

export const Observation = z.object({
  stepId: z.string(),
  engine: z.enum(['http', 'shell']),
  startedAt: z.string(), // ISO time
  durationMs: z.number().nonnegative(),
  exchanges: z.array(ObservedExchange),
  /** What the reader would see on the terminal: curl's output (with -i, the headers too), az's printed JSON. */
  output: z.object({ stdout: z.string(), stderr: z.string(), exitCode: z.number().int() }).optional(),
  /** Files the step wrote in the run's working folder (echo > file, az storage blob download -f). */
  files: z.array(z.object({ path: z.string(), content: z.string() })).default([]),
  error: ExecutionError.optional(),
  /** Values bound into this step, by placeholder key (already substituted into the request). */
  bindings: z.record(z.string(), z.string()).default({}),
  /** Values this step produced for later steps (capture key → value). */
  captured: z.record(z.string(), z.string()).default({}),
  /** Where the live target substituted a token source for IMDS, say which (shown in the report). */
  substitution: z.string().optional(),
});
export type Observation = z.infer<typeof Observation>;
