// Issue 16 session 14 (wild-y): defects readers reported on Digital Twins, IoT Edge, Azure VMware Solution, Stream
// Analytics and Health Data Services pages (tests/fresh), each held on the real page and kept silent where the same
// thing is written right on a real page.
import { describe, expect, it } from 'vitest';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;

const TWIN_TO_TWIN = 'tests/fresh/articles/digital-twins/how-to-send-twin-to-twin-events.md';
const TWIN_TO_TWIN_FIXED = 'tests/lint/fixtures/real/how-to-send-twin-to-twin-events.4c4435d.excerpt.md';
const EDGE_CLI = 'tests/fresh/articles/iot-edge/tutorial-create-deployment-with-cli-iot-extension.md';
const AVS_PRIVATE_CLOUD = 'tests/fresh/articles/azure-vmware/tutorial-create-private-cloud.md';
const ASA_POWERSHELL = 'tests/fresh/articles/stream-analytics/stream-analytics-quick-create-powershell.md';
const FHIR_CLI = 'tests/fresh/articles/healthcare-apis/fhir/fhir-paas-cli-quickstart.md';

describe('shell-backslash-space: "\\ --option" in the middle of a line glues a space to the option (azure-docs#86743)', () => {
  const rule = 'shell-backslash-space';
  it('how-to-send-twin-to-twin-events.md (2021): "<your-event-grid-topic> \\ --endpoint-type azurefunction" is an error (az eventgrid event-subscription create takes no positional)', () => {
    const text = read(TWIN_TO_TWIN);
    const hits = found(rule, TWIN_TO_TWIN);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, '<your-event-grid-topic> \\ --endpoint-type'), 'error']]);
    expect(hits[0]?.message).toMatch(/bash passes " --endpoint-type" \(with a leading space\) as one word.*stops with "unrecognized arguments:  --endpoint-type …"/);
    expect(hits[0]?.suggestion).toContain('<your-event-grid-topic>  --endpoint-type azurefunction');
  });
  it('silent on the same command as fixed (@4c4435dd), and where "\\ -" is text inside quotes or an escaped backslash', () => {
    expect(read(TWIN_TO_TWIN_FIXED)).toContain('<your-event-grid-topic> --endpoint-type azurefunction');
    expect(found(rule, TWIN_TO_TWIN_FIXED)).toEqual([]);
    const text = ['```bash', 'echo "a \\ --b"', "grep -e 'x\\ -y' file", 'printf "%s" \\\\ --c', '```', ''].join('\n');
    expect(found(rule, 'inline.md', text)).toEqual([]);
  });
  it('a warning outside az, where the program may take the word as an argument', () => {
    const text = ['```bash', 'curl https://example.com \\ -o out.html', '```', ''].join('\n');
    expect(found(rule, 'inline.md', text).map((h) => h.severity)).toEqual(['warning']);
  });
});

describe('az-unknown-parameter: a long option written with one dash (azure-docs#8921)', () => {
  const rule = 'az-unknown-parameter';
  it('tutorial-create-deployment-with-cli-iot-extension.md (2018): az iot hub device-identity create … -hub-name CLIDemoHub', () => {
    const text = read(EDGE_CLI);
    const hits = found(rule, EDGE_CLI);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, '-hub-name CLIDemoHub'), 'warning']]);
    expect(hits[0]?.message).toMatch(/-hub-name is written with one dash: argparse reads a one-dash word as the short option -h followed by "ub-name", not as --hub-name/);
    expect(hits[0]?.suggestion).toBe('--hub-name');
  });
  it('silent on short options (az group create -l eastus -n IoTHubCLI) and on two-dash options of real pages', () => {
    const text = read(EDGE_CLI);
    expect(text).toContain('az group create -l eastus -n IoTHubCLI');
    expect(read(ASA_POWERSHELL)).toContain('az iot hub device-identity create --hub-name "MyASAIoTHub"');
    expect(found(rule, ASA_POWERSHELL)).toEqual([]);
  });
  it('a one-dash word no short option matches stays "unrecognized arguments" (an error)', () => {
    const text = ['```azurecli', 'az identity create -resource-group myResourceGroup --name myIdentity', '```', ''].join('\n');
    const hits = found(rule, 'inline.md', text);
    expect(hits.map((h) => h.severity)).toEqual(['error']);
    expect(hits[0]?.message).toMatch(/unrecognized arguments: -resource-group myResourceGroup/);
  });
});

