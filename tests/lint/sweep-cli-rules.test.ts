// Regressions from the precision sweep of the az CLI's own conceptual pages (npm run sweep:precision, seed 1701,
// 60 pages of MicrosoftDocs/azure-docs-cli @e97b361d under docs-ref-conceptual/Latest-version; sheet
// sweeps/cli-1701.review.json). Each fixture tests/lint/fixtures/sweep-cli-*.excerpt.md is a byte-exact line range
// of its page at that commit (path:lines in each test's name or comment), beside the same text made wrong so
// that the rule still speaks where the page is wrong.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { mutate, readRepoFile, ruleFindings } from './helpers.ts';

const fx = (name: string): string => `tests/lint/fixtures/sweep-cli-${name}.excerpt.md`;

describe('sweep of azure-docs-cli: false findings pinned', () => {
  // get-started-tutorial-2-environment-syntax.md:100-159
  it('a PowerShell assignment in an azurecli block under a PowerShell tab is PowerShell; outside the tab it is still a bash error', () => {
    const file = fx('tabs-bash-ps-cmd');
    expect(ruleFindings('powershell-in-bash-fence', file)).toEqual([]);
    const { text } = mutate(readRepoFile(file), '# [PowerShell](#tab/powershell)', () => '# [Zsh](#tab/zsh)');
    expect(ruleFindings('powershell-in-bash-fence', file, text).map((f) => [f.line, f.severity])).toEqual([[26, 'error']]);
  });

  it('a ^ line under a Cmd tab is cmd\'s continuation: read as cmd, no bash continuation error; under a Bash tab it is one', () => {
    const file = fx('tabs-bash-ps-cmd');
    expect(ruleFindings('shell-missing-continuation', file)).toEqual([]);
    const steps = parseTutorialText(readRepoFile(file), file).steps.filter((s) => s.raw.includes('%storageAccount%'));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s.language === 'cmd')).toBe(true);
    const { text } = mutate(readRepoFile(file), '# [Cmd](#tab/cmd)', () => '# [Bash 2](#tab/bash2)');
    expect(ruleFindings('shell-missing-continuation', file, text).length).toBeGreaterThan(0);
  });

  // use-azure-cli-successfully-quoting.md:207-219
  it('a line the block labels "# Correct in PowerShell" is the PowerShell form; unlabelled it is a bash error', () => {
    const file = fx('labelled-lines');
    expect(ruleFindings('powershell-in-bash-fence', file)).toEqual([]);
    const { text } = mutate(readRepoFile(file), '# Correct in PowerShell', (l) => l.replace('# Correct in PowerShell', '# Also correct'));
    expect(ruleFindings('powershell-in-bash-fence', file, text).map((f) => f.severity)).toEqual(['error']);
  });

  // use-azure-cli-successfully-quoting.md:261-284
  it('az version: error: … is argparse\'s output under the command, not an az command', () => {
    const file = fx('argparse-error-output');
    const lines = (text: string) => parseTutorialText(text, file).steps.filter((s) => s.raw.startsWith('az version')).map((s) => s.source.startLine);
    expect(lines(readRepoFile(file))).not.toContain(19);
    expect(ruleFindings('az-unknown-command', file)).toEqual([]);
    const { text, line } = mutate(readRepoFile(file), 'az version: error:', (l) => l.replace('az version: error:', 'az versoin error'));
    expect(ruleFindings('az-unknown-command', file, text).map((f) => f.line)).toContain(line);
  });

  // interactive-azure-cli.md:74-91
  it('az vm image>> is az interactive\'s prompt, not a command', () => {
    const file = fx('interactive-prompt');
    expect(parseTutorialText(readRepoFile(file), file).steps.filter((s) => s.kind === 'az')).toEqual([]);
    const { text } = mutate(readRepoFile(file), 'az vm image>>', () => 'az vm image');
    expect(parseTutorialText(text, file).steps.filter((s) => s.kind === 'az').length).toBe(1);
  });

  // includes/cli-install-linux-zypper.md:194-203
  it('a prose line that begins with the word curl is a sentence; curl with a URL there is a command', () => {
    const file = fx('curl-sentence');
    expect(parseTutorialText(readRepoFile(file), file).steps.filter((s) => s.kind === 'http')).toEqual([]);
    const { text } = mutate(readRepoFile(file), 'curl failed to verify', () => 'curl https://example.com/legitimacy');
    expect(parseTutorialText(text, file).steps.filter((s) => s.kind === 'http').length).toBe(1);
  });

  // authenticate-azure-cli-interactively.md:36-62
  it('[1]   Facility Services Subscription … is a row of az login\'s selector, not a JSON array', () => {
    const file = fx('subscription-selector');
    expect(ruleFindings('json-example-invalid', file)).toEqual([]);
    const { text, line } = mutate(readRepoFile(file), '[1]   Facility', () => '[1]]');
    expect(ruleFindings('json-example-invalid', file, text).map((f) => [f.line, f.severity])).toContainEqual([line, 'error']);
  });

  // create-azure-resources-at-scale.md:214-246
  it('{ Resource group create output } describes an elided object: a warning, not a syntax error', () => {
    const file = fx('described-elision');
    expect(ruleFindings('json-example-invalid', file).filter((f) => f.severity === 'error')).toEqual([]);
    const { text } = mutate(readRepoFile(file), 'Resource group create output', (l) => l.replace('Resource group create output', '"name": "rg" "location": "eastus"')); // a missing comma (a trailing one in an output block is a cut, sweep-aks3)
    expect(ruleFindings('json-example-invalid', file, text).filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  });

  // includes/reference-docs-subgroup.md:155-181
  it('each table row is its own text: a "(preview)" row is not joined to the Azure Storage and Entra rows above it', () => {
    const file = fx('reference-table');
    expect(ruleFindings('prose-stale-preview', file)).toEqual([]);
    const { text, line } = mutate(readRepoFile(file), 'trust a managed identity (preview)', (l) => l.replace('trust a managed identity (preview)', 'use Microsoft Entra authentication for Azure Storage blobs (preview)'));
    expect(ruleFindings('prose-stale-preview', file, text).map((f) => f.line)).toContain(line);
  });

  // includes/cli-install-linux-apt.md:24-36
  it('curl of a literal account no other command names is a published download (the CLI install script), not a blob the page must upload', () => {
    const file = fx('published-blob');
    expect(ruleFindings('missing-prerequisite', file)).toEqual([]);
    const { text } = mutate(readRepoFile(file), '```bash', (l) => `${l}\naz storage container create --account-name azurecliprod --name '$root'`);
    expect(ruleFindings('missing-prerequisite', file, text).length).toBeGreaterThan(0);
  });
  // review of the merge (stop 30): tests/lint/linear.test.ts's reads of acct/c/<FOLDER NAME>/report_k.txt went silent.
  it('a literal account\'s blob the page does not serve as a script (another container, no shell pipe) is still one the page must upload', () => {
    const file = fx('published-blob');
    const text = readRepoFile(file).replace(/curl[^\n]*\$root\/deb_install\.sh[^\n]*/, "curl -o report.txt 'https://azurecliprod.blob.core.windows.net/reports/report.txt'");
    expect(text).not.toBe(readRepoFile(file));
    expect(ruleFindings('missing-prerequisite', file, text).length).toBeGreaterThan(0);
  });

  // use-azure-cli-successfully-powershell.md:247-256
  it('a backtick-escaped quote in a tab titled "PowerShell in Linux" (id ps1) is PowerShell\'s escape', () => {
    const file = fx('ps-in-linux-tab');
    expect(ruleFindings('az-query-backtick', file)).toEqual([]);
    const { text } = mutate(readRepoFile(file), '# [PowerShell in Linux](#tab/ps1)', () => '# [Bash in Linux](#tab/ps1)');
    expect(ruleFindings('az-query-backtick', file, text).length).toBeGreaterThan(0);
  });

  // use-azure-cli-successfully-powershell.md:495-536
  it('a command the next paragraph says fails ("The `az` command fails because it\'s missing the required `--location`") is the page\'s point', () => {
    const file = fx('shown-failing');
    expect(ruleFindings('az-missing-required', file)).toEqual([]);
    expect(ruleFindings('shell-unassigned-variable', file).filter((f) => f.message.includes('$false'))).toEqual([]);
    const { text } = mutate(readRepoFile(file), 'The `az` command fails because', (l) => l.replace('The `az` command fails because', 'Note that'));
    expect(ruleFindings('az-missing-required', file, text).map((f) => f.line)).toEqual([16, 33]);
  });
});

// review of the merge (stop 30): "If this command fails, …" is what to do about a failure, not the page
// saying its command fails: the step's own fail stays counted.
describe('a paragraph about what to do if a command fails', () => {
  it('does not mark the command as shown failing', async () => {
    const { parseTutorialText } = await import('../../src/parse/index.ts');
    const page = (after: string) => `# T\n\n\`\`\`azurecli\naz group create --name MyResourceGroup\n\`\`\`\n\n${after}\n`;
    const shown = (after: string) => parseTutorialText(page(after), 'page.md').steps.find((s) => s.kind === 'az')?.shownFailing;
    expect(shown("The `az` command fails because it's missing the required `--location` parameter.")).toBeDefined();
    expect(shown('If this command fails, check that you are signed in.')).toBeUndefined();
    expect(shown('When the command fails with an authorization error, ask your administrator.')).toBeUndefined();
  });
});
