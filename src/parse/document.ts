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
import { isPowerShellLine, readPowerShell } from './powershell.ts';
import { findOccurrences } from './placeholders.ts';
import { nextJson, readFenceText, readJsonResponse, readProse, readTranscript } from './responses.ts';
import { Role, ScanState, type ParseOptions, type ScanResult } from './scan-state.ts';
import type { Fence } from './structure.ts';

export type { ParseOptions, ScanResult } from './scan-state.ts';

/** Scan a document (and, through `[!INCLUDE]`, the files it includes). */
export function scanDocument(text: string, file: string, opts: ParseOptions = {}): ScanResult {
  const st = new ScanState(text, file, opts);
  st.scanInclude = scanDocument;
  readBlocks(st);
  scan(st, st.bodyStart, st.n, undefined);
  findManualSteps(st);
  st.steps.sort((a, b) => a.order - b.order);
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
  };
}

/**
 * A fence whose language says JSON may be in it: JSON itself, output, shell sessions (az prints
 * JSON), HTTP transcripts, or no language at all. The braces of PowerShell, YAML, XML and program
 * source (csharp, python, javascript…) are never JSON.
 */
function mayHoldJson(fence: Fence): boolean {
  if (fence.info.trim() === '') return true;
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

/** Lines [from, to) of the document, or of one fenced block. */
function scan(st: ScanState, from: number, to: number, fence: Fence | undefined) {
  let i = from;
  while (i < to) {
    if (!fence) {
      if (st.role[i] === Role.Skip || st.role[i] === Role.Marker) {
        i++;
        continue;
      }
      const f = st.struct.fences.get(i);
      if (f) {
        st.role[f.open] = Role.Marker;
        st.role[f.close] = Role.Marker;
        for (let k = f.open + 1; k < f.close; k++) st.role[k] = Role.Code;
        scan(st, f.open + 1, f.close, f);
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
    // PowerShell is read as PowerShell: its statements are steps (never run), its braces never JSON.
    if (fence && (blockLanguage(fence.info) === 'powershell' || (shellFence(fence) && isPowerShellLine(st.content(i).trim())))) {
      i = readPowerShell(st, i, to, fence);
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
    if (st.has(i, F_HASH) && (fence ? true : st.commentInGroup(i))) {
      i = readCommand(st, i, to, fence);
      continue;
    }
    if (!fence && st.isDocfxHeading(i)) {
      const h = st.struct.headings.get(i)!;
      enterSection(st, i, plainInline(h.text), h.level);
      i++;
      continue;
    }
    if (st.has(i, F_COMMAND) && (!fence || mayHoldCommands(fence))) {
      i = readCommand(st, i, to, fence);
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
    i = fence ? readFenceText(st, i, to, fence) : readProse(st, i, to);
  }
}
