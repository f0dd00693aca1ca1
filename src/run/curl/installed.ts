// The machine's curl. The shell engine runs it (through its wrapper); the http engine imitates it, so
// both engines send the same User-Agent (`curl/7.88.1` where `curl --version` says 7.88.1), asked once,
// the first time a request is built. A machine without curl (where the shell engine cannot run)
// gets curl 8.5.0, Ubuntu 24.04's, the curl of the tutorials' VMs.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** The first executable `curl` on `path` outside the folder `exclude` (the shell engine's own bin). */
export function findRealCurl(path: string | undefined, exclude: string): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '' || (exclude !== '' && resolve(dir) === resolve(exclude))) continue;
    const candidate = join(dir, 'curl');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const FALLBACK_CURL_VERSION = '8.5.0';

let version: string | undefined;

/** The installed curl's version ("7.88.1"), or FALLBACK_CURL_VERSION when there is none. */
export function curlVersion(): string {
  if (version !== undefined) return version;
  const curl = findRealCurl(process.env.PATH, '');
  let found: string | undefined;
  if (curl !== undefined) {
    try {
      found = /^curl (\d+\.\d+\.\d+\S*)/.exec(execFileSync(curl, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }))?.[1];
    } catch {
      found = undefined;
    }
  }
  version = found ?? FALLBACK_CURL_VERSION;
  return version;
}

export function curlUserAgent(): string {
  return `curl/${curlVersion()}`;
}
