// Structure decides what belongs together: DocFX tab groups and zone pivots are variants of a page
// (one per tab id times each pivot), each step knows the tab and pivot it is written in, and an
// expected response attaches only to a request of its own section, tab or zone, with nothing that
// introduces another request between them.
import { describe, expect, it } from 'vitest';
import { Tutorial, type Step } from '../../src/model.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { listVariants, MAX_EXAMINED, MAX_VARIANTS, type Place } from '../../src/parse/variants.ts';

const fence = (lang: string, text: string): string => `\`\`\`${lang}\n${text}\n\`\`\`\n`;
const IMDS = (q: string) => `curl -s -H Metadata:true "http://169.254.169.254/metadata/${q}"`;

/** Each step: id, first line, tab, pivot, and the first line of the response attached to it. */
function placed(t: Tutorial): Array<[string, number, string | null, string | null, number | null]> {
  return t.steps.map((s: Step) => [s.id, s.source.startLine, s.tab ?? null, s.pivot ?? null, s.expectation?.source.startLine ?? null]);
}

// An instance-metadata reference page as Learn writes it: Windows and Linux tabs for each call, a
// response shown after the group for both, responses inside a tab for that tab's request only.
const TABS = `# Instance metadata

## Query the instance

#### [Windows](#tab/windows/)

${fence('powershell', 'Invoke-RestMethod -Headers @{"Metadata"="true"} -Method GET -NoProxy -Uri "http://169.254.169.254/metadata/instance?api-version=2021-02-01"')}
#### [Linux](#tab/linux/)

${fence('bash', IMDS('instance?api-version=2021-02-01'))}
---

**Response**

${fence('json', '{ "compute": { "vmId": "02aab8a4-74ef-476e-8182-f6d2ba4166a6" } }')}
## Get the tags

#### [Linux](#tab/linux/)

${fence('bash', IMDS('instance/compute/tags?api-version=2021-02-01&format=text'))}
The response:

${fence('output', 'Department:IT;Environment:Test')}
#### [Windows](#tab/windows/)

${fence('bash', IMDS('instance/compute/tagsList?api-version=2021-02-01'))}
The response:

${fence('json', '[{ "name": "Department", "value": "IT" }]')}
---

## Get the network

${fence('bash', IMDS('instance/network?api-version=2021-02-01'))}
## Clean up

${fence('json', '{ "unrelated": "a template, not the network call\'s answer" }')}`;

// Zone pivots: one command per platform, a fence the Windows zone leaves open (Learn closes it with
// the zone), and the Windows output in a later zone of the same pivot.
const PIVOTS = `---
title: Pivots
zone_pivot_groups: app-service-platform-windows-linux
---

# Create a web app

::: zone pivot="platform-windows"

Run the following command:

\`\`\`azurecli-interactive
az group create --name myResourceGroup --location "southcentralus"
::: zone-end

::: zone pivot="platform-linux"

Run the following command:

${fence('azurecli-interactive', 'az group create --name myLinuxGroup --location "southcentralus"')}
${fence('json', '{ "name": "myLinuxGroup", "properties": { "provisioningState": "Succeeded" } }')}
::: zone-end

::: zone pivot="platform-windows"

${fence('json', '{ "name": "myResourceGroup", "properties": { "provisioningState": "Succeeded" } }')}
::: zone-end

Browse to the app:

${fence('bash', 'curl https://example.azurewebsites.net/')}`;

