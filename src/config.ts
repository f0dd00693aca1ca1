// Configuration is read once, here and nowhere else: `.env` (dotenv) under the process environment,
// validated with zod, then handed to each layer as the sub-object it needs. Secrets (client secret,
// the GitHub OIDC request token) come only from the environment or an uncommitted `.env`; they are
// never logged, and `describeConfig` shows only whether they are set.
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { ToolError } from './errors.ts';
import { GUID } from './guid.ts';

const guid = z.string().regex(GUID, 'must be a GUID such as 00000000-0000-0000-0000-000000000000');

/** An origin (scheme, host, optional port) with no path, query or trailing slash. */
const origin = (schemes: readonly string[]) =>
  z
    .string()
    .trim()
    .transform((text, ctx) => {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be a URL such as ${schemes[0]}://example.net` });
        return z.NEVER;
      }
      if (!schemes.includes(url.protocol.replace(/:$/, ''))) {
        ctx.addIssue({ code: 'custom', message: `must use ${schemes.join(' or ')}` });
        return z.NEVER;
      }
      if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
        ctx.addIssue({ code: 'custom', message: 'must be an origin only (no path, query or fragment)' });
        return z.NEVER;
      }
      return url.origin;
    });

/** A DNS suffix such as "core.windows.net": labels only, no scheme, no leading dot. */
const dnsSuffix = z
  .string()
  .trim()
  .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'must be a DNS suffix such as core.windows.net (no scheme, no leading dot)')
  .transform((s) => s.toLowerCase());

/** "30s", "5m", "24h", "2d" or plain milliseconds. */
const duration = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a duration such as 500ms, 30s, 5m, 24h or 2d' });
      return z.NEVER;
    }
    return ms;
  });

