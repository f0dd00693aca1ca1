// Lists the commands the PowerShell steps of the corpus pages, the fresh pages and the tutorials run (`Verb-Noun` names, with counts),
// read with parse/powershell-words.ts: the cmdlets scripts/generate-powershell-table.ts must cover.
// Usage: npx tsx scripts/list-powershell-cmdlets.ts [--json]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseTutorialFile } from '../src/parse/index.ts';
import { allCommands } from '../src/parse/powershell-words.ts';

const ROOTS = ['tests/corpus/articles', 'tests/fresh/articles', 'tutorials'];

function* markdown(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* markdown(p);
    else if (name.endsWith('.md')) yield p;
  }
}

const counts = new Map<string, number>();
for (const root of ROOTS) {
  for (const file of markdown(root)) {
    let tutorial;
    try {
      tutorial = parseTutorialFile(file);
    } catch {
      continue; // a page the parser refuses is not this list's business
    }
    for (const step of tutorial.steps) {
      if (step.kind !== 'shell' || !step.powershell) continue;
      for (const c of allCommands(step.raw, step.powershell)) if (/^[A-Za-z]+-[A-Za-z0-9]+$/.test(c.name)) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    }
  }
}
const names = [...counts.keys()].sort((a, b) => a.localeCompare(b));
if (process.argv.includes('--json')) console.log(JSON.stringify(names));
else for (const n of names) console.log(`${counts.get(n)}\t${n}`);