describe('az-missing-required reads extension commands against the extension reference, as a warning (azure-docs#54270)', () => {
  const rule = 'az-missing-required';
  it('tutorial-create-private-cloud.md (2020): az vmware private-cloud create without --sku', () => {
    const text = read(AVS_PRIVATE_CLOUD);
    const hits = found(rule, AVS_PRIVATE_CLOUD);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, 'az vmware private-cloud create'), 'warning']]);
    expect(hits[0]?.message).toBe('az stops with "the following arguments are required: --sku" (\'az vmware private-cloud create\' requires it in the current reference of the vmware extension).');
  });
  it('silent on extension commands that give every required argument (the azure-iot az dt commands of the twin-to-twin page)', () => {
    expect(read('tests/fresh/includes/digital-twins-twin-to-twin-resources.md')).toContain('az dt route create --dt-name');
    expect(found(rule, TWIN_TO_TWIN)).toEqual([]);
  });
});

describe('az -h/--help prints help: no az-unknown-command or az-missing-required finding (a false fail on fhir-paas-cli-quickstart.md)', () => {
  it('az healthcareapis --help (a group) is not "a command group, not a command"', () => {
    const text = read(FHIR_CLI);
    expect(text).toContain('az healthcareapis --help');
    expect(found('az-unknown-command', FHIR_CLI)).toEqual([]);
    // the page's real defect stays: az healthcareapis create left the reference (azure-docs#76277)
    expect(found('az-retired-command', FHIR_CLI).map((h) => h.line)).toEqual([lineOf(text, 'az healthcareapis create')]);
  });
  it('az group create --help is not missing --name and --location; without --help it is', () => {
    const page = (line: string) => ['```azurecli', line, '```', ''].join('\n');
    expect(found('az-missing-required', 'inline.md', page('az group create --help'))).toEqual([]);
    expect(found('az-unknown-command', 'inline.md', page('az storage -h'))).toEqual([]);
    expect(found('az-missing-required', 'inline.md', page('az group create')).map((h) => h.severity)).toEqual(['error']);
  });
});

describe('powershell-unknown-parameter on Az.StreamAnalytics (the table now reads its Az 16.2.0 help; azure-docs PR #109117)', () => {
  const rule = 'powershell-unknown-parameter';
  it('stream-analytics-quick-create-powershell.md (2020): New-AzStreamAnalyticsJob -File … -Force, New-AzStreamAnalyticsTransformation -File, -Force on the New- cmdlets', () => {
    const text = read(ASA_POWERSHELL);
    const hits = found(rule, ASA_POWERSHELL);
    const job = lineOf(text, 'New-AzStreamAnalyticsJob `');
    const transformation = lineOf(text, 'New-AzStreamAnalyticsTransformation `');
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [job + 2, 'error'],
      [job + 4, 'error'],
      [lineOf(text, '-Name $jobOutputName -Force'), 'error'],
      [transformation + 3, 'error'],
      [transformation + 4, 'error'],
    ]);
    expect(hits[0]?.message).toMatch(/New-AzStreamAnalyticsJob has no parameter -File: PowerShell stops with "A parameter cannot be found that matches parameter name 'File'\."/);
  });
  it('silent on New-AzStreamAnalyticsInput -File and New-AzStreamAnalyticsOutput -File (both still take it) and on Start-AzStreamAnalyticsJob -OutputStartMode', () => {
    const text = read(ASA_POWERSHELL);
    const lines = found(rule, ASA_POWERSHELL).map((h) => h.line);
    const input = lineOf(text, 'New-AzStreamAnalyticsInput `');
    expect(lines).not.toContain(input + 3);
    expect(lines).not.toContain(lineOf(text, '-File $jobOutputDefinitionFile'));
    expect(lines).not.toContain(lineOf(text, "-OutputStartMode 'JobStartTime'"));
  });
});
