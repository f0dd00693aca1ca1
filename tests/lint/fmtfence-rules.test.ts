// Issue 16 session 9 (fmtfence): timestamps formatted wrong (date-format-mistake) and Markdown
// blocks left open (markdown-block-unclosed), each held on real pages: silent where the page writes
// the pattern right, reported where a page (or the same page with the slip readers reported) does not.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';
import { parseTutorialText } from '../../src/parse/index.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

// MicrosoftDocs/azure-docs pages (byte-exact copies in the corpus, fresh pages and fixtures/real).
const BLOB_CONTAINERS = 'tests/corpus/articles/storage/blobs/blob-containers-cli.md';
const EVENT_GRID = 'tests/fresh/articles/event-grid/custom-event-quickstart.md';
const AVD_KEY = 'tests/lint/fixtures/real/add-session-hosts-host-pool.excerpt.md';
const SAS_TEMPLATE = 'tests/lint/fixtures/real/secure-template-with-sas-token.excerpt.md';
const MICROSERVICES = 'tests/fresh/articles/container-apps/communicate-between-microservices.md';
const GITHUB_ACTIONS = 'tests/corpus/articles/app-service/deploy-github-actions.md';

describe('date-format-mistake', () => {
  const rule = 'date-format-mistake';
  it('silent where real pages format the time right: date -u … +%Y-%m-%dT%H:%MZ, date +…%z (local with its offset), (Get-Date).ToUniversalTime()….ToString("…Z"), date --iso-8601', () => {
    expect(read(BLOB_CONTAINERS)).toContain(`expiry=\`date -u -d "30 minutes" '+%Y-%m-%dT%H:%MZ'\``);
    expect(found(rule, BLOB_CONTAINERS)).toEqual([]);
    expect(read(EVENT_GRID)).toContain('`date +%Y-%m-%dT%H:%M:%S%z`');
    expect(found(rule, EVENT_GRID)).toEqual([]);
    expect(read(AVD_KEY)).toContain(".ToUniversalTime().AddHours(24).ToString('yyyy-MM-ddTHH:mm:ss.fffffffZ')");
    expect(found(rule, AVD_KEY)).toEqual([]);
  });
  it('the SAS expiry of blob-containers-cli.md without -u: local time labelled UTC with "Z" (azure-docs#51634 readers run it on their own machines)', () => {
    const text = read(BLOB_CONTAINERS).replace(`date -u -d "30 minutes"`, `date -d "30 minutes"`);
    const hits = found(rule, 'no-utc.md', text);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, 'expiry=`date'), 'warning']]);
    expect(hits[0]?.message).toMatch(/date without -u prints the local time.*"Z".*UTC\+2.*17:30Z/);
  });
  it('…and with %m for the minutes: the month (15:12 at 15:30 in December)', () => {
    const text = read(BLOB_CONTAINERS).replace(`'+%Y-%m-%dT%H:%MZ'`, `'+%Y-%m-%dT%H:%mZ'`);
    expect(found(rule, 'month.md', text).map((h) => h.message)).toEqual([expect.stringMatching(/%m is the month.*15:12/)]);
  });
  it('the registration key expiry with "hh" (Azure/azure-sdk-for-js#21849: a 30-minute token expired in the past) and without .ToUniversalTime() (rmbolger/Posh-ACME#57)', () => {
    const base = read(AVD_KEY);
    const hh = base.replace("'yyyy-MM-ddTHH:mm:ss.fffffffZ'", "'yyyy-MM-ddThh:mm:ss.fffffffZ'");
    expect(found(rule, 'hh.md', hh).map((h) => h.message)).toEqual([expect.stringMatching(/"hh" is the hour on a 12-hour clock.*no "tt".*03:30/)]);
    const local = base.replace('(Get-Date).ToUniversalTime().AddHours(24)', '(Get-Date).AddHours(24)');
    const hits = found(rule, 'local.md', local);
    expect(hits.map((h) => h.line)).toEqual([lineWith(local, 'ExpirationTime = ')]);
    expect(hits[0]?.message).toMatch(/Get-Date gives the local time and the format labels it UTC with a literal "Z"/);
  });
  it('a format whose clock cannot be told from the line is judged only for what the format itself gets wrong', () => {
    const text = '# T\n\n```powershell\n$s = $start.ToString("yyyy-MM-ddTHH:mm:ssZ")\n$t = $start.ToString("YYYY-MM-DD")\n```\n';
    expect(found(rule, 'unknown.md', text).map((h) => h.line)).toEqual([5]);
  });
  it('a 12-hour hour is judged in a timestamp (with a date), not in a clock shown to a person', () => {
    const text = '# T\n\n```powershell\n$a = (Get-Date).ToString("hh:mm")\n$b = Get-Date -Format "yyyy-MM-dd hh:mm"\n```\n\n```bash\necho "$(date +%I:%M)"\nstamp=$(date -u +%Y%m%d-%I%M)\n```\n';
    expect(found(rule, 'clock.md', text).map((h) => h.line)).toEqual([5, 10]);
  });
  it('Python: datetime.now() labelled Z is reported, datetime.now(timezone.utc) and utcnow() are not', () => {
    const text = '# T\n\n```python\na = datetime.now().strftime("%Y-%m-%dT%H:%M:%SZ")\nb = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")\nc = datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")\n```\n';
    expect(found(rule, 'py.md', text).map((h) => h.line)).toEqual([4]);
  });
  it('silent after export TZ=UTC, and on TZ=UTC date', () => {
    const text = '# T\n\n```bash\nexport TZ=UTC\nend=$(date -d "1 hour" +%Y-%m-%dT%H:%MZ)\nstart=$(TZ=UTC date +%Y-%m-%dT%H:%MZ)\n```\n';
    expect(found(rule, 'tz.md', text)).toEqual([]);
  });
});

