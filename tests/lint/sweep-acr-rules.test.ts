// Lint precision from a sweep of never-seen container-registry pages (MicrosoftDocs/azure-management-docs
// @d923d588, 50 pages, seed 43): five false errors on two pages, each pinned on a byte-exact excerpt
// (tests/lint/fixtures/real/README.md) with the defect beside it still reported.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';
import { shellWords } from '../../src/parse/shell-words.ts';
import { findAnglePlaceholders } from '../../src/parse/placeholders.ts';

const JAVA = 'tests/lint/fixtures/real/container-registry-java-quickstart.excerpt.md';
const TASK_IDENTITY = 'tests/lint/fixtures/real/container-registry-tasks-authentication-managed-identity.excerpt.md';
const SOFT_DELETE = 'tests/lint/fixtures/real/container-registry-soft-delete-policy.excerpt.md';
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('az-missing-required: --name=<placeholder with spaces>', () => {
  // argparse splits `--name=value` at "=" before it asks whether the word has a space: the option is given.
  it('silent on az group create --name=<your resource group name> (the Java quickstart)', () => {
    const text = readRepoFile(JAVA);
    expect(ruleFindings('az-missing-required', JAVA, text).filter((h) => h.line === lineOf(text, 'az group create'))).toEqual([]);
  });
  it('still reports az group create with no --name at all', () => {
    expect(ruleFindings('az-missing-required', 'x.md', '```azurecli\naz group create --location=<location>\n```\n').length).toBe(1);
  });
});

describe('az-missing-required: a default set with az config set defaults.acr=', () => {
  it('silent on az acr login after az config set defaults.acr=<your registry name> (the Java quickstart)', () => {
    expect(ruleFindings('az-missing-required', JAVA)).toEqual([]);
  });
  it('still reports az acr login without --name when nothing sets the default', () => {
    const text = readRepoFile(JAVA).replace('az config set defaults.acr=<your registry name>\n', '');
    expect(ruleFindings('az-missing-required', JAVA, text).map((h) => h.message)).toEqual([
      expect.stringContaining("'az acr login' requires it"),
      expect.stringContaining("'az acr login' requires it"),
    ]);
  });
});

describe('placeholder-misspelt: markup element names in prose', () => {
  it('silent on the `<plugins>` collection and the `<plugin>` element the pom.xml block closes (the Java quickstart)', () => {
    expect(ruleFindings('placeholder-misspelt', JAVA)).toEqual([]);
  });
  it('still reports a slip of one letter beside a placeholder', () => {
    const text = readRepoFile(JAVA).replace('--location <location> \\', '--location <locaton> \\');
    expect(ruleFindings('placeholder-misspelt', JAVA, text).length).toBe(1);
  });
});

describe('az-flag-without-value: az acr task create --assign-identity', () => {
  // azure-cli acr/_params.py: assign_identity nargs='*' (no value is the system identity); the reference
  // entry's example passes two values, which the table now reads as a list (scripts/generate-az-table.ts).
  it('silent on --assign-identity with no value; the line without its "\\" below is still reported', () => {
    const text = readRepoFile(TASK_IDENTITY);
    expect(ruleFindings('az-flag-without-value', TASK_IDENTITY, text)).toEqual([]);
    expect(ruleFindings('shell-missing-continuation', TASK_IDENTITY, text).map((h) => h.line)).toEqual([text.split('\n').findIndex((l) => l.endsWith('--commit-trigger-enabled false')) + 1]);
  });
  it('az acr task create takes the system and a user identity together', () => {
    expect(ruleFindings('az-unknown-parameter', 'x.md', '```azurecli\naz acr task create -n t -r r -c /dev/null --cmd x --assign-identity [system] /subscriptions/0/resourcegroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i\n```\n')).toEqual([]);
  });
});

describe('a choice placeholder <enabled/disabled>', () => {
  it('is one word holding one placeholder, not a redirection (the soft delete page); <br/> and </plugin> stay markup', () => {
    const line = readRepoFile(SOFT_DELETE).split('\n').find((l) => l.includes('--status'))!.trim();
    expect(shellWords(line).slice(-2)).toEqual(['--status', '<enabled/disabled>']);
    expect(findAnglePlaceholders(line).map((p) => p.spelling)).toEqual(['<enabled/disabled>']);
    expect(findAnglePlaceholders('a<br/>b </plugin> <plugin/>')).toEqual([]);
  });
  it('no error on the soft delete page', () => {
    const text = readRepoFile(SOFT_DELETE);
    for (const rule of ['az-flag-without-value', 'az-missing-required', 'shell-unclosed-quote']) expect(ruleFindings(rule, SOFT_DELETE, text)).toEqual([]);
  });
});
