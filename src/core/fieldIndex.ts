import SearchableMap from 'minisearch/SearchableMap';

/**
 * A compact multi-field BM25 index for QuestionSearch. It scores exactly like MiniSearch 7 did
 * (same BM25 parameters, field boosts, prefix and fuzzy weights, score × number of query words
 * matched), but keeps postings in typed arrays and accumulates scores in one preallocated array:
 * MiniSearch allocates an object per matching document per term and sorts every match, which at
 * 10,000 questions made a common word cost 5–20 ms per keystroke. Only the top `limit` are sorted.
 */

export interface TermQuery {
  readonly term: string;
  readonly prefix: boolean;
  /** Edit distance as a share of the word's length (MiniSearch's `fuzzy: 0.2`), or false. */
  readonly fuzzy: number | false;
}

export interface FieldQuery {
  readonly terms: readonly TermQuery[];
  readonly combine: 'AND' | 'OR';
  /** Field numbers to search (all when absent). */
  readonly fields?: readonly number[];
}

export interface Scored {
  readonly doc: number;
  readonly score: number;
  /** How many of the query's words the document matched. */
  readonly words: number;
}

export interface Ranked {
  readonly top: Scored[];
  /** How many documents matched in all (only the top `limit` are returned). */
  readonly total: number;
}

export interface FieldIndexOptions {
  readonly boosts: readonly number[];
  readonly tokenize: (text: string) => string[];
  readonly processTerm: (term: string) => string | null;
  readonly weights?: { readonly prefix: number; readonly fuzzy: number };
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const MAX_FUZZY = 2;

interface Postings {
  docs: Int32Array;
  freqs: Uint16Array;
}

interface Building {
  docs: number[];
  freqs: number[];
}

export class FieldIndex {
  private readonly fieldCount: number;
  /** Word → term number: a plain map for exact look-ups, a radix tree for prefixes and typos (built on first need). */
  private readonly ids = new Map<string, number>();
  private radix: SearchableMap<number> | undefined;
  /** postings[termId * fieldCount + field]. */
  private readonly postings: (Postings | undefined)[] = [];
  private readonly docFreq: number[] = [];
  private readonly lengths: Uint16Array;
  private readonly avgLength: Float64Array;
  private readonly scores: Float64Array;
  private readonly counts: Uint16Array;
  private readonly touched: Int32Array;
  /** The query word that last counted a document (a number that grows with every word searched). */
  private readonly seen: Uint32Array;
  private epoch = 0;
  /** building[field][termId] while documents are added. */
  private building: (Building | null)[][];
  private lastDoc: number[] = [];
  private added = 0;
  private finished = false;
  /** Term numbers whose postings finishUntil() has packed. */
  private packed = 0;

  /** `docCount` documents of `fieldCount` texts each, added in order with {@link add}, then {@link finish}. */
  constructor(
    readonly docCount: number,
    private readonly options: FieldIndexOptions,
  ) {
    this.fieldCount = options.boosts.length;
    this.lengths = new Uint16Array(docCount * this.fieldCount);
    this.avgLength = new Float64Array(this.fieldCount);
    this.scores = new Float64Array(docCount);
    this.counts = new Uint16Array(docCount);
    this.touched = new Int32Array(docCount);
    this.seen = new Uint32Array(docCount);
    this.building = options.boosts.map(() => []);
  }

  /**
   * Adds the next document (number = the order of addition). Field length counts distinct raw tokens,
   * as MiniSearch does. Each distinct token is looked up once per field, not once per occurrence:
   * answers repeat their words, and this is what keeps a 10,000-answer build to about a second.
   */
  add(fields: readonly string[]): void {
    const doc = this.added++;
    const { tokenize, processTerm } = this.options;
    const counts = new Map<string, number>();
    for (let f = 0; f < this.fieldCount; f++) {
      counts.clear();
      for (const token of tokenize(fields[f] ?? '')) counts.set(token, (counts.get(token) ?? 0) + 1);
      this.lengths[doc * this.fieldCount + f] = Math.min(counts.size, 65_535);
      this.avgLength[f] = (this.avgLength[f] ?? 0) + counts.size / this.docCount;
      const field = this.building[f] ?? [];
      for (const [token, count] of counts) {
        const term = processTerm(token);
        if (term === null) continue;
        let id = this.ids.get(term);
        if (id === undefined) {
          id = this.docFreq.length;
          this.ids.set(term, id);
          this.docFreq.push(0);
          this.lastDoc.push(-1);
          // Every field's list grows with the vocabulary, so none has holes (V8 keeps them fast).
          for (const list of this.building) list.push(null);
        }
        if (this.lastDoc[id] !== doc) {
          this.lastDoc[id] = doc;
          this.docFreq[id] = (this.docFreq[id] ?? 0) + 1;
        }
        let p = field[id];
        if (!p) field[id] = p = { docs: [], freqs: [] };
        const last = p.docs.length - 1;
        // "Outbox" and "outbox" are one word: the second adds to the first's count.
        if (last >= 0 && p.docs[last] === doc) p.freqs[last] = (p.freqs[last] ?? 0) + count;
        else {
          p.docs.push(doc);
          p.freqs.push(count);
        }
      }
    }
  }

  /** Packs the postings into typed arrays (call once, after every document is added). */
  finish(): this {
    this.finishUntil(Infinity);
    return this;
  }

