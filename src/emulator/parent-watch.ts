// The emulator command ends with whatever started it. `npx tutorial-conformance emulator` runs as
// npm → sh → node: a SIGTERM to npx's pid, or a SIGKILL to any of them, leaves the node process
// orphaned, holding its ports, its Azurite and its folders. So the command watches its ancestors
// (the chain of parent processes up to init, as it was at start) and stops as on SIGTERM when one
// of them is gone: exited, a zombie, or its pid now another process. On Linux the chain comes from
// /proc; elsewhere only the direct parent is watched (a changed ppid means it died).
import { readFileSync } from 'node:fs';

interface Ancestor {
  pid: number;
  /** Process start time in clock ticks since boot (field 22 of /proc/<pid>/stat): tells pid reuse apart. */
  start: string;
}

/** ppid, state and start time of a process, or undefined when it does not exist (Linux /proc). */
function stat(pid: number): { ppid: number; state: string; start: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', ppid: Number(fields[1]), start: fields[19] ?? '' };
}

function chain(from: number): Ancestor[] {
  const out: Ancestor[] = [];
  for (let pid = from; pid > 1 && out.length < 64; ) {
    const s = stat(pid);
    if (s === undefined) break;
    out.push({ pid, start: s.start });
    pid = s.ppid;
  }
  return out;
}

/** Which ancestor is gone, or undefined while all live. */
function gone(initialPpid: number, ancestors: readonly Ancestor[]): string | undefined {
  if (process.ppid !== initialPpid) return `its parent process ${initialPpid} ended`;
  for (const a of ancestors) {
    const s = stat(a.pid);
    if (s === undefined || s.start !== a.start || s.state === 'Z' || s.state === 'X') return `its ancestor process ${a.pid} ended`;
  }
  return undefined;
}

/**
 * Calls `onGone` once, with a reason, when the parent or an earlier ancestor has ended; polls every
 * `intervalMs` on a timer that never keeps the process alive. Returns a function that stops watching.
 */
export function watchAncestors(onGone: (reason: string) => void, intervalMs = 250): () => void {
  const initialPpid = process.ppid;
  const ancestors = process.platform === 'linux' ? chain(initialPpid) : [];
  const timer = setInterval(() => {
    const reason = gone(initialPpid, ancestors);
    if (reason === undefined) return;
    clearInterval(timer);
    onGone(reason);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
