// Python's difflib.get_close_matches, which the Azure CLI uses to pick the "Did you mean" line it
// prints under an unknown command word (azure-cli-core parser.py, AzCliCommandParser._check_value:
// get_close_matches(value, choices, cutoff=0.7), first candidate). Reimplemented so the tool prints
// the line az prints, not one of its own: the same Ratcliff/Obershelp ratio and the same order
// (score, then the larger string on ties, as heapq.nlargest over (score, word) pairs).

/** Characters in the matching blocks SequenceMatcher(None, a, b) finds (no junk: strings < 200). */
function matchingCharacters(a: string, b: string): number {
  const positions = new Map<string, number[]>();
  for (let j = 0; j < b.length; j++) {
    const list = positions.get(b[j] as string) ?? [];
    list.push(j);
    positions.set(b[j] as string, list);
  }
  let total = 0;
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
    // find_longest_match: the longest block, earliest in a, then earliest in b.
    let besti = alo;
    let bestj = blo;
    let best = 0;
    let lengths = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of positions.get(a[i] as string) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (lengths.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > best) {
          besti = i - k + 1;
          bestj = j - k + 1;
          best = k;
        }
      }
      lengths = next;
    }
    if (best === 0) continue;
    total += best;
    if (alo < besti && blo < bestj) queue.push([alo, besti, blo, bestj]);
    if (besti + best < ahi && bestj + best < bhi) queue.push([besti + best, ahi, bestj + best, bhi]);
  }
  return total;
}

/** SequenceMatcher(None, a, b).ratio(). */
export function similarity(a: string, b: string): number {
  const length = a.length + b.length;
  return length === 0 ? 1 : (2 * matchingCharacters(a, b)) / length;
}

/** difflib.get_close_matches(word, possibilities, n, cutoff). */
export function closeMatches(word: string, possibilities: Iterable<string>, n = 3, cutoff = 0.6): string[] {
  const scored: Array<[number, string]> = [];
  for (const x of possibilities) {
    const score = similarity(x, word);
    if (score >= cutoff) scored.push([score, x]);
  }
  scored.sort((p, q) => q[0] - p[0] || (q[1] > p[1] ? 1 : q[1] < p[1] ? -1 : 0));
  return scored.slice(0, n).map(([, x]) => x);
}
