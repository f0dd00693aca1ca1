// The page calls a feature preview ("(preview)" in a title or heading, "currently in preview" in a
// note) that Azure has made generally available: readers avoid it in production or look for a
// preview switch that no longer exists. Features and their sources: src/reference/ga-features.json.
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
import { gaFeatures, gaSourceText, type GaFeature } from '../../reference/ga-features.ts';
import { azTableAbout, findCommand } from '../../reference/az-table.ts';
import { sentences } from '../../parse/sentences.ts';

// "preview" as a word, not part of a name such as the storage-preview extension.
const PREVIEW = /(?<![-\w])preview(?![-\w])/i;
// An az command named in the sentence: `az keyvault key rotate`, az keyvault key rotate.
const AZ_MENTION = /`?\baz((?: [a-z][a-z0-9-]*){1,6})/g;
// The sentence already says the preview is over, or speaks of the past.
const ALREADY_SAYS = /generally available|\bGA\b|no longer (?:in )?preview|(?:was|were) (?:in )?(?:public )?preview|previously|formerly/i;
// The preview the sentence speaks of is another thing's, during which the named feature or command
// is not offered: "`az webapp up` is not supported during the public preview" (of App Service on
// Azure Arc, tests/fresh quickstart-arc.md). The named thing is not the one in preview.
const OTHERS_PREVIEW = /(?:\bnot|n't)\s+(?:yet\s+|currently\s+)?(?:supported|available|offered|allowed|possible|used)\b[^.;]*?\b(?:during|in|for|with)\s+(?:the\s+|this\s+)?(?:public\s+|private\s+)?preview\b/i;
// After a command's name: the command is the subject of "preview" ("`az x` (preview)", "the az x
// command is currently in public preview", "az x is a preview command"), not just in the sentence.
const SUBJECT_OF_PREVIEW = /^`?\s*(?:\(preview\)|(?:command\s+)?(?:is|are)\s+(?:currently\s+|still\s+|now\s+|only\s+)?(?:in\s+)?(?:an?\s+)?(?:public\s+|private\s+|limited\s+)?preview\b)/i;

interface Paragraph {
  /** The paragraph's lines joined with spaces, blockquote markers left out. */
  text: string;
  /** The page line and column of an offset into `text`. */
  place(offset: number): { line: number; column: number };
}

