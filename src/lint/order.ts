// Positional look-ups over a page's items (commands, echoes, statements) by line: "the first one
// after line n", "the last one before line n", answered by a binary search over running extremes of
// their lines, so that a rule asking once per step stays linear in the page. The items keep the
// order the rules see them in; they need not be sorted by line.

/** `first(n)`: the first item, in array order, whose line is after `n`. */
export function firstAfter<T>(items: readonly T[], lineOf: (item: T) => number): (n: number) => T | undefined {
  const max: number[] = [];
  for (const item of items) max.push(Math.max(max[max.length - 1] ?? -Infinity, lineOf(item)));
  return (n) => {
    let lo = 0;
    let hi = max.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (max[mid]! > n) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

/** `last(n)`: the last item, in array order, whose line is before `n`. */
export function lastBefore<T>(items: readonly T[], lineOf: (item: T) => number): (n: number) => T | undefined {
  const min: number[] = new Array<number>(items.length);
  for (let k = items.length - 1; k >= 0; k--) min[k] = Math.min(k + 1 < items.length ? min[k + 1]! : Infinity, lineOf(items[k]!));
  return (n) => {
    // the largest k whose suffix holds a line before n is an item on such a line itself
    let lo = -1;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (min[mid]! < n) lo = mid;
      else hi = mid - 1;
    }
    return lo >= 0 ? items[lo] : undefined;
  };
}

/** `count(n)`: how many items are on lines before `n`. */
export function countBefore<T>(items: readonly T[], lineOf: (item: T) => number): (n: number) => number {
  const lines = items.map(lineOf).sort((a, b) => a - b);
  return (n) => {
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
