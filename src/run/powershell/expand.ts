// PowerShell's expansion of values (about_Quoting_Rules, about_Variables): "$name", "${name}" and
// "$($x.Prop)" in double-quoted strings and barewords, backtick escapes, and the member chains
// (`$rg.ResourceId`, `$keys[0].Value`, `$sa.Context`) those and arguments read. Only a variable is
// expanded after a bare `$` in a string: "$rg.ResourceId" is the group's string form followed by
// ".ResourceId", as in PowerShell. What is not a member chain (a call, an operator, a cmdlet inside
// `$( … )`) is not evaluated here: said as `unsupported`, never guessed.
import { classifyValue, closingBracket, isDoubleQuote, isQuote } from '../../parse/powershell-words.ts';
import { memberOf, PsObject, psString, type PsData, type PsVariables } from './values.ts';

export type Evaluated = { value: PsData } | { unsupported: string };

/** "$x" of a value: an object of a type not fully modelled and without its own ToString here has a string form this tool does not know. */
export function stringForm(value: PsData): { value: string } | { unsupported: string } {
  const unknown = (Array.isArray(value) ? value : [value]).find((v) => v instanceof PsObject && v.text === undefined && !v.complete);
  if (unknown instanceof PsObject) return { unsupported: `the string form of a ${unknown.typeName} object, which is not modelled here` };
  return { value: psString(value) };
}

/** PowerShell's automatic variables a page may read without assigning them. */
const AUTOMATIC: Readonly<Record<string, PsData>> = { true: true, false: false, null: null };

const ESCAPES: Readonly<Record<string, string>> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A variable's value; `unsupported` when the page never gave it one (PowerShell would use $null, which the page cannot mean). */
export function variable(name: string, vars: PsVariables): Evaluated {
  const auto = AUTOMATIC[name.toLowerCase()];
  if (auto !== undefined) return { value: auto };
  if (vars.has(name)) return { value: vars.get(name) ?? null };
  if (/^env:/i.test(name)) return { unsupported: `$${name} is the reader's environment variable, which no step of the page sets` };
  return { unsupported: `$${name} has no value: no earlier statement of the page assigns it` };
}

const NAME = /^[A-Za-z0-9_?]+(?::[A-Za-z0-9_]+)?/;

/**
 * A member chain: `$name`, `${name}`, then `.Member` and `[index]` any number of times; a quoted
 * string, a number, $true/$false/$null. Parentheses around the whole are PowerShell's grouping.
 */
export function evaluateExpression(text: string, vars: PsVariables): Evaluated {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')') && closingBracket(t, 0) === t.length - 1) t = t.slice(1, -1).trim();
  if (isQuote(t[0])) {
    // a quoted string, typographic quotes included as PowerShell reads them (the one reader decides where it ends)
    const quoted = classifyValue(t, 0);
    if (quoted.kind === 'string') return { value: quoted.content ?? '' };
    if (quoted.kind === 'expandable') return expandString(quoted.content ?? '', vars);
  }
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return { value: Number(t) };
  const head = /^\$(?:\{([^}]+)\}|([A-Za-z0-9_?]+(?::[A-Za-z0-9_]+)?))/.exec(t);
  if (!head) return { unsupported: `the expression ${t} is not a variable or a member of one` };
  const got = variable(head[1] ?? head[2] ?? '', vars);
  if ('unsupported' in got) return got;
  let value: PsData | undefined = got.value;
  let rest = t.slice(head[0].length);
  while (rest !== '') {
    const member = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    const index = /^\[\s*(-?\d+)\s*\]/.exec(rest);
    if (member && rest[member[0].length] !== '(') {
      const next = memberOf(value, member[1] ?? '');
      if (next === undefined) return { unsupported: `${t}: ${member[1]} of a ${value instanceof PsObject ? value.typeName : 'value'} is not modelled here` };
      value = next;
      rest = rest.slice(member[0].length);
    } else if (index) {
      const n = Number(index[1]);
      const list: PsData[] = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
      value = list[n < 0 ? list.length + n : n] ?? null;
      rest = rest.slice(index[0].length);
    } else return { unsupported: `the expression ${t} (${rest}) is more than a member chain, which this tool does not evaluate` };
  }
  return { value: value ?? null };
}

/** The string form of an evaluated value, as expansion inserts it. */
function textOf(got: Evaluated): { value: string } | { unsupported: string } {
  return 'unsupported' in got ? got : stringForm(got.value);
}

/** The content of a double-quoted string (or a bareword argument) with its variables and escapes expanded. */
export function expandString(content: string, vars: PsVariables, opts: { quoted?: boolean } = {}): Evaluated {
  const quoted = opts.quoted ?? true;
  let out = '';
  for (let k = 0; k < content.length; k++) {
    const c = content[k] as string;
    if (c === '`' && k + 1 < content.length) {
      const e = content[++k] as string;
      out += ESCAPES[e] ?? e;
      continue;
    }
    if (quoted && isDoubleQuote(c) && isDoubleQuote(content[k + 1])) {
      out += content[k + 1]; // the tokenizer keeps the second of two quotes (tokenizer.cs ScanStringExpandable)
      k++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    if (content[k + 1] === '(') {
      const end = closingBracket(content, k + 1);
      if (end < 0) return { unsupported: `an unclosed $( in ${content}` };
      const text = textOf(evaluateExpression(content.slice(k + 2, end), vars));
      if ('unsupported' in text) return text;
      out += text.value;
      k = end;
      continue;
    }
    if (content[k + 1] === '{') {
      const end = content.indexOf('}', k + 2);
      if (end < 0) return { unsupported: `an unclosed \${ in ${content}` };
      const text = textOf(variable(content.slice(k + 2, end), vars));
      if ('unsupported' in text) return text;
      out += text.value;
      k = end;
      continue;
    }
    const name = NAME.exec(content.slice(k + 1))?.[0];
    if (name === undefined) {
      out += c;
      continue;
    }
    // `$name:` is a scope or drive prefix to PowerShell ("$rg: done" is its parse error); only $env: is read here.
    if ((name.includes(':') && !/^env:/i.test(name)) || content[k + 1 + name.length] === ':') {
      return { unsupported: `"$${name}:" is a scope- or drive-qualified variable to PowerShell, which this tool does not read` };
    }
    const text = textOf(variable(name, vars));
    if ('unsupported' in text) return text;
    out += text.value;
    k += name.length;
  }
  return { value: out };
}
