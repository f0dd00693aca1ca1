// Issue 16 session 15 (wild-plat): defects readers reported on Azure Spring Apps pages the tool had
// never seen (tests/fresh/articles/spring-apps). A quickstart series creates its resources once and
// the later pages use them; a page's Prerequisites section names the earlier pages, read beside it.
// - inconsistent-resource-name: quickstart-logs-metrics-tracing.md streams `az spring app logs -n gateway`,
//   while quickstart-deploy-apps.md, its prerequisite, creates api-gateway ("ERROR: App gateway not found",
//   https://github.com/MicrosoftDocs/azure-docs/issues/108632).
// - az-missing-required: the same page's `az spring app logs -n solar-system-weather -f` relies on the
//   `az configure --defaults group=… spring=…` the prerequisite page runs: not a missing --service.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintText, readRepoFile, ruleFindings } from './helpers.ts';

const LOGS = 'tests/fresh/articles/spring-apps/quickstart-logs-metrics-tracing.md';
const DEPLOY = 'tests/fresh/articles/spring-apps/quickstart-deploy-apps.md';
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const dir = mkdtempSync(join(tmpdir(), 'wild-plat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Lints `text` as `name` in a folder of its own holding `beside` (file name → text) too. */
function lintBeside(name: string, text: string, beside: Record<string, string>, rule: string) {
  const folder = mkdtempSync(join(dir, 'page-'));
  for (const [file, body] of Object.entries(beside)) writeFileSync(join(folder, file), body);
  const file = join(folder, name);
  writeFileSync(file, text);
  return lintText(text, 'docfx', file).filter((f) => f.rule === rule);
}
const page = (prereq: string, cmd: string) => ['# Logs', '', '## Prerequisites', '', `- [Deploy the apps](${prereq})`, '', '## Stream', '', '```azurecli', cmd, '```', ''].join('\n');
const deploy = (extra = '') => ['# Deploy', '', '```azurecli', 'az spring app create -g rg -s svc --name api-gateway', 'az spring app create -g rg -s svc --name customers-service', '```', '', extra, ''].join('\n');

describe('inconsistent-resource-name reads the names the prerequisite pages create', () => {
  it('az spring app logs -n gateway after a prerequisite page that created api-gateway (azure-docs#108632) is reported', () => {
    const text = readRepoFile(LOGS);
    const hits = ruleFindings('inconsistent-resource-name', LOGS);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, '-n gateway -f'), 'warning']]);
    expect(hits[0]!.message).toMatch(/spring app "gateway".*"api-gateway".*quickstart-deploy-apps\.md.*not found/);
  });

  it('silent on the names the prerequisite page creates (the C# pivot streams solar-system-weather)', () => {
    const text = readRepoFile(LOGS);
    const hits = ruleFindings('inconsistent-resource-name', LOGS);
    expect(hits.some((h) => h.line === lineWith(text, '-n solar-system-weather'))).toBe(false);
    expect(ruleFindings('inconsistent-resource-name', DEPLOY)).toEqual([]);
  });

  it('silent when the prerequisite page is not beside the page (nothing to compare with)', () => {
    expect(lintBeside('logs.md', readRepoFile(LOGS), {}, 'inconsistent-resource-name')).toEqual([]);
  });

  it('silent when the prerequisite page writes the name in code (a Maven appName), or this page does', () => {
    const cmd = 'az spring app logs -g rg -s svc -n gateway -f';
    expect(lintBeside('logs.md', page('deploy.md', cmd), { 'deploy.md': deploy() }, 'inconsistent-resource-name')).toHaveLength(1);
    expect(lintBeside('logs.md', page('deploy.md', cmd), { 'deploy.md': deploy('```xml\n<appName>gateway</appName>\n```') }, 'inconsistent-resource-name')).toEqual([]);
    expect(lintBeside('logs.md', `${page('deploy.md', cmd)}\nThe app \`gateway\` is the one you made in the portal.\n`, { 'deploy.md': deploy() }, 'inconsistent-resource-name')).toEqual([]);
    // A prose word of this page is no resource name ("Spring Cloud Gateway" is a product).
    expect(lintBeside('logs.md', `${page('deploy.md', cmd)}\nThe chart shows Spring Cloud Gateway requests.\n`, { 'deploy.md': deploy() }, 'inconsistent-resource-name')).toHaveLength(1);
  });

  it('a link outside the Prerequisites section is not read', () => {
    const text = ['# Logs', '', 'See [Deploy the apps](deploy.md).', '', '```azurecli', 'az spring app logs -g rg -s svc -n gateway -f', '```', ''].join('\n');
    expect(lintBeside('logs.md', text, { 'deploy.md': deploy() }, 'inconsistent-resource-name')).toEqual([]);
  });
});

describe('az-missing-required counts the defaults a prerequisite page configures', () => {
  it('az spring app logs -n solar-system-weather -f after quickstart-deploy-apps.md ran az configure --defaults group=… spring=…', () => {
    expect(ruleFindings('az-missing-required', LOGS)).toEqual([]);
  });
  it('without the prerequisite page beside it, --service is missing (a warning: an extension command)', () => {
    const hits = lintBeside('logs.md', readRepoFile(LOGS), {}, 'az-missing-required');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.severity === 'warning' && /--service\/-s/.test(h.message))).toBe(true);
  });
  it('az config set defaults.spring=… on the prerequisite page counts as well', () => {
    const prereq = ['# Setup', '', '```azurecli', 'az config set defaults.group=rg defaults.spring=svc', '```', ''].join('\n');
    expect(lintBeside('logs.md', page('setup.md', 'az spring app logs -n gateway -f'), { 'setup.md': prereq }, 'az-missing-required')).toEqual([]);
    expect(lintBeside('logs.md', page('setup.md', 'az spring app logs -n gateway -f'), {}, 'az-missing-required')).toHaveLength(1);
  });
});
