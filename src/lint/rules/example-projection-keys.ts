// An output example shows keys that the command's own projection cannot produce: `jq '{"roleName":
// .roleName, "roleType": .roleType}'` prints exactly those two keys, so an example with "type" was not
// printed by it; likewise `az … --query "[].{Name:name, Id:id}"` (JMESPath multiselect hash).
import type { Rule, RuleHit } from '../rule.ts';
import type { JsonBlock, LintDocument } from '../document.ts';
import type { Step } from '../../model.ts';
import { azOf, azOption, simpleCommands } from '../commands.ts';
import { codeFences, fenceAt } from '../fences.ts';

/** The one object a program constructs, its keys in order; undefined when there is none, several, or a computed key. */
export function constructedKeys(program: string, dialect: 'jq' | 'jmespath'): string[] | undefined {
  const objects: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < program.length; i++) {
    const c = program[i] as string;
    if (c === '"' || (dialect === 'jmespath' && (c === "'" || c === '`'))) {
      // Skip a string literal (jq: "…" with \ escapes; JMESPath also '…' and `…`).
      for (i++; i < program.length && program[i] !== c; i++) if (program[i] === '\\') i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) objects.push(program.slice(start + 1, i));
    }
  }
  if (objects.length !== 1 || /[{}]/.test(objects[0] as string)) return undefined;
  const keys: string[] = [];
  for (const entry of splitTopLevel(objects[0] as string)) {
    const e = entry.trim();
    const m = /^"([^"\\]+)"\s*(?::|$)/.exec(e) ?? /^([A-Za-z_][\w]*)\s*(?::|$)/.exec(e);
    if (!m || (dialect === 'jmespath' && !e.includes(':'))) return undefined;
    keys.push(m[1] as string);
  }
  return keys.length > 0 ? keys : undefined;
}

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}

/** What the command's last projection prints as keys, and which program says so. */
export function projection(doc: LintDocument, step: Step): { keys: string[]; by: string; line: number } | undefined {
  const command = doc.commandOf(step);
  if (!command) return undefined;
  let found: { keys: string[]; by: string; line: number } | undefined;
  for (const cmd of simpleCommands(command.words)) {
    if (cmd[0]?.value === 'jq') {
      if (cmd.some((w) => /^--(?:arg|argjson|slurpfile|rawfile|args|jsonargs)$/.test(w.value))) return undefined;
      const program = cmd.slice(1).find((w) => !w.value.startsWith('-'));
      const keys = program ? constructedKeys(program.value, 'jq') : undefined;
      found = keys && program ? { keys, by: `jq '${program.value}'`, line: program.line } : undefined;
      continue;
    }
    const az = azOf(cmd);
    if (!az) continue;
    const output = azOption(az, '--output')?.value?.value ?? 'json';
    const query = azOption(az, '--query')?.value;
    if (!query || !/^jsonc?$/.test(output)) {
      found = undefined;
      continue;
    }
    const keys = constructedKeys(query.value, 'jmespath');
    found = keys ? { keys, by: `--query "${query.value}"`, line: query.line } : undefined;
  }
  return found;
}

export const exampleProjectionKeys: Rule = {
  id: 'example-projection-keys',
  name: 'ExampleProjectionKeys',
  severity: 'warning',
  shortDescription: "An output example shows keys that the command's own jq or --query projection cannot print.",
  fullDescription:
    'An object construction prints exactly the keys it names: jq\'s {"roleName": .roleName, "roleType": .roleType} (jq manual, "Object Construction: {}") and a JMESPath multiselect hash such as az --query "[].{Name:name}" (JMESPath specification, "MultiSelect Hash") emit those keys and no others. An example showing another key ("type" where the filter builds "roleType") was not produced by the command on the page, so the reader cannot recognise their own output or, worse, scripts against a key that never comes.',
  help: 'Show the output the projection prints (its keys exactly), or change the projection.',
  check(doc) {
    const hits: RuleHit[] = [];
    const fences = codeFences(doc);
    // jq prints one object per input: the parser reads the first as the step's response and the rest of
    // the same block as examples, which belong to that step too.
    const stepOfFence = new Map<number, Step>();
    for (const j of doc.json) if (j.role === 'response' && j.step) {
      const f = fenceAt(fences, j.json.source.startLine);
      if (f && !stepOfFence.has(f.open)) stepOfFence.set(f.open, j.step);
    }
    const stepOf = (j: JsonBlock): Step | undefined => {
      if (j.role === 'response') return j.step;
      const f = fenceAt(fences, j.json.source.startLine);
      return f ? stepOfFence.get(f.open) : undefined;
    };
    for (const j of doc.json) {
      const step = stepOf(j);
      const p = step ? projection(doc, step) : undefined;
      if (!p) continue;
      const allowed = new Set(p.keys);
      for (const s of j.read.strings) {
        if (!s.isKey) continue;
        const depth = s.path.filter((k) => !/^\d+$/.test(k)).length;
        if (depth !== 1 || allowed.has(s.raw)) continue;
        hits.push({
          line: s.line,
          column: s.column,
          ...(step ? { stepId: step.id } : {}),
          message: `The example shows "${s.raw}", but ${p.by} (line ${p.line}) builds objects with the keys ${p.keys.map((k) => `"${k}"`).join(', ')} only.`,
        });
      }
    }
    return hits;
  },
};
