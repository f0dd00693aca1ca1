// The root that annotation and SARIF paths are relative to: GITHUB_WORKSPACE in a GitHub Actions job
// (the checked-out repository), else the nearest folder upwards from the working folder that holds
// .git (a folder, or a file in a worktree or submodule), else the working folder itself.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CliEnvironment } from './environment.ts';

export function repositoryRoot(env: Pick<CliEnvironment, 'githubWorkspace'>, cwd: string): string {
  if (env.githubWorkspace !== undefined) return resolve(env.githubWorkspace);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}