const booleanText = z
  .string()
  .trim()
  .toLowerCase()
  .transform((text, ctx) => {
    if (['1', 'true', 'yes', 'on'].includes(text)) return true;
    if (['0', 'false', 'no', 'off', ''].includes(text)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

const positiveInt = (max: number) => z.coerce.number().int().min(0).max(max);

export const TOKEN_SOURCE_KINDS = ['auto', 'imds', 'azure-cli', 'client-secret', 'federated'] as const;

/**
 * The environment variables this tool reads, with their defaults. Every key here is documented in
 * `.env.example`; a test checks that the two lists agree.
 */
const EnvSchema = z.object({
  AZURE_SUBSCRIPTION_ID: guid,
  AZURE_TENANT_ID: guid,
  AZURE_CLIENT_ID: guid.optional(),
  AZURE_CLIENT_SECRET: z.string().min(1).optional(),
  TC_LOCATION: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+$/, 'must be an Azure region name such as westeurope (lower case, no spaces)')
    .default('westeurope'),
  TC_NAME_PREFIX: z
    .string()
    .trim()
    // Storage account names are 3–24 lower-case letters and digits and must hold prefix + run id.
    .regex(/^[a-z][a-z0-9]{1,7}$/, 'must be 2–8 lower-case letters or digits, starting with a letter (storage account names allow nothing else)')
    .default('tc'),
  TC_RUN_ID: z
    .string()
    .trim()
    .regex(/^[a-z0-9]{4,12}$/, 'must be 4–12 lower-case letters or digits')
    .optional(),
  TC_TOKEN_SOURCE: z.enum(TOKEN_SOURCE_KINDS).default('auto'),
  TC_AZ_COMMAND: z.string().trim().min(1).default('az'),
  TC_OIDC_AUDIENCE: z.string().trim().min(1).default('api://AzureADTokenExchange'),
  ACTIONS_ID_TOKEN_REQUEST_URL: z.string().trim().url('must be the URL GitHub Actions sets for OIDC token requests').optional(),
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: z.string().min(1).optional(),
  TC_ARM_ENDPOINT: origin(['https', 'http']).default('https://management.azure.com'),
  TC_ARM_AUDIENCE: z.string().trim().url().default('https://management.azure.com/'),
  AZURE_AUTHORITY_HOST: origin(['https', 'http']).default('https://login.microsoftonline.com'),
  TC_IMDS_ENDPOINT: origin(['http']).default('http://169.254.169.254'),
  TC_STORAGE_SUFFIX: dnsSuffix.default('core.windows.net'),
  TC_KEYVAULT_SUFFIX: dnsSuffix.default('vault.azure.net'),
  TC_DATALAKE_SUFFIX: dnsSuffix.default('azuredatalakestore.net'),
  TC_CA_FILE: z.string().trim().min(1).optional(),
  TC_RESOLVE: z.string().trim().default(''),
  TC_MAX_RETRIES: positiveInt(10).default(5),
  TC_RETRY_BASE_DELAY: duration.default(2000),
  TC_RETRY_MAX_DELAY: duration.default(60_000),
  TC_REQUEST_TIMEOUT: duration.default(60_000),
  TC_LRO_TIMEOUT: duration.default(15 * 60_000),
  TC_RBAC_PROPAGATION_TIMEOUT: duration.default(10 * 60_000),
  TC_IMDS_PROBE_TIMEOUT: duration.default(1000),
  TC_KEEP_RESOURCES: booleanText.default(false),
});
type Env = z.infer<typeof EnvSchema>;

/** The variable names, for `.env.example` and for error messages. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

/** What to set, per variable, when it is missing or wrong (the zod message says what is wrong). */
const HINTS: Partial<Record<keyof Env, string>> = {
  AZURE_SUBSCRIPTION_ID: 'set it to the test subscription id (az account show --query id -o tsv)',
  AZURE_TENANT_ID: 'set it to the Entra tenant id (az account show --query tenantId -o tsv)',
  AZURE_CLIENT_ID: 'set it to the application (client) id of the service principal or federated app registration',
  TC_TOKEN_SOURCE: `set one of ${TOKEN_SOURCE_KINDS.join(', ')}`,
  TC_RESOLVE: 'use host=address:port entries separated by commas, e.g. *.example.test=127.0.0.1:8443',
};

// ---------- the sub-objects each layer receives ----------

/** The Azure cloud's endpoints. Public Azure by default; tests point them at the emulator. */
export interface CloudEndpoints {
  /** Resource Manager origin, e.g. https://management.azure.com */
  arm: string;
  /** Resource string for ARM tokens (the `aud` ARM accepts). */
  armAudience: string;
  /** Entra authority host, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** IMDS origin, e.g. http://169.254.169.254 */
  imds: string;
  /** "<account>.blob.<storageSuffix>" */
  storageSuffix: string;
  /** "<vault>.<keyVaultSuffix>" */
  keyVaultSuffix: string;
  /** "<account>.<dataLakeSuffix>" */
  dataLakeSuffix: string;
}

/** How connections are made: extra trusted CA and host-name overrides for machines without DNS for the cloud. */
export interface NetworkConfig {
  /** PEM text of an extra CA to trust (added to Node's default roots, never replacing them). */
  caPem: string | undefined;
  /** Host pattern → address:port; `*.` matches any sub-domain. Empty on a normal machine. */
  resolve: ReadonlyArray<{ pattern: string; address: string; port: number }>;
  requestTimeoutMs: number;
}

export type TokenSourceConfig =
  | { kind: 'auto'; imds: ImdsSourceConfig; clientSecret?: ClientSecretConfig; federated?: FederatedConfig; azureCli: AzureCliConfig }
  | ({ kind: 'imds' } & ImdsSourceConfig)
  | ({ kind: 'azure-cli' } & AzureCliConfig)
  | ({ kind: 'client-secret' } & ClientSecretConfig)
  | ({ kind: 'federated' } & FederatedConfig);

export interface ImdsSourceConfig {
  endpoint: string;
  probeTimeoutMs: number;
  /** Resource of the token `auto` asks IMDS for to see whether a managed identity is usable here. */
  probeResource: string;
}
export interface AzureCliConfig {
  command: string;
  tenantId: string;
}
export interface ClientSecretConfig {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}
export interface FederatedConfig {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  /** GitHub Actions' ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN. */
  requestUrl: string;
  requestToken: string;
  audience: string;
}

export interface RetryConfig {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface ProvisioningConfig {
  subscriptionId: string;
  tenantId: string;
  location: string;
  prefix: string;
  runId: string;
  lroTimeoutMs: number;
  propagationTimeoutMs: number;
  keepResources: boolean;
}

export interface LiveConfig {
  cloud: CloudEndpoints;
  network: NetworkConfig;
  tokens: TokenSourceConfig;
  retry: RetryConfig;
  provisioning: ProvisioningConfig;
}

export interface ConfigSource {
  /** The environment; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** The dotenv file; defaults to ./.env (missing is fine). Environment variables win over it. */
  envFile?: string | null;
  /** Directory that relative paths (TC_CA_FILE) are read from; defaults to the current directory. */
  cwd?: string;
}

/** Read `.env` and the environment, validate, and build the live target's configuration. */
export function loadLiveConfig(source: ConfigSource = {}): LiveConfig {
  const cwd = source.cwd ?? process.cwd();
  const raw = readRawEnvironment(source, cwd);
  const env = validate(raw);
  return buildLiveConfig(env, cwd);
}

function readRawEnvironment(source: ConfigSource, cwd: string): Record<string, string> {
  const envFile = source.envFile === undefined ? resolve(cwd, '.env') : source.envFile;
  const fromFile: Record<string, string> = {};
  if (envFile !== null && existsSync(envFile)) {
    try {
      Object.assign(fromFile, parseDotenv(readFileSync(envFile)));
    } catch (err) {
      throw new ToolError('E_CONFIG', `cannot read ${envFile}: ${(err as Error).message}; fix or remove the file`, { cause: err });
    }
  }
  const env = source.env ?? process.env;
  const merged: Record<string, string> = { ...fromFile };
  for (const name of CONFIG_VARIABLES) {
    const value = env[name];
    if (value !== undefined) merged[name] = value;
  }
  // An empty assignment in .env ("AZURE_CLIENT_SECRET=") means "not set", not "set to nothing".
  for (const [name, value] of Object.entries(merged)) if (value === '') delete merged[name];
  return Object.fromEntries(CONFIG_VARIABLES.filter((n) => merged[n] !== undefined).map((n) => [n, merged[n] as string]));
}

function validate(raw: Record<string, string>): Env {
  const parsed = EnvSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '?') as keyof Env;
    const missing = raw[name] === undefined;
    const what = missing ? 'is not set' : `is invalid: ${issue.message}`;
    const hint = HINTS[name] ?? (missing ? 'set it in .env or the environment (see .env.example)' : 'see .env.example');
    return `${name} ${what}; ${hint}`;
  });
  throw new ToolError('E_CONFIG', `configuration for the live target is invalid:\n  ${problems.join('\n  ')}`);
}

