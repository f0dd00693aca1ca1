// What a command's own code rejects before it sends any request, after argparse accepted the words
// (az-args.ts): checks written at the top of the command's function in azure-cli, which the
// generated table cannot know. Read over the same AzRead as az's argument errors, so the runner can
// fail such a step with az's own words even where it has no REST equivalent for the command.
// Lint's az-create-for-rbac-role-scopes reports the same check on the page's words.
import { azArgumentError, readAzArgv, type AzRead } from './az-args.ts';

/** Azure/azure-cli src/azure-cli/azure/cli/command_modules/role/custom.py @01ce0346a4b9, create_service_principal_for_rbac (since 2.35.0, PR #21323). */
export const CREATE_FOR_RBAC_ROLE_SCOPES = 'Usage error: To create role assignments, specify both --role and --scopes.';

/** The value az gets for the parameter named `name` ('' for an empty one), or undefined when no word gives it. */
function given(argv: readonly string[], read: AzRead, name: string, show: (word: string) => string): string | undefined {
  let value: string | undefined;
  for (const o of read.options) {
    if (o.lookup.kind !== 'parameter' || !o.lookup.parameter.names.includes(name)) continue;
    value = o.inline !== undefined ? show(o.inline) : o.values.map((k) => show(argv[k] as string)).join(' ');
  }
  return value;
}

/**
 * The error the command's own code raises before any request, or undefined. Call it only when
 * azArgumentError found nothing (argparse stops first). `show` gives a word's value as bash would.
 */
export function azCommandValidatorError(argv: readonly string[], read: AzRead, show: (word: string) => string = (w) => w): string | undefined {
  if (read.found.kind !== 'command') return undefined;
  if (read.found.command.path === 'ad sp create-for-rbac') {
    // `if role and not scopes or not role and scopes`: Python truthiness, so an empty value counts as not given.
    const role = Boolean(given(argv, read, '--role', show));
    const scopes = Boolean(given(argv, read, '--scopes', show));
    if (role !== scopes) return CREATE_FOR_RBAC_ROLE_SCOPES;
  }
  return undefined;
}

/**
 * What az stops with, before any request: argparse's errors (`parse`, exit 2), then the checks at
 * the top of the command's own code (`own`, exit 1, as az's ArgumentUsageError and CLIError exit).
 */
export function azRejection(argv: readonly string[], show: (word: string) => string = (w) => w): { kind: 'parse' | 'own'; message: string } | undefined {
  const read = readAzArgv(argv);
  const parse = azArgumentError(argv, read, show);
  if (parse !== undefined) return { kind: 'parse', message: parse };
  const own = azCommandValidatorError(argv, read, show);
  return own === undefined ? undefined : { kind: 'own', message: own };
}
