// The SARIF log validates against the vendored SARIF 2.1.0 schema and carries what GitHub code
// scanning needs: rule metadata, the tutorial region, and the seed place alongside.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { lintFiles, rules, toSarif, type LintResult } from '../../src/lint/index.ts';
import { projectRoot, tutorialsDir } from '../../src/tutorials/manifest.ts';

// CommonJS packages: under NodeNext the default import is module.exports, whose .default is the export.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

const schemas = {
  // The OASIS standard text (errata01), and Microsoft's rtm.5 revision used by schemastore.
  oasis: 'src/lint/sarif/sarif-schema-2.1.0.json',
  'rtm.5': 'src/lint/sarif/sarif-schema-2.1.0-rtm.5.json',
} as const;

function validator(which: keyof typeof schemas) {
  const schema = JSON.parse(readFileSync(join(projectRoot, schemas[which]), 'utf8')) as object;
  // rtm.5's language pattern "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$" is not valid with the u flag.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: which !== 'rtm.5' });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number; endLine: number } } }[];
      relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      properties: { seed?: string };
      fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: { startLine: number; startColumn: number; endColumn: number }; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

let results: LintResult[];
let log: SarifLog;

beforeAll(async () => {
  results = await lintFiles([join(tutorialsDir, '002-storage-user-assigned.md'), join(tutorialsDir, '000-storage-sas.md')]);
  log = toSarif(results) as SarifLog;
}, 60_000);

describe('toSarif', () => {
  for (const which of Object.keys(schemas) as (keyof typeof schemas)[]) {
    it(`is valid SARIF 2.1.0 according to the vendored ${which} schema`, () => {
      const validate = validator(which);
      const ok = validate(log);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
    });

    it(`the ${which} schema check is real: a bad level and a region without a line are rejected`, () => {
      const validate = validator(which);
      const broken = JSON.parse(JSON.stringify(log)) as SarifLog;
      (broken.runs[0]!.results[0] as { level: string }).level = 'fatal';
      expect(validate(broken)).toBe(false);
      const noLine = JSON.parse(JSON.stringify(log)) as SarifLog;
      (noLine.runs[0]!.results[0]!.locations[0]!.physicalLocation.region as { startLine?: number }).startLine = 0;
      expect(validate(noLine)).toBe(false);
    });
  }

  it("carries a finding's sure correction as a SARIF fix: the deleted region and the inserted text", () => {
    const quote = log.runs[0]!.results.find((r) => r.ruleId === 'smart-quote-in-command');
    expect(quote?.fixes).toEqual([
      {
        description: { text: "use ASCII quotes: 'Reader'" },
        artifactChanges: [
          {
            artifactLocation: quote?.locations[0]?.physicalLocation.artifactLocation,
            replacements: [
              { deletedRegion: { startLine: 134, startColumn: 62, endLine: 134, endColumn: 63 }, insertedContent: { text: "'" } },
              { deletedRegion: { startLine: 134, startColumn: 69, endLine: 134, endColumn: 70 }, insertedContent: { text: "'" } },
            ],
          },
        ],
      },
    ]);
    // A finding with no sure correction has none.
    expect(log.runs[0]!.results.find((r) => r.ruleId === 'az-flag-without-value')?.fixes).toBeUndefined();
  });

  it('describes every rule with id, name, descriptions, help and default level', () => {
    const described = log.runs[0]!.tool.driver.rules;
    expect(described.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    for (const r of described) {
      expect(r.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(r.shortDescription.text.length).toBeGreaterThan(10);
      expect(r.fullDescription.text.length).toBeGreaterThan(r.shortDescription.text.length / 2);
      expect(r.help.text.length).toBeGreaterThan(10);
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
    }
  });

  it('puts each result at the tutorial line and the seed line', () => {
    const sarifResults = log.runs[0]!.results;
    expect(sarifResults.length).toBe(results.reduce((n, r) => n + r.findings.length, 0));
    const role = sarifResults.find((r) => r.ruleId === 'smart-quote-in-command');
    expect(role?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('tutorials/002-storage-user-assigned.md');
    expect(role?.locations[0]?.physicalLocation.region).toEqual({ startLine: 134, startColumn: 62, endLine: 134 });
    expect(role?.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri).toBe('002_1baa50cf7b8ecbb3.txt');
    expect(role?.relatedLocations?.[0]?.physicalLocation.region.startLine).toBe(134);
    expect(role?.properties.seed).toBe('002_1baa50cf7b8ecbb3.txt:134');
    // 000-storage-sas.md starts at seed line 228, so its line 164 is seed line 391.
    const length = sarifResults.find((r) => r.ruleId === 'blob-properties-mismatch' && r.locations[0]?.physicalLocation.region.startLine === 164);
    expect(length?.properties.seed).toBe('000_98cf1220b4d20f63.txt:391');
    for (const r of sarifResults) expect(log.runs[0]!.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
  });
});

describe('SARIF locations for GitHub code scanning', () => {
  type Located = { runs: { originalUriBaseIds: Record<string, { uri?: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] };
  const uris = (l: Located) => l.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);

  it('URIs relative to %SRCROOT%, whose originalUriBaseIds entry gives the absolute root as a file URI; still valid SARIF', () => {
    const located = toSarif(results, { srcRoot: projectRoot, fileBase: projectRoot }) as Located;
    expect(located.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`${pathToFileURL(projectRoot).href}/`);
    expect(new Set(uris(located).map((u) => `${u.uriBaseId} ${u.uri}`))).toEqual(new Set(['%SRCROOT% tutorials/002-storage-user-assigned.md', '%SRCROOT% tutorials/000-storage-sas.md']));
    for (const which of Object.keys(schemas) as (keyof typeof schemas)[]) expect(validator(which)(located)).toBe(true);
  });

  it('a root deeper down shortens the URIs; a file outside the root gets its absolute file URI, no base', () => {
    const deeper = toSarif(results, { srcRoot: join(projectRoot, 'tutorials'), fileBase: projectRoot }) as Located;
    expect(uris(deeper)[0]).toEqual({ uri: expect.stringMatching(/^0\d\d-[\w-]+\.md$/), uriBaseId: '%SRCROOT%' });
    const elsewhere = toSarif(results, { srcRoot: '/nowhere/else', fileBase: projectRoot }) as Located;
    expect(uris(elsewhere)[0]).toEqual({ uri: expect.stringMatching(new RegExp(`^${pathToFileURL(tutorialsDir).href}/0\\d\\d-`)) });
  });

  it('lint --format sarif takes its root from GITHUB_WORKSPACE (else the git root, else the working folder)', async () => {
    const r = await execa('node', [join(projectRoot, 'bin/tutorial-conformance.js'), 'lint', '--format', 'sarif', 'tutorials/000-storage.md'], { cwd: projectRoot, env: { GITHUB_WORKSPACE: tutorialsDir }, reject: false });
    const cli = JSON.parse(r.stdout) as Located;
    expect(cli.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`${pathToFileURL(tutorialsDir).href}/`);
    expect(uris(cli)[0]).toEqual({ uri: '000-storage.md', uriBaseId: '%SRCROOT%' });
  }, 60_000);
});
