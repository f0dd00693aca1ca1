// Run precision from the sweep of MicrosoftDocs/azure-docs-cli @e97b361d (seed 1701, sweeps/cli-1701.review.json).
// The fixtures are byte-exact line ranges of the pages (tests/lint/fixtures/sweep-cli-*.excerpt.md):
// - manage-azure-groups-azure-cli.md:78-150: after `az config set defaults.group=MyResourceGroup`, commands without
//   --resource-group failed as "the following arguments are required: --resource-group/-g" (az reads the default);
// - use-azure-cli-successfully-powershell.md:495-536: `az group create --name MyResourceGroup` fails on purpose
//   ("The `az` command fails because it's missing the required `--location` parameter"): an expected failure;
// - get-started-tutorial-2-environment-syntax.md:100-159: the Cmd tab's `^` lines failed as bash ("unrecognized arguments: ^").
import { describe, expect, it } from 'vitest';
import { pageSteps } from '../helpers/page-verdicts.ts';
import { readRepoFile } from '../lint/helpers.ts';

const fx = (name: string): string => readRepoFile(`tests/lint/fixtures/sweep-cli-${name}.excerpt.md`);
const page = (body: string): string => `# t\n\nSign in with az login.\n\n${body}`;

describe('sweep-cli', () => {
  it('a "required" error that az config set defaults.group answers is unsupported, not a fail; without the default it fails', async () => {
    const steps = await pageSteps(page(fx('config-defaults')), 'tc-cli-def-');
    const required = steps.filter((s) => s.reason.includes('the following arguments are required'));
    expect(required.length).toBeGreaterThan(0);
    expect(required.map((s) => s.verdict)).toEqual(required.map(() => 'unsupported'));
    const without = await pageSteps(page(fx('config-defaults').replace('az config set defaults.group=MyResourceGroup', 'az config get')), 'tc-cli-def0-');
    expect(without.filter((s) => s.verdict === 'fail' && s.reason.includes('required: --resource-group')).length).toBeGreaterThan(0);
  }, 240_000);

  it('the command the page says fails is an expected failure; unsaid, it is a plain fail', async () => {
    const steps = await pageSteps(page(fx('shown-failing')), 'tc-cli-shown-');
    const fails = steps.filter((s) => s.verdict === 'fail');
    expect(fails.length).toBe(2);
    expect(fails.every((s) => s.expectedFailure?.includes('the page shows this command failing') === true)).toBe(true);
    const unsaid = await pageSteps(page(fx('shown-failing').replace('The `az` command fails because', 'Note that')), 'tc-cli-shown0-');
    expect(unsaid.filter((s) => s.verdict === 'fail' && s.expectedFailure === undefined).length).toBe(2);
  }, 240_000);

  it('a Cmd tab\'s ^ continuations are cmd (unsupported, language), never a bash usage fail', async () => {
    const steps = await pageSteps(page(fx('tabs-bash-ps-cmd')), 'tc-cli-cmd-', 'page.md', true);
    expect(steps.filter((s) => s.verdict === 'fail')).toEqual([]);
    expect(steps.some((s) => s.verdict === 'unsupported' && s.unsupported === 'language' && /cmd/.test(s.reason))).toBe(true);
  }, 240_000);
});
