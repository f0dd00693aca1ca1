// Which PowerShell variables a step reads and assigns, from its statements (parse/powershell-words.ts),
// so the plan links a statement reading `$rg` to the earlier statement that set it (its failure blocks
// the reader) and says when nothing on the page sets it. PowerShell's names compare without case;
// automatic variables ($true, $_, $HOME …) and the environment ($env:X) are PowerShell's own.
import type { PsStatement, PsValue } from '../model.ts';

/** about_Automatic_Variables (the ones pages read) and the preference variables: set by PowerShell, never by the page. */
const AUTOMATIC = new Set(['true', 'false', 'null', '_', 'psitem', 'home', 'pwd', 'args', 'input', 'this', 'error', 'host', 'pshome', 'psversiontable', 'psscriptroot', 'pscommandpath', 'lastexitcode', 'matches', 'ofs', 'profile', 'pid', 'executioncontext', 'ismacos', 'islinux', 'iswindows', 'iscoreclr', 'erroractionpreference', 'verbosepreference', 'confirmpreference', 'warningpreference', 'informationpreference', 'progresspreference', 'debugpreference']);

function valuesOf(st: PsStatement): PsValue[] {
  return st.pipeline.flatMap((c) => [...(c.expression ? [c.expression] : []), ...c.args.flatMap((a) => (a.value ? [a.value] : []))]);
}

export interface PsVariableUse {
  /** Read before the step itself assigns them, lower-cased, without `$`. */
  reads: string[];
  assigns: string[];
}

export function psVariableUse(statements: readonly PsStatement[]): PsVariableUse {
  const reads = new Set<string>();
  const assigns = new Set<string>();
  for (const st of statements) {
    for (const v of valuesOf(st)) {
      for (const name of v.variables ?? []) {
        const n = name.toLowerCase().replace(/^(?:global|script|local|private|using):/, '');
        if (AUTOMATIC.has(n) || n.startsWith('env:') || assigns.has(n)) continue;
        reads.add(n);
      }
    }
    if (st.assignTo !== undefined) assigns.add(st.assignTo.toLowerCase());
  }
  return { reads: [...reads], assigns: [...assigns] };
}