describe('date-gnu-option-on-macos', () => {
  const rule = 'date-gnu-option-on-macos';
  it('silent where the page does not offer the block for macOS: date -u -d in blob-containers-cli.md (macOS named only as a place to install the CLI, 300 lines above), date -d in the registration key\'s "Azure CLI" tab', () => {
    const text = read(BLOB_CONTAINERS);
    expect(text).toMatch(/install it on macOS, Linux, or Windows/);
    expect(found(rule, BLOB_CONTAINERS)).toEqual([]);
    expect(read(AVD_KEY)).toContain("$(date -d '+24 hours' --iso-8601=ns)");
    expect(found(rule, AVD_KEY)).toEqual([]);
  });
  it('silent on the page azure-docs#61207 was filed on, as fixed: the block is scoped to Cloud Shell\'s Bash; reported when its note offers it for macOS instead', () => {
    const text = read(SAS_TEMPLATE);
    expect(text).toContain('works with the Bash environment in Cloud Shell');
    expect(found(rule, SAS_TEMPLATE)).toEqual([]);
    expect(found('date-format-mistake', SAS_TEMPLATE)).toEqual([]);
    const mac = text.replace('works with the Bash environment in Cloud Shell.', 'works in Bash on Linux and macOS.');
    expect(found(rule, 'mac-note.md', mac).map((h) => h.line)).toEqual([lineWith(mac, "expiretime=$(date -u -d '30 minutes'")]);
  });
  it('the registration key\'s CLI tab offered for macOS (azure-docs#51634: "-d is not a valid argument in macOS")', () => {
    const text = read(AVD_KEY).replace('# [Azure CLI](#tab/cli)', '# [Azure CLI (macOS, Linux)](#tab/cli)');
    const hits = found(rule, 'mac-tab.md', text);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, 'expiration-time=$(date -d'), 'warning']]);
    expect(hits[0]?.message).toMatch(/date -d is GNU date's; the block is in the page's "Azure CLI \(macOS, Linux\)" tab/);
  });
  it('the BSD form (-v+30M) in a macOS tab is not reported; a sentence that excludes macOS does not offer the block for it', () => {
    const text = '# T\n\n# [macOS](#tab/macos)\n\n```bash\nend=$(date -u -v+30M +%Y-%m-%dT%H:%MZ)\n```\n\n---\n\nThis works on Linux, not on macOS:\n\n```bash\nend=$(date -u -d "30 minutes" +%Y-%m-%dT%H:%MZ)\n```\n';
    expect(found(rule, 'bsd.md', text)).toEqual([]);
  });
});

