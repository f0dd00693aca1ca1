// Reads the Azure OpenAI API preview lifecycle page (MicrosoftDocs/azure-docs
// articles/ai-services/openai/api-version-deprecation.md) into the table the api-version-invalid rule
// judges Azure OpenAI requests with: which preview versions were retired (and from which day), and which
// older previews the page says remain supported. Pure: the generator passes the page's text.

export interface OpenaiApiVersions {
  about: Record<string, string>;
  /** Versions the page says "will be retired and will stop accepting API requests" on `day` (ISO date). */
  retired: { version: string; day: string }[];
  /** Older previews the page says "will remain supported" (never reported). */
  stillSupported: string[];
  latestGa: string;
  latestPreview: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const VERSION = /\d{4}-\d{2}-\d{2}(?:-preview)?/;

function isoDay(text: string): string {
  const m = /([A-Z][a-z]+) (\d{1,2}), (\d{4})/.exec(text);
  const month = m ? MONTHS.indexOf(m[1] as string) + 1 : 0;
  if (!m || month === 0) throw new Error(`no date in "${text}"`);
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}`;
}

export function readOpenaiLifecycle(page: string, about: Record<string, string>): OpenaiApiVersions {
  const lines = page.replace(/\r\n?/g, '\n').split('\n');
  const retired: OpenaiApiVersions['retired'] = [];
  let day: string | undefined;
  for (const line of lines) {
    if (/will be retired and will stop accepting API requests/.test(line)) day = isoDay(line);
    else if (day && /^- /.test(line) && VERSION.test(line)) retired.push({ version: VERSION.exec(line)![0], day });
    else if (day && line.startsWith('#')) day = undefined;
  }
  const stillSupported = [...page.matchAll(/`(\d{4}-\d{2}-\d{2}-preview)` API will (?:also )?remain supported/g)].map((m) => m[1] as string);
  const latestGa = /Azure OpenAI API version \[(\d{4}-\d{2}-\d{2})\][^\n]*\nis currently the latest GA API release/.exec(page)?.[1];
  const latestPreview = /Azure OpenAI API version \[(\d{4}-\d{2}-\d{2}-preview)\][^\n]*\nis currently the latest preview release/.exec(page)?.[1];
  if (retired.length === 0 || !latestGa || !latestPreview) throw new Error('the lifecycle page no longer has the sections this reader expects (Retiring soon, Latest GA/preview release)');
  return {
    about: { ...about, note: 'Generated: do not edit by hand. Azure OpenAI data-plane api-versions the lifecycle page says stop accepting requests on the day given; versions it does not name are not judged.' },
    retired: retired.sort((a, b) => (a.version < b.version ? -1 : 1)),
    stillSupported: stillSupported.sort(),
    latestGa,
    latestPreview,
  };
}
