// Block language: the fence info string read as a closed class, recorded on steps and responses.
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { BlockLanguage, Tutorial } from '../../src/model.ts';
import { parseTutorialFile, parseTutorialText } from '../../src/parse/index.ts';
import { blockLanguage } from '../../src/parse/language.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';

describe('blockLanguage', () => {
  it('maps Learn fence spellings to their class, case and attributes aside', () => {
    const cases: Array<[string, BlockLanguage]> = [
      ['bash', 'shell'],
      ['azurecli', 'shell'],
      ['azurecli-interactive', 'shell'],
      ['azure-cli', 'shell'],
      ['console', 'shell'],
      ['sh', 'shell'],
      ['shell', 'shell'],
      ['zsh', 'shell'],
      ['Bash', 'shell'],
      ['bash title="Create a group"', 'shell'],
      ['powershell', 'powershell'],
      ['PowerShell', 'powershell'],
      ['azurepowershell', 'powershell'],
      ['azurepowershell-interactive', 'powershell'],
      ['pwsh', 'powershell'],
      ['ps1', 'powershell'],
      ['json', 'json'],
      ['JSON', 'json'],
      ['yaml', 'yaml'],
      ['yml', 'yaml'],
      ['xml', 'xml'],
      ['http', 'http'],
      ['output', 'output'],
      ['text', 'output'],
      ['', 'other'],
      ['python', 'other'],
      ['azcopy', 'other'],
      ['azurecliextension', 'other'],
    ];
    for (const [info, language] of cases) expect(blockLanguage(info), info).toBe(language);
  });
});

describe('the model records the language of the block a step or response came from', () => {
  it('on the DocFX constructs fixture: fenced steps and the fenced JSON response have it, the rest does not', () => {
    const t = parseTutorialFile(resolve(projectRoot, join('tests/parse/fixtures', 'docfx-constructs.md')));
    expect(t.steps.map((s) => [s.id, s.fence ?? null, s.language ?? null])).toEqual([
      ['s1', 'bash', 'shell'],
      ['s2', 'azurecli-interactive', 'shell'],
      ['s3', 'azurecli', 'shell'],
      ['s4', '', 'other'],
      ['s5', null, null], // indented code has no info string
    ]);
    expect(t.steps[4]!.expectation?.language).toBe('json');
    expect(() => Tutorial.parse(t)).not.toThrow();
  });
  it('keeps a PowerShell block as PowerShell (its curl is an alias of Invoke-WebRequest, not a curl request) and a text block as output', () => {
    const text = [
      '# Page',
      '',
      '```powershell',
      'curl -Uri https://example.com/x -Method GET',
      '```',
      '',
      '```bash',
      'curl https://example.com/y',
      '```',
      '',
      '```output',
      'Hello',
      '```',
      '',
    ].join('\n');
    const t = parseTutorialText(text, 'page.md');
    expect(t.steps.map((s) => [s.kind, s.language])).toEqual([
      ['shell', 'powershell'],
      ['http', 'shell'],
    ]);
    expect(t.steps[0]).toMatchObject({ raw: 'curl -Uri https://example.com/x -Method GET', shell: { kind: 'other', argv: ['curl'] } });
    expect(t.steps[1]!.expectation).toMatchObject({ kind: 'text', text: 'Hello', language: 'output' });
    expect(t.steps[0]!.expectation).toBeUndefined();
  });
});
