// Issue 16 session 12 (wild-q): defects readers reported on real Batch and VM pages (tests/fresh/articles/batch),
// each held on the page and kept silent where the same setting is written correctly on a real page.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const DISK_ENCRYPTION = 'tests/fresh/articles/batch/disk-encryption.md';
const PUBLIC_IP = 'tests/fresh/articles/batch/create-pool-public-ip.md';
const NO_PUBLIC_IP = 'tests/fresh/articles/batch/batch-pool-no-public-ip-address.md';
const QUICKSTART = 'tests/fresh/articles/batch/quick-create-cli.md';

describe('retired-resource-setting: retired VM sizes and Batch node agents (Batch pool bodies)', () => {
  const rule = 'retired-resource-setting';
  it('create-pool-public-ip.md: the pool body\'s vmSize standard_a1 (Av1) and nodeAgentSKUId batch.node.ubuntu 20.04', () => {
    const text = read(PUBLIC_IP);
    const hits = found(rule, PUBLIC_IP);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [lineWith(text, '"vmSize": "standard_a1"'), 'warning'],
      [lineWith(text, '"nodeAgentSKUId": "batch.node.ubuntu 20.04"'), 'warning'],
    ]);
    expect(hits[0]?.message).toMatch(/Av1\) VM sizes were retired on 31 August 2024/);
    expect(hits[1]?.message).toMatch(/batch\.node\.ubuntu 20\.04 will no longer be supported in Batch after 23 April 2025/);
  });
  it('batch-pool-no-public-ip-address.md (azure-docs#72860: Standard_A1 no longer valid): standard_a1 and batch.node.ubuntu 16.04', () => {
    const text = read(NO_PUBLIC_IP);
    expect(found(rule, NO_PUBLIC_IP).map((h) => h.line)).toEqual([lineWith(text, '"vmSize": "standard_a1"'), lineWith(text, '"nodeAgentSKUId": "batch.node.ubuntu 16.04"')]);
  });
  it('disk-encryption.md: the REST body\'s standard_a1, not the az batch pool create of the same page (Standard_DS1_V2, batch.node.ubuntu 22.04: current)', () => {
    const text = read(DISK_ENCRYPTION);
    expect(text).toMatch(/--vm-size Standard_DS1_V2 \\\n[^\n]*\n[^\n]*\n\s+--node-agent-sku-id "batch\.node\.ubuntu 22\.04"/);
    expect(found(rule, DISK_ENCRYPTION).map((h) => h.line)).toEqual([lineWith(text, '"vmSize": "standard_a1"')]);
  });
  it('quick-create-cli.md (the Batch quickstart): --node-agent-sku-id "batch.node.ubuntu 20.04", and silent on --vm-size Standard_A1_v2 (Av2 is current)', () => {
    const text = read(QUICKSTART);
    expect(text).toMatch(/--vm-size Standard_A1_v2/);
    expect(found(rule, QUICKSTART).map((h) => h.line)).toEqual([lineWith(text, '--node-agent-sku-id "batch.node.ubuntu 20.04"')]);
  });
  it('silent on a pool body shown as a command\'s response (an existing pool), and on an announced, not yet passed, retirement (Av2, Standard_D2_v2)', () => {
    const body = read(PUBLIC_IP).split('\n').filter((l) => /^\s|^"|^}/.test(l) && !/^\s*-/.test(l));
    const shown = ['```azurecli', 'az batch pool show --pool-id pool2', '```', '', '```json', '{', ...body.slice(body.findIndex((l) => l.startsWith('"pool"')) + 1, body.findIndex((l) => l.startsWith('"networkConfiguration"'))), '"id2": "x"', '}', '```', ''].join('\n');
    expect(shown).toMatch(/"vmSize": "standard_a1"/);
    expect(found(rule, 'shown.md', shown).filter((h) => /standard_a1/.test(h.message))).toEqual([]);
    const current = read(PUBLIC_IP).replace('"vmSize": "standard_a1"', '"vmSize": "Standard_D2_v2"');
    expect(found(rule, 'current.md', current).filter((h) => /vmSize/.test(h.message))).toEqual([]);
  });
});

describe('vm-image-ubuntu-offer', () => {
  const rule = 'vm-image-ubuntu-offer';
  it('disk-encryption.md (azure-docs#124665): UbuntuServer 22.04-LTS in the C# sample, the REST body and the az batch pool create --image URN', () => {
    const text = read(DISK_ENCRYPTION);
    const hits = found(rule, DISK_ENCRYPTION);
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, 'Sku = "22.04-LTS"'), lineWith(text, '"sku": "22.04-LTS"'), lineWith(text, '--image canonical:ubuntuserver:22.04-LTS')]);
    expect(hits[2]?.message).toMatch(/no SKU 22\.04-LTS.*Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2/);
  });
  it('create-pool-public-ip.md: "offer": "UbuntuServer" with "sku": "20.04-LTS"', () => {
    const text = read(PUBLIC_IP);
    expect(found(rule, PUBLIC_IP).map((h) => h.line)).toEqual([lineWith(text, '"sku": "20.04-LTS"')]);
  });
  it('silent on the offers Canonical publishes 20.04 in (the Batch quickstart\'s canonical:0001-com-ubuntu-server-focal:20_04-lts) and on UbuntuServer SKUs that existed (16.04)', () => {
    expect(read(QUICKSTART)).toMatch(/--image canonical:0001-com-ubuntu-server-focal:20_04-lts/);
    expect(found(rule, QUICKSTART)).toEqual([]);
    expect(read(NO_PUBLIC_IP)).toMatch(/"offer": "UbuntuServer",\n\s+"sku": "16\.040-LTS"/);
    expect(found(rule, NO_PUBLIC_IP)).toEqual([]);
  });
  it('never pairs an UbuntuServer offer with the sku of the next image reference', () => {
    const two = ['```json', '[', '  { "publisher": "Canonical", "offer": "UbuntuServer", "sku": "18.04-LTS" },', '  { "publisher": "Canonical",', '    "offer": "0001-com-ubuntu-server-jammy",', '    "sku": "22_04-lts-gen2" }', ']', '```', ''].join('\n');
    expect(found(rule, 'two.md', two)).toEqual([]);
  });
});
