// `az storage account keys list -n NAME [-g RG]`: without -g az finds the account's group first (the
// subscription's storage accounts, by name: "Storage account 'x' not found." otherwise), then POSTs
// listKeys and prints the keys array. The keys are secrets: the redactor gets each one before anything
// is printed (the exchange harvest would find them too; this does not depend on it).
import { ArmSession, azJson, callFailed, callPrinted } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { failed } from './command.ts';
import { STORAGE_API_VERSION } from './storage-account-create.ts';

/** A date-time as az prints one it deserialised (Python's isoformat: no fraction when it is zero, else microseconds). */
export function pythonIsoDate(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return text;
  const micro = (m[2] ?? '').padEnd(6, '0').slice(0, 6);
  return `${m[1]}${/^0+$/.test(micro) ? '' : `.${micro}`}${m[3] === 'Z' ? '+00:00' : m[3]}`;
}

export const storageAccountKeysList: AzCommandModule = {
  path: ['storage', 'account', 'keys', 'list'],
  options: [
    { dest: 'account-name', names: ['--account-name', '-n'], required: true },
    { dest: 'resource-group', names: ['--resource-group', '-g'] },
    { dest: 'expand-key-type', names: ['--expand-key-type'] },
  ],
  async run({ args, ctx }) {
    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const name = args['account-name'] ?? '';
    let id: string;
    if (args['resource-group'] !== undefined) id = `/subscriptions/${sub}/resourceGroups/${args['resource-group']}/providers/Microsoft.Storage/storageAccounts/${name}`;
    else {
      const list = await session.call('GET', `/subscriptions/${sub}/providers/Microsoft.Storage/storageAccounts?api-version=${STORAGE_API_VERSION}`);
      if (!list.ok) return callFailed(session, list);
      const found = (list.json as { value?: { id?: unknown; name?: unknown }[] } | undefined)?.value?.find((a) => a.name === name)?.id;
      if (typeof found !== 'string') return failed(`ERROR: Storage account '${name}' not found.`, { exchanges: session.exchanges });
      id = found;
    }
    const expand = args['expand-key-type'] !== undefined ? `&$expand=${args['expand-key-type']}` : '';
    const keys = await session.call('POST', `${id}/listKeys?api-version=${STORAGE_API_VERSION}${expand}`);
    if (!keys.ok || typeof keys.json !== 'object' || keys.json === null) {
      const out = callFailed(session, keys);
      // azure-cli maps an SDK 404 to ResourceNotFoundError: exit status 3.
      return keys.result.exchange.response?.status === 404 && out.output ? { ...out, output: { ...out.output, exitCode: 3 } } : out;
    }
    const list = ((keys.json as { keys?: Record<string, unknown>[] }).keys ?? []).map((k) => {
      if (typeof k.value === 'string') ctx.secrets.add(k.value, `storage account key ${String(k.keyName)} of ${name}`);
      return { ...k, creationTime: pythonIsoDate(k.creationTime) };
    });
    return callPrinted(session, azJson(list));
  },
};