describe('a page with Linux/Windows tabs', () => {
  const t = parseTutorialText(TABS, 'docs/imds.md');

  it('each tab\'s examples attach to its own requests, the response after the group to each tab\'s request', () => {
    expect(placed(t)).toEqual([
      ['s1', 8, 'windows', null, 22], // the PowerShell tab's statement is a step (listed, never run); the group's response is each tab's
      ['s2', 14, 'linux', null, 22],
      ['s3', 30, 'linux', null, 36], // its own "The response:" output, not the Windows tab's JSON
      ['s4', 42, 'windows', null, 48], // the JSON in the Windows tab, not the Linux tab's output before it
      ['s5', 56, null, null, null], // a heading stands between it and the JSON below
    ]);
    expect(() => Tutorial.parse(t)).not.toThrow();
  });

  it('has one variant per tab id, each with the steps outside tabs and those of its own tabs', () => {
    expect(t.variants).toEqual([
      { name: 'tab=windows', tab: 'windows', steps: ['s1', 's4', 's5'], examples: [0] },
      { name: 'tab=linux', tab: 'linux', steps: ['s2', 's3', 's5'], examples: [0] },
    ]);
  });

  it('tab headings are tab labels, not sections; the group close is not a paragraph', () => {
    expect(t.sections.map((s) => s.title)).toEqual(['Instance metadata', 'Query the instance', 'Get the tags', 'Get the network', 'Clean up']);
    expect(t.steps.map((s) => s.section)).toEqual(['Query the instance', 'Query the instance', 'Get the tags', 'Get the tags', 'Get the network']);
  });

  it('the response after a group attaches to the last waiting request of every tab', () => {
    const page = `# Two calls\n\n# [Linux](#tab/linux)\n\n${fence('bash', IMDS('a'))}\n# [macOS](#tab/macos)\n\n${fence('bash', IMDS('b'))}\n---\n\nThe output is:\n\n${fence('json', '{"ok": true}')}`;
    const two = parseTutorialText(page, 'docs/two.md');
    expect(placed(two)).toEqual([
      ['s1', 6, 'linux', null, 20],
      ['s2', 12, 'macos', null, 20],
    ]);
    expect(two.steps[0]!.expectation).toBe(two.steps[1]!.expectation);
  });
});

describe('a page with zone pivots', () => {
  const t = parseTutorialText(PIVOTS, 'docs/pivots.md');

  it('each pivot\'s examples attach to its own requests', () => {
    expect(placed(t)).toEqual([
      ['s1', 13, null, 'platform-windows', 33], // its output sits in a later zone of the same pivot
      ['s2', 21, null, 'platform-linux', 25],
      ['s3', 41, null, null, null],
    ]);
  });

  it('a fence left open in a zone ends at its "::: zone-end", as Learn ends it, with a warning', () => {
    expect(t.steps[0]!.raw).toBe('az group create --name myResourceGroup --location "southcentralus"');
    expect(t.diagnostics.filter((d) => d.code === 'fence-closed-by-zone').map((d) => [d.line, d.severity])).toEqual([[12, 'warning']]);
  });

  it('has one variant per pivot', () => {
    expect(t.variants?.map((v) => [v.name, v.steps])).toEqual([
      ['pivot=platform-windows', ['s1', 's3']],
      ['pivot=platform-linux', ['s2', 's3']],
    ]);
  });
});

describe('what stands between a request and a response', () => {
  const json = fence('json', '{"value": 1}');
  const curl = fence('bash', 'curl https://example.com/api');
  const attached = (page: string) => parseTutorialText(`# Page\n\n${page}`, 'docs/p.md').steps.map((s) => s.expectation?.kind ?? null);

  it('a heading: the JSON under it is not the earlier request\'s (a "Response" heading is)', () => {
    expect(attached(`${curl}\n## Next part\n\n${json}`)).toEqual([null]);
    expect(attached(`${curl}\n### Response\n\n${json}`)).toEqual(['json']);
    expect(attached(`${curl}\n#### Sample output\n\n${json}`)).toEqual(['json']);
  });

  it('prose that introduces another command', () => {
    // The PowerShell statement is a step of its own (listed, never run): the JSON is its output, not the curl's.
    expect(attached(`${curl}\nTo list the keys, run the following command:\n\n${fence('azurepowershell', 'Get-AzKeyVaultKey -VaultName x')}\n${json}`)).toEqual([null, 'json']);
    expect(attached(`${curl}\nUse the following cmdlet:\n\n${json}`)).toEqual([null]);
    // prose about what the command shows is not another command
    expect(attached(`${curl}\nThis command may take a few minutes to run. It displays information similar to the following example:\n\n${json}`)).toEqual(['json']);
    expect(attached(`${curl}\nThe command returns the following output:\n\n${json}`)).toEqual(['json']);
  });

  it('another block of code the reader runs', () => {
    expect(attached(`${curl}\n${fence('azurepowershell', 'Get-AzKeyVaultKey -VaultName x')}\n${json}`)).toEqual([null, 'json']);
    expect(attached(`${curl}\n${fence('python', 'print(client.get_secret("x"))')}\n${json}`)).toEqual([null]);
    // data between them does not
    expect(attached(`${curl}\n${fence('yaml', 'key: value')}\n${json}`)).toEqual(['json']);
  });

  it('a tab heading or a zone marker', () => {
    expect(attached(`${curl}\n# [Linux](#tab/linux)\n\n${json}\n---\n`)).toEqual([null]);
    expect(attached(`${curl}\n::: zone pivot="a"\n\n${json}\n::: zone-end\n`)).toEqual([null]);
  });
});

