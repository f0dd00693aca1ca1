// Every curl and az invocation of a tutorial, with the command it belongs to.
import type { CommandView, LintDocument } from './document.ts';
import { invocations, type AzView, type CurlView } from './commands.ts';
import type { ShellWord } from '../parse/shell-words.ts';

export interface CurlAt {
  command: CommandView;
  curl: CurlView;
}
export interface AzAt {
  command: CommandView;
  az: AzView;
}
export interface EchoAt {
  command: CommandView;
  /** The file written ("> test.txt"), and the bytes echo writes into it. */
  file: string;
  content: string;
  append: boolean;
  fileWord: ShellWord;
}

export function eachCurl(doc: LintDocument): CurlAt[] {
  return doc.commands.flatMap((command) => invocations(command.words).flatMap((i) => (i.curl ? [{ command, curl: i.curl }] : [])));
}

export function eachAz(doc: LintDocument): AzAt[] {
  // A command the page shows failing on purpose (parse/shown-failing.ts) is judged by the page itself.
  return doc.commands.filter((c) => c.step.shownFailing === undefined && c.step.azStandIn === undefined).flatMap((command) => invocations(command.words).flatMap((i) => (i.az ? [{ command, az: i.az }] : [])));
}

/** `echo "…" > file` and `echo -n "…" >> file`: what lands in the file, byte for byte. */
export function eachEcho(doc: LintDocument): EchoAt[] {
  const out: EchoAt[] = [];
  for (const command of doc.commands) {
    for (const inv of invocations(command.words)) {
      if (inv.words[0]?.value !== 'echo') continue;
      const args: string[] = [];
      let noNewline = false;
      for (let i = 1; i < inv.words.length; i++) {
        const w = inv.words[i] as ShellWord;
        const redirect = !w.quoted ? /^(>>?)(.*)$/.exec(w.value) : null;
        if (redirect) {
          const fileWord = redirect[2] ? w : inv.words[i + 1];
          if (!fileWord) break;
          const file = redirect[2] ? (redirect[2] as string) : fileWord.value;
          out.push({ command, file, content: args.join(' ') + (noNewline ? '' : '\n'), append: redirect[1] === '>>', fileWord });
          break;
        }
        if (args.length === 0 && !w.quoted && w.value === '-n') noNewline = true;
        else args.push(w.value);
      }
    }
  }
  return out;
}
