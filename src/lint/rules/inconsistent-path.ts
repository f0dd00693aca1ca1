// A place on disk the page names that is not the one its own steps made: a file the reader is told to
// create by bare name ("Create a new file named **ReaderSupportRole.json**", so in the current folder)
// that the commands then read from a folder nothing creates (`~/CustomRoles/ReaderSupportRole.json`),
// and a folder the prose says to work from (`from the *LocalFunctionProj* folder`) that no step makes
// or enters while the page's steps `cd` into another one (`cd fabrikam-functions`). A shell resolves a
// relative path against the current folder only; az reads `@file` / `--role-definition file` the same
// way, so the reader gets "No such file or directory" (bash) or "…does not exist" (az).
import type { Rule, RuleHit } from '../rule.ts';
import { nameWord } from '../text.ts';
import { invocations } from '../commands.ts';

/** "Create a (new) (JSON) file named **X**" with its place: the file the reader makes in the current folder. */
const CREATE_FILE = /\bcreate (?:a |an )?(?:new |local )?(?:[A-Za-z]+ )?file (?:named|called) (?:\*\*|\*|`|_)([\w.-]+\.[A-Za-z0-9]+)(?:\*\*|\*|`|_)/gi;
/** "from / in the *X* folder|directory": a folder the prose says the reader works in. */
const FOLDER_REF = /\b(?:from|in|into|to) the (?:\*\*|\*|`|_)([A-Za-z0-9][\w.-]*)(?:\*\*|\*|`|_) (?:project )?(?:folder|directory)\b/g;

export const inconsistentPath: Rule = {
  id: 'inconsistent-path',
  name: 'InconsistentPath',
  severity: 'warning',
  shortDescription: 'A file or folder is named by another path than the one the page\'s own steps make.',
  fullDescription:
    "A shell, and az reading a file argument, resolve a relative path against the current folder. A file the page tells the reader to create by bare name is in the folder they are in, not in ~/CustomRoles; a project folder the page creates and enters with cd is not the LocalFunctionProj folder another quickstart uses. The reader gets \"No such file or directory\", or looks for a folder that does not exist. A shell resolves a relative path against the current folder only (POSIX pathname resolution; `~` is the home folder), and az reads a file argument (`--role-definition file`, `@file`) the same way. A file the prose tells the reader to create by bare name (\"Create a new file named **ReaderSupportRole.json**\") is in the folder they are in; commands that read it as `~/CustomRoles/ReaderSupportRole.json` while nothing on the page creates or mentions CustomRoles get \"No such file or directory\" (reported on the creating line, naming the reading lines). A folder the prose says to work in (\"from the *LocalFunctionProj* folder\") that no command makes, enters or names, after the page's steps `cd` into another folder (`cd fabrikam-functions`, the Maven artifactId), is a name from another page. Silent on `./name`, on paths with placeholders or variables, on folder paths with `/` (subfolders the tools make), on pages without `cd`, and when the prose mentions the folder elsewhere.",
  help: 'Name the file or folder the way the page creates it (or add the step that creates the other folder).',
  check(doc) {
    if (!doc.hasText) return [];
    const hits: RuleHit[] = [];
    const commandLines = new Set<number>();
    for (const c of doc.commands) for (const l of c.lines) commandLines.add(l.line);
    // Where a name stands outside the commands that use it.
    const mentionedOutside = (word: string, except: ReadonlySet<number>): boolean => {
      const re = nameWord(word);
      for (let n = 1; n <= doc.lineCount; n++) if (!except.has(n) && re.test(doc.line(n))) return true;
      return false;
    };

    // Files created by bare name, read elsewhere through a folder nothing makes.
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      for (const m of doc.line(n).matchAll(CREATE_FILE)) {
        const file = m[1] as string;
        const uses: { path: string; line: number }[] = [];
        for (const c of doc.commands)
          for (const w of c.words) {
            const v = w.value.replace(/^@/, '');
            if (v.endsWith(`/${file}`) && !/^\.\/[^/]+$/.test(v) && !/[<>{}$]/.test(v)) uses.push({ path: v, line: w.line });
          }
        if (uses.length === 0) continue;
        const folder = (uses[0] as { path: string }).path.slice(0, -file.length - 1);
        const last = folder.split('/').filter((s) => s !== '' && s !== '~' && s !== '.').pop();
        if (last === undefined || mentionedOutside(last, commandLines)) continue;
        hits.push({
          line: n,
          column: (m.index ?? 0) + 1,
          message: `the reader creates ${file} in the folder they are in, but ${uses.length === 1 ? 'line' : 'lines'} ${[...new Set(uses.map((u) => u.line))].join(', ')} read${uses.length === 1 ? 's' : ''} it as ${uses[0]?.path}: nothing on the page creates or mentions the folder ${folder}, so the shell (and az) answer "No such file or directory". Say where to create the file, or read it as ${file}.`,
        });
      }
    }

    // Folders the prose says to work in that no step makes or enters, while the steps enter another.
    const entered: { folder: string; line: number }[] = [];
    for (const c of doc.commands)
      for (const inv of invocations(c.words)) {
        const [cmd, dir] = inv.words;
        if (cmd?.value === 'cd' && inv.words.length === 2 && dir && /^[A-Za-z0-9][\w.-]*$/.test(dir.value)) entered.push({ folder: dir.value, line: dir.line });
      }
    if (entered.length > 0) {
      const inCommands = (name: string): boolean => doc.tutorial.steps.some((st) => st.kind !== 'manual' && nameWord(name).test(st.raw));
      const reported = new Set<string>();
      for (let n = 1; n <= doc.lineCount; n++) {
        if (!doc.isProse(n)) continue;
        for (const m of doc.line(n).matchAll(FOLDER_REF)) {
          const folder = m[1] as string;
          const before = entered.filter((e) => e.line < n);
          if (before.length === 0 || reported.has(folder.toLowerCase()) || entered.some((e) => e.folder.toLowerCase() === folder.toLowerCase()) || inCommands(folder)) continue;
          const self = new Set<number>([n]);
          if (mentionedOutside(folder, self)) continue;
          reported.add(folder.toLowerCase());
          const last = before[before.length - 1] as { folder: string; line: number };
          hits.push({
            line: n,
            column: (m.index ?? 0) + 1,
            message: `no step makes or enters a folder named ${folder}: the page's steps work in ${last.folder} (cd on line ${last.line}). Name the folder the page created (${last.folder}).`,
            suggestion: last.folder,
          });
        }
      }
    }
    return hits;
  },
};