describe('variants', () => {
  const tabs = (ids: string[], body: (id: string) => string, level = '#') => `${ids.map((id) => `${level} [${id}](#tab/${id})\n\n${body(id)}`).join('\n')}\n---\n`;

  it('a group without the chosen tab id shows its first tab, as Learn does; variants showing the same steps are run once', () => {
    const page = `# Page\n\n${tabs(['azure-cli', 'azure-powershell'], (id) => fence('bash', `curl https://example.com/create-${id}`))}\n${tabs(['bash', 'cmd'], (id) => fence('bash', `curl https://example.com/env-${id}`))}`;
    const t = parseTutorialText(page, 'docs/p.md');
    expect(t.steps.map((s) => [s.id, s.tab])).toEqual([
      ['s1', 'azure-cli'],
      ['s2', 'azure-powershell'],
      ['s3', 'bash'],
      ['s4', 'cmd'],
    ]);
    expect(t.variants?.map((v) => [v.name, v.steps])).toEqual([
      ['tab=azure-cli', ['s1', 's3']], // the second group shows its first tab, bash
      ['tab=azure-powershell', ['s2', 's3']],
      ['tab=cmd', ['s1', 's4']], // the first group shows its first tab, azure-cli
    ]);
    expect(t.diagnostics.find((d) => d.code === 'variants-merged')?.message).toMatch(/tab=bash shows what tab=azure-cli shows/);
  });

  it('tabs times pivots, named as goldens name them; a tab answering to two ids', () => {
    const zone = (p: string) => `::: zone pivot="${p}"\n\n${tabs(['linux+macos', 'windows'], (id) => fence('bash', `curl https://example.com/${p}/${id}`))}\n::: zone-end\n`;
    const t = parseTutorialText(`# Page\n\n${zone('python')}\n${zone('csharp')}`, 'docs/p.md');
    expect(t.steps.map((s) => [s.id, s.tab, s.pivot])).toEqual([
      ['s1', 'linux+macos', 'python'],
      ['s2', 'windows', 'python'],
      ['s3', 'linux+macos', 'csharp'],
      ['s4', 'windows', 'csharp'],
    ]);
    expect(t.variants?.map((v) => [v.name, v.tab, v.pivot, v.steps])).toEqual([
      ['tab=linux;pivot=python', 'linux', 'python', ['s1']],
      ['tab=windows;pivot=python', 'windows', 'python', ['s2']],
      ['tab=linux;pivot=csharp', 'linux', 'csharp', ['s3']],
      ['tab=windows;pivot=csharp', 'windows', 'csharp', ['s4']],
    ]);
  });

  it('tab groups inside list items end with their item; a group never closed is said', () => {
    const item = (n: number) => `${n}. Step ${n}:\n\n    # [cli](#tab/cli)\n\n    ${'```bash'}\n    curl https://example.com/${n}/cli\n    ${'```'}\n\n    # [ps](#tab/ps)\n\n    Use the portal.\n`;
    const t = parseTutorialText(`# Page\n\n${item(1)}\n${item(2)}\nThen:\n\n${fence('bash', 'curl https://example.com/shared')}`, 'docs/p.md');
    expect(t.steps.map((s) => [s.id, s.tab ?? null])).toEqual([
      ['s1', 'cli'],
      ['s2', 'cli'],
      ['s3', null],
    ]);
    expect(t.diagnostics.map((d) => d.code)).not.toContain('tab-group-unclosed');
    const open = parseTutorialText(`# Page\n\n# [cli](#tab/cli)\n\n${fence('bash', 'curl https://example.com/a')}\n# [ps](#tab/ps)\n\nText.\n\n## Later\n\n${fence('bash', 'curl https://example.com/b')}`, 'docs/p.md');
    expect(open.diagnostics.filter((d) => d.code === 'tab-group-unclosed').map((d) => d.line)).toEqual([3]);
    // Learn shows the rest of the page in the last tab: so does the model.
    expect(open.steps.map((s) => s.tab)).toEqual(['cli', 'ps']);
  });

  it(`more than ${MAX_VARIANTS} variants: the first ${MAX_VARIANTS} are kept, a warning names the rest`, () => {
    const ids = Array.from({ length: 9 }, (_, i) => `t${i}`);
    const zone = (p: string) => `::: zone pivot="${p}"\n\n${tabs(ids, (id) => fence('bash', `curl https://example.com/${p}/${id}`))}\n::: zone-end\n`;
    const t = parseTutorialText(`# Page\n\n${zone('a')}\n${zone('b')}`, 'docs/p.md');
    expect(t.variants).toHaveLength(MAX_VARIANTS);
    const warning = t.diagnostics.find((d) => d.code === 'variants-capped');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/more than 16 variants \(9 tab id\(s\) × 2 pivot\(s\)\); the first 16 distinct are run, 2 combination\(s\) are not: tab=t7;pivot=b, tab=t8;pivot=b$/);
  });

  it('thousands of tab ids: the combinations past the caps are counted, not examined (passes over the steps do not grow with the ids)', () => {
    const looked = { n: 0 };
    class Counting extends Map<Step, Place> {
      override get(k: Step) {
        looked.n++;
        return super.get(k);
      }
    }
    /** n single-step tab groups; `second`: each group has a second tab of its own id (else every variant shows the same). */
    const work = (n: number, second: boolean) => {
      looked.n = 0;
      const steps = Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}` }) as Step);
      const places = new Counting(steps.map((s, i) => [s, { tabs: [{ group: `g${i}`, tab: 0, id: `t${i}` }] }]));
      const groups = new Map(steps.map((_, i) => [`g${i}`, second ? [[`t${i}`], [`other${i}`]] : [[`t${i}`]]]));
      const diags: string[] = [];
      const variants = listVariants({ steps, stepPlaces: places, examples: [], examplePlaces: new Map(), groups, pivots: [], file: 'p.md' }, (d) => diags.push(d.message));
      const warning = diags.find((d) => d.startsWith('the page has'));
      return { passes: looked.n / n, variants: variants.length, warning };
    };
    for (const n of [1000, 2000]) {
      const distinct = work(n, true);
      expect(distinct.variants).toBe(MAX_VARIANTS);
      expect(distinct.passes).toBeLessThanOrEqual(MAX_EXAMINED);
      expect(distinct.warning).toMatch(new RegExp(`^the page has more than 16 variants \\(${2 * n} tab id\\(s\\) × 1 pivot\\(s\\)\\); the first 16 distinct are run, \\d+ combination\\(s\\) are not: .*, and \\d+ more$`));
      // Every variant the same (single-tab groups): examined up to MAX_EXAMINED, then said.
      const same = work(n, false);
      expect(same.variants).toBe(0);
      expect(same.passes).toBe(MAX_EXAMINED);
      expect(same.warning).toMatch(new RegExp(`^the page has ${n} tab/pivot combinations, more than the ${MAX_EXAMINED} examined`));
    }
  });

  it('a page without tabs or pivots, or whose tabs all show the same steps, has no variants', () => {
    expect(parseTutorialText(`# Page\n\n${fence('bash', 'curl https://example.com')}`, 'docs/p.md').variants).toBeUndefined();
    const portalOnly = parseTutorialText(`# Page\n\n${tabs(['portal', 'cli'], () => 'Text only.\n')}\n${fence('bash', 'curl https://example.com')}`, 'docs/p.md');
    expect(portalOnly.variants).toBeUndefined();
  });

  it('steps of an include inside a tab belong to that tab', () => {
    const page = `# Page\n\n# [cli](#tab/cli)\n\n[!INCLUDE [steps](includes/steps.md)]\n\n# [rest](#tab/rest)\n\n${fence('bash', 'curl https://example.com/rest')}\n---\n`;
    const t = parseTutorialText(page, 'docs/p.md', { readInclude: (f) => (f === 'docs/includes/steps.md' ? fence('bash', 'curl https://example.com/included') : undefined) });
    expect(t.steps.map((s) => [s.id, s.source.file, s.tab])).toEqual([
      ['s1', 'docs/includes/steps.md', 'cli'],
      ['s2', 'docs/p.md', 'rest'],
    ]);
    expect(t.variants?.map((v) => [v.name, v.steps])).toEqual([
      ['tab=cli', ['s1']],
      ['tab=rest', ['s2']],
    ]);
  });
});