// A line that stands alone: a heading, a front matter title, a note marker such as "> [!NOTE]", a table row
// (each row its own cells: reference-docs-subgroup.md of azure-docs-cli lists a "(preview)" article two rows
// under one about Microsoft Entra authentication and four under one about Azure Storage).
const ALONE = /^(?:#{1,6}\s|title:\s|>\s*\[!|\s*\|)/;
// A line that starts a new block: a list item.
const STARTS = /^\s*(?:[-*+]|\d+\.)\s/;

/**
 * The prose of a page as paragraphs, so that a sentence wrapped over two lines ("… conditions are
 * currently\nin preview.") is read whole; each offset maps back to its line.
 */
function paragraphs(doc: LintDocument): Paragraph[] {
  const out: Paragraph[] = [];
  let parts: { line: number; column: number; at: number; text: string }[] = [];
  const flush = (): void => {
    if (parts.length === 0) return;
    const mine = parts;
    out.push({
      text: mine.map((p) => p.text).join(' '),
      place(offset) {
        const part = [...mine].reverse().find((p) => p.at <= offset) ?? mine[0]!;
        return { line: part.line, column: part.column + Math.min(offset - part.at, part.text.length) };
      },
    });
    parts = [];
  };
  for (let n = 1; n <= doc.lineCount; n++) {
    const raw = doc.line(n);
    const quote = /^\s*(?:>\s?)*/.exec(raw)![0];
    const text = raw.slice(quote.length);
    if (!doc.isProse(n) || text.trim() === '') {
      flush();
      continue;
    }
    if (ALONE.test(text) || STARTS.test(text)) flush();
    const at = parts.length === 0 ? 0 : parts.reduce((k, p) => k + p.text.length + 1, 0);
    parts.push({ line: n, column: quote.length + 1, at, text });
    if (ALONE.test(text)) flush();
  }
  flush();
  return out;
}

/** The page's own title (front matter `title:`) and first heading: what the whole page is about. */
function pageTitle(lineCount: number, line: (n: number) => string): string {
  const parts: string[] = [];
  for (let n = 1; n <= Math.min(lineCount, 60); n++) {
    const t = line(n);
    if (/^title:\s/.test(t) || /^#\s/.test(t)) parts.push(t);
  }
  return parts.join('\n');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2020-01-15" → "on 15 January 2020", "2022-10" → "in October 2022", "2022" → "in 2022". */
function gaDate(ga: string): string {
  const [y, m, d] = ga.split('-');
  const month = m === undefined ? undefined : MONTHS[Number(m) - 1];
  if (month === undefined) return `in ${y}`;
  return d === undefined ? `in ${month} ${y}` : `on ${Number(d)} ${month} ${y}`;
}

function matches(feature: GaFeature, sentence: string, title: string): RegExpExecArray | undefined {
  if (feature.unless?.test(sentence)) return undefined;
  for (const name of feature.names) {
    const m = name.exec(sentence);
    if (m && (!feature.context || feature.context.test(sentence) || feature.context.test(title))) return m;
  }
  return undefined;
}

/**
 * A sentence that calls an az command preview — the command is the subject of "preview" — while
 * the Azure CLI reference lists it without a preview or experimental mark. Sentences about an option (`--condition`) or an extension are left
 * alone: the reference marks neither options nor extension builds here.
 */
function azPreviewClaim(sentence: string): string | undefined {
  if (/\bextension\b|\s--?[a-z]/i.test(sentence)) return undefined;
  for (const m of sentence.matchAll(AZ_MENTION)) {
    const words = (m[1] as string).trim().split(' ');
    const found = findCommand(words);
    if (found.kind !== 'command' || found.command.preview || found.command.experimental) continue;
    // What follows the command's own words (AZ_MENTION may have taken prose words after them).
    const start = (m.index ?? 0) + m[0].indexOf('az');
    const after = sentence.slice(start + `az ${found.command.path}`.length);
    if (!SUBJECT_OF_PREVIEW.test(after)) continue;
    const { commit } = azTableAbout();
    return `"az ${found.command.path}" is called preview here, but the Azure CLI reference lists it as generally available (no preview or experimental mark; MicrosoftDocs/azure-docs-cli @${commit.slice(0, 12)}). Remove the preview label.`;
  }
  return undefined;
}

export const proseStalePreview: Rule = {
  id: 'prose-stale-preview',
  name: 'ProseStalePreview',
  severity: 'warning',
  shortDescription: 'The page calls a feature preview that Azure has made generally available.',
  fullDescription:
    'Azure features leave preview: key auto-rotation in Key Vault, role assignment conditions for Azure Storage (GA October 2022), user delegation SAS for Blob Storage (GA January 2020). A title, heading or note that still says "(preview)" or "currently in preview", with the preview terms of use, tells readers the feature has no SLA and is not for production, which is no longer true. An az command the page calls preview (the command is the subject: "`az x` is currently in preview", "az x (preview)") is checked against the Azure CLI reference (its preview and experimental marks); a sentence that names a GA command or feature as not offered during a preview ("`az webapp up` is not supported during the public preview", of App Service on Azure Arc) speaks of another thing\'s preview and is left alone. The feature list and the source of each GA (the az reference status, the feature\'s own documentation, Azure updates) are in src/reference/ga-features.json; parts still in preview (principal or environment attributes in conditions, user delegation SAS for Files, Tables and Queues) are left alone.',
  help: 'Remove "(preview)" and the preview notice for the generally available feature (keep it only for the parts its documentation still lists as preview).',
  check(doc) {
    const hits: RuleHit[] = [];
    const title = pageTitle(doc.lineCount, (n) => doc.line(n));
    for (const para of paragraphs(doc)) {
      if (!PREVIEW.test(para.text)) continue;
      for (const s of sentences(para.text)) {
        if (!PREVIEW.test(s.text) || ALREADY_SAYS.test(s.text) || OTHERS_PREVIEW.test(s.text)) continue;
        const at = para.place(s.start + (PREVIEW.exec(s.text)?.index ?? 0));
        const az = azPreviewClaim(s.text);
        if (az) {
          hits.push({ ...at, message: az });
          continue;
        }
        for (const feature of gaFeatures()) {
          const m = matches(feature, s.text, title);
          if (!m) continue;
          hits.push({
            ...at,
            message: `"${m[0]}" is called preview here, but ${feature.feature} became generally available ${gaDate(feature.ga)} (${feature.sources.map(gaSourceText).join('; ')}). Remove the preview label and notice.`,
          });
          break;
        }
      }
    }
    return hits;
  },
};
