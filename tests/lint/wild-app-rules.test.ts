// Issue 16 session 17 (wild-app): defects readers reported on Service Fabric, Static Web Apps and
// Communication Services pages (tests/fresh), each held on the reported page and kept silent where the
// same thing is written right: the page as its authors fixed it, or another real page.
import { describe, expect, it } from 'vitest';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';
import { blockLanguage } from '../../src/parse/language.ts';

const read = readRepoFile;
const found = ruleFindings;

// Christina-Kang/azure-docs @4f336cac5c36 (a fork of MicrosoftDocs/azure-docs), byte-exact
const SF_ARM = 'tests/fresh/articles/service-fabric/service-fabric-cluster-creation-via-arm.md';
// MicrosoftDocs/azure-docs pages that tag Azure CLI blocks ```cli and write them right
const IOT_EDGE_CLI = 'tests/fresh/articles/iot-edge/tutorial-create-deployment-with-cli-iot-extension.md';

describe('a ```CLI fence is an Azure CLI block, read by bash (azure-docs#48795)', () => {
  it('blockLanguage reads CLI and cli as shell, as it reads azurecli and azure-cli', () => {
    expect(blockLanguage('CLI')).toBe('shell');
    expect(blockLanguage('cli')).toBe('shell');
    expect(blockLanguage('azure-cli')).toBe('shell');
  });
  it('service-fabric-cluster-creation-via-arm.md:311: $secretID, which no bash line assigns (the block declares $secertId)', () => {
    const text = read(SF_ARM);
    const hits = found('shell-unassigned-variable', SF_ARM).filter((h) => /\$secretID\b/.test(h.message));
    expect(hits.map((h) => h.line)).toEqual([lineOf(text, '--secret-identifier az $secretID')]);
  });
  it('service-fabric-cluster-creation-via-arm.md:144: $parametersFilePath, where the page declares parameterFilePath', () => {
    const text = read(SF_ARM);
    const hits = found('shell-unassigned-variable', SF_ARM).filter((h) => /\$parametersFilePath\b/.test(h.message));
    expect(hits.map((h) => h.line)).toEqual([lineOf(text, '--parameter-file $parametersFilePath --vm-os $vmOs')]);
  });
  it('the same page with the spelling the page declares is silent on it', () => {
    const fixed = read(SF_ARM).replaceAll('$parametersFilePath', '$parameterFilePath');
    expect(fixed).not.toBe(read(SF_ARM));
    expect(found('shell-unassigned-variable', 'fixed.md', fixed).filter((h) => /parametersFilePath/.test(h.message))).toEqual([]);
  });
  it('silent on the iot-edge tutorial, whose ```cli blocks are plain az commands', () => {
    expect(found('shell-assignment-spaces', IOT_EDGE_CLI)).toEqual([]);
    expect(found('shell-unassigned-variable', IOT_EDGE_CLI)).toEqual([]);
  });
});

