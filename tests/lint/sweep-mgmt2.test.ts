// defects: a precision sweep of azure-management-docs (MicrosoftDocs/azure-management-docs @d923d588901082fa2107de6b2a82d7d05cd95160,
// azure-arc, container-registry, lighthouse, quotas, azure-portal, copilot; seed 1502).
// - managed-instance-disaster-recovery-cli.md:74,79: a U+200B after ".pem" in the --cert-file that
//   az sql mi-arc get-mirroring-cert writes was an error saying "the value does not match any name Azure
//   knows": az opens or writes a local path, and a written file only gets the character in its name.
// - manage-agent.md:71,92: "the install command looks like:" before `sudo yum install azcmagent-1.28.02260-755`
//   was read as a lead-in to output ("holds no command").
// - servers/includes/esu-network-requirements.md:16: the include ends with its last tab without "---";
//   an include is rendered as a document of its own, so nothing of the including page is in the tab.
// - tutorial-rotate-revoke-customer-managed-keys.md:114-116: `az keyvault key delete … --` failed with
//   "ambiguous option: -- could match …"; argparse reads a bare "--" as the end of the options.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, readRepoFile, ruleFindings } from './helpers.ts';
import { lintTutorial } from '../../src/lint/index.ts';
import { includeResolver } from '../../src/parse/docset.ts';
import { parseTutorialText } from '../../src/parse/index.ts';

const FIXTURES = 'tests/lint/fixtures/real/';
const DR = `${FIXTURES}managed-instance-disaster-recovery-cli.excerpt.md`;
const AGENT = `${FIXTURES}manage-agent-install-version.excerpt.md`;
const ESU = `${FIXTURES}esu-network-requirements.include.md`;
const ROTATE = `${FIXTURES}tutorial-rotate-revoke-customer-managed-keys.excerpt.md`;

describe('an invisible character in a local file path az writes is a warning, not an error', () => {
  it('get-mirroring-cert --cert-file …pem\\u200b: a warning that says what happens to the file', () => {
    const found = ruleFindings('zero-width-in-command', DR);
    expect(found.map((f) => [f.line, f.severity])).toEqual([[5, 'warning'], [10, 'warning']]);
    expect(found[0]?.message).toMatch(/local path .*a file it writes is created under a name that holds the invisible character/);
  });
  it('the same character in a name Azure looks up (--name) stays an error', () => {
    const text = readRepoFile(DR).replace('--name sqlprimary', '--name sqlprimary\u200b');
    expect(ruleFindings('zero-width-in-command', DR, text).map((f) => f.severity)).toEqual(['warning', 'error', 'warning']);
  });
});

describe('a block introduced as "the install command looks like:"', () => {
  it('is a command, not output: output-in-command-fence stays silent', () => {
    expect(ruleFindings('output-in-command-fence', AGENT)).toEqual([]);
  });
  it('a lead-in about what the command prints is still output', () => {
    const text = readRepoFile(AGENT).replace('the install command looks like:', 'the output of the install command looks like:');
    expect(ruleFindings('output-in-command-fence', AGENT, text).length).toBeGreaterThan(0);
  });
});

describe('an include that ends with its last tab and no "---"', () => {
  it('is no unclosed group of the including page', () => {
    expect(ruleFindings('markdown-block-unclosed', ESU)).toEqual([]);
  });
  it('an include with a section after its last tab is still reported', () => {
    const text = `${readRepoFile(ESU)}\n#### Next steps\n\nMore text.\n`;
    expect(ruleFindings('markdown-block-unclosed', ESU, text).map((f) => f.line)).toEqual([16]);
  });
  it('in place in the page that includes it (network-requirements.md: "## Related content" follows), the group still ends with the include', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-esu-'));
    try {
      mkdirSync(join(dir, 'includes'));
      writeFileSync(join(dir, 'docfx.json'), '{}');
      writeFileSync(join(dir, 'includes', 'esu-network-requirements.md'), readRepoFile(ESU));
      const page = ['# Network requirements', '', '[!INCLUDE [esu-network-requirements](./includes/esu-network-requirements.md)]', '', '## Related content', '', '* More.', ''].join('\n');
      const file = join(dir, 'network-requirements.md');
      writeFileSync(file, page);
      const found = lintTutorial(parseTutorialText(page, file), { text: page, resolveInclude: includeResolver(dir) });
      expect(found.filter((f) => f.rule === 'markdown-block-unclosed')).toEqual([]);
      // the page's own group, unclosed before "## Related content", is still said
      const own = page.replace('[!INCLUDE [esu-network-requirements](./includes/esu-network-requirements.md)]', '#### [A](#tab/a)\n\nText.\n\n#### [B](#tab/b)\n\nText.');
      expect(lintTutorial(parseTutorialText(own, file), { text: own, resolveInclude: includeResolver(dir) }).filter((f) => f.rule === 'markdown-block-unclosed').length).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('the same group in a page (no ms.topic: include) is still reported', () => {
    const text = readRepoFile(ESU).replace('ms.topic: include', 'ms.topic: how-to');
    expect(ruleFindings('markdown-block-unclosed', ESU, text).map((f) => f.line)).toEqual([16]);
  });
});

describe('a bare "--" ending an az command', () => {
  it('is no "ambiguous option" finding', () => {
    const all = lintText(readRepoFile(ROTATE), 'docfx', ROTATE);
    expect(all.filter((f) => /ambiguous option: --(?!\w)/.test(f.message))).toEqual([]);
    expect(all.some((f) => f.rule === 'shell-missing-continuation')).toBe(true);
  });
});
