// defect: an az usage synopsis (articles/logic-apps/quickstart-logic-apps-azure-cli.md) was read as
// commands to run: 31 false lint errors (every parameter "has no value", every line "needs a \",
// `[--tags]` "is not valid JSON") and five steps that are not steps.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { lintText } from '../lint/helpers.ts';
import { tutorial } from './helpers.ts';

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\`\n`;
const SYNOPSIS = [
  'az logic workflow create --definition',
  '                         --location',
  '                         --resource-group',
  '                         [--state {Completed, Deleted, Disabled, Enabled, NotSpecified, Suspended}]',
  '                         [--tags]',
].join('\n');
const SHOW = 'az logic workflow show --name\n                       --resource-group';
const PAGE = `# Logic apps\n\n## Create\n\nUse the command:\n\n${fence('azurecli', SYNOPSIS)}\n### Example\n\n${fence('azurecli-interactive', 'az logic workflow create --resource-group "rg" --location "westus" --name "app" --definition "def.json"')}\n## Show\n\n${fence('azurecli', SHOW)}\n${fence('azurecli-interactive', 'az logic workflow show --resource-group "rg" --name "app"')}\n## List\n\n${fence('azurecli', 'az logic workflow list [--filter]\n                       [--top]')}`;

describe('defect: an az usage synopsis was read as a command to run', () => {
  it('reads a synopsis (brackets, braces, or the same command given with values on the page) as reference text, not a step', () => {
    const t = parseTutorialText(PAGE, 'synopsis.md', { form: 'docfx' });
    const steps = t.steps.map((s) => s.raw);
    expect(steps).toEqual([
      'az logic workflow create --resource-group "rg" --location "westus" --name "app" --definition "def.json"',
      'az logic workflow show --resource-group "rg" --name "app"',
    ]);
  });

  it('gives no lint error or warning on the synopsis lines', () => {
    // Synopsis lines are the code lines without a quoted value; the examples (with values) assume
    // the resource group "rg", which page-assumes-resource rightly says.
    const lines = PAGE.split('\n');
    const onSynopsis = lintText(PAGE).filter((f) => f.severity !== 'note' && /--|\[/.test(lines[f.line - 1]!) && !lines[f.line - 1]!.includes('"'));
    expect(onSynopsis.map((f) => `${f.line} ${f.rule}`)).toEqual([]);
    expect(lintText(PAGE).filter((f) => f.severity === 'error').map((f) => `${f.line} ${f.rule}`)).toEqual([]);
  });

  it('still runs a value-less command the page gives nowhere with values (tutorials/000-storage-sas.md: it fails as written)', () => {
    const sas = tutorial('000-storage-sas.md');
    expect(sas.steps.some((s) => s.kind === 'az' && s.raw.includes('az storage blob upload --container-name'))).toBe(true);
    const alone = `# Upload\n\nUpload the file:\n\n${fence('azurecli', 'az storage blob upload --container-name\n                       --file\n                       --name')}`;
    const t = parseTutorialText(alone, 'alone.md', { form: 'docfx' });
    expect(t.steps).toHaveLength(1);
    expect(lintText(alone).some((f) => f.rule === 'az-flag-without-value' && f.severity === 'error')).toBe(true);
  });

  it('defect: "-g {ResourceGroupName}" read as an enum set made a command with values a synopsis (storage-require-secure-transfer.md lost its step)', () => {
    const page = `# Check\n\nUse the following command to check the setting:\n\n${fence('azurecli-interactive', 'az storage account show -g {ResourceGroupName} -n {StorageAccountName}')}`;
    const t = parseTutorialText(page, 'braces.md', { form: 'docfx' });
    expect(t.steps.map((s) => s.raw.trim())).toEqual(['az storage account show -g {ResourceGroupName} -n {StorageAccountName}']);
  });
});
