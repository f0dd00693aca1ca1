// `az webapp|functionapp config appsettings set|list|delete`, as azure-cli's appservice/custom.py
// (Azure/azure-cli @00429bd37d87f5951917c692a2e3a8ea497c01e1) does them:
// - set (update_app_settings; functionapp first reads the site, check_language_runtime and
//   is_centauri_functionapp): POST config/appsettings/list, merge the --settings / --slot-settings
//   (`NAME=value`, or JSON, as shell_safe_json_parse reads them), PUT config/appsettings with the whole
//   set; slot settings then GET and PUT config/slotConfigNames. Printed redacted (_redact_appsettings:
//   every value null, with az's warning) — values never reach the output.
// - list (get_app_settings): POST config/appsettings/list, GET the site (is_centauri/is_flex), GET
//   slotConfigNames; printed with values. A value that is a secret by its name or shape (a connection
//   string, a key, a password) becomes a secret of the run before anything is printed.
// - delete (delete_app_settings): POST list, GET the site, GET slotConfigNames, (PUT slotConfigNames
//   when a sticky one goes), PUT config/appsettings; printed redacted.
import { ArmSession, azJson, callFailed, callPrinted, type ArmCall } from './arm.ts';
import { azError, type AzCommandModule, type AzInvocation } from './command.ts';
import type { StepOutcome } from '../context.ts';
import { WEB_API_VERSION, printedWarning, siteNotFound } from './app-service.ts';

/** az's warning when it prints app settings redacted (custom.py _redact_appsettings). */
export const REDACTED_WARNING = 'App settings have been redacted. Use `az webapp/logicapp/functionapp config appsettings list` to view.';

/** A setting value that is a secret of the run: by its name or by its shape (connection strings, keys, passwords, SAS). */
export function isSecretSetting(name: string, value: string): boolean {
  if (value.length < 8) return false;
  if (/(?:key|secret|password|pwd|token|connection_?string|connstr|sas|credential)/i.test(name) || /^AzureWebJobsStorage$/i.test(name)) return true;
  return /(?:^|;)\s*(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|InstrumentationKey)=/i.test(value) || /[?&]sig=/.test(value);
}

interface SiteCalls {
  session: ArmSession;
  base: string;
}

function siteOf({ args, ctx }: AzInvocation): SiteCalls {
  const session = new ArmSession(ctx);
  const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
  return { session, base: `/subscriptions/${sub}/resourceGroups/${args['resource-group'] ?? ''}/providers/Microsoft.Web/sites/${args.name ?? ''}` };
}

const failedCall = (session: ArmSession, call: ArmCall): StepOutcome => (call.result.exchange.response?.status === 404 ? siteNotFound(session, call) : callFailed(session, call));

/** --settings / --slot-settings words as update_app_settings reads them: JSON (an object, or the list output) else NAME=value. */
function readSettings(words: readonly string[], slot: boolean, result: Record<string, string>, sticky: Map<string, boolean>): string | undefined {
  for (const word of words) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(word);
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed)) {
      for (const t of parsed as { name?: unknown; value?: unknown; slotSetting?: unknown }[]) {
        const name = String(t.name);
        if ('slotSetting' in t) sticky.set(name, t.slotSetting === true);
        else if (slot) sticky.set(name, true);
        result[name] = String(t.value);
      }
    } else if (parsed !== null && typeof parsed === 'object') {
      for (const [k, v] of Object.entries(parsed)) {
        result[k] = String(v);
        if (slot) sticky.set(k, true);
      }
    } else {
      const eq = word.indexOf('=');
      // Python's `s.split('=', 1)` into two names fails for a word without '=': az's ValueError.
      if (eq < 0) return `not enough values to unpack (expected 2, got 1)`;
      result[word.slice(0, eq)] = word.slice(eq + 1);
      if (slot) sticky.set(word.slice(0, eq), true);
    }
  }
  return undefined;
}

function output(properties: Record<string, string | null>, stickyNames: readonly string[]): { name: string; slotSetting: boolean; value: string | null }[] {
  return Object.keys(properties).map((name) => ({ name, slotSetting: stickyNames.includes(name), value: properties[name] ?? null }));
}

async function slotNames(calls: SiteCalls): Promise<{ names: string[]; call: ArmCall }> {
  const call = await calls.session.call('GET', `${calls.base}/config/slotConfigNames?api-version=${WEB_API_VERSION}`);
  const names = ((call.json as { properties?: { appSettingNames?: unknown } } | undefined)?.properties?.appSettingNames ?? []) as string[];
  return { names: Array.isArray(names) ? [...names] : [], call };
}

