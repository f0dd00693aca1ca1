// defect: under a PowerShell tab, an ```azurecli block continued with backticks (includes/
// container-apps-create-cli-steps.md: `az group create `⏎ --name $RESOURCE_GROUP `⏎ --location $LOCATION`)
// was read as bash: two false lint errors (az-missing-required, shell-missing-continuation) on a
// command that works as written in the PowerShell the tab is for.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { lintText } from '../lint/helpers.ts';

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\`\n`;
const CMD = 'az group create `\n  --name $RESOURCE_GROUP `\n  --location $LOCATION';
const tabs = (second: string) =>
  `# Setup\n\nCreate the group:\n\n# [Bash](#tab/bash)\n\n${fence('azurecli', 'az group create \\\n  --name $RESOURCE_GROUP \\\n  --location $LOCATION')}\n# [${second}](#tab/${second.toLowerCase()})\n\n${fence('azurecli', CMD)}\n---\n`;

describe('defect: a backtick-continued az command under a PowerShell tab was read as bash', () => {
  it('reads it as one PowerShell statement (not run: unsupported), and lints it without errors', () => {
    const page = tabs('PowerShell');
    const t = parseTutorialText(page, 'tabs.md', { form: 'docfx' });
    const ps = t.steps.find((s) => s.raw === CMD);
    expect(ps?.language).toBe('powershell');
    expect(lintText(page).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('still reads it as bash outside a PowerShell tab, where the backtick really breaks the command', () => {
    const page = tabs('Zsh');
    const t = parseTutorialText(page, 'tabs.md', { form: 'docfx' });
    expect(t.steps.some((s) => s.raw === CMD && s.language === 'powershell')).toBe(false);
    expect(lintText(page).some((f) => f.severity === 'error')).toBe(true);
  });
});
