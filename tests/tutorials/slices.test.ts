// The tutorials are evidence: each file must stay a byte-exact slice of its seed, and together they
// must hold every command line the seeds contain.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, seedsDir, tutorialsDir } from '../../src/tutorials/manifest.ts';

const manifest = loadManifest();

function lines(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 10) {
      out.push(buf.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
}

describe('tutorials/ are verbatim slices of vendor/seeds', () => {
  it('lists twelve tutorial files, one per .md file in tutorials/', () => {
    const files = readdirSync(tutorialsDir).filter((f) => f.endsWith('.md')).sort();
    expect(manifest.tutorials.map((t) => t.file).sort()).toEqual(files);
    expect(files).toHaveLength(12);
  });

  for (const entry of manifest.tutorials) {
    it(`${entry.file} equals seed ${entry.seed.file} lines ${entry.seed.firstLine}-${entry.seed.lastLine}, byte for byte`, () => {
      const seed = readFileSync(join(seedsDir, entry.seed.file));
      const tutorial = readFileSync(join(tutorialsDir, entry.file));
      const seedSlice = Buffer.concat(lines(seed).slice(entry.seed.firstLine - 1, entry.seed.lastLine));
      expect(tutorial.equals(seedSlice)).toBe(true);
      expect(lines(tutorial)).toHaveLength(entry.seed.lastLine - entry.seed.firstLine + 1);
    });
  }

  it('together contain every curl, az and echo command line of the seeds', () => {
    const command = /^\s*(?:[#>]\s*)?(?:\w+=\$\()?(curl|az|echo)\s/;
    const covered = new Set<string>();
    for (const entry of manifest.tutorials) {
      for (const l of lines(readFileSync(join(tutorialsDir, entry.file)))) covered.add(l.toString('utf8'));
    }
    const missing: string[] = [];
    let total = 0;
    for (const f of readdirSync(seedsDir)) {
      for (const l of lines(readFileSync(join(seedsDir, f)))) {
        const text = l.toString('utf8');
        if (!command.test(text)) continue;
        total++;
        if (!covered.has(text)) missing.push(`${f}: ${text.trim()}`);
      }
    }
    expect(total).toBeGreaterThanOrEqual(40);
    expect(missing).toEqual([]);
  });
});