function buildLiveConfig(env: Env, cwd: string): LiveConfig {
  const cloud: CloudEndpoints = {
    arm: env.TC_ARM_ENDPOINT,
    armAudience: env.TC_ARM_AUDIENCE,
    authorityHost: env.AZURE_AUTHORITY_HOST,
    imds: env.TC_IMDS_ENDPOINT,
    storageSuffix: env.TC_STORAGE_SUFFIX,
    keyVaultSuffix: env.TC_KEYVAULT_SUFFIX,
    dataLakeSuffix: env.TC_DATALAKE_SUFFIX,
  };
  const network: NetworkConfig = {
    caPem: env.TC_CA_FILE === undefined ? undefined : readCa(resolve(cwd, env.TC_CA_FILE)),
    resolve: parseResolve(env.TC_RESOLVE),
    requestTimeoutMs: env.TC_REQUEST_TIMEOUT,
  };
  if (env.TC_RETRY_BASE_DELAY > env.TC_RETRY_MAX_DELAY) {
    throw new ToolError('E_CONFIG', 'TC_RETRY_BASE_DELAY is larger than TC_RETRY_MAX_DELAY; set TC_RETRY_BASE_DELAY lower or TC_RETRY_MAX_DELAY higher');
  }
  return {
    cloud,
    network,
    tokens: tokenSourceConfig(env),
    retry: { maxRetries: env.TC_MAX_RETRIES, baseDelayMs: env.TC_RETRY_BASE_DELAY, maxDelayMs: env.TC_RETRY_MAX_DELAY },
    provisioning: {
      subscriptionId: env.AZURE_SUBSCRIPTION_ID.toLowerCase(),
      tenantId: env.AZURE_TENANT_ID.toLowerCase(),
      location: env.TC_LOCATION,
      prefix: env.TC_NAME_PREFIX,
      runId: env.TC_RUN_ID ?? newRunId(),
      lroTimeoutMs: env.TC_LRO_TIMEOUT,
      propagationTimeoutMs: env.TC_RBAC_PROPAGATION_TIMEOUT,
      keepResources: env.TC_KEEP_RESOURCES,
    },
  };
}

