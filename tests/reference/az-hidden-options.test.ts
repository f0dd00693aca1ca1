// defect: `az ad sp create-for-rbac --skip-assignment` and `az aks create --docker-bridge-address` were
// reported as unknown options (error az-unknown-parameter, and a run `fail` "unrecognized arguments"),
// because the az reference the command table is generated from omits options az hides. az still accepts
// both: azure-cli declares them with deprecate_info=c.deprecate(..., hide=True) (role/_params.py,
// acs/_params.py), so az warns and runs. They are read from az-hidden-options.json, each with its source.
import { describe, expect, it } from 'vitest';
import { azArgumentError } from '../../src/reference/az-args.ts';
import { azCommand, hiddenOptions, isAnyAzCommandOption, parameter } from '../../src/reference/az-table.ts';
import { lintText } from '../lint/helpers.ts';

describe('options az accepts but hides from its reference', () => {
  it('each entry names the command, the option and the azure-cli source line (repo, path, commit)', () => {
    const all = hiddenOptions();
    expect(all.length).toBeGreaterThan(0);
    for (const h of all) {
      expect(azCommand(h.command), h.command).toBeDefined();
      expect(h.source).toMatch(/^Azure\/azure-cli(-extensions)? \S+\.py @ [0-9a-f]{40}\b.*hide=True/);
      expect(h.n).toMatch(/^--[a-z-]+$/);
    }
  });

  it('are parameters of their command, deprecated, and nowhere else', () => {
    const skip = parameter('ad sp create-for-rbac', '--skip-assignment');
    expect(skip.kind).toBe('parameter');
    if (skip.kind === 'parameter') expect(skip.deprecatedName).toBe(true);
    expect(parameter('ad sp create', '--skip-assignment').kind).not.toBe('parameter');
    expect(isAnyAzCommandOption('--docker-bridge-address')).toBe(true);
  });

  it('az does not reject them: no argument error, so the step is not a fail', () => {
    expect(azArgumentError(['ad', 'sp', 'create-for-rbac', '--skip-assignment'])).toBeUndefined();
    expect(azArgumentError(['aks', 'create', '-g', 'rg', '-n', 'c', '--docker-bridge-address', '172.17.0.1/16'])).toBeUndefined();
    expect(azArgumentError(['ad', 'sp', 'create-for-rbac', '--skip-assignmentx'])).toMatch(/skip-assignmentx/);
  });

  it('lint says deprecated and hidden (a warning), not unknown (an error)', () => {
    const page = ['# SP', '', '```azurecli', 'az ad sp create-for-rbac --skip-assignment', '```', ''].join('\n');
    const found = lintText(page, 'docfx', 'sp.md').filter((f) => f.rule.startsWith('az-'));
    expect(found.map((f) => `${f.rule} ${f.severity}`)).toEqual(['az-deprecated-parameter warning']);
    expect(found[0]!.message).toMatch(/hidden.*role\/_params\.py/);
  });
  // defect: `az spring app create --assign-identity` and `az spring app deploy --jar-path` (Azure Spring
  // Apps tutorials, tests/fresh spring-apps pages) were warned as unknown ("az stops with unrecognized
  // arguments"): the spring extension hides both (deprecate(..., redirect=..., hide=True)) and still runs them.
  it('extension options hidden by their extension are deprecated, not unknown (spring --assign-identity, --jar-path)', () => {
    expect(azArgumentError(['spring', 'app', 'create', '-g', 'rg', '-s', 'svc', '-n', 'app', '--assign-identity'])).toBeUndefined();
    expect(azArgumentError(['spring', 'app', 'deploy', '-g', 'rg', '-s', 'svc', '-n', 'app', '--jar-path', 'target/app.jar'])).toBeUndefined();
    const page = ['# Spring', '', '```azurecli', 'az spring app deploy -g rg -s svc -n app --jar-path target/app.jar', '```', ''].join('\n');
    const found = lintText(page, 'docfx', 'spring.md').filter((f) => f.rule.startsWith('az-'));
    expect(found.map((f) => `${f.rule} ${f.severity}`)).toEqual(['az-deprecated-parameter warning']);
    expect(found[0]!.message).toMatch(/hidden.*azext_spring\/_params\.py/);
  });
});
