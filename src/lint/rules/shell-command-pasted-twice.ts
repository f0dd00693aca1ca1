// `kubectl apply -f kubectl apply -f https://…/adapter.yaml`: a command whose arguments start over
// with its own program and subcommand — the line was pasted into itself. The program receives
// "kubectl", "apply", "-f" as arguments (kubectl takes "kubectl" as the file to apply and stops).
// Readers reported it: MicrosoftDocs/azure-docs#81583.
import type { Rule, RuleHit } from '../rule.ts';
import { invocations } from '../commands.ts';
import { bashCommands } from '../shell.ts';

const PROGRAM = /^[a-z][a-z0-9._-]*$/;

export const shellCommandPastedTwice: Rule = {
  id: 'shell-command-pasted-twice',
  name: 'ShellCommandPastedTwice',
  severity: 'warning',
  shortDescription: 'A command repeats its own program and subcommand inside its arguments (kubectl apply -f kubectl apply -f …): it was pasted twice.',
  fullDescription:
    'A shell command line runs one program with the words after it as arguments; when the words start over with the same program and subcommand (`kubectl apply -f kubectl apply -f https://…`, `az group create az group create …`), the second copy is not a command but arguments of the first. kubectl apply -f then reads "kubectl" as the file to apply and stops with error: the path "kubectl" does not exist; az stops with "unrecognized arguments". Readers reported it on the Application Gateway autoscaling page (MicrosoftDocs/azure-docs#81583). Only an unquoted repetition of both the program and its first argument (a subcommand, not an option) is reported, so `kubectl exec pod -- kubectl get …` or a quoted command handed to another program is not.',
  help: 'Keep one copy of the command.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of bashCommands(doc)) {
      for (const inv of invocations(command.words)) {
        const [program, sub] = inv.words;
        if (!program || !sub || program.quoted || !PROGRAM.test(program.value) || sub.value.startsWith('-') || sub.quoted) continue;
        for (let i = 2; i + 1 < inv.words.length; i++) {
          const w = inv.words[i]!;
          const next = inv.words[i + 1]!;
          if (w.quoted || next.quoted || w.value !== program.value || next.value !== sub.value) continue;
          const before = inv.words[i - 1]!;
          const what =
            program.value === 'kubectl' && /^-(?:f|-filename)$/.test(before.value)
              ? `kubectl reads "kubectl" as the file for ${before.value} and stops with: error: the path "kubectl" does not exist`
              : `${program.value} ${sub.value} receives "${program.value}", "${sub.value}" and what follows as its own arguments`;
          hits.push({
            line: w.line,
            column: w.column,
            stepId: command.step.id,
            message: `"${program.value} ${sub.value}" starts over inside its own arguments: the command was pasted twice, and ${what}. Keep one copy of the command.`,
          });
          break;
        }
      }
    }
    return hits;
  },
};
