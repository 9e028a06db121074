import MiniSearch, { type SearchResult } from 'minisearch';
import type { ContentBundle, Difficulty } from './schema';

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
/** Banks above this size skip the answer index (built on first need, it would stall a keystroke). */
const MAX_BODY_DOCS = 2_000;

interface BodyDoc {
  id: string;
  kind: SearchKind;
  title: string;
  topic: string;
  difficulty: Difficulty;
  tagList: string[];
  body: string;
}

interface SearchDoc {
  id: string;
  kind: SearchKind;
  title: string;
  aliases: string;
  tags: string;
  prompt: string;
  topic: string;
  topicTitle: string;
  difficulty: Difficulty;
  tagList: string[];
}

/** Words that carry no meaning in a question ("how do you…"), so they neither match nor dilute scores. */
const STOP_WORDS = new Set(
  'a an and are as at be by can could do does did for from how i if in into is it its me of on or our so that the their them then there these this to us was we what when where which who why will with would you your yourself walk through describe tell time just'.split(' '),
);

function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return t.length < 2 || STOP_WORDS.has(t) ? null : t;
}

/** Splits on anything that is not a letter or digit, but keeps "ci/cd"-style pieces as separate words. */
const tokenize = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Question search. Indexes only the short fields (title, aliases, tags, prompt, topic), not answers:
 * that keeps per-keystroke latency low at 10,000 questions (see BENCHMARKS.md). Prefix matching
 * from 3 characters and fuzzy matching from 5, so short queries stay fast and typos still match.
 */
export class QuestionSearch {
  private readonly index: MiniSearch<SearchDoc>;
  private readonly size: number;

