// A command the page runs to show it failing: "az group create --name MyResourceGroup" in a block, then
// "The `az` command fails because it's missing the required `--location` parameter. The conditional
// statement finds that `$?` is false and writes an error." (azure-docs-cli
// use-azure-cli-successfully-powershell.md, "Error handling for Azure CLI in PowerShell"; its next block
// runs the same command inside try/catch). Its failure is the page's point, not its defect: the step keeps
// the page's words (`shownFailing`), the run shows the failure as expected and lint does not report it.
import { Role, type ScanState } from './scan-state.ts';

/** The paragraph right after a block says its command fails. */
const SAYS_IT_FAILS = /\b(?:the\s+`?az`?\s+command|this\s+command|the\s+command\s+above|the\s+previous\s+command)\s+(?:fails|will\s+fail|returns?\s+an\s+error|errors\s+out)\b/i;

/**
 * The paragraph says the command fails, not that it might: "If this command fails, …", "When the command
 * fails with …" is what to do about a failure, and the step's own fail stays the page's to answer for.
 */
function saysItFails(text: string): boolean {
  const m = SAYS_IT_FAILS.exec(text);
  return m !== null && !/\b(?:if|when|whenever|in case|unless|should|otherwise)\s+$/i.test(text.slice(Math.max(0, m.index - 16), m.index));
}

/** Marks each of this file's fenced steps whose block the next paragraph says fails, and later steps of the same text. */
export function markShownFailing(st: ScanState): void {
  const closes = new Map<number, number>(); // each line inside a fence → the fence's closing line
  for (const f of st.struct.fences.values()) for (let k = f.open + 1; k < f.close; k++) closes.set(k, f.close);
  const said = new Map<string, string>(); // a command's text → the words that say it fails
  const own = st.steps.map((s) => s.step).filter((s) => s.source.file === st.file && s.fence !== undefined && s.kind !== 'manual');
  for (const step of own.sort((a, b) => a.source.startLine - b.source.startLine)) {
    const close = closes.get(step.source.startLine - 1);
    if (close === undefined) continue;
    let start = close + 1;
    while (start < st.n && st.isBlankAt(start)) start++;
    const paragraph: string[] = [];
    for (let k = start; k < st.n && !st.isBlankAt(k) && st.role[k] === Role.Prose && !st.isBoundary(k); k++) paragraph.push(st.content(k).trim());
    const text = paragraph.join(' ');
    const raw = step.raw.trim();
    if (saysItFails(text)) {
      step.shownFailing = `line ${start + 1}: "${text.length > 160 ? `${text.slice(0, 157)}…` : text}"`;
      if (!said.has(raw)) said.set(raw, `the same command as line ${step.source.startLine}, which the page says fails (${step.shownFailing})`);
    } else {
      const same = said.get(raw);
      if (same !== undefined) step.shownFailing = same;
    }
  }
}
