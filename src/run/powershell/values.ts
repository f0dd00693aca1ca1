// PowerShell's values as the runner holds them between statements: strings, numbers, booleans, $null,
// arrays, hashtables, SecureStrings and the objects Az cmdlets return. An object keeps its .NET type
// name (what PowerShell prints for "$obj" when the type does not override ToString, and what
// `$obj.GetType().FullName` says), its properties in declaration order (the order Format-List shows
// them), and which of them its format view shows by default. Member access is case-insensitive, as in
// PowerShell; a member an object lacks is $null (PowerShell without Set-StrictMode).

export type PsData = string | number | boolean | null | PsObject | PsHashtable | PsSecureString | PsData[];

export class PsSecureString {
  readonly typeName = 'System.Security.SecureString';
  constructor(readonly plain: string) {}
}

/** `@{ Key = value; … }`: keys compared case-insensitively, shown in insertion order. */
export class PsHashtable {
  readonly typeName = 'System.Collections.Hashtable';
  readonly entries: [string, PsData][] = [];
  get(key: string): PsData | undefined {
    return this.entries.find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  }
  set(key: string, value: PsData): void {
    const at = this.entries.findIndex(([k]) => k.toLowerCase() === key.toLowerCase());
    if (at >= 0) this.entries[at] = [this.entries[at]![0], value];
    else this.entries.push([key, value]);
  }
}

/** A column or row of a view: a property shown under its own name, or [label, property] (PSResourceGroup's Tags row shows TagsTable). */
export type PsViewItem = string | [string, string];

/** How PowerShell shows an object at the end of a pipeline, from the module's format.ps1xml (or its default). */
export type PsView = { kind: 'list' | 'table'; properties: PsViewItem[] };

export class PsObject {
  constructor(
    /** The .NET type's full name: `"$obj"` prints it when the type does not override ToString. */
    readonly typeName: string,
    readonly properties: [string, PsData][],
    readonly view: PsView,
    /** Every public property of the type is modelled: a member it lacks is $null, as in PowerShell; otherwise it is not known here. */
    readonly complete = false,
    /** The type's own ToString, when it overrides Object.ToString. */
    readonly text?: string,
  ) {}

  member(name: string): PsData | undefined {
    return this.properties.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  }
}

/**
 * `$x.Name`: an object's property, a hashtable's key; on an array, each element's (member enumeration,
 * PowerShell 3+). Undefined when the value is an object whose type has more properties than are
 * modelled here and this is not one of them: not known, never guessed as $null.
 */
export function memberOf(value: PsData | undefined, name: string): PsData | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (value instanceof PsObject) return value.member(name) ?? (value.complete ? null : undefined);
  if (value instanceof PsHashtable) return value.get(name) ?? (name.toLowerCase() === 'count' ? value.entries.length : null);
  if (Array.isArray(value)) {
    if (/^(?:count|length)$/i.test(name)) return value.length;
    const all = value.map((v) => memberOf(v, name));
    if (all.some((v) => v === undefined)) return undefined;
    const each = all.filter((v): v is PsData => v !== null && v !== undefined);
    return each.length === 0 ? null : each.length === 1 ? (each[0] as PsData) : each;
  }
  if (typeof value === 'string' && /^length$/i.test(name)) return value.length;
  return null;
}

/** What PowerShell's string conversion makes of a value ("$x", -Name $x): arrays joined by spaces ($OFS), objects by their ToString. */
export function psString(value: PsData | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(psString).join(' ');
  if (value instanceof PsObject) return value.text ?? value.typeName;
  return value.typeName;
}

/** PowerShell's truth of a value (`if ($x)`, a [bool] parameter bound from it). */
export function psTruthy(value: PsData | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value !== '';
  if (Array.isArray(value)) return value.length > 1 || (value.length === 1 && psTruthy(value[0]));
  return true;
}

/** The variables of one run of a page, by name case-insensitively (PowerShell's names are). */
export class PsVariables {
  readonly #values = new Map<string, PsData>();
  get(name: string): PsData | undefined {
    return this.#values.get(name.toLowerCase());
  }
  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }
  set(name: string, value: PsData): void {
    this.#values.set(name.toLowerCase(), value);
  }
}
