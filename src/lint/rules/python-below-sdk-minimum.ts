// A page that installs Azure SDK for Python packages (pip install azure-…) tells the reader that an
// older Python will do ("Install Python 2.7+ or 3.5.3+", "Python 3.8 or later"): current packages
// declare requires-python >= 3.9 (src/reference/sdk-requirements.json, from the SDK's own
// pyproject files), so pip on such a Python finds no installable version of them.
import { readFileSync } from 'node:fs';
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';

interface PythonRequirement {
  minimum: string;
  packages: string;
  sources: { repo: string; path: string; commit: string; says: string }[];
}

let requirement: PythonRequirement | undefined;
function python(): PythonRequirement {
  requirement ??= (JSON.parse(readFileSync(new URL('../../reference/sdk-requirements.json', import.meta.url), 'utf8')) as { python: PythonRequirement }).python;
  return requirement;
}

const PIP_AZURE = /\bpip3?\s+install\b[^\n`]*\sazure-[a-z]/;
// "Python 2.7+ or 3.5.3+", "[Python 3.8 or later](…)", "Python version 3.7 or higher".
const PYTHON_VERSIONS = /\bPython\]?(?:\s+version)?\s+(\d\.\d+)(?:\.\d+)?\+?((?:\s*(?:,|or|and|\/)\s*(?:Python\s+)?\d\.\d+(?:\.\d+)?\+?)*)/gi;

const below = (v: string, min: string): boolean => {
  const [a, b] = v.split('.').map(Number) as [number, number];
  const [c, d] = min.split('.').map(Number) as [number, number];
  return a < c || (a === c && b < d);
};

export const pythonBelowSdkMinimum: Rule = {
  id: 'python-below-sdk-minimum',
  name: 'PythonBelowSdkMinimum',
  severity: 'warning',
  shortDescription: 'A page that installs Azure SDK for Python packages says a Python older than the packages require will do.',
  fullDescription:
    'Every current azure-* client library for Python depends on azure-core, whose package metadata says requires-python = ">=3.9" (Azure/azure-sdk-for-python sdk/core/azure-core/pyproject.toml; azure-identity says the same). pip skips releases whose requirement the interpreter does not meet, so on Python 2.7, 3.5 or 3.8 "pip install azure-identity" installs an old release the page\'s code was not written for, or fails with "No matching distribution found". A prerequisite that names only versions below the minimum sets the reader up for that. Pages that install no azure-* package are not judged (retired-runtime-version covers runtime pins).',
  help: 'State the minimum the packages require (Python 3.9 or later), or a currently supported version.',
  check(doc) {
    const hits: RuleHit[] = [];
    const fences = codeFences(doc);
    let installs = false;
    for (const f of fences) for (let n = f.open + 1; n < f.close && n <= doc.lineCount && !installs; n++) installs = PIP_AZURE.test(doc.line(n));
    for (let n = 1; n <= doc.lineCount && !installs; n++) installs = doc.isProse(n) && /`[^`]*\bpip3?\s+install\b[^`]*\sazure-[a-z][^`]*`/.test(doc.line(n));
    if (!installs) return hits;
    const { minimum, sources } = python();
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      for (const m of doc.line(n).matchAll(PYTHON_VERSIONS)) {
        const versions = [m[1] as string, ...[...(m[2] ?? '').matchAll(/(\d\.\d+)/g)].map((x) => x[1] as string)];
        if (!versions.every((v) => below(v, minimum))) continue;
        hits.push({
          line: n,
          column: (m.index ?? 0) + 1,
          message: `"${m[0].trim()}": the Azure SDK for Python packages this page installs require Python ${minimum} or later (${sources.map((s) => `${s.repo} ${s.path} @${s.commit.slice(0, 12)}: ${s.says}`).join('; ')}): on Python ${versions.join(' or ')} pip finds no current release of them. Ask for Python ${minimum} or later.`,
        });
      }
    }
    return hits;
  },
};
