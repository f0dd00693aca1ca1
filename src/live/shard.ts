// Splitting a run across CI jobs: `--shard i/n` takes every n-th tutorial of the sorted list,
// starting at the i-th, so the split depends only on the file names (never on the order a
// directory listing happened to give) and the shards are balanced to within one tutorial.
import { ToolError } from '../errors.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "2/4" → { index: 2, count: 4 }. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || count > 1000) {
    throw new ToolError('E_USAGE', `--shard '${text}' is invalid; write i/n with 1 ≤ i ≤ n, e.g. --shard 1/3`);
  }
  return { index, count };
}

/** The files of shard `index` of `count` (1-based). Every file lands in exactly one shard. */
export function selectShard<T extends string>(files: readonly T[], index: number, count: number): T[] {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) {
    throw new ToolError('E_USAGE', `shard ${index}/${count} does not exist; write i/n with 1 ≤ i ≤ n`);
  }
  const sorted = [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.filter((_, k) => k % count === index - 1);
}
