// Reads the Azure AI Search "API versions" page (MicrosoftDocs/azure-ai-docs
// articles/search/search-api-versions.md) into the table api-version-invalid judges Search data-plane
// requests with: the REST api-versions the page says are no longer supported, and from which day.
// Pure: the generator passes the page's text.

export interface SearchApiVersions {
  about: Record<string, string>;
  /** Versions (lower case) the page says are no longer supported from `day` (ISO date), with its words. */
  retired: { version: string; day: string; says: string }[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const VERSION = /\*\*(\d{4}-\d{2}-\d{2}(?:-[Pp]review)?)\*\*/;

function isoDay(text: string): string {
  const m = /([A-Z][a-z]+) (\d{1,2}), (\d{4})/.exec(text);
  const month = m ? MONTHS.indexOf(m[1] as string) + 1 : 0;
  if (!m || month === 0) throw new Error(`no date in "${text}"`);
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}`;
}

/** The last "<Month> <day>, <year>" of a sentence (the day support ended, after the day of deprecation). */
function lastDay(text: string): string {
  const all = [...text.matchAll(/[A-Z][a-z]+ \d{1,2}, \d{4}/g)];
  return isoDay(all.at(-1)?.[0] ?? '');
}

export function readSearchApiVersions(page: string, about: Record<string, string>): SearchApiVersions {
  const lines = page.replace(/\r\n?/g, '\n').split('\n');
  const retired: SearchApiVersions['retired'] = [];
  let section = '';
  let listed: string[] = [];
  for (const line of lines) {
    if (line.startsWith('## ')) {
      section = line.slice(3).trim();
      listed = [];
      continue;
    }
    const version = VERSION.exec(line)?.[1];
    if (section === 'Deprecated versions' && version && /no longer supported as of/.test(line))
      retired.push({ version: version.toLowerCase(), day: lastDay(line), says: `"${line.trim().replace(/\*\*/g, '')}"` });
    else if (section === 'Discontinued versions' && version && /^\+ /.test(line)) listed.push(version.toLowerCase());
    else if (section === 'Discontinued versions' && /Support for the above-listed versions ended on/.test(line)) {
      const day = lastDay(line);
      for (const v of listed) retired.push({ version: v, day, says: `Discontinued versions: "are discontinued and are no longer documented or supported" … "${line.trim().split('. ')[0]}."` });
    }
  }
  if (retired.length === 0) throw new Error('the API versions page no longer has the sections this reader expects (Deprecated versions, Discontinued versions)');
  return {
    about: { ...about, note: 'Generated: do not edit by hand. Azure AI Search data-plane REST api-versions the page says are no longer supported from the day given; versions it does not name are not judged.' },
    retired: retired.sort((a, b) => (a.version < b.version ? -1 : 1)),
  };
}
