// "The page sets this environment variable": every way one line of a page gives a variable a value for a
// shell or for the programs it starts. One reader for the rules that ask it (variable-url-after-scheme:
// what value the page puts there; program-env-var-not-set: which names a program will find set):
//   bash         NAME=value (the shell's own variable), echo NAME=… >> file, export NAME=value
//   cmd          set NAME=value, set "NAME=value", setx NAME value
//   PowerShell   $env:NAME = 'value', [System.Environment]::SetEnvironmentVariable('NAME', 'value')
// The reader works on one line of text and judges nothing: what counts (an environment variable or a
// shell one, which lines are read) is the rule's.

export type EnvAssignmentForm = 'shell' | 'export' | 'set' | 'setx' | 'env' | 'SetEnvironmentVariable';

export interface EnvAssignment {
  /** The variable's name as written. */
  name: string;
  form: EnvAssignmentForm;
  /**
   * The value when the line writes it as one word or one quoted string (quotes kept, as written); undefined
   * when the line gives none the reader can take as it stands (`export X=`, `$env:X = $other`).
   */
  value?: string;
  /** Offset of the match in the line. */
  index: number;
}

const NAME = '([A-Za-z_]\\w*)';

// The bash forms at the start of a line: `NAME=…`, `export NAME=…`, and `echo [export] NAME=… >> file`
// (the Azure OpenAI quickstarts append to /etc/environment this way).
const LINE_START = new RegExp(`^\\s*(?:echo\\s+)?(export\\s+)?${NAME}=("[^"]*"|'[^']*'|\\S+)?`);
const FORMS: { form: EnvAssignmentForm; re: RegExp }[] = [
  // `cd app && export NAME=…`, `(export NAME=…)`: export anywhere a command starts.
  { form: 'export', re: new RegExp(`(?:^|[\\s;&|(])export\\s+${NAME}=("[^"]*"|'[^']*'|\\S+)?`, 'g') },
  // cmd's names compare without case, and so do its keywords.
  { form: 'setx', re: new RegExp(`(?:^|[\\s;&|(])setx\\s+${NAME}\\s+("[^"]*"|\\S+)?`, 'gi') },
  { form: 'set', re: new RegExp(`(?:^|[\\s;&|(])set\\s+"?${NAME}=([^"\\s]+)?`, 'gi') },
  { form: 'env', re: new RegExp(`\\$env:${NAME}\\s*=\\s*("[^"]*"|'[^']*')?`, 'gi') },
  { form: 'SetEnvironmentVariable', re: new RegExp(`SetEnvironmentVariable\\(\\s*['"]${NAME}['"]\\s*,\\s*('[^']*'|"[^"]*")?`, 'gi') },
];

/** The variables one line sets, in the order of the forms above (a line-start bash assignment first). */
export function envVarAssignments(line: string): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  const start = LINE_START.exec(line);
  if (start) out.push({ name: start[2]!, form: start[1] ? 'export' : 'shell', ...(start[3] ? { value: start[3] } : {}), index: start.index });
  for (const { form, re } of FORMS) {
    for (const m of line.matchAll(re)) {
      const index = m.index ?? 0;
      // the line-start export, read above (both matches end where its value ends)
      if (form === 'export' && start?.[1] && index + m[0].length === start.index + start[0].length) continue;
      out.push({ name: m[1]!, form, ...(m[2] ? { value: m[2] } : {}), index });
    }
  }
  return out;
}

/** Whether the programs the shell starts see the variable: everything but a bash `NAME=…` without export. */
export const setsEnvironment = (a: EnvAssignment): boolean => a.form !== 'shell';

/** Whether `a` sets the variable called `name`: bash compares names with case, cmd and Windows' environment without. */
export function assigns(a: EnvAssignment, name: string): boolean {
  return a.form === 'shell' || a.form === 'export' ? a.name === name : a.name.toLowerCase() === name.toLowerCase();
}

/** The value without the one pair of quotes around it. */
export const unquoted = (value: string): string => value.replace(/^(["'])(.*)\1$/, '$2');
