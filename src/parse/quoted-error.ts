// A block the page shows as an error the reader may meet, not as something to type or send:
//   When upgrading Arc resource bridge using Azure CLI, you may get the following error:
//   ```azurecli
//   az arcappliance upgrade vmware' failed: (DownloadError) "{\n\"message\": …
//   ```
//   You may receive the following error when deploying Arc resource bridge:
//   ```
//   { _message_: _Post \_https://…\_: authenticationrequired_ }
//   ```
// (azure-management-docs articles/azure-arc/resource-bridge/troubleshoot-resource-bridge.md.)
// Read as a command, the pasted message is a step that "fails" and a quote that "never closes"; read
// as JSON, a "request body" with "// comments" (the `//` of a URL). The lead-in says what it is.
import { blockLanguage } from './language.ts';
import { Role, type ScanState } from './scan-state.ts';
import type { Fence } from './structure.ts';

/**
 * The lead-in's last sentence introduces an error the reader receives: a verb of receiving right
 * before "the following error", "an error message", "this error" …, and the sentence ends with the
 * colon that introduces the block. A comma after the error ("If you get an error, try this
 * command:") hands the colon to another clause, and an error already quoted in the sentence ("the
 * following push attempt fails with an error similar to `requested access … denied`:") leaves the
 * block to be the attempt: neither counts.
 */
const ERROR_LEADIN =
  /\b(?:get|gets|getting|receive[sd]?|receiving|see|sees|seeing|encounter\w*|observe\w*|hit|return|returns|fails? with|shows?|displays?)\s+(?:the\s+following|an?|this|the|a\s+similar)\s+(?:[\w-]+\s+)?errors?(?:\s+messages?)?\b[^.!?:,`"]*:$/i;

/** Whether the paragraph right before `fence` says the block is an error message the reader may receive. */
export function introducesError(st: ScanState, fence: Fence): boolean {
  // An output block is read as output already (the previous step's response, when one waits).
  if (blockLanguage(fence.info) === 'output') return false;
  const lead = st.leadIn;
  if (lead === undefined) return false;
  // Only the paragraph that ends right before the fence (blank lines between) is its lead-in.
  for (let k = lead.end + 1; k < fence.open; k++) if (!st.isBlankAt(k)) return false;
  return saysErrorFollows(st.paragraphText(lead.start, lead.end));
}

/** Whether a paragraph's last sentence introduces an error message the reader may receive ("You may see the following errors:"). */
export function saysErrorFollows(paragraph: string): boolean {
  const sentences = paragraph.trim().split(/(?<=[.!?])\s+/);
  return ERROR_LEADIN.test(sentences[sentences.length - 1] ?? '');
}

/** Lines of the fence are the quoted message: no step, no JSON example, not the next block's lead-in. */
export function readQuotedError(st: ScanState, fence: Fence): void {
  for (let k = fence.open + 1; k < fence.close; k++) st.role[k] = Role.Code;
  st.diag('quoted-error-message', 'info', fence.open + 2, `lines ${fence.open + 2}-${fence.close} are an error message the lead-in says the reader may receive: read as quoted output, not as a command or a JSON example`);
  st.leadIn = undefined;
  st.recentProse = [];
}
