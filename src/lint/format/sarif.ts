// SARIF 2.1.0 log for GitHub code scanning: rule metadata in tool.driver.rules, each result at the
// tutorial's line and, as a related location, at the same place in the seed the tutorial was cut from.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../finding.ts';
import { rules } from '../registry.ts';
import type { RuleMeta } from '../rule.ts';

// The OASIS schema this log is validated against (vendored as sarif/sarif-schema-2.1.0.json).
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SEEDS_BASE = 'SEEDS';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', note: 'note' };

export interface SarifOptions {
  /** Rule metadata to describe; defaults to every registered rule. */
  rules?: readonly RuleMeta[];
  toolVersion?: string;
  /**
   * The repository root (absolute): artifact URIs are relative to it under %SRCROOT%, whose
   * originalUriBaseIds entry gives it as a file URI, so GitHub code scanning places each result on
   * the file of the checked-out repository. Without it, the findings' paths are used as they are.
   */
  srcRoot?: string;
  /** The folder the findings' relative paths are relative to (the tool's project root). */
  fileBase?: string;
}

/** Where a finding's file is: relative to %SRCROOT%, or an absolute file URI outside it. */
function artifactLocation(file: string, opts: SarifOptions): { uri: string; uriBaseId?: string } {
  if (opts.srcRoot === undefined) return { uri: file, uriBaseId: '%SRCROOT%' };
  const abs = isAbsolute(file) ? file : resolve(opts.fileBase ?? opts.srcRoot, file);
  const rel = relative(opts.srcRoot, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function ruleDescriptor(r: RuleMeta) {
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.shortDescription },
    fullDescription: { text: r.fullDescription },
    help: { text: r.help, markdown: `**${r.id}**: ${r.help}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ['documentation', 'tutorial-conformance'] },
  };
}

function region(f: Finding) {
  return {
    startLine: f.line,
    ...(f.column !== undefined ? { startColumn: f.column } : {}),
    endLine: f.endLine ?? f.line,
  };
}

export function toSarif(results: readonly { tutorial: string; findings: readonly Finding[] }[], opts: SarifOptions = {}): object {
  const metas = opts.rules ?? rules;
  const index = new Map(metas.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => {
      const ruleIndex = index.get(f.rule);
      return {
        ruleId: f.rule,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: { artifactLocation: artifactLocation(f.file, opts), region: region(f) },
          },
        ],
        // Text of an [!INCLUDE]d file: the result is at the include's line, and says which page read it
        // there (an include used by two pages is part of both, and reported for each).
        ...(f.file !== r.tutorial && r.tutorial !== ''
          ? { relatedLocations: [{ id: 1, message: { text: `Included by ${r.tutorial}` }, physicalLocation: { artifactLocation: artifactLocation(r.tutorial, opts) } }] }
          : {}),
        ...(f.seed
          ? {
              relatedLocations: [
                {
                  id: 1,
                  message: { text: `The same place in the seed ${f.seed.file}` },
                  physicalLocation: {
                    artifactLocation: { uri: f.seed.file, uriBaseId: SEEDS_BASE },
                    region: { startLine: f.seed.line, ...(f.column !== undefined ? { startColumn: f.column } : {}) },
                  },
                },
              ],
            }
          : {}),
        // A sure correction as SARIF's own fix (columns are UTF-16 code units, as columnKind says;
        // an empty deleted region is an insertion point).
        ...(f.fix !== undefined
          ? {
              fixes: [
                {
                  description: { text: f.fix.description },
                  artifactChanges: [
                    {
                      artifactLocation: artifactLocation(f.file, opts),
                      replacements: f.fix.edits.map((e) => ({
                        deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.line, endColumn: e.endColumn },
                        insertedContent: { text: e.text },
                      })),
                    },
                  ],
                },
              ],
            }
          : {}),
        properties: {
          ...(f.seed ? { seed: `${f.seed.file}:${f.seed.line}` } : {}),
          ...(f.file !== r.tutorial && r.tutorial !== '' ? { includedBy: r.tutorial } : {}),
          ...(f.stepId !== undefined ? { stepId: f.stepId } : {}),
          ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
        },
      };
    }),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tutorial-conformance',
            ...(opts.toolVersion ? { version: opts.toolVersion } : {}),
            rules: metas.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': {
            ...(opts.srcRoot !== undefined ? { uri: `${pathToFileURL(opts.srcRoot).href.replace(/\/$/, '')}/` } : {}),
            description: { text: 'The root of the repository the tutorial files are in.' },
          },
          [SEEDS_BASE]: { description: { text: 'The seed files the tutorials were cut from (vendor/seeds).' } },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}
