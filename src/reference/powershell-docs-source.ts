// Reads the published help of an Az release (MicrosoftDocs/azure-docs-powershell, azps-<version>/Az.<Module>/<Cmdlet>.md,
// platyPS markdown) into the cmdlet table's entries. That help is the release's own, so such a cmdlet is `current`:
// its parameters, aliases, parameter sets and accepted values are those the release binds, and an unknown parameter
// on it is PowerShell's error, not a possibly stale help's gap (src/reference/powershell-changelog-source.ts).
// The platyPS file is cut down to the excerpt notation readHelpExcerpt reads (one joined syntax line per set, the
// Aliases / Accepted values of each parameter), so one parser reads both sources.
import { COMMON_PARAMETERS, readHelpExcerpt, HelpExcerptError, type PsCmdletEntry } from './powershell-help-source.ts';

export const AZ_DOCS_REPO = 'MicrosoftDocs/azure-docs-powershell';

const common = new Set(COMMON_PARAMETERS.map((p) => p.name.toLowerCase()));

/** `azps-16.2.0` → `Az 16.2.0`. */
export function azRelease(folder: string): string {
  const m = /^azps-(\d+\.\d+\.\d+)$/.exec(folder);
  if (!m) throw new HelpExcerptError(`${folder}: not an azps-<version> folder`);
  return `Az ${m[1]}`;
}

/**
 * The excerpt of one platyPS help file: its SYNTAX code blocks, each joined to one line (platyPS wraps them), and the
 * Aliases / Accepted values lines of its PARAMETERS yaml blocks. The common parameters (-ProgressAction, which
 * PowerShell 7.4 help lists like a parameter) are left to the table's `common` list.
 */
export function docsExcerpt(path: string, commit: string, md: string): string {
  const text = md.replace(/\r\n?/g, '\n');
  const module = /^Module Name: (\S+)$/m.exec(text)?.[1];
  const name = /^# (\S+)$/m.exec(text)?.[1];
  if (!module || !name) throw new HelpExcerptError(`${path}: no "Module Name:" or "# <cmdlet>" line`);
  const section = (title: string): string => {
    const at = text.indexOf(`\n## ${title}\n`);
    if (at < 0) throw new HelpExcerptError(`${path}: no "## ${title}" section`);
    const end = text.indexOf('\n## ', at + 1);
    return text.slice(at, end < 0 ? undefined : end);
  };
  const dropCommon = (line: string): string => line.replace(/\s*\[-(\w+)(?: <[^>]+>)?\]/g, (all, n: string) => (common.has(n.toLowerCase()) ? '' : all));
  const out = [`Module Name: ${module}`, '', `# ${name}`, `source: ${AZ_DOCS_REPO} ${path} ${commit}`, '## SYNTAX'];
  let set: string | undefined;
  for (const m of section('SYNTAX').matchAll(/^### (.+)$|^```\n([\s\S]*?)\n```$/gm)) {
    if (m[1] !== undefined) { set = m[1].trim(); continue; }
    if (set !== undefined) out.push(`### ${set}`);
    out.push(dropCommon(m[2]!.split('\n').map((l) => l.trim()).join(' ')));
    set = undefined;
  }
  out.push('## PARAMETERS');
  const seen = new Map<string, { aliases?: string; values?: string }>();
  for (const m of section('PARAMETERS').matchAll(/^### -(\w+)\n[\s\S]*?^```yaml\n([\s\S]*?)^```$/gm)) {
    const param = m[1]!;
    if (common.has(param.toLowerCase())) continue;
    const aliases = /^Aliases:[ \t]*(.*)$/m.exec(m[2]!)?.[1]?.trim();
    const values = /^Accepted values:[ \t]*(.*)$/m.exec(m[2]!)?.[1]?.trim();
    // A parameter in several sets may have one yaml block per set; they must agree.
    const before = seen.get(param);
    if (before && (before.aliases !== aliases || before.values !== values)) throw new HelpExcerptError(`${path}: -${param}'s yaml blocks disagree on Aliases/Accepted values`);
    if (before) continue;
    seen.set(param, { aliases, values });
    out.push(`### -${param}`);
    if (aliases) out.push(`Aliases: ${aliases}`);
    if (values) out.push(`Accepted values: ${values}`);
  }
  return `${out.join('\n')}\n`;
}

/** The cmdlet one platyPS help file of `folder` (azps-16.2.0) describes, `current` as of that release. */
export function readDocsCmdlet(folder: string, path: string, commit: string, md: string): PsCmdletEntry {
  const [c, ...rest] = readHelpExcerpt(path, docsExcerpt(path, commit, md));
  if (!c || rest.length) throw new HelpExcerptError(`${path}: expected one cmdlet`);
  c.freshness = { checked: 'current', release: azRelease(folder) };
  return c;
}
