// The document scanner: markdown-it supplies the block structure (blocks.ts); a line-level
// recogniser then finds, inside every block (paragraph, list item, indented code, fence), the
// command lines (commands.ts) and the responses and lead-ins (responses.ts); manual steps and
// placeholder occurrences are read once every line has its role. The same recogniser reads DocFX
// markdown and rendered page text, so both give the same steps.
import { enterSection, readBlocks } from './blocks.ts';
import { readCommand } from './commands.ts';
import { isCompoundStart, readCompound } from './compound.ts';
import { F_COMMAND, F_HASH, F_JSON, F_PROGRESS, F_STATUS, isProgramLine, plainInline } from './lines.ts';
import { blockLanguage } from './language.ts';
import { findManualSteps } from './manual-steps.ts';
import { isPowerShellLine, readCmd, readPowerShell } from './powershell.ts';
import { findOccurrences } from './placeholders.ts';
import { markShownFailing } from './shown-failing.ts';
import { isRequestStart, readRequest, requestFence } from './request.ts';
import { namedBlockBody, nextJson, readFenceText, readJsonResponse, readProse, readTranscript, statementBlockEnd } from './responses.ts';
import { introducesError, readQuotedError } from './quoted-error.ts';
import { Role, ScanState, type ParseOptions, type ScanResult } from './scan-state.ts';
import type { Fence, TabGroup } from './structure.ts';
import { NOWHERE } from './variants.ts';

export type { ParseOptions, ScanResult } from './scan-state.ts';

/** Scan a document (and, through `[!INCLUDE]`, the files it includes). */
export function scanDocument(text: string, file: string, opts: ParseOptions = {}): ScanResult {
  const st = new ScanState(text, file, opts);
  st.scanInclude = scanDocument;
  readBlocks(st);
  scan(st, st.bodyStart, st.n, undefined);
  findManualSteps(st);
  markShownFailing(st);
  st.steps.sort((a, b) => a.order - b.order);
  // Included steps and examples came with their place (includes.ts); this file's own take their line's.
  for (const { step } of st.steps) {
    if (st.stepPlaces.has(step)) continue;
    const place = st.linePlaces[step.source.startLine - 1] ?? NOWHERE;
    if (place !== NOWHERE) st.stepPlaces.set(step, place);
  }
  for (const e of st.examples) {
    if (st.examplePlaces.has(e)) continue;
    const place = st.linePlaces[e.source.startLine - 1] ?? NOWHERE;
    if (place !== NOWHERE) st.examplePlaces.set(e, place);
  }
  return {
    title: st.title,
    form: st.form,
    sections: st.sections.sort((a, b) => a.line - b.line),
    steps: st.steps,
    examples: st.examples,
    diagnostics: st.diagnostics,
    occurrences: [...findOccurrences(st), ...st.extraOccurrences],
    prose: st.stepProse,
    lineCount: st.n,
    stepPlaces: st.stepPlaces,
    examplePlaces: st.examplePlaces,
    groups: st.groups,
    pivots: st.pivots,
  };
}

/**
 * A fence whose language says JSON may be in it: JSON itself, output, shell sessions (az prints
 * JSON), HTTP transcripts, an "Example", or no language at all. The braces of PowerShell, YAML, XML and program
 * source (csharp, python, javascript…) are never JSON.
 */
function mayHoldJson(fence: Fence): boolean {
  if (fence.info.trim() === '') return true;
  // Learn pages label some output "Example" (```Example): the block may hold the JSON a command printed.
  if (/^example$/i.test(fence.info.trim())) return true;
  const language = blockLanguage(fence.info);
  return language === 'json' || language === 'output' || language === 'shell' || language === 'http';
}