describe('shell-assignment-spaces: declare $NAME=value, "$" before the name bash assigns (azure-docs#48795)', () => {
  const rule = 'shell-assignment-spaces';
  it('service-fabric-cluster-creation-via-arm.md:305 and :308: declare $resourceGroupName = "testRG", declare $secertId="https://…"', () => {
    const text = read(SF_ARM);
    const hits = found(rule, SF_ARM);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [lineOf(text, 'declare $resourceGroupName = "testRG"'), 'error'],
      [lineOf(text, 'declare $secertId='), 'error'],
    ]);
    expect(hits[0]?.message).toMatch(/bash expands \$resourceGroupName before declare runs, and declare stops with "declare: `=': not a valid identifier".*Write declare resourceGroupName="testRG"/);
    expect(hits[1]?.message).toMatch(/\$secertId \(unset here, so empty\).*"declare: `=https:\/\/test1\.vault\.azure\.net:443\/secrets\/testcertificate…': not a valid identifier"/);
  });
  it('silent on the page as its authors fixed it: declare resourceGroupName="testRG", declare secretID="https://…"', () => {
    const fixed = read(SF_ARM)
      .replace('declare $resourceGroupName = "testRG"', 'declare resourceGroupName="testRG"')
      .replace('declare $parameterFilePath=', 'declare parameterFilePath=')
      .replace('declare $templateFilePath=', 'declare templateFilePath=')
      .replace('declare $secertId=', 'declare secretID=');
    expect(fixed).not.toBe(read(SF_ARM));
    expect(found(rule, 'fixed.md', fixed)).toEqual([]);
  });
  it('silent on bash\'s indirect assignment: declare $ref=value after the page sets ref (declare $parameterFilePath=… after declare parameterFilePath=…)', () => {
    const text = read(SF_ARM);
    expect(found(rule, SF_ARM).some((h) => h.line === lineOf(text, 'declare $parameterFilePath='))).toBe(false);
    // the same line before anything sets parameterFilePath is reported
    const first = text.replace('declare parameterFilePath="c:\\mytemplates\\linuxtemplateparm.json"', 'declare parameterFile="c:\\mytemplates\\linuxtemplateparm.json"')
      .replace('declare parameterFilePath="c:\\mytemplates\\linuxtemplateparm.json"', 'declare parameterFile="c:\\mytemplates\\linuxtemplateparm.json"');
    expect(first).not.toBe(text);
    expect(found(rule, 'first.md', first).map((h) => h.line)).toContain(lineOf(first, 'declare $parameterFilePath='));
  });
  it('silent on the page\'s own declare name="value" blocks (lines 130-139)', () => {
    const text = read(SF_ARM);
    const first = lineOf(text, 'declare resourceGroupLocation="westus"');
    expect(found(rule, SF_ARM).filter((h) => h.line < lineOf(text, 'declare $resourceGroupName'))).toEqual([]);
    expect(first).toBeGreaterThan(0);
  });
});

// MicrosoftDocs/azure-docs @01cc4f4e212e, byte-exact
const SF_STANDALONE = 'tests/fresh/articles/service-fabric/service-fabric-cluster-creation-for-windows-server.md';
// a fresh page whose commands give address prefixes right
const VNET_PEERING_CLI = 'tests/fresh/articles/virtual-network/tutorial-connect-virtual-networks-cli.md';

describe('ip-address-invalid: an address with a part above 255 (azure-docs#60054)', () => {
  const rule = 'ip-address-invalid';
  it('service-fabric-cluster-creation-for-windows-server.md:128: Connect-ServiceFabricCluster -ConnectionEndpoint 192.13.123.2345:19000', () => {
    const text = read(SF_STANDALONE);
    const hits = found(rule, SF_STANDALONE);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, '-ConnectionEndpoint 192.13.123.2345:19000'), 'warning']]);
    expect(hits[0]?.message).toMatch(/2345 is above 255/);
  });
  it('silent on the page with a valid example address, and on the placeholder line above it', () => {
    const fixed = read(SF_STANDALONE).replace('192.13.123.2345:19000', '192.13.123.234:19000');
    expect(fixed).not.toBe(read(SF_STANDALONE));
    expect(found(rule, 'fixed.md', fixed)).toEqual([]);
  });
  it('silent on address prefixes written right (virtual network peering tutorial: --address-prefixes 10.0.0.0/16, --subnet-prefix 10.0.0.0/24)', () => {
    expect(found(rule, VNET_PEERING_CLI)).toEqual([]);
  });
  it('silent on four numbers that do not stand as an address: a version in a command, the same text in an output block or prose', () => {
    const text = read(SF_STANDALONE);
    const version = text.replace('Connect-ServiceFabricCluster -ConnectionEndpoint 192.13.123.2345:19000', 'Get-Package -Name ServiceFabric -RequiredVersion 6.4.617.9590');
    expect(version).not.toBe(text);
    expect(found(rule, 'version.md', version)).toEqual([]);
    const output = text.replace('Example:\n```powershell\nConnect-ServiceFabricCluster', 'Example:\n```output\nConnect-ServiceFabricCluster');
    expect(output).not.toBe(text);
    expect(found(rule, 'output.md', output)).toEqual([]);
  });
});
