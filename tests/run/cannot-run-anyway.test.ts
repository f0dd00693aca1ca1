// Verdicts that say whose problem it is, for what the tool could not run whatever the page's values:
// a step it has no means to run is `unsupported` with that reason, not `blocked` asking for a --set
// that would change nothing; a real host outside Azure is not the page's failure because the emulator
// run never leaves the machine; a `# comment` line is no step to pass. Emulator and both engines for real.
// Pages shortened from tests/corpus/articles/app-service/deploy-zip.md and
// azure-functions/deployment-zip-push.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';
import type { Report } from '../../src/report/schema.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-cannot-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, text: string, opts: { engine?: 'http' | 'shell'; sets?: Record<string, string> } = {}): Promise<Report['tutorials'][number]> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const { report } = await runTutorials({ paths: [file], ...(opts.engine ? { engine: opts.engine } : {}), ...(opts.sets ? { sets: opts.sets } : {}) });
  const t = report.tutorials[0];
  if (!t) throw new Error('no tutorial in the report');
  return t;
}

const step = (t: Report['tutorials'][number], text: string) => {
  const s = t.steps.find((x) => x.raw.includes(text));
  if (!s) throw new Error(`no step with ${text}: ${t.steps.map((x) => x.raw).join(' | ')}`);
  return s;
};

const ZIP_PAGE = [
  '# Deploy a ZIP',
  '',
  '```bash',
  '# Bash',
  'az webapp deploy --resource-group <group-name> --name <app-name> --src-path <zip-package-path>',
  '```',
  '',
  '```bash',
  'curl -H "Authorization: Bearer <access-token>" https://<app_name>.scm.azurewebsites.net/api/deployments',
  '```',
  '',
].join('\n');