/** Program source a page shows (a workflow's `run: az logout` is YAML, not a command to type). */
const SOURCE_LANGUAGES = /^(?:csharp|cs|c#|python|py|javascript|js|typescript|ts|java|go|golang|ruby|php|cpp|c|rust|kotlin|swift|scala|dockerfile|bicep|terraform|hcl|html|css|sql|kusto)$/i;

/** A fence whose lines may be commands the reader types: not YAML, XML, JSON, output or program source. */
function mayHoldCommands(fence: Fence): boolean {
  const language = blockLanguage(fence.info);
  if (language === 'yaml' || language === 'xml' || language === 'json' || language === 'output') return false;
  return !SOURCE_LANGUAGES.test(fence.info.trim().split(/\s/)[0] ?? '');
}

/** A fence of shell commands: bash, azurecli, console… or one with no language at all. */
function shellFence(fence: Fence): boolean {
  return fence.info.trim() === '' || blockLanguage(fence.info) === 'shell';
}

/** A `##…` line in a shell block that a command follows (blank and `#` lines between): a comment over that command, as bash reads it. */
function doubleHashComment(st: ScanState, i: number, to: number): boolean {
  if (!st.content(i).startsWith('##')) return false;
  let k = i + 1;
  while (k < to && (st.isBlankAt(k) || st.content(k).startsWith('#'))) k++;
  return k < to && (st.has(k, F_COMMAND) || isProgramLine(st.content(k)) || isCompoundStart(st.content(k).trim()));
}

/** Lines [from, to) of the document, or of one fenced block. */
function scan(st: ScanState, from: number, to: number, fence: Fence | undefined) {
  let i = from;
  while (i < to) {
    if (!fence) {
      if (st.role[i] === Role.Marker) {
        crossMarker(st, i);
        i++;
        continue;
      }
      if (st.role[i] === Role.Skip) {
        i++;
        continue;
      }
      const f = st.struct.fences.get(i);
      if (f) {
        st.role[f.open] = Role.Marker;
        st.role[f.close] = Role.Marker;
        for (let k = f.open + 1; k < f.close; k++) st.role[k] = Role.Code;
        if (introducesError(st, f)) readQuotedError(st, f);
        else scan(st, f.open + 1, f.close, f);
        if (st.struct.zoneLines.has(f.close)) crossMarker(st, f.close); // a fence the zone's end closed
        i = f.close + 1;
        continue;
      }
      if (i === st.titleLine && st.form === 'rendered') {
        i++;
        continue;
      }
    }
    if (st.blank[i] === 1) {
      i++;
      continue;
    }
    // An HTTP request as REST pages write it (`PUT https://…` in an http block): a request, not shell.
    if (fence && requestFence(fence) && isRequestStart(st, i)) {
      i = readRequest(st, i, to, fence);
      continue;
    }
    // PowerShell is read as PowerShell: its statements are steps (never run), its braces never JSON.
    if (fence && (blockLanguage(fence.info) === 'powershell' || (shellFence(fence) && (isPowerShellLine(st.content(i).trim()) || continuedInPowerShellTab(st, i))))) {
      i = readPowerShell(st, i, to, fence);
      continue;
    }
    if (fence && (blockLanguage(fence.info) === 'cmd' || (shellFence(fence) && inCmdTab(st, i) && cmdSyntax(st.content(i))))) {
      i = readCmd(st, i, to, fence);
      continue;
    }
    if (fence && shellFence(fence) && isCompoundStart(st.content(i).trim())) {
      i = readCompound(st, i, to, fence);
      continue;
    }
    // Other programs the reader runs in a shell block (git, func, npm, zip…): steps too, which the
    // http engine does not run (`unsupported`, shell-construct) and `--engine shell` does.
    if (fence && shellFence(fence) && !st.has(i, F_COMMAND) && isProgramLine(st.content(i))) {
      i = readCommand(st, i, to, fence);
      continue;
    }
    // In a shell block `## Delete Custom Resource Definitions` is a comment too: bash reads any run of
    // `#` so (the markdown heading it looks like is outside fences only), never the output of the
    // command above it (azure-arc data/uninstall-azure-arc-data-controller.md:152 after an export).
    if ((st.has(i, F_HASH) || (fence !== undefined && shellFence(fence) && doubleHashComment(st, i, to))) && (fence ? true : st.commentInGroup(i))) {
      i = readCommand(st, i, to, fence);
      continue;
    }
    if (!fence && st.isDocfxHeading(i)) {
      const h = st.struct.headings.get(i)!;
      enterSection(st, i, plainInline(h.text), h.level);
      i++;
      continue;
    }
    if (st.has(i, F_COMMAND) && (fence ? mayHoldCommands(fence) : !curlInASentence(st.content(i)))) {
      i = readCommand(st, i, to, fence);
      continue;
    }
    // A named block's body in a policy or program text (`authorizationrules⏎{ … };`) is that text, not JSON.
    if (fence && st.has(i, F_JSON) && namedBlockBody(st, i, fence)) {
      i = readFenceText(st, i, to, fence);
      continue;
    }
    // A loop's or a condition's body (`do⏎{ … }While(…)`) in code no fence language names: script, not JSON.
    const body = st.has(i, F_JSON) ? statementBlockEnd(st, i, to) : -1;
    if (body > 0) {
      i = body;
      continue;
    }
    if ((!fence || mayHoldJson(fence)) && (st.has(i, F_JSON) || (st.has(i, F_PROGRESS) && nextJson(st, i, to) >= 0))) {
      i = readJsonResponse(st, i, to, fence);
      continue;
    }
    if (st.has(i, F_STATUS)) {
      i = readTranscript(st, i, to, fence);
      continue;
    }
    i = fence ? readFenceText(st, i, to, fence, shellFence(fence) ? (k) => isProgramLine(st.content(k)) || isCompoundStart(st.content(k).trim()) : undefined) : readProse(st, i, to);
  }
}

/**
 * A tab heading, the `---` closing a tab group or a zone marker stands between a request and what
 * follows: a response after it answers a request of its own tab or zone. Each tab's waiting step is
 * kept; when the group closes, all of them wait together for a response shown after the group.
 */
function crossMarker(st: ScanState, i: number) {
  const s = st.struct;
  const tab = s.tabLines.get(i);
  const closing = s.groupCloses.get(i);
  const zone = s.zoneLines.get(i);
  if (tab) {
    if (tab.tab > 0) keepWaiting(st, tab.group);
    st.pending = undefined;
  } else if (closing) {
    keepWaiting(st, closing);
    const waiting = st.tabsWaiting.get(closing) ?? [];
    st.tabsWaiting.delete(closing);
    st.pending = waiting[0];
    st.pendingTwins = waiting.slice(1);
  } else if (zone) {
    // A zone's end keeps its waiting step for the next zone of the same pivots, if nothing (a step,
    // a heading) comes between: the reader of that pivot sees the two zones one after the other.
    const key = (zone.pivots ?? []).join(',');
    if (zone.open === i) {
      const kept = st.zonesWaiting.get(key);
      st.pending = kept && !sharedSince(st, kept.steps, kept.sections) ? kept.step : undefined;
    } else {
      if (st.pending) st.zonesWaiting.set(key, { step: st.pending, steps: st.steps.length, sections: st.sections.length });
      else st.zonesWaiting.delete(key);
      st.pending = undefined;
    }
  } else {
    return; // a dangling fence marker
  }
  st.leadIn = undefined;
  if (st.recentProse.length > 0) st.recentProse = [];
}

function keepWaiting(st: ScanState, group: TabGroup) {
  const step = st.pending;
  if (!step) return;
  const list = st.tabsWaiting.get(group);
  if (list) list.push(step);
  else st.tabsWaiting.set(group, [step]);
}

/** Whether a step or heading outside every zone came after the first `steps` steps and `sections` sections. */
function sharedSince(st: ScanState, steps: number, sections: number): boolean {
  const outside = (line: number): boolean => !st.linePlaces[line - 1]?.pivots;
  // Steps and sections are only appended while the scan runs: the prefix counts grow with them.
  const counted = st.stepsOutsideZones;
  for (let k = counted.length - 1; k < st.steps.length; k++) {
    const step = st.steps[k]!.step;
    const out = step.source.file === st.file ? outside(step.source.startLine) : !st.stepPlaces.get(step)?.pivots;
    counted.push(counted[k]! + (out ? 1 : 0));
  }
  const headed = st.sectionsOutsideZones;
  for (let k = headed.length - 1; k < st.sections.length; k++) headed.push(headed[k]! + (outside(st.sections[k]!.line) ? 1 : 0));
  return counted[st.steps.length]! > counted[steps]! || headed[st.sections.length]! > headed[sections]!;
}

/**
 * Prose whose line happens to begin with the word curl: "you might receive an error indicating that⏎curl
 * failed to verify the legitimacy of the server, and therefore couldn't establish a secure⏎connection."
 * (azure-docs-cli includes/cli-install-linux-zypper.md:198). A curl command names a URL, a host or an
 * option; a line of bare words does not.
 */
function curlInASentence(content: string): boolean {
  const words = content.trim().split(/\s+/);
  return words[0] === 'curl' && words.length > 2 && words.slice(1).every((w) => /^[A-Za-z][A-Za-z',]*$/.test(w));
}

/**
 * A line of a shell block under a Windows Command Prompt tab (`# [Cmd](#tab/cmd)`): the az CLI's own pages
 * write the cmd variant of a command in an azurecli block there, continued with `^` and using `%name%`
 * (azure-docs-cli get-started-tutorial-2-environment-syntax.md). cmd is not bash: read as cmd, listed, never run.
 */
const CMD_TAB = /^(?:cmd|cmd\.exe|command prompt|windows command prompt|windows cmd)$/i;
/**
 * What only cmd reads so: a line continued with `^` (or with PowerShell's backtick, which cmd does not continue
 * either: get-started-tutorial-2-environment-syntax.md:456), or another command than az (set, FOR, echo %x%). A one-line
 * az command of a Cmd tab stays an az step (its `%NAME%` a value like any other): lint still reads what az gets
 * (keys/quick-create-python.md's cmd tab: az keyvault set-policy on an RBAC vault).
 */
function cmdSyntax(content: string): boolean {
  return /[\^`]$/.test(content.trimEnd()) || !/^az\s/.test(content.trim());
}
function inCmdTab(st: ScanState, i: number): boolean {
  return st.struct.tabGroups.some((g) => g.tabs.some((t) => t.line < i && i < t.end && (CMD_TAB.test(t.title.trim()) || t.ids.some((id) => CMD_TAB.test(id)))));
}

/**
 * A line of a shell block continued with a backtick under a PowerShell tab (`# [PowerShell](#tab/powershell)`):
 * the reader of that tab runs the az command in PowerShell, where a final backtick continues the line
 * (about_Parsing). Read as bash it would be a command substitution left open and options run alone.
 */
function continuedInPowerShellTab(st: ScanState, i: number): boolean {
  if (!/\s`$/.test(st.content(i).trimEnd())) return false;
  const place = st.linePlaces[i];
  return place !== undefined && place.tabs.some((t) => /powershell|pwsh/i.test(t.id));
}
