// Command output written inside a fence tagged as a command language (```azurecli, ```bash): the
// copy button and Cloud Shell's "Try it" take the whole block, so the reader runs the JSON lines.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceAt } from '../fences.ts';

// Info strings whose block the reader copies and runs as a whole. `console`, `terminal` and
// `shell-session` are transcripts: prompt lines and their output belong together there.
const COMMAND_FENCE = /^(bash|sh|zsh|shell|azurecli|azurecli-interactive|azure-cli)$/;
// The sentence leading into a block that says what follows is output or a text file's content, not
// commands. ("A script containing the following:" or "This example shows:" may well lead into bash.)
const LEAD_IN_CONTENT = /\b(?:output|returned|returns|response|result|looks like|text file)\b(?:[^.]|\.(?=\S))*:\s*$/i;
// "the install command looks like:" introduces a command (azure-management-docs azure-arc/servers/
// manage-agent.md: `sudo yum install azcmagent-1.28.02260-755`, an example of the command above it),
// unless the sentence also speaks of what a command prints.
const LEAD_IN_COMMAND = /\bcommands?\b[^.:]*\blooks? like\b/i;
const SPEAKS_OF_OUTPUT = /\b(?:output|outputs|returned|returns|response|result|results|prints)\b/i;

export const outputInCommandFence: Rule = {
  id: 'output-in-command-fence',
  name: 'OutputInCommandFence',
  severity: 'warning',
  shortDescription: 'Command output is written inside a code block tagged as commands (azurecli, bash).',
  fullDescription:
    'Learn renders a "Copy" button on every code block and a "Try It" (Cloud Shell) button on azurecli-interactive blocks; both take the whole block. Output lines in such a block are pasted into the shell after the command: bash reports "{: command not found" and runs on, or waits for a closing brace. The language tag also tells the reader (and tools) what to run. A block without a command is reported when the sentence before it introduces content or output ("returns:", "looks like:"), not when it introduces a command ("the install command looks like:").',
  help: 'Put the output in its own block tagged output (or json), after the command block.',
  check(doc) {
    const hits: RuleHit[] = [];
    const fences = codeFences(doc);
    const outputs = [
      ...doc.expectations.map((e) => ({ range: e.expectation.source, step: e.step })),
      ...doc.json.filter((j) => j.role === 'example').map((j) => ({ range: j.json.source, step: undefined })),
    ];
    const seen = new Set<number>();
    for (const o of outputs) {
      const fence = fenceAt(fences, o.range.startLine);
      if (!fence || !COMMAND_FENCE.test(fence.info) || seen.has(fence.open)) continue;
      seen.add(fence.open);
      const first = Math.max(o.range.startLine, fence.open + 1);
      const withCommand = o.step !== undefined && fence.open < o.step.source.startLine && o.step.source.startLine < fence.close;
      hits.push({
        line: first,
        column: 1,
        endLine: Math.min(o.range.endLine, fence.close - 1),
        ...(o.step ? { stepId: o.step.id } : {}),
        message: `Output is written inside a \`\`\`${fence.info} block (line ${fence.open})${withCommand ? ', after the command it answers' : ''}: copying the block (or "Try It") pastes these lines into the shell as commands. Put the output in its own \`\`\`output block.`,
      });
    }
    // A command block with nothing a reader could run, introduced as content or output.
    const stepLines = new Set<number>();
    for (const c of doc.commands) for (const l of c.lines) stepLines.add(l.line);
    for (const fence of fences) {
      if (!COMMAND_FENCE.test(fence.info) || seen.has(fence.open)) continue;
      const body: number[] = [];
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) if (doc.line(n).trim() !== '') body.push(n);
      if (body.length === 0 || body.some((n) => stepLines.has(n) || /^\s*#/.test(doc.line(n)))) continue;
      let lead = fence.open - 1;
      while (lead > 0 && doc.line(lead).trim() === '') lead--;
      if (lead < 1 || !doc.isProse(lead) || !LEAD_IN_CONTENT.test(doc.line(lead))) continue;
      if (LEAD_IN_COMMAND.test(doc.line(lead)) && !SPEAKS_OF_OUTPUT.test(doc.line(lead))) continue;
      hits.push({
        line: body[0] as number,
        column: 1,
        endLine: body[body.length - 1] as number,
        message: `The \`\`\`${fence.info} block (line ${fence.open}) holds no command: the prose before it (line ${lead}) introduces it as content or output, yet its tag tells the reader and "Copy"/"Try It" to run it. Tag it \`\`\`text or \`\`\`output.`,
      });
    }
    return hits;
  },
};
