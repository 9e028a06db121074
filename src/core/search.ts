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
    this.index.addAll(docs);
    this.size = docs.length;
  }

  get documentCount(): number {
    return this.size;
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = query.trim();
    if (q === '') return [];
    // Prefix matching is for the word being typed; words already finished match exactly (or fuzzily).
    const typing = /\s$/.test(query) ? '' : (q.split(/[^\p{L}\p{N}]+/u).at(-1) ?? '').toLowerCase();
    const prefix = (term: string) => term === typing && term.length > 2;
    // All words first: far fewer documents to score at 10,000 questions. When that finds too little
    // (a pasted question, a typo in one word), any word may match, ranked by how many do.
    const all = this.index.search(q, { prefix, combineWith: 'AND' });
    const results = all.length >= Math.min(limit, 5) ? all : this.index.search(q, { prefix });
    return results.slice(0, limit).map(toHit);
  }
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
  };
}
