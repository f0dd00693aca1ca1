// "To update the auto forward setting for a subscription, use the `az servicebus topic subscription
// update` command" above a block that runs `az servicebus topic subscription create` again: the
// reader runs what the block says, not what the prose promised, and the page never shows the
// command it named. Read for az commands (inline code, a link's text, a link to the command's
// reference entry) and for PowerShell cmdlets (Set-AzX named, New-AzX run).
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
import { invocations } from '../commands.ts';
import { codeFences, fenceAt, type CodeFence } from '../fences.ts';
import { azMentions, cmdletMentions, leadInSentences, type LeadSentence } from '../lead-in.ts';
import { eachPowerShellCommand } from '../powershell-commands.ts';

/**
 * A sentence that names a command for another reason than "run this": one shown before, one to
 * avoid, one that may already have run, an alternative.
 */
const ASIDE = /\b(?:instead of|rather than|unlike|not|never|after|once|already|previous(?:ly)?|earlier|above|alternatively|also|deprecated|replaces?|replaced|similar|like|optionally|if you)\b|n't\b/i;

export const leadInCommandNotRun: Rule = {
  id: 'lead-in-command-not-run',
  name: 'LeadInCommandNotRun',
  severity: 'warning',
  shortDescription: 'The sentence leading into a block names a command that the block does not run; the block runs a sibling of it instead.',
  fullDescription:
    'A reader does what the block says. When the sentence before a block says "use az servicebus topic subscription update" and the block runs az servicebus topic subscription create (a reviewer\'s finding on MicrosoftDocs/azure-docs articles/service-bus-messaging/enable-auto-forward.md), the reader runs create, which on an existing subscription does not update it, and the page never shows the command it named. The commands are read against the command table generated from the Azure CLI reference (MicrosoftDocs/azure-docs-cli): a command named in inline code, as a link\'s text, or by a link to its reference entry (/cli/azure/<group>#az-<command>). The rule fires when the lead-in paragraph names a command that no step of the page runs, while the block runs another command of the same group (same words but the last) and none of the commands the lead-in names. PowerShell likewise: a cmdlet named (Set-AzServiceBusSubscription) that the page never runs, above a block that runs another verb of the same noun (New-AzServiceBusSubscription). A sentence that names a command as an aside (instead of, unlike, after, already, previously, also, if you…) is not read.',
  help: 'Make the block run the command the prose names, or name the command the block runs.',
  check(doc) {
    if (!doc.hasText) return [];
    const fences = codeFences(doc);
    return [...azHits(doc, fences), ...cmdletHits(doc, fences)];
  },
};

/** The lead-in sentences of a fence that may name the command to run. */
function readSentences(doc: LintDocument, fence: CodeFence): LeadSentence[] {
  return leadInSentences(doc, fence.open).filter((s) => !ASIDE.test(s.text.replace(/`[^`]*`|\([^)]*\)/g, ' ')));
}

function azHits(doc: LintDocument, fences: readonly CodeFence[]): RuleHit[] {
  const hits: RuleHit[] = [];
  const paths = (words: Parameters<typeof invocations>[0]): string[] =>
    invocations(words).flatMap((i) => (i.az?.read.found.kind === 'command' ? [i.az.read.found.command.path] : []));
  const onPage = new Set(doc.commands.flatMap((c) => paths(c.words)));
  const blocks = new Map<CodeFence, { paths: string[]; line: Map<string, number> }>();
  for (const c of doc.commands) {
    const fence = fenceAt(fences, c.step.source.startLine);
    if (!fence) continue;
    const b = blocks.get(fence) ?? { paths: [], line: new Map<string, number>() };
    for (const p of paths(c.words)) {
      b.paths.push(p);
      if (!b.line.has(p)) b.line.set(p, c.step.source.startLine);
    }
    blocks.set(fence, b);
  }
  for (const [fence, block] of blocks) {
    const sentences = readSentences(doc, fence);
    const named = sentences.flatMap((s) => azMentions(s.text).map((m) => ({ ...m, s })));
    if (named.some((m) => block.paths.includes(m.path))) continue; // the lead-in names what the block runs
    for (const m of named) {
      const words = m.path.split(' ');
      if (words.length < 2 || onPage.has(m.path)) continue;
      const group = words.slice(0, -1).join(' ');
      const sibling = block.paths.find((p) => p !== m.path && p.split(' ').slice(0, -1).join(' ') === group);
      if (!sibling) continue;
      hits.push({
        line: m.s.line,
        column: m.s.column + m.at,
        message: `the sentence leading into the block names \`az ${m.path}\`, but the block runs \`az ${sibling}\` (line ${block.line.get(sibling)}) and no step of the page runs ${words.at(-1)}: the reader runs ${sibling.split(' ').at(-1)}, not the command the prose promised. Run \`az ${m.path}\` in the block, or name \`az ${sibling}\` in the prose.`,
        suggestion: `az ${m.path}`,
      });
    }
  }
  return hits;
}

function cmdletHits(doc: LintDocument, fences: readonly CodeFence[]): RuleHit[] {
  const hits: RuleHit[] = [];
  const all = eachPowerShellCommand(doc);
  const onPage = new Set(all.map((c) => c.command.name.toLowerCase()));
  const blocks = new Map<CodeFence, { name: string; line: number }[]>();
  for (const c of all) {
    const fence = fenceAt(fences, c.step.source.startLine);
    if (!fence || !/^[A-Za-z]+-Az\w+$/.test(c.command.name)) continue;
    const b = blocks.get(fence) ?? [];
    b.push({ name: c.command.name, line: c.at(c.command.offset).line });
    blocks.set(fence, b);
  }
  for (const [fence, run] of blocks) {
    const named = readSentences(doc, fence).flatMap((s) => cmdletMentions(s.text).map((m) => ({ ...m, s })));
    const runNames = new Set(run.map((r) => r.name.toLowerCase()));
    if (named.some((m) => runNames.has(`${m.verb}-${m.noun}`.toLowerCase()))) continue;
    for (const m of named) {
      const name = `${m.verb}-${m.noun}`;
      if (onPage.has(name.toLowerCase())) continue;
      const sibling = run.find((r) => r.name.toLowerCase().endsWith(`-${m.noun.toLowerCase()}`));
      if (!sibling) continue;
      hits.push({
        line: m.s.line,
        column: m.s.column + m.at,
        message: `the sentence leading into the block names ${name}, but the block runs ${sibling.name} (line ${sibling.line}) and no step of the page runs ${name}: the reader runs ${sibling.name}, not the cmdlet the prose promised. Run ${name} in the block, or name ${sibling.name} in the prose.`,
        suggestion: name,
      });
    }
  }
  return hits;
}
