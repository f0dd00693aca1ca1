// The sentences that lead the reader into a code block, and the commands they name. Rules that
// compare what the prose says a block does with what the block runs read them here, so that they
// agree on what a lead-in is: the last prose paragraph above the fence, stopping at a heading, a
// tab or zone marker, another block, or any line that is not prose.
import type { LintDocument } from './document.ts';
import { findCommand } from '../reference/az-table.ts';

export interface LeadSentence {
  /** File line the sentence starts on. */
  line: number;
  /** Column (1-based) of the sentence's first character on that line. */
  column: number;
  text: string;
}

/** How far above the fence the lead-in paragraph may end (blank lines and a note between). */
const REACH = 4;
const STOP = /^\s*(?:`{3,}|~{3,}|#{1,6}\s|---\s*$|:::|>\s*\[!|\[!INCLUDE|<!--|\|)/i;

/** The lead-in paragraph's sentences (empty when the fence has none). */
export function leadInSentences(doc: LintDocument, open: number): LeadSentence[] {
  let end = open - 1;
  while (end >= 1 && open - end <= REACH && doc.line(end).trim() === '') end--;
  if (end < 1 || open - end > REACH || !doc.isProse(end) || STOP.test(doc.line(end))) return [];
  let start = end;
  while (start > 1 && doc.line(start - 1).trim() !== '' && doc.isProse(start - 1) && !STOP.test(doc.line(start - 1))) start--;
  const out: LeadSentence[] = [];
  for (let n = start; n <= end; n++) {
    const text = doc.line(n);
    // Sentence ends: ". ", "! ", "? " or ": " followed by a capital or a backtick, outside inline code.
    let from = 0;
    let code = false;
    for (let k = 0; k < text.length; k++) {
      const ch = text[k];
      if (ch === '`') code = !code;
      if (!code && /[.!?:]/.test(ch ?? '') && text[k + 1] === ' ' && /[A-Z`[*]/.test(text[k + 2] ?? '')) {
        out.push({ line: n, column: from + 1, text: text.slice(from, k + 1) });
        from = k + 2;
      }
    }
    if (text.slice(from).trim()) out.push({ line: n, column: from + 1, text: text.slice(from) });
  }
  return out;
}

export interface AzMention {
  /** The command's path in the table ("servicebus topic subscription update"). */
  path: string;
  /** 0-based index in the sentence's text. */
  at: number;
}

/** `az …` in inline code or as a link's text: the words up to the first option or placeholder. */
const INLINE = /`az ([^`]+)`|\[`?az ([^\]`]+)`?\]/g;
/** A link to a command's reference entry: /cli/azure/<group path>#az-<command words> (old pages: `_`). */
const REFERENCE = /\/cli\/azure\/([a-z0-9/-]+?)\/?(?:\?[^#)\s]*)?#az[-_]([a-z0-9_-]+)/gi;

/** The az commands a sentence names, each read against the command table (groups and unknown words left out). */
export function azMentions(text: string): AzMention[] {
  const out: AzMention[] = [];
  const add = (path: string | undefined, at: number): void => {
    if (path && !out.some((m) => m.path === path)) out.push({ path, at });
  };
  for (const m of text.matchAll(INLINE)) {
    const words: string[] = [];
    for (const w of (m[1] ?? m[2] ?? '').trim().split(/\s+/)) {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(w)) break;
      words.push(w);
    }
    const found = findCommand(words);
    add(found.kind === 'command' ? found.command.path : undefined, m.index ?? 0);
  }
  for (const m of text.matchAll(REFERENCE)) add(referencedCommand(m[1] as string, m[2] as string), m.index ?? 0);
  return out;
}

/** The command a reference anchor names: the page's group path, then the anchor's remaining words. */
function referencedCommand(page: string, anchor: string): string | undefined {
  const group = page.toLowerCase().split('/').filter(Boolean);
  const rest = anchor.toLowerCase().replace(/_/g, '-');
  const prefix = `${group.join('-')}-`;
  if (!rest.startsWith(prefix)) return undefined;
  const tail = rest.slice(prefix.length);
  // The anchor joins words with '-' as command words do themselves: try each split, longest word first.
  const parts = tail.split('-');
  for (let cut = parts.length; cut >= 1; cut--) {
    const words = [...group, ...splitAt(parts, cut)];
    const found = findCommand(words);
    if (found.kind === 'command' && found.rest.length === 0) return found.command.path;
  }
  return undefined;
}

/** The anchor's parts read as subgroup words then one command word made of the last `cut` parts. */
function splitAt(parts: readonly string[], cut: number): string[] {
  return [...parts.slice(0, parts.length - cut), parts.slice(parts.length - cut).join('-')];
}

/** A PowerShell cmdlet named in a sentence (`Set-AzServiceBusSubscription`, in code or as a link's text). */
const CMDLET = /(?<![\w-])([A-Z][a-z]+)-(Az[A-Z][A-Za-z0-9]*)(?![\w-])/g;

export interface CmdletMention {
  verb: string;
  noun: string;
  at: number;
}

export function cmdletMentions(text: string): CmdletMention[] {
  const out: CmdletMention[] = [];
  for (const m of text.matchAll(CMDLET)) {
    const verb = m[1] as string;
    const noun = m[2] as string;
    if (!out.some((c) => c.verb === verb && c.noun === noun)) out.push({ verb, noun, at: m.index ?? 0 });
  }
  return out;
}
