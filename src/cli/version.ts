// The tool's name and version, from its package.json (recorded in every report's settings and SARIF log).
import { readFileSync } from 'node:fs';

export interface ToolIdentity {
  name: string;
  version: string;
}

let cached: ToolIdentity | undefined;

export function toolIdentity(): ToolIdentity {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
    cached = { name: typeof pkg.name === 'string' ? pkg.name : 'tutorial-conformance', version: typeof pkg.version === 'string' ? pkg.version : '0.0.0' };
  }
  return cached;
}
