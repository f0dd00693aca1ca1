// The same placeholder spelt two ways: readers replace one spelling and leave the other.
import type { Rule, RuleHit } from '../rule.ts';
import { editDistance, nearKeyPairs, placeholderKey } from '../../parse/placeholders.ts';
import { placeholdersIn, type PlaceholderHit } from '../text.ts';
import { spellingForm } from './placeholder-spelling-varies.ts';
import { hiddenFrom, tabsAt } from '../tabs.ts';

// Words that name what kind of value a placeholder is. Two keys that differ only by swapping one of
// them for another (<service-id>, a resource id, beside <service-GUID>, a subscription GUID, on
// azure-docs how-to-manage-workspace-cli.md) are two names for two values, not a slip of the keyboard.
const KIND_WORDS = new Set(['ID', 'GUID', 'UUID', 'OID', 'IP', 'URL', 'URI', 'KEY', 'NAME']);

/** True when `a` and `b` differ in exactly one word (of `_`-joined keys) and both words are kind words. */
export function differentKinds(a: string, b: string): boolean {
  const wa = a.split('_');
  const wb = b.split('_');
  if (wa.length !== wb.length) return false;
  const differ = wa.flatMap((w, i) => (w === wb[i] ? [] : [i]));
  return differ.length === 1 && KIND_WORDS.has(wa[differ[0]!]!) && KIND_WORDS.has(wb[differ[0]!]!);
}

/**
 * True when `a` and `b` differ in exactly one word and that word is a single letter on both sides: members of a
 * lettered series (<Azure Subscription A> beside <Azure Subscription B>, <subscription A ID> beside
 * <Subscription B ID> on azure-docs load-balancer/cross-subscription-how-to-attach-backend.md, whose two
 * subscriptions are "Azure Subscription A" and "Azure Subscription B"). Like <value1>/<value2>, two values.
 */
export function letteredSeries(a: string, b: string): boolean {
  const wa = a.split('_');
  const wb = b.split('_');
  if (wa.length !== wb.length || wa.length < 2) return false;
  const differ = wa.flatMap((w, i) => (w === wb[i] ? [] : [i]));
  return differ.length === 1 && /^[A-Z]$/.test(wa[differ[0]!]!) && /^[A-Z]$/.test(wb[differ[0]!]!);
}

/**
 * True when the spellings `a` and `b` differ in exactly one word, written in capitals on both sides where
 * another word of each is not: two abbreviations, two names (<VM priority> of the kubernetes.azure.com/priority
 * label beside <VMSS priority> of kubernetes.azure.com/scalesetpriority on azure-aks-docs use-labels.md: a
 * virtual machine's and a scale set's). The page's own capitals say the word is an abbreviation, which a
 * slip of the keyboard does not lengthen into another one.
 */
export function differentAbbreviations(a: string, b: string): boolean {
  const words = (s: string): string[] => s.replace(/^[\\]?[<{[]+|[>}\]]+$/g, '').split(/[\s_-]+/).filter(Boolean);
  const wa = words(a);
  const wb = words(b);
  if (wa.length !== wb.length || wa.length < 2) return false;
  const differ = wa.flatMap((w, i) => (w.toUpperCase() === wb[i]!.toUpperCase() ? [] : [i]));
  if (differ.length !== 1) return false;
  const caps = (w: string): boolean => /^[A-Z]{2,6}$/.test(w);
  const i = differ[0]!;
  return caps(wa[i]!) && caps(wb[i]!) && wa.some((w, k) => k !== i && !caps(w)) && wb.some((w, k) => k !== i && !caps(w));
}

/** True when key `many` is key `one` with a plural ending on its last word (S, ES). */
export function pluralOf(many: string, one: string): boolean {
  return /[A-Z]$/.test(one) && (many === `${one}S` || many === `${one}ES`);
}

