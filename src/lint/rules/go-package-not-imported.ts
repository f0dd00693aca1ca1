// A complete Go file (package clause and import declaration) that calls into a standard-library package
// it does not import: `go run main.go` stops with "undefined: os" before anything runs. Pages add a call
// to os.Getenv or time.Second to the full sample and forget the import list above it.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';

/**
 * Standard-library packages by the name a file uses for them (the last element of the import path,
 * https://pkg.go.dev/std). Only these are judged: a lower-case name before a dot is otherwise as likely a
 * variable (`client.SetSecret`) as a package.
 */
const STD = new Map<string, string>([
  ['bufio', 'bufio'], ['bytes', 'bytes'], ['context', 'context'], ['errors', 'errors'], ['filepath', 'path/filepath'],
  ['fmt', 'fmt'], ['http', 'net/http'], ['io', 'io'], ['ioutil', 'io/ioutil'], ['json', 'encoding/json'], ['log', 'log'],
  ['math', 'math'], ['os', 'os'], ['rand', 'math/rand'], ['regexp', 'regexp'], ['sort', 'sort'], ['strconv', 'strconv'],
  ['strings', 'strings'], ['sync', 'sync'], ['time', 'time'], ['url', 'net/url'], ['base64', 'encoding/base64'],
]);

/** The code of a line without its string literals and // comment (what is left can name packages). */
function codeOf(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*'/g, '""').replace(/\/\/.*$/, '');
}

export const goPackageNotImported: Rule = {
  id: 'go-package-not-imported',
  name: 'GoPackageNotImported',
  severity: 'warning',
  shortDescription: 'A complete Go file uses a standard-library package (os, time, …) that its import list lacks.',
  fullDescription:
    'Go compiles a file only when every package it names is imported (The Go Programming Language Specification, "Import declarations"; "Qualified identifiers"): a file that calls os.Getenv without importing "os" stops `go run` / `go build` with "undefined: os". Only files the page gives whole (a package clause and an import declaration in one block) and the standard-library names listed in the rule are judged, and a name the file declares itself (os := …) is left alone. Found on MicrosoftDocs/azure-docs key-vault/secrets/quick-create-go.md, whose main.go uses os.Getenv and time.Second with neither imported (reader fix: MicrosoftDocs/azure-security-docs PR #4, "os package not imported").',
  help: 'Add the package to the import list (import ( "os" "time" … )).',
  check(doc) {
    if (!doc.hasText) return [];
    const hits: RuleHit[] = [];
    for (const fence of codeFences(doc)) {
      if (!/^(go|golang)$/.test(fence.info)) continue;
      const lines: { n: number; text: string }[] = [];
      for (let n = fence.open + 1; n < fence.close; n++) lines.push({ n, text: doc.line(n) });
      if (!lines.some((l) => /^\s*package\s+\w+/.test(l.text))) continue;
      const imported = new Set<string>();
      let inImport = false;
      let sawImport = false;
      for (const { text } of lines) {
        const t = text.trim();
        if (/^import\s*\($/.test(t)) {
          inImport = sawImport = true;
          continue;
        }
        if (inImport && t === ')') {
          inImport = false;
          continue;
        }
        const single = /^import\s+(?:(\w+|\.|_)\s+)?"([^"]+)"/.exec(t);
        const member = inImport ? /^(?:(\w+|\.|_)\s+)?"([^"]+)"/.exec(t) : null;
        const m = single ?? member;
        if (single) sawImport = true;
        if (m) imported.add(m[1] && m[1] !== '_' ? m[1] : (m[2] as string).split('/').pop()!.replace(/\/v\d+$/, ''));
      }
      if (!sawImport || imported.has('.')) continue;
      const declared = new Set<string>();
      for (const { text } of lines) for (const d of codeOf(text).matchAll(/\b([a-z]\w*)\s*(?::=|,\s*\w+\s*:=)|\bvar\s+([a-z]\w*)|\bfunc\s*\(?\s*([a-z]\w*)/g)) declared.add((d[1] ?? d[2] ?? d[3]) as string);
      const said = new Set<string>();
      for (const { n, text } of lines) {
        const code = codeOf(text);
        if (/^\s*(?:import|package)\b/.test(code)) continue;
        for (const u of code.matchAll(/(?<![\w.])([a-z]\w*)\.[A-Z]\w*/g)) {
          const name = u[1] as string;
          if (!STD.has(name) || imported.has(name) || declared.has(name) || said.has(name)) continue;
          said.add(name);
          hits.push({
            line: n,
            column: (u.index ?? 0) + 1,
            message: `this Go file uses ${name}.${/\.([A-Z]\w*)/.exec(u[0])?.[1]} but does not import "${STD.get(name)}": go run stops with "undefined: ${name}" before the program starts. Add "${STD.get(name)}" to the import list.`,
          });
        }
      }
    }
    return hits;
  },
};
