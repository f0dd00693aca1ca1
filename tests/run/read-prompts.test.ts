// defect: `read -p "Enter the resource group name: " RG` — the page asking the reader for a value —
// was a shell construct the http engine did not model (17 corpus steps `unsupported`, the `echo
// "Enter …" && read X && az … $X` form included). The reader's answer is a value like a placeholder's:
// bound by --set, the sidecar or the page's World (never the target's stand-in for its role), so
// `--set RG=…` fills it and a later `$RG` expands; unbound, the step is blocked asking for
// `--set RG=…` with the page and line. `read` without a name reads into $REPLY (bash manual).
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { tokenizeShell, toPipelines } from '../../src/parse/index.ts';
import { readPrompt } from '../../src/parse/read-prompts.ts';
import { emulatorRun } from '../helpers/emulator-run.ts';

const fence = (...lines: string[]): string => ['```azurecli', ...lines, '```', ''].join('\n');
const STANDALONE = ['# Read a name', '', fence('read -p "Enter the resource group name: " RG'), fence('az group create --name $RG --location eastus'), fence('az group show --name $RG')].join('\n');
const LISTED = ['# List secrets', '', fence('echo "Enter your key vault name:" &&', 'read keyVaultName &&', 'az keyvault secret list --vault-name $keyVaultName &&', 'echo "Press [ENTER] to continue ..."')].join('\n');
const REPLY = ['# Reply', '', fence('read'), fence('az group show --name $REPLY')].join('\n');

const emulator = emulatorRun('read-prompts');
const urls = (t: { steps: { request?: { url: string } | undefined }[] }): string[] => t.steps.map((s) => s.request?.url ?? '');

describe("defect: `read` prompts were shell constructs the http engine did not model", () => {
  it('reads names, the prompt and the options as bash does; no name is $REPLY', () => {
    const read = (line: string) => readPrompt(toPipelines(tokenizeShell(line).tokens)[0]!.commands[0]!);
    expect(read('read -p "Enter the resource group name: " RG')).toEqual({ variables: ['RG'], prompt: 'Enter the resource group name: ' });
    expect(read('read -rp "Name: " first last')).toEqual({ variables: ['first', 'last'], prompt: 'Name: ' });
    expect(read('read -s -t 10 PASSWORD')).toEqual({ variables: ['PASSWORD'] });
    expect(read('read')).toEqual({ variables: ['REPLY'] });
    expect(read('read -a names')).toBeUndefined(); // an array, not one value
    // In a list of prompts, the step is its one other command; echo to a file is no prompt.
    const [listed] = parseTutorialText(LISTED, 'listed.md').steps;
    expect(listed?.kind === 'az' && listed.az.path.join(' ')).toBe('keyvault secret list');
    expect(listed?.shellConstruct).toBeUndefined();
    const [toFile] = parseTutorialText(['# x', '', fence('echo "x" > a.txt && read X && az group show --name $X')].join('\n'), 'f.md').steps;
    expect(toFile?.kind).toBe('shell'); // not read as the az command: writing a.txt does something
  });

  it('--set RG=… binds what the reader types, and the later $RG expands to it', async () => {
    const t = await emulator.page('standalone-set.md', STANDALONE, { engine: 'http', sets: { RG: 'myTypedGroup' } });
    expect(t.steps.map((s) => `${s.id} L${s.line.start} ${s.verdict}`)).toEqual(['s1 L4 pass', 's2 L8 pass', 's3 L12 pass']);
    expect(urls(t).slice(1).every((u) => u.includes('/resourcegroups/myTypedGroup?'))).toBe(true);
  }, 120_000);

  it("without --set, the page's World gives it (the group the page creates with it)", async () => {
    const t = await emulator.page('standalone-world.md', STANDALONE, { engine: 'http' });
    expect(t.steps.map((s) => s.verdict)).toEqual(['pass', 'pass', 'pass']);
    expect(new Set(urls(t).slice(1).map((u) => /resourcegroups\/([^?]+)/.exec(u)?.[1])).size).toBe(1);
  }, 120_000);

  it('unbound (the target has a vault, but not the one the reader would type): blocked asking for --set, naming page and line', async () => {
    const t = await emulator.page('listed.md', LISTED, { engine: 'http' });
    expect(t.steps.map((s) => s.verdict)).toEqual(['blocked']);
    expect(t.steps[0]!.reason).toMatch(/listed\.md:6: \$keyVaultName is what the page asks the reader to type \(read keyVaultName\); add --set KEYVAULTNAME=<value> or --set role:vault=<value>/);
    const r = await emulator.page('reply.md', REPLY, { engine: 'http' });
    expect(r.steps.map((s) => s.verdict)).toEqual(['blocked', 'blocked']);
    expect(r.steps[0]!.reason).toMatch(/reply\.md:4: \$REPLY is what the page asks the reader to type \(read REPLY\); add --set REPLY=<value>/);
    const set = await emulator.page('reply-set.md', REPLY, { engine: 'http', sets: { REPLY: 'typedGroup' } });
    expect(urls(set)[1]).toContain('/resourcegroups/typedGroup?');
  }, 120_000);
});
