// Reads the saved ChangeLog excerpts (src/reference/powershell-changelog/<Module>.md) that say how fresh each help
// excerpt is. The help markdown the cmdlet table is read from is a stored copy at one commit, and a module release
// after it can add parameters (New-AzVM's help at d7fcc15 lacks -IfMatch, -IfNoneMatch and -SshKeyType, which
// Az.Compute 8.0.0 and 8.4.0 added): a page using them would be told, falsely, that PowerShell rejects them.
// A block per cmdlet names the ChangeLog read (repo, path, commit) and its newest release (`through:`), shows with a
// verbatim line which release the help already covers (`help-covers:`: parameters of the help that release added, the
// parameter sets it introduced, or `(cmdlet)` where that release replaced the cmdlet by the one the help describes),
// and gives every later verbatim line that adds a parameter to the cmdlet (`added:`). A cmdlet without a block has a help whose freshness was not
// established; the lint rules say so (a warning, not an error) rather than trust it.
import type { PsCmdletEntry } from './powershell-help-source.ts';

export class ChangeLogExcerptError extends Error {}

/** A name as a whole word: not inside a longer parameter or cmdlet name (`Name` is not in `ResourceGroupName`). */
const wholeWord = (pattern: string): RegExp => new RegExp(`(^|[^\\w-])${pattern}([^\\w-]|$)`, 'i');

export interface PsFreshness {
  /**
   * `current`: the help is the published help of the Az release `release` (powershell-docs-source.ts);
   * `changelog`: the help was compared with the module's ChangeLog through `through`; `unknown`: it was not.
   */
  checked: 'current' | 'changelog' | 'unknown';
  /** The Az release whose published help the cmdlet was read from (`Az 16.2.0`), where `current`. */
  release?: string;
  source?: { repo: string; path: string; commit: string };
  /** The ChangeLog's newest release read (`Version 9.0.0`). */
  through?: string;
  /** The release the help is shown to cover. */
  helpCovers?: string;
}

/** A parameter the ChangeLog says a release after the help added: known, though the help excerpt lacks it. */
export interface PsLaterParameter {
  name: string;
  release: string;
}

export interface PsChangeLogBlock {
  cmdlet: string;
  freshness: PsFreshness;
  later: PsLaterParameter[];
}

/** Reads one excerpt file into its blocks; `help` is the cmdlets already read, each block is checked against its cmdlet. */
export function readChangeLogExcerpt(file: string, text: string, help: (name: string) => PsCmdletEntry | undefined): PsChangeLogBlock[] {
  const fail = (line: number, what: string): never => {
    throw new ChangeLogExcerptError(`${file}:${line}: ${what}`);
  };
  const blocks: PsChangeLogBlock[] = [];
  let block: PsChangeLogBlock | undefined;
  let cmdlet: PsCmdletEntry | undefined;
  let release: string | undefined;
  // The names a release line declares (help-covers or added, with the spelling the line uses) wait for that line.
  let pending: { names: string[]; written?: string; kind: 'covers' | 'added'; cmdlet?: boolean; at: number } | undefined;
  const finish = (k: number): void => {
    if (pending) fail(pending.at, 'a help-covers:/added: line needs the verbatim ChangeLog line after it');
    if (!block) return;
    if (!block.freshness.source) fail(k, `${block.cmdlet}: no "source:" line`);
    if (!block.freshness.through) fail(k, `${block.cmdlet}: no "through:" line`);
    if (!block.freshness.helpCovers) fail(k, `${block.cmdlet}: no "help-covers:" line`);
    blocks.push(block);
  };
  const has = (c: PsCmdletEntry, name: string): boolean => c.parameters.some((p) => p.name.toLowerCase() === name.toLowerCase());
  text.split('\n').forEach((raw, k) => {
    const line = raw.trimEnd();
    let m: RegExpExecArray | null;
    if ((m = /^# (\S+)$/.exec(line))) {
      finish(k + 1);
      cmdlet = help(m[1]!) ?? fail(k + 1, `${m[1]} has no help excerpt`);
      block = { cmdlet: cmdlet.name, freshness: { checked: 'changelog' }, later: [] };
      release = undefined;
      return;
    }
    if (!block || !cmdlet) return;
    if ((m = /^source: (\S+\/\S+) (\S+ChangeLog\.md) ([0-9a-f]{40})$/.exec(line))) {
      block.freshness.source = { repo: m[1]!, path: m[2]!, commit: m[3]! };
      return;
    }
    if ((m = /^through: (Version \d+\.\d+\.\d+)$/.exec(line))) { block.freshness.through = m[1]!; return; }
    if ((m = /^## (Version \d+\.\d+\.\d+)$/.exec(line))) { release = m[1]!; return; }
    if ((m = /^help-covers: (.+)$/.exec(line))) {
      const sets = /^\(parameter sets (.+)\)$/.exec(m[1]!);
      if (m[1] === '(cmdlet)') {
        // The release that made the cmdlet the one the help describes (a module rewritten, the old cmdlet replaced by
        // the generated one, Az.EventHub 4.0.0): the help is of the new cmdlet, so it covers that release; the
        // verbatim line must name the cmdlet.
        pending = { names: [], kind: 'covers', cmdlet: true, at: k + 1 };
      } else if (sets) {
        // The help has the parameter sets that release introduced: evidence without a parameter name.
        for (const s of sets[1]!.split(', ')) if (!cmdlet.parameterSets.some((p) => p.name === s)) fail(k + 1, `${cmdlet.name}'s help has no parameter set ${s}`);
        pending = { names: [], kind: 'covers', at: k + 1 };
      } else {
        const names = m[1]!.split(', ');
        for (const n of names) if (!has(cmdlet, n)) fail(k + 1, `${cmdlet.name}'s help lacks -${n}, so it does not cover ${release}`);
        pending = { names, kind: 'covers', at: k + 1 };
      }
      block.freshness.helpCovers = release ?? fail(k + 1, 'help-covers: before any "## Version" line');
      return;
    }
    if ((m = /^added: (.+)$/.exec(line))) {
      const names = m[1]!.split(', ');
      for (const n of names) if (has(cmdlet, n)) fail(k + 1, `${cmdlet.name}'s help already has -${n}`);
      pending = { names, kind: 'added', at: k + 1 };
      return;
    }
    if ((m = /^written: (\S+)$/.exec(line)) && pending) { pending.written = m[1]!; return; }
    if (line.startsWith('* ') || line.startsWith('  ')) {
      if (!pending) return; // a further verbatim line of the release
      const r = release ?? fail(k + 1, 'a ChangeLog line before any "## Version" line');
      // The verbatim line must name each parameter, or the one spelling `written:` records, and the cmdlet, each as a
      // whole word (`-Name`, `Name`, "[-Name]", Name): ChangeLogs quote them in several ways, never as part of a longer name.
      const spellings = pending.written ? [pending.written] : pending.names;
      for (const s of spellings) if (!wholeWord(`-?${s.replace(/[-]/g, '\\-')}`).test(line)) fail(k + 1, `the line does not name ${s}`);
      if ((pending.names.length || pending.cmdlet) && !wholeWord(cmdlet.name.replace(/[-]/g, '\\-')).test(line)) fail(k + 1, `the line does not name ${cmdlet.name}`);
      if (pending.kind === 'added') for (const n of pending.names) block.later.push({ name: n, release: r });
      pending = undefined;
      return;
    }
    if (line) fail(k + 1, `unexpected line: ${line}`);
  });
  finish(text.split('\n').length);
  return blocks;
}