  /**
   * Packs postings until `performance.now()` passes `until`; true once all are packed (the index is
   * then searchable). A background build calls it slice by slice: packing 10,000 answers takes a
   * quarter of a second, too long for one turn of the event loop.
   */
  finishUntil(until: number): boolean {
    const words = this.docFreq.length;
    while (this.packed < words) {
      for (let f = 0; f < this.fieldCount; f++) {
        const p = this.building[f]?.[this.packed];
        this.postings[this.packed * this.fieldCount + f] = p ? { docs: Int32Array.from(p.docs), freqs: Uint16Array.from(p.freqs, (x) => Math.min(x, 65_535)) } : undefined;
      }
      this.packed++;
      if (this.packed % 256 === 0 && performance.now() > until) return false;
    }
    this.building = [];
    this.lastDoc = [];
    this.finished = true;
    return true;
  }


  /** Built on the first prefix or typo search: an index searched only by whole words (answers) never needs it. */
  private get terms(): SearchableMap<number> {
    if (!this.radix) {
      this.radix = new SearchableMap<number>();
      for (const [term, id] of this.ids) this.radix.set(term, id);
    }
    return this.radix;
  }

  get complete(): boolean {
    return this.finished;
  }

  /** In how many documents a word appears (any field). */
  documentFrequency(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : (this.docFreq[id] ?? 0);
  }

  has(term: string): boolean {
    return this.ids.has(term);
  }

  /** The best `limit` documents for a query, best first (ties: earlier document first). */
  search(query: FieldQuery, limit: number): Ranked {
    const fields = query.fields ?? this.options.boosts.map((_, i) => i);
    const and = query.combine === 'AND';
    const { prefix: prefixWeight, fuzzy: fuzzyWeight } = this.options.weights ?? { prefix: 0.375, fuzzy: 0.45 };
    let touchedCount = 0;
    const terms = query.terms;
    for (let i = 0; i < terms.length; i++) {
      const q = terms[i];
      if (!q) continue;
      // The word itself, then its completions, then its near spellings: MiniSearch's weights.
      const expansions: [number, number][] = [];
      const exact = this.ids.get(q.term);
      if (exact !== undefined) expansions.push([exact, 1]);
      const prefixed = new Set<string>();
      if (q.prefix) {
        for (const [term, id] of this.terms.atPrefix(q.term)) {
          const distance = term.length - q.term.length;
          if (distance === 0) continue;
          prefixed.add(term);
          expansions.push([id, (prefixWeight * term.length) / (term.length + 0.3 * distance)]);
        }
      }
      if (q.fuzzy !== false) {
        const maxDistance = q.fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(q.term.length * q.fuzzy)) : q.fuzzy;
        if (maxDistance > 0) {
          for (const [term, [id, distance]] of this.terms.fuzzyGet(q.term, maxDistance)) {
            if (distance === 0 || prefixed.has(term)) continue;
            expansions.push([id, (fuzzyWeight * term.length) / (term.length + distance)]);
          }
        }
      }
      touchedCount = this.accumulate(expansions, fields, i, and, touchedCount);
    }
    return this.collect(terms.length, and, touchedCount, limit);
  }

  /** Adds one query word's BM25 contributions; a document counts the word once however many forms match. */
  private accumulate(expansions: readonly [number, number][], fields: readonly number[], word: number, and: boolean, touchedCount: number): number {
    const { scores, counts, touched, seen, lengths, fieldCount } = this;
    const epoch = ++this.epoch;
    for (const [id, weight] of expansions) {
      for (const f of fields) {
        const p = this.postings[id * fieldCount + f];
        if (!p) continue;
        const boost = (this.options.boosts[f] ?? 1) * weight;
        const avg = this.avgLength[f] ?? 1;
        const matching = p.docs.length;
        const idf = Math.log(1 + (this.docCount - matching + 0.5) / (matching + 0.5));
        for (let j = 0; j < matching; j++) {
          const doc = p.docs[j] ?? 0;
          const count = counts[doc] ?? 0;
          // Under AND a document that missed an earlier word can no longer match: skip it.
          if (count < word && and) continue;
          const tf = p.freqs[j] ?? 1;
          const length = lengths[doc * fieldCount + f] ?? 0;
          scores[doc] = (scores[doc] ?? 0) + boost * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avg)));
          if (seen[doc] !== epoch) {
            seen[doc] = epoch;
            if (count === 0) touched[touchedCount++] = doc;
            counts[doc] = count + 1;
          }
        }
      }
    }
    return touchedCount;
  }

  /** Keeps the best `limit` matches (an insertion-sorted short list) and clears the scratch arrays. */
  private collect(words: number, and: boolean, touchedCount: number, limit: number): Ranked {
    const { scores, counts, touched } = this;
    const top: Scored[] = [];
    let total = 0;
    for (let j = 0; j < touchedCount; j++) {
      const doc = touched[j] ?? 0;
      const count = counts[doc] ?? 0;
      const score = (scores[doc] ?? 0) * count;
      scores[doc] = 0;
      counts[doc] = 0;
      if (and && count < words) continue;
      total++;
      if (top.length === limit && !better(score, doc, top[limit - 1])) continue;
      let at = top.length === limit ? limit - 1 : top.length;
      while (at > 0 && better(score, doc, top[at - 1])) {
        top[at] = top[at - 1] as Scored;
        at--;
      }
      top[at] = { doc, score, words: count };
    }
    return { top, total };
  }
}

function better(score: number, doc: number, than: Scored | undefined): boolean {
  return !than || score > than.score || (score === than.score && doc < than.doc);
}
