import type { ContentBundle, Difficulty, Question } from './schema';
import { FieldIndex, type Scored, type TermQuery } from './fieldIndex';
import { processTerm, snippet, STOP_WORDS, terms, tokenize } from './searchText';

export type SearchKind = 'question' | 'follow-up' | 'scenario' | 'work-sample';

export interface SearchHit {
  readonly id: string;
  readonly kind: SearchKind;
  readonly title: string;
  readonly topic: string;
  readonly difficulty: Difficulty;
  readonly tags: readonly string[];
  readonly score: number;
  /** For a result found in a model answer (not its title or prompt): the sentence that matched. */
  readonly snippet?: string;
}

/** Finished words a long query keeps (its rarest). */
const MAX_TERMS = 3;
/** From this many documents on, long queries are trimmed to their rarest words. */
const LARGE_BANK = 2_000;
/** A word in more than this share of documents is too common to search for when rarer words remain. */
const COMMON_SHARE = 0.2;
/** Results under this share of the best score are cut (the best one always stays). */
const TAIL_SHARE = 0.2;
/** Up to this many documents the answer index is built at once on first need; above, in slices off the keystroke path. */
const SYNC_BODY_DOCS = 2_000;
/** Milliseconds of answer indexing per slice of a background build, between which keystrokes are served. */
const BODY_SLICE_MS = 8;

/** Short fields: title, aliases, tags, prompt, topic title (the order of FieldIndex field numbers). */
const FIELD_BOOSTS = [4, 2.5, 2, 1, 1];
/** Where a lone short prefix ("pro") is meant: titles, aliases and tags. */
const NAME_FIELDS = [0, 1, 2];
/** Answer fields: the model answer, and its key points (the answer distilled, so a match there counts more). */
const BODY_BOOSTS = [1, 1.5];

interface Doc extends Omit<SearchHit, 'score' | 'snippet'> {
  readonly fields: readonly string[];
  readonly question?: Question;
}

interface Found extends Scored {
  readonly snippet?: string;
}

/**
 * Question search. Titles, aliases, tags, prompts and topic names are the main index; model answers
 * and key points a second, lower-ranked one, consulted when the main one finds few results (their
 * matches carry the sentence that explains them). Prefix matching from 3 characters and fuzzy
 * matching from 5 for words the index does not know, so short queries stay fast and typos still match.
 */
export class QuestionSearch {
  private readonly docs: Doc[];
  private readonly index: FieldIndex;
  /** Answer document number → main document number (questions, follow-ups and scenarios have answers; work samples do not). */
  private readonly bodyDocs: number[];
  private bodyIndex: FieldIndex | undefined;
  private bodyBuild: Promise<void> | undefined;

