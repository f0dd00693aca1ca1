// Walks a JSON example against its operation's contract once, so that the contract rules report
// from the same reading (type, enum, unknown field, GUID) without walking four times.
import type { LintDocument } from './document.ts';
import { contractFor, fieldAt, type Contract, type Field, type OperationMatch } from './contracts.ts';
import { walk, type JsonLeaf } from '../parse/json-reader.ts';
import type { ReadJson } from './document.ts';

export interface ContractedJson {
  read: ReadJson;
  match: OperationMatch;
  leaves: { leaf: JsonLeaf; field: Field | undefined; parent: Field | undefined }[];
}

export function contractedJson(doc: LintDocument): ContractedJson[] {
  const out: ContractedJson[] = [];
  for (const block of doc.json) {
    const match = contractFor(doc, block);
    if (!match) continue;
    const read = block.read;
    if (read.value === undefined) continue;
    const leaves = walk(read.value)
      .filter((l) => l.path.length > 0)
      .map((leaf) => ({ leaf, field: fieldAt(match.contract, leaf.path), parent: fieldAt(match.contract, leaf.path.slice(0, -1)) }));
    out.push({ read, match, leaves });
  }
  return out;
}

export function isPlaceholderValue(v: unknown): boolean {
  // <name>, {name} and {{name}} are the page's placeholders (Learn writes all three), "abc..." an elision.
  return typeof v === 'string' && (/^<[^>]+>$/.test(v) || /^\{\{?[A-Za-z][\w .-]*\}\}?$/.test(v) || /\.\.\.$|…$/.test(v));
}

export function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function describeContract(c: Contract): string {
  return `${c.operation} (${c.source})`;
}

/** "attributes.recoveryLevel" */
export function dotted(path: readonly string[]): string {
  return path.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
