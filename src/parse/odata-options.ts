// OData system query options written in a URL: `?$filter=…`, `&$top=…`. In bash, unquoted or inside
// double quotes, `$filter` is a variable (unset, it expands to the empty string); `\$filter` and single
// quotes keep the `$`. Shared by the plan (which binds such an unset variable to what bash gives it)
// and lint (shell-odata-dollar-expanded, which says what the request then loses).
export const ODATA_OPTIONS: ReadonlySet<string> = new Set(['filter', 'select', 'expand', 'orderby', 'top', 'skip', 'skiptoken', 'count', 'search', 'apply', 'format']);

/** The option's name when `text` has `$name=` at `index` right after `?` or `&` (an OData system query option); else undefined. */
export function odataOptionAt(text: string, index: number): string | undefined {
  if (text[index] !== '$' || !/[?&]$/.test(text.slice(0, index))) return undefined;
  const m = /^\$([A-Za-z]+)=/.exec(text.slice(index, index + 16));
  return m && ODATA_OPTIONS.has(m[1]!.toLowerCase()) ? m[1]! : undefined;
}
