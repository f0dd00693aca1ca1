// "mkdir translator-text-app && translator-text-app": the folder just made is then typed as a command —
// the "cd" is missing. bash answers "translator-text-app: command not found" (exit 127), PowerShell
// "The term 'translator-text-app' is not recognized…", cmd "'translator-text-app' is not recognized…",
// and the reader stays in the parent folder, where the next steps create their files.
import type { Rule, RuleHit } from '../rule.ts';
import { simpleCommands } from '../commands.ts';

// Folder names that are also programs a page may run right after making them (a folder "git" and then git).
const PROGRAMS = /^(?:git|npm|node|dotnet|python3?|go|java|mvn|gradle|func|az|code|make|docker|kubectl|helm|terraform)$/;

export const mkdirThenRunFolder: Rule = {
  id: 'mkdir-then-run-folder',
  name: 'MkdirThenRunFolder',
  severity: 'warning',
  shortDescription: 'A folder made with mkdir is then typed as a command (mkdir app && app): "cd" is missing.',
  fullDescription:
    'Quickstarts make the project folder and move into it in one line: "mkdir translator-app && cd translator-app". Written "mkdir translator-text-app && translator-text-app", the second command is the folder\'s name run as a program: bash prints "translator-text-app: command not found" (exit 127; a name that is not a path is looked up in PATH, and a folder in the current directory is not run), PowerShell "The term \'translator-text-app\' is not recognized as a name of a cmdlet, function, script file, or executable program", cmd "\'translator-text-app\' is not recognized as an internal or external command". The reader stays in the parent folder and the next steps (gradle init, creating files) work there. Found on MicrosoftDocs/azure-docs articles/cognitive-services/Translator/quickstart-translator.md (Java tab, June 2022), whose Node.js tab writes the same step correctly.',
  help: 'Add "cd": mkdir <folder> && cd <folder> (PowerShell: mkdir <folder>; cd <folder>).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of doc.commands) {
      const cmds = simpleCommands(command.words);
      for (let k = 0; k + 1 < cmds.length; k++) {
        const [program, ...args] = cmds[k]!;
        if (program?.value !== 'mkdir') continue;
        const folders = args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
        const next = cmds[k + 1]![0];
        if (!next || next.quoted || !folders.includes(next.value) || PROGRAMS.test(next.value) || next.value.includes('/')) continue;
        hits.push({
          line: next.line,
          column: next.column,
          stepId: command.step.id,
          message: `"${next.value}" is the folder the mkdir before it makes, run as a command: bash answers "${next.value}: command not found" (PowerShell and cmd: not recognized), and the reader stays in the parent folder. Write "cd ${next.value}".`,
          suggestion: `cd ${next.value}`,
        });
      }
    }
    return hits;
  },
};
