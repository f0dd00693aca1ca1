// Two rules read "the page sets this environment variable" (variable-url-after-scheme, program-env-var-not-set);
// each had its own regexes and they disagreed: one knew [Environment]::SetEnvironmentVariable and an export
// after `&&`, the other did not, and one compared cmd/PowerShell names without case, the other with it. Both now
// ask src/lint/env-var-assignments.ts. The pages are tests/fresh copies (provenance in tests/fresh/manifest.json).
import { describe, expect, it } from 'vitest';
import { assigns, envVarAssignments, setsEnvironment } from '../../src/lint/env-var-assignments.ts';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const GO_QUICKSTART = 'tests/fresh/articles/key-vault/secrets/quick-create-go.md';
const CHATGPT_REST = 'tests/fresh/articles/cognitive-services/openai/includes/chatgpt-rest.md';

describe('env-var-assignments: every form one line sets a variable with', () => {
  const one = (line: string) => envVarAssignments(line).map((a) => [a.form, a.name, a.value]);
  it('bash, cmd and PowerShell forms, with the value as written when the line states one', () => {
    expect(one('export KEY_VAULT_NAME=quickstart-kv')).toEqual([['export', 'KEY_VAULT_NAME', 'quickstart-kv']]);
    expect(one('  rg="my rg"')).toEqual([['shell', 'rg', '"my rg"']]);
    expect(one('echo export OPENAI_API_BASE="REPLACE_WITH_YOUR_ENDPOINT_HERE" >> /etc/environment')).toEqual([['export', 'OPENAI_API_BASE', '"REPLACE_WITH_YOUR_ENDPOINT_HERE"']]);
    expect(one('cd app && export PORT=8080')).toEqual([['export', 'PORT', '8080']]);
    expect(one('setx OPENAI_API_BASE "REPLACE_WITH_YOUR_ENDPOINT_HERE" ')).toEqual([['setx', 'OPENAI_API_BASE', '"REPLACE_WITH_YOUR_ENDPOINT_HERE"']]);
    expect(one('set "KEY_VAULT_NAME=kv1"')).toEqual([['set', 'KEY_VAULT_NAME', 'kv1']]);
    expect(one("$env:KEY_VAULT_NAME = 'kv1'")).toEqual([['env', 'KEY_VAULT_NAME', "'kv1'"]]);
    expect(one("[System.Environment]::SetEnvironmentVariable('OPENAI_API_BASE', 'x', 'User')")).toEqual([['SetEnvironmentVariable', 'OPENAI_API_BASE', "'x'"]]);
  });
  it('a value the line computes is no stated value, but the name is still set', () => {
    expect(one('$env:KEY_VAULT_NAME = $kv')).toEqual([['env', 'KEY_VAULT_NAME', undefined]]);
    expect(one('export EMPTY=')).toEqual([['export', 'EMPTY', undefined]]);
  });
  it('a bash NAME=… without export is the shell\'s variable, not the environment; cmd and Windows names compare without case', () => {
    const [shell] = envVarAssignments('name=value');
    expect(setsEnvironment(shell!)).toBe(false);
    const [setx] = envVarAssignments('setx key_vault_name kv1');
    expect(assigns(setx!, 'KEY_VAULT_NAME')).toBe(true);
    const [exported] = envVarAssignments('export key_vault_name=kv1');
    expect(assigns(exported!, 'KEY_VAULT_NAME')).toBe(false);
  });
});

describe('program-env-var-not-set reads the settings the other rule reads', () => {
  const rule = 'program-env-var-not-set';
  const text = readRepoFile(GO_QUICKSTART);
  it('a page that sets its variable only with [Environment]::SetEnvironmentVariable sets one (it used to count as none, and the rule kept quiet)', () => {
    const ps = text.replace('export KEY_VAULT_NAME=quickstart-kv', "[System.Environment]::SetEnvironmentVariable('KEY_VAULT_NAME', 'quickstart-kv', 'User')");
    expect(ps).not.toBe(text);
    const hits = ruleFindings(rule, 'ps.md', ps);
    expect(hits.map((h) => h.line)).toEqual([lineOf(ps, 'os.Getenv("AZURE_KEY_VAULT_URI")')]);
    expect(hits[0]?.message).toMatch(/it sets KEY_VAULT_NAME \(line \d+\)/);
  });
  it('setx with the name in another case sets the variable the program reads: Windows\' environment names compare without case (was a false warning)', () => {
    const cmd = text.replace('export KEY_VAULT_NAME=quickstart-kv', 'setx azure_key_vault_uri "https://quickstart-kv.vault.azure.net/"');
    expect(cmd).not.toBe(text);
    expect(ruleFindings(rule, 'cmd.md', cmd)).toEqual([]);
  });
});

describe('variable-url-after-scheme reads the settings the other rule reads', () => {
  it('an export after && gives the variable its value too', () => {
    const text = readRepoFile(CHATGPT_REST);
    const chained = text.replace('echo export OPENAI_API_BASE="REPLACE_WITH_YOUR_ENDPOINT_HERE" >> /etc/environment && source /etc/environment', 'cd ~ && export OPENAI_API_BASE="https://docs-test-001.openai.azure.com/"');
    expect(chained).not.toBe(text);
    const hits = ruleFindings('variable-url-after-scheme', 'chained.md', chained);
    expect(hits.map((h) => h.line)).toEqual([lineOf(chained, 'curl https://$OPENAI_API_BASE/')]);
    expect(hits[0]?.message).toMatch(/"REPLACE_WITH_YOUR_ENDPOINT_HERE", line 51/);
    // The value given after && is read: a host there makes the rule hold its peace (the page gives it a host or a name).
    const host = chained.replace('export OPENAI_API_BASE="https://docs-test-001.openai.azure.com/"', 'export OPENAI_API_BASE=docs-test-001.openai.azure.com');
    expect(ruleFindings('variable-url-after-scheme', 'host.md', host)).toEqual([]);
  });
});