/** The name a line assigns right before a placeholder: `$name = "`, `name=`, `export NAME='`. */
const ASSIGNED_BEFORE = /(?:^|[\s;(])\$?([A-Za-z_]\w*)\s*=\s*["']?$/;

export const placeholderMisspelt: Rule = {
  id: 'placeholder-misspelt',
  name: 'PlaceholderMisspelt',
  severity: 'error',
  shortDescription: 'A placeholder is spelt differently from the same placeholder elsewhere in the tutorial.',
  fullDescription:
    'A reader (or a script) replaces every <SUBSCRIPTION ID> with the real value; a twin spelt <SUBSCRIPTON ID> is left in place and ends up in an id or URL, which Azure rejects or which no longer matches the rest of the page. Two spellings each assigned to a variable of its own ($cpuPoolName = "<CPU Pool Name>", $gpuPoolName = "<GPU Pool Name>") are two values and are not reported, and so is a twin that only puts "my" or "your" in front (<mynamespace>, <namespace>), a singular beside its plural (<extensionId>, one id, beside <extensionIds>, a list), nor members of a numbered or lettered series (<value1>/<value2>, <Subscription A>/<Subscription B>), nor two abbreviations the page writes in capitals beside a lower-case word (<VM priority>, <VMSS priority>: a virtual machine\'s and a scale set\'s). Learn shows one tab of a group at a time: a twin only in another tab (the az tab\'s <secret-permissions>, the PowerShell tab\'s <secrets-permissions>) is not reported, and one the reader sees only in prose while their commands hold the other spelling is a warning (the command\'s placeholder is still replaced where it stands).',
  help: 'Spell the placeholder exactly as everywhere else.',
  check(doc) {
    const seen: { hit: PlaceholderHit; line: number }[] = [];
    for (let n = 1; n <= doc.lineCount; n++) for (const hit of placeholdersIn(doc.line(n))) seen.push({ hit, line: n });
    const count = new Map<string, number>();
    const spelling = new Map<string, string>();
    for (const { hit } of seen) {
      count.set(hit.key, (count.get(hit.key) ?? 0) + 1);
      if (!spelling.has(hit.key)) spelling.set(hit.key, hit.spelling);
    }
    // The variables each key is the whole value of (`$cpuPoolName = "<CPU Pool Name>"`, `RG=<group>`).
    const assignedTo = new Map<string, Set<string>>();
    for (const { hit, line } of seen) {
      const name = ASSIGNED_BEFORE.exec(doc.line(line).slice(0, hit.column - 1))?.[1];
      if (name === undefined) continue;
      const names = assignedTo.get(hit.key) ?? new Set<string>();
      names.add(name.toLowerCase());
      assignedTo.set(hit.key, names);
    }
    const keys = [...count.keys()];
    // Element names of markup the page writes (`</plugin>` closes <plugin> in a pom.xml block): the
    // prose that names them (`<plugins>` collection, `<plugin>` element on the Java quickstart of
    // azure-management-docs container-registry) speaks of two elements, not of one value spelt twice.
    const elements = new Set<string>();
    for (let n = 1; n <= doc.lineCount; n++) for (const m of doc.line(n).matchAll(/<\/([A-Za-z][\w.:-]*)\s*>/g)) elements.add(placeholderKey(m[1] as string));
    // For each slip, its canonical spelling: the last key (in order of first use) it is a rarer twin of.
    const canonical = new Map<number, number>();
    const consider = (i: number, j: number): void => {
      const a = keys[i] as string;
      const b = keys[j] as string;
      if (a.length < 5) return;
      // Members of a numbered series (<key1>/<key2>, <value1>/<value2> of a format like
      // {"<key1>":"<value1>","<key2>":"<value2>"}) differ only in their numbers: two values, not a slip.
      if (/\d/.test(a) && a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#')) return;
      // A second of the same kind numbered after the first (<node-pool-name> and <node-pool-name-2>,
      // <kubernetes-version>/<kubernetes-version-2>): another node pool, not a slip of the first.
      const unnumbered = (k: string): string => k.replace(/[-_ ]?\d+$/, '');
      if ((/\d$/.test(a) || /\d$/.test(b)) && unnumbered(a) === unnumbered(b)) return;
      // A member of a numbered series beside the series' own name with another ending (<Subscription2>
      // of ("<Subscription1>","<Subscription2>") beside <SubscriptionId>, azure-management-docs
      // quotas/how-to-guide-monitoring-alerting.md): the digits were never letters of the other key.
      if (/\d$/.test(b) !== /\d$/.test(a) && (/\d$/.test(b) ? a.startsWith(unnumbered(b)) : b.startsWith(unnumbered(a)))) return;
      if (differentKinds(a, b)) return;
      if (letteredSeries(a, b)) return;
      if (differentAbbreviations(spelling.get(a) ?? a, spelling.get(b) ?? b)) return;
      // A singular beside its plural (<extensionId> for create's one id, <extensionIds> for update's
      // list, on azure-management-docs @d923d588 azure-arc/kubernetes/custom-locations.md): one item and
      // a list of them are two values, and the page asks for each where it means it.
      if (pluralOf(a, b) || pluralOf(b, a)) return;
      // The reader's own value named with "my"/"your" in front (<mynamespace> beside <namespace> on
      // azure-management-docs @d923d588 azure-arc/data/upload-logs.md): a naming habit, not a slip of the
      // keyboard, and each command's placeholder is still replaced where it stands.
      const owner = (k: string): string => k.replace(/^(?:MY|YOUR)_?/, '');
      if (owner(a) === owner(b)) return;
      // Each the value of its own variable (`$cpuPoolName = "<CPU Pool Name>"` beside `$gpuPoolName =
      // "<GPU Pool Name>"` on azure-management-docs @d923d588 azure-arc/agents-tools-foundry-local/
      // prepare-aks-cluster.md): the page holds two values under two names, not one misspelt.
      const va = assignedTo.get(a);
      const vb = assignedTo.get(b);
      if (va && vb && ![...va].some((v) => vb.has(v))) return;
      if (elements.has(a) || elements.has(b)) return;
      const d = editDistance(a, b);
      if (d === 0 || d > 2 || d > Math.floor(Math.max(a.length, b.length) / 5)) return;
      // The rarer spelling is the slip; on a tie, the one that is not a dictionary-looking word loses.
      const ca = count.get(a) ?? 0;
      const cb = count.get(b) ?? 0;
      if ((ca < cb || (ca === cb && a > b)) && (canonical.get(i) ?? -1) < j) canonical.set(i, j);
    };
    for (const [i, j] of nearKeyPairs(keys)) {
      consider(i, j);
      consider(j, i);
    }
    const canonicalOf = new Map<string, string>();
    for (const [i, j] of canonical) canonicalOf.set(keys[i] as string, keys[j] as string);
    // A placeholder spelt like a field or option of the page (`sktid=<sktid>` next to `skoid=<skoid>`,
    // `<user-name>` for `--user-name`) is named after that field on purpose: not a slip.
    const fields = new Set<string>();
    for (let n = 1; n <= doc.lineCount; n++)
      for (const m of doc.line(n).matchAll(/(?:^|[\s"'(])--([A-Za-z][\w-]*)|[?&;]([A-Za-z][\w-]*)=|"([A-Za-z][\w-]*)"\s*:/g)) fields.add(placeholderKey((m[1] ?? m[2] ?? m[3]) as string));
    const hits: RuleHit[] = [];
    for (const { hit, line } of seen) {
      const canonical = canonicalOf.get(hit.key);
      if (!canonical || fields.has(hit.key)) continue;
      const right = spelling.get(canonical) ?? canonical;
      // Twins that differ only by separators and letter case (<Subscription ID>, <subscriptionId>)
      // are one spelling written two ways: placeholder-spelling-varies says so, as a warning.
      if (spellingForm(hit.spelling) === spellingForm(right)) continue;
      // What the reader of this line's tab sees of the other spelling: Learn shows one tab of a group, so
      // the az tab's <secret-permissions> is not beside the PowerShell tab's <secrets-permissions>. Where
      // the reader meets the other spelling only in prose, the command's own placeholder is the one they
      // replace: the names disagree, but nothing is left in place (azure-security-docs @1c4310be
      // key-vault/general/assign-access-policy.md:156, a closing-sweep false error).
      const tabs = tabsAt(doc, line);
      const visible = seen.filter((o) => o.hit.key === canonical && tabs.every((t) => hiddenFrom(doc, t, o.line) === undefined));
      if (visible.length === 0) continue;
      if (!visible.some((o) => !doc.isProse(o.line)) && !doc.isProse(line)) {
        const at = visible[0]!.line;
        hits.push({
          line,
          column: hit.column,
          severity: 'warning',
          message: `${hit.spelling} is a twin of ${right}, as the text beside it calls this value (line ${at}); the commands this reader runs hold only ${hit.spelling}, so it is replaced where it stands, but the page names one value two ways. Write ${right}.`,
          suggestion: right,
        });
        continue;
      }
      hits.push({
        line,
        column: hit.column,
        message: `${hit.spelling} is a misspelt twin of ${right} (used ${count.get(canonical)} time(s) in this tutorial): a reader who replaces ${right} leaves ${hit.spelling} in place. Write ${right}.`,
        suggestion: right,
      });
    }
    return hits;
  },
};