  constructor(bundle: ContentBundle) {
    const topicTitle = new Map(bundle.topics.map((t) => [t.id, t.title]));
    const all: Doc[] = [
      ...bundle.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        title: q.title,
        topic: q.topic,
        difficulty: q.difficulty,
        tags: q.tags,
        fields: [q.title, q.aliases.join(' \n '), q.tags.join(' '), q.prompt, topicTitle.get(q.topic) ?? q.topic],
        question: q,
      })),
      ...bundle.workSamples.map((w) => ({
        id: w.id,
        kind: 'work-sample' as const,
        title: w.title,
        topic: w.topic,
        difficulty: w.difficulty,
        tags: w.tags,
        fields: [w.title, w.aliases.join(' \n '), [...w.tags, 'work sample', 'hands-on', 'code review'].join(' '), w.prompt, topicTitle.get(w.topic) ?? w.topic],
      })),
    ];
    // Ids are unique across all content (the loader reports clashes), but one bad item must never
    // break search: the first document with an id wins.
    const seen = new Set<string>();
    this.docs = all.filter((d) => !seen.has(d.id) && (seen.add(d.id), true));
    this.index = new FieldIndex(this.docs.length, { boosts: FIELD_BOOSTS, tokenize, processTerm, weights: { fuzzy: 0.3, prefix: 0.5 } });
    for (const d of this.docs) this.index.add(d.fields);
    this.index.finish();
    this.bodyDocs = this.docs.flatMap((d, i) => (d.question ? [i] : []));
  }

  get documentCount(): number {
    return this.docs.length;
  }

  /** Whether model answers are searched yet (large banks index them in the background, see {@link prepareAnswers}). */
  get answersReady(): boolean {
    return this.bodyIndex?.complete ?? false;
  }

  /**
   * Indexes the model answers in slices of about {@link BODY_SLICE_MS} ms, yielding to the event
   * loop between slices, so a 10,000-question pack (seconds of indexing) never stalls a keystroke.
   * Started on first need by search(); callers may start it earlier. Resolves when answers are searchable.
   */
  prepareAnswers(): Promise<void> {
    this.bodyBuild ??= (async () => {
      const index = this.newBodyIndex();
      for (let next = 0; next < this.bodyDocs.length; ) {
        const until = performance.now() + BODY_SLICE_MS;
        while (next < this.bodyDocs.length && performance.now() < until) this.addBodies(index, next, ++next);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      while (!index.finishUntil(performance.now() + BODY_SLICE_MS)) await new Promise((resolve) => setTimeout(resolve, 0));
      this.bodyIndex = index;
    })();
    return this.bodyBuild;
  }

  private newBodyIndex(): FieldIndex {
    return new FieldIndex(this.bodyDocs.length, { boosts: BODY_BOOSTS, tokenize, processTerm });
  }

  private addBodies(index: FieldIndex, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const q = this.docs[this.bodyDocs[i] ?? 0]?.question;
      index.add([q?.answer ?? '', q?.keyPoints.join('\n') ?? '']);
    }
  }

  /** The answer index when searchable: small banks build it now (milliseconds), large ones start a background build. */
  private answers(): FieldIndex | undefined {
    if (this.bodyIndex || this.bodyDocs.length > SYNC_BODY_DOCS) {
      if (!this.bodyIndex) void this.prepareAnswers();
      return this.bodyIndex?.complete ? this.bodyIndex : undefined;
    }
    const index = this.newBodyIndex();
    this.addBodies(index, 0, this.bodyDocs.length);
    this.bodyIndex = index.finish();
    return this.bodyIndex;
  }

  private df(term: string): number {
    return this.index.documentFrequency(term);
  }

  /**
   * The words a query is searched with. A pasted question keeps its {@link MAX_TERMS} rarest words
   * (plus the one being typed) at large banks: the common ones match thousands of documents and add
   * nothing to the ranking. Fuzzy matching is kept for words the index does not know (likely typos).
   */
  private plan(query: string): { words: string[]; typing: string } {
    const typing = /\s$/.test(query) ? '' : (query.trim().split(/[^\p{L}\p{N}]+/u).at(-1) ?? '').toLowerCase();
    const all = terms(query);
    const finished = [...new Set(typing && all.at(-1) === typing ? all.slice(0, -1) : all)];
    // A word in most documents ranks nothing and costs a scan of its whole posting list: dropped
    // while rarer words remain. Only large banks pay for every word; a small one keeps them all.
    const large = this.docs.length > LARGE_BANK;
    const informative = large ? finished.filter((t) => this.df(t) <= this.docs.length * COMMON_SHARE) : finished;
    const useful = informative.length > 0 || typing.length > 2 ? informative : finished;
    const kept = large && useful.length > MAX_TERMS ? [...useful].sort((a, b) => this.df(a) - this.df(b)).slice(0, MAX_TERMS) : useful;
    // One or two letters of a new word say nothing yet (unless they are the whole query).
    const withTyping = typing && !STOP_WORDS.has(typing) && (typing.length >= 3 || kept.length === 0) && !kept.includes(typing) ? [...kept, typing] : kept;
    return { words: withTyping.filter((w) => processTerm(w) !== null), typing };
  }

  private termQueries(words: readonly string[], typing: string): TermQuery[] {
    // Prefix matching is for the word being typed; finished words match exactly, or fuzzily when
    // the index does not know them (typos); the word being typed fuzzily only once it is long.
    return words.map((w) => ({
      term: w,
      prefix: w === typing && w.length > 2,
      fuzzy: w.length > 4 && !this.index.has(w) && (w !== typing || w.length > 5) ? 0.2 : false,
    }));
  }

  search(query: string, limit = 20): SearchHit[] {
    if (query.trim() === '') return [];
    const { words, typing } = this.plan(query);
    if (words.length === 0) return [];
    // A lone short prefix expands to hundreds of words: titles, aliases and tags are where it is meant.
    const fields = words.length === 1 && words[0] === typing && typing.length <= 3 ? NAME_FIELDS : undefined;
    // All words first: far fewer documents to rank. When that finds too little (a typo, a word the
    // titles lack), any word may match, ranked by how many do.
    const all = this.index.search({ terms: this.termQueries(words, typing), combine: 'AND', ...(fields ? { fields } : {}) }, limit);
    let found: Found[] = all.top;
    if (all.total < Math.min(limit, 5)) {
      const fallback = this.docs.length > LARGE_BANK ? this.rarest(words, typing, 2) : words;
      const have = new Set(found.map((r) => r.doc));
      found = [...found, ...this.index.search({ terms: this.termQueries(fallback, typing), combine: 'OR' }, limit + found.length).top.filter((r) => !have.has(r.doc))];
    }
    // The list ends where relevance ends: nothing under a fifth of the best score.
    const best = found[0]?.score ?? 0;
    found = found.filter((r, i) => i === 0 || r.score >= best * TAIL_SHARE);
    // Answers know more than titles ("outbox" is explained in several answers): consulted when few
    // titles have every word, or few are left after the cut.
    if (all.total < Math.min(limit, 5) || found.length < 5) found = merge(found, this.answerHits(words, typing, found, limit));
    return found.slice(0, limit).map((r) => this.toHit(r));
  }

  /** The `n` rarest words of a planned query, plus the word being typed: the any-word fallback's query. */
  private rarest(words: readonly string[], typing: string, n: number): string[] {
    const finished = words.filter((w) => w !== typing);
    const kept = [...finished].sort((a, b) => this.df(a) - this.df(b)).slice(0, n);
    return typing && words.includes(typing) ? [...kept, typing] : kept;
  }

  private answerHits(words: readonly string[], typing: string, found: readonly Found[], limit: number): Found[] {
    // A word still being typed counts once it is long enough to be a word (exact match only).
    const asked = words.filter((w) => w !== typing || typing.length >= 4);
    const index = asked.length > 0 ? this.answers() : undefined;
    if (!index) return [];
    // Whole words, or near spellings of a word the answers do not know (a typo: "circut breaker").
    const terms = asked.map((term) => ({ term, prefix: false, fuzzy: term.length > 4 && !index.has(term) ? 0.2 : (false as const) }));
    // Every word when some answers have them all; else, for three words or more, all but the most
    // common one (rare words carry the meaning; a pasted question's words are seldom all in one answer).
    let hits = index.search({ terms, combine: 'AND' }, limit).top;
    if (hits.length === 0 && asked.length >= 3) {
      const common = terms.reduce((c, t) => (index.documentFrequency(t.term) > index.documentFrequency(c.term) ? t : c));
      hits = index.search({ terms: terms.filter((t) => t !== common), combine: 'AND' }, limit).top;
    }
    const have = new Set(found.map((r) => r.doc));
    return hits
      .map((h) => ({ ...h, doc: this.bodyDocs[h.doc] ?? 0 }))
      .filter((h) => !have.has(h.doc))
      .slice(0, limit)
      .map((h) => {
        const q = this.docs[h.doc]?.question;
        return { ...h, snippet: snippet(`${q?.answer ?? ''}\n${q?.keyPoints.join('\n') ?? ''}`, asked) };
      });
  }

  private toHit(r: Found): SearchHit {
    const d = this.docs[r.doc];
    if (!d) throw new Error(`search: no document ${r.doc}`);
    return {
      id: d.id,
      kind: d.kind,
      title: d.title,
      topic: d.topic,
      difficulty: d.difficulty,
      tags: d.tags,
      score: Math.round(r.score * 1000) / 1000,
      ...(r.snippet ? { snippet: r.snippet } : {}),
    };
  }
}

/**
 * Title matches and answer matches in one list, each in its own order. An answer match goes above
 * the title matches that have fewer of the query's words (an answer with all of "burn rate alert"
 * beats a title with only "rate"), else below them; and a result matching under half as many words
 * as the best one is cut. Answer matches score 1 % above the result after them, so scores still fall.
 */
function merge(titles: readonly Found[], answers: readonly Found[]): Found[] {
  const ranked: Found[] = [];
  let next = 0;
  for (const t of titles) {
    while (next < answers.length && (answers[next]?.words ?? 0) > t.words) ranked.push(answers[next++] as Found);
    ranked.push(t);
  }
  ranked.push(...answers.slice(next));
  const most = Math.max(0, ...ranked.map((r) => r.words));
  const kept = ranked.filter((r) => r.words * 2 >= most);
  const floor = Math.min(...titles.map((r) => r.score), Infinity);
  let below = Number.isFinite(floor) ? floor * 0.5 : 1;
  const out: Found[] = [];
  for (let i = kept.length - 1; i >= 0; i--) {
    const r = kept[i] as Found;
    below = r.snippet === undefined ? r.score : below * 1.01;
    out.unshift({ ...r, score: below });
  }
  return out;
}
