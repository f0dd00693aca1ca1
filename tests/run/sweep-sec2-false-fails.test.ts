// Two false fails of a precision sweep of never-seen Key Vault pages (seed 1501, MicrosoftDocs/azure-security-docs
// @1c4310bed2b9), on byte-exact excerpts of the pages (tests/lint/fixtures/real, README table):
// - key-vault/general/rest-error-codes.md:31: a PUT written as HTTP with "Content-Length: 31" over a 30-byte body
//   was sent with the page's header, and the tool's own client refused it ("No connection:
//   UND_ERR_REQ_CONTENT_LENGTH_MISMATCH"): every client computes Content-Length from the body it sends;
// - key-vault/general/tutorial-python-virtual-machine.md:151: `az group delete -g "myResourceGroup"` (-g is the
//   group's name in az group delete) was read as naming no group, so the World never assumed the group an
//   unreadable include creates, and the step failed 404 ResourceGroupNotFound.
import { describe, expect, it } from 'vitest';
import { excerptRun } from '../helpers/emulator-run.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { inferWorld } from '../../src/world/infer.ts';

const run = excerptRun('sweep-sec2', { 'sec2-rest-error-codes.excerpt.md': 'rest-error-codes.md', 'sec2-tutorial-python-virtual-machine.excerpt.md': 'tutorial-python-virtual-machine.md' });
const stepAt = run.stepAt;

describe('a request whose Content-Length line miscounts its body', () => {
  it('is sent with the length of the body sent, not refused by the tool\'s client', () => {
    const step = stepAt('rest-error-codes.md', 'PUT https://putreqexample.vault.azure.net');
    expect(step.verdict).not.toBe('fail');
    expect(JSON.stringify(step)).not.toMatch(/CONTENT_LENGTH_MISMATCH/);
    const sent = step.request?.headers.filter(([n]) => n.toLowerCase() === 'content-length') ?? [];
    expect(sent.every(([, v]) => v !== '31')).toBe(true);
  });
});

describe('az group delete -g names the group it deletes', () => {
  it('the group the page never creates is assumed, and its deletion passes', () => {
    expect(stepAt('tutorial-python-virtual-machine.md', 'az group delete -g').verdict).toBe('pass');
    const t = run.report.tutorials.find((x) => x.file.endsWith('tutorial-python-virtual-machine.md'));
    expect(t?.assumptions?.map((a) => a.name)).toContain('myResourceGroup');
  });
  it('-g and --resource-group of az group create/show are the group\'s name too', () => {
    const text = '# Page\n\n```azurecli\naz group create -g created-rg -l westus\naz group show --resource-group created-rg\naz group delete -g other-rg\n```\n';
    const world = inferWorld({ tutorial: parseTutorialText(text, 'p.md'), text, valueOf: () => undefined, defaults: { resourceGroup: 'rg' } });
    expect(world.resources.filter((r) => r.role === 'resource-group').map((r) => [r.name, r.origin])).toEqual([['created-rg', 'created']]);
    expect(world.notProvided.map((n) => n.name)).toEqual(['other-rg']);
  });
});