  constructor(bundle: ContentBundle) {
    const topicTitle = new Map(bundle.topics.map((t) => [t.id, t.title]));
    this.index = new MiniSearch<SearchDoc>({
      fields: ['title', 'aliases', 'tags', 'prompt', 'topicTitle'],
      storeFields: ['kind', 'title', 'topic', 'difficulty', 'tagList'],
      tokenize,
      processTerm,
      searchOptions: {
        boost: { title: 4, aliases: 2.5, tags: 2, topicTitle: 1, prompt: 1 },
        prefix: (term) => term.length > 2,
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        maxFuzzy: 2,
        combineWith: 'OR',
        // Weight matches that are exact above prefix and fuzzy ones, so "exact title words rank first".
        weights: { fuzzy: 0.3, prefix: 0.5 },
      },
    });
    const docs: SearchDoc[] = [
      ...bundle.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        title: q.title,
        aliases: q.aliases.join(' \n '),
        tags: q.tags.join(' '),
        prompt: q.prompt,
        topic: q.topic,
        topicTitle: topicTitle.get(q.topic) ?? q.topic,
        difficulty: q.difficulty,
        tagList: q.tags,
      })),
      ...bundle.workSamples.map((w) => ({
        id: w.id,
        kind: 'work-sample' as const,
        title: w.title,
        aliases: w.aliases.join(' \n '),
        tags: [...w.tags, 'work sample', 'hands-on', 'code review'].join(' '),
        prompt: w.prompt,
        topic: w.topic,
        topicTitle: topicTitle.get(w.topic) ?? w.topic,
        difficulty: w.difficulty,
        tagList: w.tags,
      })),
    ];
    // Ids are unique across all content (the loader reports clashes), but search must never throw
    // "duplicate ID" for every query because of one bad item: the first document with an id wins.
    const seen = new Set<string>();
    const unique = docs.filter((d) => !seen.has(d.id) && (seen.add(d.id), true));
    this.index.addAll(unique);
    this.size = unique.length;
    // Document frequency of every indexed word: long queries keep their rarest words (see plan()).
    for (const d of unique) {
      const terms = new Set(tokenize(`${d.title} ${d.aliases} ${d.tags} ${d.prompt} ${d.topicTitle}`).map(processTerm).filter((t): t is string => t !== null));
      for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.bodies = bundle.questions.map((q) => ({ id: q.id, kind: q.kind, title: q.title, topic: q.topic, difficulty: q.difficulty, tagList: q.tags, body: `${q.answer}\n${q.keyPoints.join('\n')}` }));
  }

  private readonly df = new Map<string, number>();
  private bodies: BodyDoc[] = [];
  private bodyIndex: MiniSearch<BodyDoc> | undefined;

  /** Model answers and key points, indexed on first need and only for banks small enough to do it at once. */
  private answers(): MiniSearch<BodyDoc> | undefined {
    if (this.bodyIndex || this.bodies.length > MAX_BODY_DOCS) return this.bodyIndex;
    const index = new MiniSearch<BodyDoc>({ fields: ['body'], storeFields: ['kind', 'title', 'topic', 'difficulty', 'tagList', 'body'], tokenize, processTerm, searchOptions: { combineWith: 'AND', prefix: false, fuzzy: false } });
    const seen = new Set<string>();
    index.addAll(this.bodies.filter((d) => !seen.has(d.id) && (seen.add(d.id), true)));
    this.bodyIndex = index;
    return index;
  }

  /**
   * The words a query is searched with. A pasted question keeps its {@link MAX_TERMS} rarest words
   * (plus the one being typed): the common ones match thousands of documents at 10,000 questions
   * and add nothing to the ranking. Fuzzy matching is kept for words the index does not know
   * (likely typos); a known word matches exactly.
   */
  private plan(query: string): { text: string; typing: string; unknown: Set<string> } {
    const typing = /\s$/.test(query) ? '' : (query.trim().split(/[^\p{L}\p{N}]+/u).at(-1) ?? '').toLowerCase();
    const terms = tokenize(query).map(processTerm).filter((t): t is string => t !== null);
    const finished = [...new Set(typing && terms.at(-1) === typing ? terms.slice(0, -1) : terms)];
    // A word in most documents ranks nothing and costs a scan of its whole posting list: dropped
    // while rarer words remain.
    // Only large banks pay for every word; a small one keeps them all for the best ranking.
    const large = this.size > LARGE_BANK;
    const informative = large ? finished.filter((t) => (this.df.get(t) ?? 0) <= this.size * COMMON_SHARE) : finished;
    const useful = informative.length > 0 || typing.length > 2 ? informative : finished;
    const kept = large && useful.length > MAX_TERMS ? [...useful].sort((a, b) => (this.df.get(a) ?? 0) - (this.df.get(b) ?? 0)).slice(0, MAX_TERMS) : useful;
    // One or two letters of a new word say nothing yet (unless they are the whole query).
    const words = typing && !STOP_WORDS.has(typing) && (typing.length >= 3 || kept.length === 0) ? [...kept, typing] : kept;
    return { text: words.join(' '), typing, unknown: new Set(words.filter((w) => !this.df.has(w))) };
  }

  get documentCount(): number {
    return this.size;
  }

  search(query: string, limit = 20): SearchHit[] {
    if (query.trim() === '') return [];
    const { text, typing, unknown } = this.plan(query);
    if (text === '') return [];
    // Prefix matching is for the word being typed; words already finished match exactly, or fuzzily
    // when the index does not know them.
    const prefix = (term: string) => term === typing && term.length > 2;
    // Fuzzy only for words the index does not know (typos); for the word being typed, once it is long.
    const fuzzy = (term: string) => (term.length > 4 && unknown.has(term) && (term !== typing || term.length > 5) ? 0.2 : false);
    // All words first: far fewer documents to score at 10,000 questions. When that finds too little
    // (a typo, a word the titles lack), any word may match, ranked by how many do.
    // A lone short prefix ("pro") would expand to hundreds of words in every field: titles, aliases and tags are where it is meant.
    const fields = text === typing && typing.length <= 3 ? ['title', 'aliases', 'tags'] : undefined;
    const all = this.index.search(text, { prefix, fuzzy, combineWith: 'AND', ...(fields ? { fields } : {}) });
    const fallback = this.size > LARGE_BANK ? this.rarest(text, typing, 2) : text;
    let results: SearchResult[] = all.length >= Math.min(limit, 5) ? all : [...all, ...this.index.search(fallback, { prefix, fuzzy }).filter((r) => !all.some((a) => a.id === r.id))];
    // Answers know more than titles ("outbox" is explained in several answers): consulted for
    // finished words when the short fields found few, ranked below every title match.
    const answerHits = this.answerHits(text, typing, results, limit);
    results = [...results, ...answerHits];
    // The list ends where relevance ends: nothing under a fifth of the best score.
    const best = results[0]?.score ?? 0;
    return results.filter((r, i) => i === 0 || r.score >= best * TAIL_SHARE || (r as { viaAnswer?: boolean }).viaAnswer).slice(0, limit).map(toHit);
  }

  /** The `n` rarest words of a planned query, plus the word being typed: the any-word fallback's query. */
  private rarest(text: string, typing: string, n: number): string {
    const words = text.split(' ');
    const finished = words.filter((w) => w !== typing);
    const kept = [...finished].sort((a, b) => (this.df.get(a) ?? 0) - (this.df.get(b) ?? 0)).slice(0, n);
    return [...kept, ...(typing && words.includes(typing) ? [typing] : [])].join(' ');
  }

  private answerHits(text: string, typing: string, found: readonly SearchResult[], limit: number): SearchResult[] {
    if (found.length >= 5) return [];
    // A word still being typed counts once it is long enough to be a word (exact match only).
    const words = text.split(' ').filter((w) => w !== typing || typing.length >= 4);
    if (words.length === 0) return [];
    const index = this.answers();
    if (!index) return [];
    const have = new Set(found.map((r) => r.id as string));
    const floor = Math.min(...found.map((r) => r.score), Infinity);
    return index
      .search(words.join(' '), { combineWith: 'AND' })
      .filter((r) => !have.has(r.id as string))
      .slice(0, limit)
      .map((r, i) => ({ ...r, score: (Number.isFinite(floor) ? floor : 1) * 0.5 * (1 - i / (limit + 1)), viaAnswer: true, snippet: snippet(String(r.body ?? ''), Object.keys(r.match)) }));
  }
}

/** The sentence of an answer where a matched word appears (why an answer-only result matched). */
function snippet(body: string, terms: readonly string[]): string {
  const sentences = body.replace(/[`*_#>|]/g, '').split(/(?<=[.!?])\s+|\n+/);
  const hit = sentences.find((s) => terms.some((t) => s.toLowerCase().includes(t))) ?? '';
  const clean = hit.replace(/\s+/g, ' ').trim();
  return clean.length > 160 ? `${clean.slice(0, 157)}…` : clean;
}

function toHit(r: SearchResult): SearchHit {
  return {
    id: r.id as string,
    kind: r.kind as SearchKind,
    title: r.title as string,
    topic: r.topic as string,
    difficulty: r.difficulty as Difficulty,
    tags: r.tagList as string[],
    score: Math.round(r.score * 1000) / 1000,
    ...(typeof r.snippet === 'string' && r.snippet ? { snippet: r.snippet } : {}),
  };
}