function settingsCommand(group: 'webapp' | 'functionapp', verb: 'set' | 'list' | 'delete'): AzCommandModule {
  const options = [
    { dest: 'name', names: ['--name', '-n'], required: true },
    { dest: 'resource-group', names: ['--resource-group', '-g'], required: true },
    ...(verb === 'set' ? [{ dest: 'settings', names: ['--settings'] }, { dest: 'slot-settings', names: ['--slot-settings'] }] : []),
    ...(verb === 'delete' ? [{ dest: 'setting-names', names: ['--setting-names'], required: true }] : []),
  ];
  return {
    path: [group, 'config', 'appsettings', verb],
    options,
    async run(inv) {
      const { lists, ctx } = inv;
      if (verb === 'set' && lists.settings === undefined && lists['slot-settings'] === undefined) return azError('Usage Error: --settings |--slot-settings');
      const calls = siteOf(inv);
      const { session, base } = calls;
      // The function app variants read the site first (check_language_runtime, is_centauri_functionapp).
      if (group === 'functionapp' && verb === 'set') {
        const site = await session.call('GET', `${base}?api-version=${WEB_API_VERSION}`);
        if (!site.ok) return failedCall(session, site);
      }
      const listed = await session.call('POST', `${base}/config/appsettings/list?api-version=${WEB_API_VERSION}`);
      // list is registered with exception_handler=empty_on_404 (commands.py), but that handler only
      // swallows msrestazure's CloudError (azure/cli/core/util.py); the track 2 SDK raises azure-core's
      // ResourceNotFoundError, so a missing app is az's error, exit 3.
      if (!listed.ok) return failedCall(session, listed);
      const current = { ...(((listed.json as { properties?: Record<string, string> } | undefined)?.properties ?? {}) as Record<string, string>) };
      for (const [k, v] of Object.entries(current)) if (isSecretSetting(k, v)) ctx.secrets.add(v, `app setting ${k}`);

      if (verb === 'list') {
        const site = await session.call('GET', `${base}?api-version=${WEB_API_VERSION}`);
        if (!site.ok) return failedCall(session, site);
        const sticky = await slotNames(calls);
        if (!sticky.call.ok) return failedCall(session, sticky.call);
        return callPrinted(session, azJson(output(current, sticky.names)));
      }

      if (verb === 'delete') {
        const site = await session.call('GET', `${base}?api-version=${WEB_API_VERSION}`);
        if (!site.ok) return failedCall(session, site);
        const sticky = await slotNames(calls);
        if (!sticky.call.ok) return failedCall(session, sticky.call);
        let stickyChanged = false;
        for (const name of lists['setting-names'] ?? []) {
          delete current[name];
          const at = sticky.names.indexOf(name);
          if (at >= 0) {
            sticky.names.splice(at, 1);
            stickyChanged = true;
          }
        }
        if (stickyChanged) {
          const put = await session.call('PUT', `${base}/config/slotConfigNames?api-version=${WEB_API_VERSION}`, { properties: { appSettingNames: sticky.names } });
          if (!put.ok) return failedCall(session, put);
        }
        const put = await session.call('PUT', `${base}/config/appsettings?api-version=${WEB_API_VERSION}`, { properties: current });
        if (!put.ok) return failedCall(session, put);
        const kept = (put.json as { properties?: Record<string, string> } | undefined)?.properties ?? current;
        return printedWarning(session, azJson(output(Object.fromEntries(Object.keys(kept).map((k) => [k, null])), sticky.names)), REDACTED_WARNING);
      }

      const given: Record<string, string> = {};
      const stickyGiven = new Map<string, boolean>();
      for (const [words, slot] of [[lists.settings ?? [], false], [lists['slot-settings'] ?? [], true]] as const) {
        const bad = readSettings(words, slot, given, stickyGiven);
        if (bad !== undefined) return azError(bad);
      }
      for (const [k, v] of Object.entries(given)) if (isSecretSetting(k, v)) ctx.secrets.add(v, `app setting ${k}`);
      const put = await session.call('PUT', `${base}/config/appsettings?api-version=${WEB_API_VERSION}`, { properties: { ...current, ...given } });
      if (!put.ok) return failedCall(session, put);
      let stickyNames: string[] = [];
      if (stickyGiven.size > 0) {
        const sticky = await slotNames(calls);
        if (!sticky.call.ok) return failedCall(session, sticky.call);
        for (const [name, on] of stickyGiven) {
          if (on && !sticky.names.includes(name)) sticky.names.push(name);
          if (!on && sticky.names.includes(name)) sticky.names.splice(sticky.names.indexOf(name), 1);
        }
        const update = await session.call('PUT', `${base}/config/slotConfigNames?api-version=${WEB_API_VERSION}`, { properties: { appSettingNames: sticky.names } });
        if (!update.ok) return failedCall(session, update);
        stickyNames = sticky.names;
      }
      const result = (put.json as { properties?: Record<string, string> } | undefined)?.properties ?? { ...current, ...given };
      return printedWarning(session, azJson(output(Object.fromEntries(Object.keys(result).map((k) => [k, null])), stickyNames)), REDACTED_WARNING);
    },
  };
}

export const webappSettingsSet = settingsCommand('webapp', 'set');
export const webappSettingsList = settingsCommand('webapp', 'list');
export const webappSettingsDelete = settingsCommand('webapp', 'delete');
export const functionappSettingsSet = settingsCommand('functionapp', 'set');
export const functionappSettingsList = settingsCommand('functionapp', 'list');
export const functionappSettingsDelete = settingsCommand('functionapp', 'delete');
