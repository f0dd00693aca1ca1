// Issue 16 session 9 (leadin): two defects a reviewer found on never-seen pages (tests/fresh), each
// held on its page, and kept silent where the same pattern is written correctly on a real page
// (tests/lint/fixtures/real, see its README for repository and commit).
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const AUTO_FORWARD = 'tests/fresh/articles/service-bus-messaging/enable-auto-forward.md';
const SERVE_CONTENT = 'tests/fresh/articles/app-service/containers/how-to-serve-content-from-azure-storage.md';
const STATIC_WEBSITE = 'tests/lint/fixtures/real/storage-blob-static-website-how-to.excerpt.md';

describe('lead-in-command-not-run', () => {
  const rule = 'lead-in-command-not-run';
  it('enable-auto-forward.md: the lead-in names az servicebus topic subscription update, the block runs create again', () => {
    const text = read(AUTO_FORWARD);
    const hits = found(rule, AUTO_FORWARD);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, 'To **update the auto forward setting for a subscription to a topic**'), 'warning']]);
    expect(hits[0]?.message).toMatch(/names `az servicebus topic subscription update`, but the block runs `az servicebus topic subscription create`/);
  });
  it('silent on the same page where each lead-in names what its block runs (queue create/update, subscription create; Set-AzServiceBusQueue above Get-/Set-AzServiceBusQueue)', () => {
    const text = read(AUTO_FORWARD);
    for (const lead of ['To **create a queue with auto forwarding enabled**, use the [`az servicebus', 'To **update the auto forward setting for an existing queue**, use the [`az', 'To **update the auto forward setting for an existing queue**, use the [`Set-AzServiceBusQueue`]'])
      expect(found(rule, AUTO_FORWARD).map((h) => h.line)).not.toContain(lineWith(text, lead));
  });
  it('a PowerShell lead-in that names Set-AzX above a block that runs New-AzX', () => {
    const text = 'To update the queue, use the `Set-AzServiceBusQueue` cmdlet.\n\n```azurepowershell\nNew-AzServiceBusQueue -ResourceGroupName rg -NamespaceName ns -Name q -ForwardTo q2\n```\n';
    const hits = found(rule, 'ps.md', text);
    expect(hits.map((h) => h.line)).toEqual([1]);
    expect(hits[0]?.message).toMatch(/names Set-AzServiceBusQueue, but the block runs New-AzServiceBusQueue/);
  });
  it('silent when the sentence names the command as an aside, or the page runs it elsewhere', () => {
    const aside = 'After you create the VM with `az vm create`, get its addresses:\n\n```azurecli\naz vm list-ip-addresses -g rg -n vm\n```\n';
    expect(found(rule, 'aside.md', aside)).toEqual([]);
    const ranBefore = '```azurecli\naz vm create -g rg -n vm --image Ubuntu2204\n```\n\nUse `az vm create` again for a second one:\n\n```azurecli\naz vm show -g rg -n vm\n```\n';
    expect(found(rule, 'ran.md', ranBefore)).toEqual([]);
  });
});

describe('az-batch-source-destination-swapped', () => {
  const rule = 'az-batch-source-destination-swapped';
  it('how-to-serve-content-from-azure-storage.md: upload-batch -d <full_path_to_local_directory> … -s <source_location_name>', () => {
    const text = read(SERVE_CONTENT);
    const hits = found(rule, SERVE_CONTENT);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, 'az storage blob upload-batch -d <full_path_to_local_directory>'), 'warning']]);
    expect(hits[0]?.message).toMatch(/-d gets <full_path_to_local_directory>, a placeholder for a local directory, where the container belongs/);
  });
  it("silent on storage-blob-static-website-how-to.md: upload-batch -s <source-path> -d '$web'", () => {
    expect(read(STATIC_WEBSITE)).toContain("az storage blob upload-batch -s <source-path> -d '$web'");
    expect(found(rule, STATIC_WEBSITE)).toEqual([]);
  });
  it('download-batch and file upload-batch: a container the page creates, a variable holding a path', () => {
    const swapped = '```azurecli\naz storage container create -n images --account-name acct\nDIR=./images\naz storage blob download-batch -s $DIR -d images --account-name acct\n```\n';
    expect(found(rule, 'dl.md', swapped).map((h) => h.line)).toEqual([4]);
    const right = '```azurecli\naz storage container create -n images --account-name acct\nDIR=./images\naz storage blob download-batch -s images -d $DIR --account-name acct\naz storage file upload-batch --destination myshare --source ./site --account-name acct\naz storage file download-batch --source myshare --destination . --account-name acct\n```\n';
    expect(found(rule, 'right.md', right)).toEqual([]);
    const share = '```azurecli\naz storage share create -n myshare --account-name acct\naz storage file upload-batch --destination . --source myshare --account-name acct\n```\n';
    expect(found(rule, 'share.md', share).map((h) => h.line)).toEqual([3]);
  });
  it('silent when neither value is clearly local or remote', () => {
    const text = '```azurecli\naz storage blob upload-batch -d $CONTAINER -s $SOURCE --account-name acct\naz storage blob upload-batch -d mycontainer -s site --account-name acct\n```\n';
    expect(found(rule, 'unclear.md', text)).toEqual([]);
  });
});
