// The plan stage's cost, counted as the page doubles: reads of the page's steps, captures,
// placeholders and their occurrences (the arrays are wrapped in counting proxies while the plan is
// built). Never timed.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/tutorials/scenario.ts';
import type { Tutorial } from '../../src/model.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { buildPlan } from '../../src/plan/index.ts';

const IMDS = `'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fstorage.azure.com%2F'`;
const block = (text: string): string => `\`\`\`bash\n${text}\n\`\`\`\n\n`;

/** A page of `groups` × 6 steps that use one another: variables, files, blobs, created identities, grants. */
function page(groups: number): string {
  let out = '# A long page\n\n';
  for (let i = 0; i < groups; i++) {
    out += `## Part ${i}\n\n`;
    out += block(`token${i}=$(curl -s ${IMDS} -H Metadata:true | jq -r '.access_token')`);
    out += block(`curl -s "https://<STORAGE ACCOUNT>.blob.core.windows.net/c/b${i}" -H "x-ms-version: 2017-11-09" -H "Authorization: Bearer $token${i}"`);
    out += block(`echo "hello ${i}" > file${i}.txt`);
    out += block(`az storage blob upload --account-name <STORAGE ACCOUNT> -c c -n b${i} -f file${i}.txt`);
    out += block(`az storage blob download --account-name <STORAGE ACCOUNT> -c c -n b${i} -f out${i}.txt`);
    out += block(`az identity create -g <RESOURCE GROUP> -n <IDENTITY ${i}>`);
  }
  return out;
}

/** Reads of array elements made through the proxies. */
let reads = 0;
function counting<T>(items: T[]): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function planReads(groups: number): number {
  const parsed = parseTutorialText(page(groups), 'long.md');
  const tutorial: Tutorial = {
    ...parsed,
    steps: counting(parsed.steps),
    captures: counting(parsed.captures.map((c) => ({ ...c, consumers: counting(c.consumers) }))),
    placeholders: counting(parsed.placeholders.map((p) => ({ ...p, occurrences: counting(p.occurrences), spellings: counting(p.spellings) }))),
  };
  expect(tutorial.steps.length).toBe(groups * 6);
  reads = 0;
  const plan = buildPlan(tutorial, { targetValues: defaultScenario().values, targetName: 'emulator', sets: {} });
  // The plan still links what the page links: the call to its token, the download to its upload.
  const call = plan.steps[6 * (groups - 1) + 1]!;
  expect(call.dependsOn.map((d) => d.reason)).toContain('shell-variable');
  expect(plan.steps[6 * (groups - 1) + 4]!.dependsOn.map((d) => d.reason)).toContain('blob');
  return reads;
}

describe('defect: the dependency pass was O(n²) (indexOf and slice per step): a 50 MB page of 173k steps gave no output for 4+ minutes', () => {
  it('the plan reads the page a bounded number of times per step: twice the steps, twice the reads', () => {
    const counts = [100, 200, 400].map(planReads);
    expect(counts[1]! / counts[0]!).toBeLessThan(2.3);
    expect(counts[2]! / counts[1]!).toBeLessThan(2.3);
    // Counting, not timing: 2,100 steps behind counting proxies take ~20 s of CPU; a loaded machine must not fail it.
  }, 180_000);
});
