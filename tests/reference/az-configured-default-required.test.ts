// defect: container-registry-artifact-streaming.md (tests/fresh) runs az configure --defaults
// acr=mystreamingtest, then az acr artifact-streaming create --image …: the runner failed the step with
// "the following arguments are required: --name/-n" (a false fail). az takes the registry name from
// the configured default (azure-cli: configured_default='acr'); the runner does not model az configure,
// so it no longer claims a missing parameter that a configured default can supply.
import { describe, expect, it } from 'vitest';
import { azArgumentError } from '../../src/reference/az-args.ts';
import { configuredDefaultKey } from '../../src/reference/az-configured-defaults.ts';

describe('required parameters a configured default can supply', () => {
  it('are read from the reference: the registry of az acr commands, the app of az webapp', () => {
    expect(configuredDefaultKey('acr artifact-streaming create', ['--name', '-n'])).toBe('acr');
    expect(configuredDefaultKey('acr build', ['--registry', '-r'])).toBe('acr');
    expect(configuredDefaultKey('acr artifact-streaming create', ['--image', '-t'])).toBeUndefined();
  });
  it('are not claimed missing by az\'s argument check; other required parameters still are', () => {
    expect(azArgumentError(['acr', 'artifact-streaming', 'create', '--image', 'jupyter/all-spark-notebook:latest'])).toBeUndefined();
    expect(azArgumentError(['acr', 'import', '-t', 'a:v1'])).toMatch(/required: --source/);
    expect(azArgumentError(['acr', 'artifact-streaming', 'create'])).toMatch(/required: --image/);
  });
});