function tokenSourceConfig(env: Env): TokenSourceConfig {
  const imds: ImdsSourceConfig = { endpoint: env.TC_IMDS_ENDPOINT, probeTimeoutMs: env.TC_IMDS_PROBE_TIMEOUT, probeResource: env.TC_ARM_AUDIENCE };
  const azureCli: AzureCliConfig = { command: env.TC_AZ_COMMAND, tenantId: env.AZURE_TENANT_ID };
  const clientSecret: ClientSecretConfig | undefined =
    env.AZURE_CLIENT_ID !== undefined && env.AZURE_CLIENT_SECRET !== undefined
      ? { authorityHost: env.AZURE_AUTHORITY_HOST, tenantId: env.AZURE_TENANT_ID, clientId: env.AZURE_CLIENT_ID, clientSecret: env.AZURE_CLIENT_SECRET }
      : undefined;
  const federated: FederatedConfig | undefined =
    env.AZURE_CLIENT_ID !== undefined && env.ACTIONS_ID_TOKEN_REQUEST_URL !== undefined && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN !== undefined
      ? {
          authorityHost: env.AZURE_AUTHORITY_HOST,
          tenantId: env.AZURE_TENANT_ID,
          clientId: env.AZURE_CLIENT_ID,
          requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL,
          requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
          audience: env.TC_OIDC_AUDIENCE,
        }
      : undefined;
  switch (env.TC_TOKEN_SOURCE) {
    case 'auto':
      return { kind: 'auto', imds, azureCli, ...(clientSecret ? { clientSecret } : {}), ...(federated ? { federated } : {}) };
    case 'imds':
      return { kind: 'imds', ...imds };
    case 'azure-cli':
      return { kind: 'azure-cli', ...azureCli };
    case 'client-secret':
      if (!clientSecret) {
        throw new ToolError('E_CONFIG', `TC_TOKEN_SOURCE=client-secret needs ${missing(env, ['AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'])}; set them in the environment (the secret never in a committed file)`);
      }
      return { kind: 'client-secret', ...clientSecret };
    case 'federated':
      if (!federated) {
        throw new ToolError(
          'E_CONFIG',
          `TC_TOKEN_SOURCE=federated needs ${missing(env, ['AZURE_CLIENT_ID', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'])}; run in GitHub Actions with "permissions: id-token: write" and set AZURE_CLIENT_ID`,
        );
      }
      return { kind: 'federated', ...federated };
  }
}

function missing(env: Env, names: ReadonlyArray<keyof Env>): string {
  return names.filter((n) => env[n] === undefined).join(' and ');
}

function readCa(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ToolError('E_CONFIG', `TC_CA_FILE: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}); set it to a readable PEM file or unset it`, { cause: err });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ToolError('E_CONFIG', `TC_CA_FILE: ${path} holds no PEM certificate; set it to a PEM file with a CERTIFICATE block`);
  }
  return text;
}

/** "host=address:port,*.suffix=address:port" */
export function parseResolve(text: string): NetworkConfig['resolve'] {
  if (text.trim() === '') return [];
  return text.split(',').map((entry) => {
    const m = /^\s*(\*\.)?([a-z0-9.-]+)\s*=\s*([0-9a-f.:[\]]+):(\d{1,5})\s*$/i.exec(entry);
    const port = m ? Number(m[4]) : NaN;
    if (!m || port < 1 || port > 65535) {
      throw new ToolError('E_CONFIG', `TC_RESOLVE entry '${entry.trim()}' is invalid; ${HINTS.TC_RESOLVE}`);
    }
    return { pattern: `${m[1] ?? ''}${(m[2] as string).toLowerCase()}`, address: (m[3] as string).replace(/^\[|\]$/g, ''), port };
  });
}

export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) return undefined;
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'ms') as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * factor);
}

function newRunId(): string {
  // Eight base-36 characters: short enough for storage account names, unique enough per night.
  const n = randomBytes(6).readUIntBE(0, 6);
  return n.toString(36).padStart(8, '0').slice(-8);
}

/** A printable summary with secrets reduced to "set"/"not set". */
export function describeConfig(config: LiveConfig): Record<string, string> {
  const t = config.tokens;
  return {
    subscription: config.provisioning.subscriptionId,
    tenant: config.provisioning.tenantId,
    location: config.provisioning.location,
    prefix: config.provisioning.prefix,
    runId: config.provisioning.runId,
    tokenSource: t.kind,
    clientSecret: t.kind === 'client-secret' || (t.kind === 'auto' && t.clientSecret) ? 'set' : 'not set',
    arm: config.cloud.arm,
    authority: config.cloud.authorityHost,
  };
}
