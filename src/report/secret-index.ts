// One automaton for every known form of every secret: a rolling hash over a fixed window slides once
// over a text, and only where the window's hash is the anchor of some form is that form compared
// with the text there. Each form is anchored on a window of its own that no other form uses (chosen
// from its end, where tokens differ: the headers of a thousand JWTs are the same), so a hit costs
// one comparison whatever the number of secrets, and a scan costs one pass over the text.
// The forms themselves are not kept (20,000 tokens in 20 forms each would be a gigabyte): only the
// secret, and per form its kind, anchor and length; a hit recomputes that one form.
import { formOf, formsWithKinds, MIN_SECRET_LENGTH } from './secret-forms.ts';

/** The window: no form is shorter. */
const W = MIN_SECRET_LENGTH;
const BASE = 0x01000193;
let power = 1;
for (let k = 1; k < W; k++) power = Math.imul(power, BASE);
/** BASE^(W-1) mod 2^32. */
const TOP = power;
const FILTER_BITS = 24;

/** Work done, for tests that count it (never time it). */
export interface ScanWork {
  /** Characters the hash window passed over. */
  scanned: number;
  /** Forms compared with the text at an anchor hit. */
  compared: number;
}

export interface FormMatch {
  start: number;
  end: number;
  label: string;
}

/** The hash of the window of `s` starting at `from` (the scan's rolling hash gives the same value there). */
function windowHash(s: string, from: number): number {
  let h = 0;
  for (let k = from; k < from + W; k++) h = (Math.imul(h, BASE) + s.charCodeAt(k)) | 0;
  return h;
}

function filterSlot(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

/** How many different characters the window at `from` holds. */
function distinct(s: string, from: number): number {
  let n = 0;
  for (let k = from; k < from + W; k++) {
    let repeated = false;
    for (let j = from; j < k && !repeated; j++) repeated = s.charCodeAt(j) === s.charCodeAt(k);
    if (!repeated) n++;
  }
  return n;
}

export class SecretIndex {
  readonly #secrets: string[] = [];
  readonly #labels: string[] = [];
  readonly #known = new Map<string, number>();
  // Per form: its secret, its kind (secret-forms.ts), where its anchor starts, its length.
  readonly #formSecret: number[] = [];
  readonly #formKind: number[] = [];
  readonly #formAnchor: number[] = [];
  readonly #formLength: number[] = [];
  /** Anchor hash → form ids (one almost always). */
  readonly #anchors = new Map<number, number | number[]>();
  readonly #filter = new Uint32Array(1 << (FILTER_BITS - 5));
  #longest = 0;
  readonly work: ScanWork = { scanned: 0, compared: 0 };

  /** Forms indexed. */
  get size(): number {
    return this.#formSecret.length;
  }

  /** The longest form: how far a folded or dumped secret can reach. */
  get longest(): number {
    return this.#longest;
  }

  /** Index `secret` in every form; false when it was known already or is too short. */
  add(secret: string, label: string): boolean {
    if (secret.length < MIN_SECRET_LENGTH || this.#known.has(secret)) return false;
    const id = this.#secrets.length;
    this.#secrets.push(secret);
    this.#labels.push(label);
    this.#known.set(secret, id);
    for (const { kind, form } of formsWithKinds(secret)) this.#addForm(id, kind, form);
    return true;
  }

  #addForm(secret: number, kind: number, form: string): void {
    // From the end: the first window no other form anchors on, preferring varied ones (a run of
    // "AAAAAA" or a shared suffix would be hit by much text that is not this form).
    let chosen = -1;
    let fallback = -1;
    for (let a = form.length - W; a >= 0; a--) {
      if (this.#anchors.has(windowHash(form, a))) continue;
      if (fallback < 0) fallback = a;
      if (distinct(form, a) >= W - 1) {
        chosen = a;
        break;
      }
    }
    if (chosen < 0) chosen = fallback >= 0 ? fallback : form.length - W;
    const h = windowHash(form, chosen);
    const id = this.#formSecret.length;
    this.#formSecret.push(secret);
    this.#formKind.push(kind);
    this.#formAnchor.push(chosen);
    this.#formLength.push(form.length);
    this.#longest = Math.max(this.#longest, form.length);
    const existing = this.#anchors.get(h);
    if (existing === undefined) this.#anchors.set(h, id);
    else if (typeof existing === 'number') this.#anchors.set(h, [existing, id]);
    else existing.push(id);
    const slot = filterSlot(h);
    this.#filter[slot >>> 5]! |= 1 << (slot & 31);
  }

  #verify(text: string, windowStart: number, form: number, found: (m: FormMatch) => void): void {
    const start = windowStart - this.#formAnchor[form]!;
    const length = this.#formLength[form]!;
    if (start < 0 || start + length > text.length) return;
    this.work.compared++;
    const secret = this.#formSecret[form]!;
    const candidate = formOf(this.#secrets[secret]!, this.#formKind[form]!);
    if (candidate !== undefined && text.startsWith(candidate, start)) found({ start, end: start + length, label: this.#labels[secret]! });
  }

  /** Every occurrence of a known form in `text` (one pass, any number of secrets). */
  scan(text: string, found: (m: FormMatch) => void): void {
    const n = text.length;
    if (n < W || this.#anchors.size === 0) return;
    this.work.scanned += n;
    const filter = this.#filter;
    let h = 0;
    for (let i = 0; i < n; i++) {
      if (i >= W) h = (h - Math.imul(text.charCodeAt(i - W), TOP)) | 0;
      h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
      if (i < W - 1) continue;
      const slot = Math.imul(h, 0x9e3779b1) >>> (32 - FILTER_BITS);
      if ((filter[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
      const forms = this.#anchors.get(h);
      if (forms === undefined) continue;
      if (typeof forms === 'number') this.#verify(text, i - W + 1, forms, found);
      else for (const f of forms) this.#verify(text, i - W + 1, f, found);
    }
  }
}
