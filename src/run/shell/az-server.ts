// The other front door to the az equivalents: the `az` shim on a shell run's PATH posts its argv here
// (a Unix socket in the run's 0700 folder, plus a per-run nonce), and the step's own context runs it
// through `runAzStep`, the very function the http engine calls. So both engines share one token
// cache, one connector (emulator routing or the live target, TLS verified), one argument checker and
// one output printer; the shim only relays stdout, stderr and the exit status.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { rm } from 'node:fs/promises';
import type { AzStep, Step } from '../../model.ts';
import { parseAzArgv } from '../../parse/az.ts';
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import { errorKindOf } from '../http/send.ts';
import { runAzStep } from '../steps/az.ts';

export interface AzInvocationRecord {
  argv: string[];
  outcome: StepOutcome;
}

/** What the step being run lends to the az commands its text starts. */
export interface AzStepScope {
  step: Step;
  ctx: StepContext;
  invocations: AzInvocationRecord[];
  /** A runner bug inside an az equivalent: rethrown by the engine, never turned into a verdict. */
  bug?: unknown;
}

export interface AzServer {
  socket: string;
  nonce: string;
  /** Set while a step runs; az calls outside a step are refused. */
  scope: AzStepScope | undefined;
  close(): Promise<void>;
}

interface AzRequest {
  argv: string[];
  cwd: string;
  /** The AZURE_STORAGE_* variables exported in the step's shell (az reads its storage credentials there). */
  env?: Record<string, string>;
}

function isAzRequest(v: unknown): v is AzRequest {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const env = o.env;
  const envOk = env === undefined || (typeof env === 'object' && env !== null && Object.values(env).every((x) => typeof x === 'string'));
  return Array.isArray(o.argv) && o.argv.every((a) => typeof a === 'string') && typeof o.cwd === 'string' && envOk;
}

/** The az command as the model describes it, carrying the source of the step whose text ran it. */
function azStepFor(step: Step, argv: string[]): AzStep {
  const { id, source, raw, section, marks, placeholders, expectation, fence } = step;
  return { id, source, raw, section, marks, placeholders, ...(expectation ? { expectation } : {}), ...(fence !== undefined ? { fence } : {}), kind: 'az', az: parseAzArgv(argv) };
}

async function runOne(scope: AzStepScope, request: AzRequest): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  // bash already expanded the words: the equivalents get no values or variables to substitute again.
  const env = new Map(Object.entries(request.env ?? {}).filter(([name]) => name.startsWith('AZURE_STORAGE_')));
  const ctx: StepContext = { ...scope.ctx, values: [], env, workdir: request.cwd, expanded: true };
  let result: StepOutcome;
  try {
    result = await runAzStep(azStepFor(scope.step, request.argv), ctx);
  } catch (err) {
    if (err && typeof err === 'object' && 'code' in err) result = outcome({ engine: 'http', error: errorKindOf(err, ctx.connector.ownServer) });
    else {
      scope.bug ??= err;
      return { stdout: '', stderr: `ERROR: internal error in the az equivalent: ${err instanceof Error ? err.message : String(err)}\n`, exitCode: 1 };
    }
  }
  scope.invocations.push({ argv: request.argv, outcome: result });
  // An outcome without printed output (not emulated, connection failure) still ends az with a message.
  return result.output ?? { stdout: '', stderr: `ERROR: ${result.error?.message ?? 'the command produced no result'}\n`, exitCode: 1 };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: { stdout: string; stderr: string; exitCode: number }): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Another shim's errand on the same socket (the curl shim's trace: curl-shim.ts), answered as the az shim's are. */
export type ShimRoute = (request: unknown) => Promise<{ stdout: string; stderr: string; exitCode: number }>;

export async function startAzServer(socket: string, routes: Readonly<Record<string, ShimRoute>> = {}): Promise<AzServer> {
  const nonce = randomBytes(18).toString('base64url');
  const state: AzServer = {
    socket,
    nonce,
    scope: undefined,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(socket, { force: true });
    },
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.headers['x-tc-nonce'] !== nonce) return answer(res, 403, { stdout: '', stderr: 'ERROR: this az server belongs to another run\n', exitCode: 1 });
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readBody(req));
      } catch {
        parsed = undefined;
      }
      const route = req.url !== undefined && Object.hasOwn(routes, req.url) ? routes[req.url] : undefined;
      if (route) return answer(res, 200, await route(parsed));
      if (!isAzRequest(parsed)) return answer(res, 400, { stdout: '', stderr: 'ERROR: malformed request from the az shim\n', exitCode: 1 });
      const scope = state.scope;
      if (!scope) return answer(res, 409, { stdout: '', stderr: 'ERROR: az was called outside a tutorial step\n', exitCode: 1 });
      answer(res, 200, await runOne(scope, parsed));
    })().catch((err: unknown) => {
      if (!res.headersSent) answer(res, 500, { stdout: '', stderr: `ERROR: ${err instanceof Error ? err.message : String(err)}\n`, exitCode: 1 });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  return state;
}
