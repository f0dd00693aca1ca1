// Placeholder keys: one spelling-independent name per placeholder. Its own module, free of imports,
// because the CLI reads `--set` keys before it loads the parser and the rest of the planner.

/** `--set "STORAGE ACCOUNT=x"`, `--set storage-account=x` and `<STORAGE ACCOUNT>` all mean STORAGE_ACCOUNT. */
export function normaliseKey(text: string): string {
  return text
    .replace(/^[<$]|>$/g, '')
    .replace(/^\{|\}$/g, '')
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}