describe('markdown-block-unclosed', () => {
  const rule = 'markdown-block-unclosed';
  it('tutorials/000-key-vault.md: a stray ``` (read as an opener) and a ```bash block never closed, the rest of the page shown as code', () => {
    const file = 'tutorials/000-key-vault.md';
    const text = read(file);
    const hits = found(rule, file, text, 'rendered');
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [94, 'warning'],
      [99, 'warning'],
    ]);
    expect(text.split('\n')[98]).toBe('```bash');
    expect(hits[1]?.message).toMatch(/\(```bash\) is never closed.*Copy button/);
  });
  it('silent on real pages whose fences, tab groups and zone pivots are closed', () => {
    expect(read(MICROSERVICES)).toMatch(/::: zone pivot="docker-local"[\s\S]*::: zone-end/);
    expect(found(rule, MICROSERVICES)).toEqual([]);
    expect(read(GITHUB_ACTIONS)).toContain('# [Publish profile](#tab/applevel)');
    expect(found(rule, GITHUB_ACTIONS)).toEqual([]);
    expect(found(rule, AVD_KEY)).toEqual([]);
    expect(found(rule, BLOB_CONTAINERS)).toEqual([]);
  });
  it('the tab group of the real excerpt without its closing ---: Learn shows what follows in the last tab', () => {
    const text = `${read(AVD_KEY).replace(/\n---\n$/, '\n')}\n## Create and register session hosts\n\nText.\n`;
    expect(found(rule, 'no-close.md', text).map((h) => h.line)).toEqual([lineWith(text, '# [Portal](#tab/portal)')]);
  });
  it('a fence still open at ::: zone-end: Learn closes it there, lint says so and the parser agrees', () => {
    const lines = read(MICROSERVICES).split('\n');
    const open = lines.findIndex((l) => l === '::: zone pivot="docker-local"');
    const first = lines.findIndex((l, i) => i > open && l === '```');
    const second = lines.findIndex((l, i) => i > first && l === '```');
    expect(lines.slice(second + 1).findIndex((l) => l === '::: zone-end')).toBeGreaterThan(-1);
    lines.splice(second, 1);
    const text = lines.join('\n');
    const opener = lineWith(text.split('\n').slice(first + 1).join('\n'), '```') + first + 1;
    const hits = found(rule, 'by-zone.md', text);
    expect(hits.map((h) => h.line)).toEqual([opener]);
    expect(hits[0]?.message).toMatch(/not closed before "::: zone-end" on line \d+: Learn ends it with the zone/);
    const model = parseTutorialText(text, 'by-zone.md', { form: 'docfx' });
    expect(model.diagnostics.filter((d) => d.code === 'fence-closed-by-zone').map((d) => d.line)).toEqual([opener]);
  });
  it('a fence left open until the next block\'s opener: that opener is read as a line of the first block', () => {
    const lines = read(MICROSERVICES).split('\n');
    const open = lines.findIndex((l) => l === '::: zone pivot="docker-local"');
    const fence = lines.findIndex((l, i) => i > open && l.startsWith('```'));
    const close = lines.findIndex((l, i) => i > fence && l === '```');
    lines.splice(close, 1);
    const text = lines.join('\n');
    const hits = found(rule, 'swallowed.md', text);
    expect(hits.map((h) => h.line)).toEqual([fence + 1]);
    expect(hits[0]?.message).toMatch(/next block opens on line \d+ \(```powershell\).*reads that opener as a line of this block/);
  });
  it('a second ::: zone opened inside an open zone, and a ::: zone-end with nothing open', () => {
    const text = '# T\n\n::: zone pivot="a"\n\nText a.\n\n::: zone pivot="b"\n\nText b.\n\n::: zone-end\n\n::: zone-end\n\nEnd.\n\n::: zone-end\n';
    const hits = found(rule, 'nested.md', text);
    // As DocFX reads it: the inner zone is refused, the first zone-end closes the outer one, the other two close nothing.
    expect(hits.map((h) => h.line)).toEqual([7, 13, 17]);
    expect(hits[0]?.message).toMatch(/inside the zone opened on line 3.*Zones cannot be nested/);
    expect(hits[1]?.message).toMatch(/closes no zone/);
  });
});