describe('defect: steps the tool cannot run anyway were blocked behind a --set that would not make them run', () => {
  it('az webapp deploy (no REST equivalent here) and a Kudu request (a host the emulator does not serve) are unsupported, with no unbound-placeholder problem', async () => {
    const t = await run('zip.md', ZIP_PAGE);
    const deploy = step(t, 'az webapp deploy');
    expect(deploy.verdict).toBe('unsupported');
    expect(deploy.unsupported).toBe('az-no-equivalent');
    expect(deploy.reason).toMatch(/az webapp deploy' is a real az command this tool has no REST equivalent for \(<zip-package-path> would need a value too/);
    const kudu = step(t, 'scm.azurewebsites.net');
    expect(kudu.verdict).toBe('unsupported');
    expect(kudu.unsupported).toBe('not-emulated');
    expect(kudu.reason).toMatch(/does not serve \*\.scm\.azurewebsites\.net/);
    expect((t.problems ?? []).filter((p) => p.code === 'E_PLACEHOLDER_UNBOUND')).toEqual([]);
  });

  it('a Kudu upload of a local file no step creates is unsupported (the host), not blocked on the file', async () => {
    // tests/corpus/articles/azure-functions/deployment-zip-push.md, shortened
    const page = ['# Push a ZIP', '', '```bash', 'curl -X POST --data-binary @"app.zip" https://<app_name>.scm.azurewebsites.net/api/zipdeploy', '```', ''].join('\n');
    const t = await run('zip-file.md', page);
    const push = step(t, 'zipdeploy');
    expect(push.verdict).toBe('unsupported');
    expect(push.unsupported).toBe('not-emulated');
    expect(push.reason).toMatch(/does not serve \*\.scm\.azurewebsites\.net.*it reads app\.zip, which no earlier step creates, too/);
  });

  it('defect: a `# comment` line in a command block was a step that passed vacuously; it is no step now', async () => {
    const t = await run('comment.md', ZIP_PAGE);
    expect(t.steps.some((s) => s.raw.trim() === '# Bash')).toBe(false);
    expect(t.steps.filter((s) => s.verdict === 'pass')).toEqual([]);
  });
});

describe('defect: with --set, a request to a host the emulator does not model failed with ENOTFOUND (a false fail)', () => {
  it('the Kudu host under azurewebsites.net is answered "not emulated" (http engine)', async () => {
    const t = await run('zip-set.md', ZIP_PAGE, { sets: { APP_NAME: 'myapp', ACCESS_TOKEN: 'not-a-real-token', ZIP_PACKAGE_PATH: 'app.zip' } });
    const kudu = step(t, 'scm.azurewebsites.net');
    expect(kudu.verdict).toBe('unsupported');
    expect(kudu.unsupported).toBe('not-emulated');
  });

  const OUTSIDE = ['# Outside Azure', '', '```bash', 'curl -s https://raw.githubusercontent.com/Azure/azure-quickstart-templates/master/README.md', '```', '', '```bash', 'curl -s https://https://management.azure.com/subscriptions', '```', ''].join('\n');
  for (const engine of ['http', 'shell'] as const) {
    it(`a host outside Azure is unsupported, a doubled scheme still fails (${engine} engine)`, async () => {
      const t = await run(`outside-${engine}.md`, OUTSIDE, { engine });
      const github = step(t, 'raw.githubusercontent.com');
      expect(github.verdict).toBe('unsupported');
      expect(github.unsupported).toBe('not-emulated');
      expect(github.reason).toMatch(/raw\.githubusercontent\.com is outside Azure/);
      // "https" is the host curl asks for: it resolves nowhere, on the reader's machine neither.
      expect(step(t, 'https://https://').verdict).toBe('fail');
    });
  }
});

describe('defect: the az equivalents printed JSON whatever --query and -o asked for (a captured or compared value az would not print)', () => {
  it('--query printed as json or tsv is what az prints (reference/az-output.ts); -o none prints nothing; -o table and a query selecting nothing stay unsupported', async () => {
    const page = [
      '# Groups', '',
      '```azurecli', 'az group create --name queryGroup --location westus --query id --output tsv', '```', '',
      '```azurecli', 'az group create --name hashGroup --location westus --query "{Name:name, Where:location}"', '```', '',
      '```azurecli', 'az group create --name quietGroup --location westus -o none', '```', '',
      '```azurecli', 'az group create --name tableGroup --location westus --query "{Name:name}" -o table', '```', '',
      '```azurecli', 'az group create --name missingGroup --location westus --query properties.notAField', '```', '',
    ].join('\n');
    const t = await run('query.md', page);
    const queried = step(t, 'queryGroup');
    expect(queried.verdict).toBe('pass');
    expect(queried.output?.stdout).toMatch(/^\/subscriptions\/[0-9a-f-]+\/resourceGroups\/queryGroup\n$/);
    // knack format_json: keys sorted, indented by two
    expect(step(t, 'hashGroup').output?.stdout).toBe('{\n  "Name": "hashGroup",\n  "Where": "westus"\n}\n');
    const quiet = step(t, 'quietGroup');
    expect(quiet.verdict).toBe('pass');
    expect(quiet.output?.stdout).toBe('');
    const table = step(t, 'tableGroup');
    expect(table.verdict).toBe('unsupported');
    expect(table.reason).toMatch(/--query \{Name:name\} -o table, which this tool does not compute here \(-o table is not computed by this tool\)/);
    expect(table.response?.status).toBe(201);
    const missing = step(t, 'missingGroup');
    expect(missing.verdict).toBe('unsupported');
    expect(missing.reason).toMatch(/selects nothing \(or a null\) in this tool's answer/);
  });
});

describe('defect: a request to a server the page starts on the reader\'s machine (func start, then curl localhost:7071) failed with ECONNREFUSED', () => {
  const LOCAL = ['# Run the function locally', '', '```console', 'func start', '```', '', '```bash', 'curl "http://localhost:7071/api/HttpExample?name=Functions"', '```', ''].join('\n');
  for (const engine of ['http', 'shell'] as const) {
    it(`is unsupported: the tool does not run the page's local server (${engine} engine)`, async () => {
      const t = await run(`local-${engine}.md`, LOCAL, { engine });
      const call = step(t, 'localhost:7071');
      expect(call.verdict).toBe('unsupported');
      expect(call.unsupported).toBe('not-emulated');
      expect(call.reason).toMatch(/localhost(:7071)? is the reader's own machine/);
    });
  }
});

describe('defect: a request to a pod\'s private IP (virtual-nodes-cli.md: curl -L http://10.241.0.4 from a shell inside the cluster) failed with "No connection"', () => {
  const POD = ['# Test the pod', '', 'Access the address of your pod, such as *http://10.241.0.4*:', '', '```console', 'curl -L http://10.241.0.4', '```', ''].join('\n');
  for (const engine of ['http', 'shell'] as const) {
    it(`is unsupported: a private address (RFC 1918) is reached only from inside its network (${engine} engine)`, async () => {
      const t = await run(`pod-${engine}.md`, POD, { engine });
      const call = step(t, '10.241.0.4');
      expect(call.verdict).toBe('unsupported');
      expect(call.unsupported).toBe('not-emulated');
      expect(call.reason).toMatch(/10\.241\.0\.4(:80)? is a private address \(RFC 1918\)/);
    });
  }
  it('a public-looking address that is not private stays the emulator\'s "no such host"', async () => {
    const t = await run('public-ip.md', POD.replace(/10\.241\.0\.4/g, '203.0.113.7'));
    expect(step(t, '203.0.113.7').reason).not.toMatch(/private address/);
  });
});

describe('defect: a request to a load balancer\'s public IP the page shows (openfaas.md, azure-aks-docs @fb060abe: curl -X POST http://52.186.64.52:8080/function/figlet after kubectl get service printed that EXTERNAL-IP) failed with "No connection"', () => {
  const GATEWAY = [
    '# Invoke the function',
    '',
    '```output',
    'NAME               TYPE           CLUSTER-IP     EXTERNAL-IP    PORT(S)          AGE',
    'gateway-external   LoadBalancer   10.0.28.18     52.186.64.52   8080:30800/TCP   7m',
    '```',
    '',
    'Invoke the function using the following `curl` command. Make sure you replace the IP address in the following example with your OpenFaaS gateway address.',
    '',
    '```console',
    'curl -X POST http://52.186.64.52:8080/function/figlet -d "Hello Azure"',
    '```',
    '',
  ].join('\n');
  for (const engine of ['http', 'shell'] as const) {
    it(`is unsupported: a public IP address is the reader's own resource's, which the emulator run does not reach (${engine} engine)`, async () => {
      const t = await run(`gateway-${engine}.md`, GATEWAY, { engine });
      const call = step(t, '52.186.64.52');
      expect(call.verdict).toBe('unsupported');
      expect(call.unsupported).toBe('not-emulated');
      expect(call.reason).toMatch(/52\.186\.64\.52(:8080)? is a public IP address/);
    });
  }
  it('a documentation address (RFC 5737, 203.0.113.7) is no public address: it stays the emulator\'s "no such host"', async () => {
    const t = await run('doc-ip.md', GATEWAY.replace(/52\.186\.64\.52/g, '203.0.113.7'));
    expect(step(t, '203.0.113.7').reason).not.toMatch(/public IP address/);
  });
});
