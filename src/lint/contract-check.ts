// Walks a JSON example against its operation's contract once, so that the contract rules report
// from the same reading (type, enum, unknown field, GUID) without walking four times.
import type { JsonBlock, LintDocument } from './document.ts';
import { contractFor, fieldAt, requestBodyContract, type Contract, type Field, type OperationMatch } from './contracts.ts';
import { readJson, walk, type JsonLeaf } from '../parse/json-reader.ts';
import type { ReadJson } from './document.ts';
import { eachCurl } from './each.ts';
import type { JsonExpectation } from '../model.ts';
import { isMaskedGuid } from '../guid.ts';

export interface ContractedJson {
  read: ReadJson;
  match: OperationMatch;
  leaves: { leaf: JsonLeaf; field: Field | undefined; parent: Field | undefined }[];
}

export function contractedJson(doc: LintDocument): ContractedJson[] {
  const out: ContractedJson[] = [];
  const add = (read: ReadJson, match: OperationMatch): void => {
    if (read.value === undefined) return;
    const leaves = walk(read.value)
      .filter((l) => l.path.length > 0)
      .map((leaf) => ({ leaf, field: fieldAt(match.contract, leaf.path), parent: fieldAt(match.contract, leaf.path.slice(0, -1)) }));
    out.push({ read, match, leaves });
  };
  for (const block of doc.json) {
    const match = contractFor(doc, block);
    if (match) add(block.read, match);
  }
  for (const { read, match } of inlineBodies(doc)) add(read, match);
  return out;
}

/**
 * JSON bodies written inside the command (`curl -d '{…}'`), read where they stand so that findings
 * point into the command line. Only a single-quoted body on one line: there the text is the value
 * byte for byte (no escapes), so every column is exact. A body that is not valid JSON is left to the
 * rules about JSON syntax.
 */
function inlineBodies(doc: LintDocument): { read: ReadJson; match: OperationMatch }[] {
  const out: { read: ReadJson; match: OperationMatch }[] = [];
  for (const { command, curl } of eachCurl(doc)) {
    const contract = requestBodyContract(curl);
    if (!contract) continue;
    for (const word of curl.data) {
      if (!word.value.trimStart().startsWith('{') || word.raw !== `'${word.value}'` || word.value.includes('\n')) continue;
      // The value starts after the opening quote: pad with the columns before it so positions are the line's.
      const reading = readJson([{ line: word.line, text: ' '.repeat(word.column) + word.value }]);
      if (!reading.ok) continue;
      const json: JsonExpectation = {
        kind: 'json',
        source: { file: command.step.source.file, startLine: word.line, endLine: word.line },
        raw: word.value,
        text: word.value,
        valid: true,
        hasComments: false,
        value: reading.value,
        elided: [],
        language: command.step.language,
      };
      const block = { json, step: command.step, role: 'example', language: command.step.language } as JsonBlock;
      block.read = { ...reading, block };
      out.push({ read: block.read, match: { contract, curl } });
    }
  }
  return out;
}

export function isPlaceholderValue(v: unknown): boolean {
  // <name>, {name} and {{name}} are the page's placeholders (Learn writes all three), "abc..." an elision,
  // "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (or ****, ####) a value masked whole in an output example.
  return (
    typeof v === 'string' &&
    (/^<[^>]+>$/.test(v) || /^\{\{?[A-Za-z][\w .-]*\}\}?$/.test(v) || /\.\.\.$|…$/.test(v) || /^(?=(?:[^-]*[xX*#]){8})[xX*#-]+$/.test(v) || isMaskedGuid(v))
  );
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
