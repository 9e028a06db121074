import { readFile } from 'node:fs/promises';
import { contentBundleSchema, type CaseStudy, type ContentBundle, type DesignLoop, type Question, type Topic, type WorkSample } from '../core/schema';
import { setDiagrams } from '../core/markdown';
import { QuestionSearch } from '../core/search';
import type { ContentError } from '../core/contentError';

export interface ContentSnapshot {
  readonly bundle: ContentBundle;
  readonly errors: readonly ContentError[];
  readonly topics: readonly Topic[];
  question(id: string): Question | undefined;
  workSample(id: string): WorkSample | undefined;
  topic(id: string): Topic | undefined;
  /** Main questions and scenarios of a topic (follow-ups hang under their parent). */
  questionsOf(topicId: string): Question[];
  followUpsOf(questionId: string): Question[];
  workSamplesOf(topicId: string): WorkSample[];
  caseStudy(id: string): CaseStudy | undefined;
  /** Case studies that name a topic, newest first. */
  caseStudiesOf(topicId: string): CaseStudy[];
  /** Case studies that name a question (the other direction of their `questions` header). */
  caseStudiesFor(questionId: string): CaseStudy[];
  designLoop(id: string): DesignLoop | undefined;
  designLoopsOf(topicId: string): DesignLoop[];
}

/** Extra content merged over the bundled bank (team packs), loaded by the caller. */
export type PackLoader = (bundled: ContentBundle) => Promise<{ bundle: ContentBundle; errors: ContentError[] }>;

/**
 * Owns the question bank. Nothing is read in activate(): the bundle is loaded on first use
 * (tree expand, search, panel restore) and the search index is built on first search.
 */
export class ContentService {
  private loading: Promise<ContentSnapshot> | undefined;
  private searchIndex: QuestionSearch | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly bundlePath: string,
    private readonly loadPacks?: PackLoader,
  ) {}

  get(): Promise<ContentSnapshot> {
    this.loading ??= this.load();
    return this.loading;
  }

  async search(): Promise<QuestionSearch> {
    const snapshot = await this.get();
    if (!this.searchIndex) {
      this.searchIndex = new QuestionSearch(snapshot.bundle);
      // Large packs index their answers in the background: start now, so the first weak query finds them ready.
      void this.searchIndex.prepareAnswers();
    }
    return this.searchIndex;
  }

  /** Drops the cached bank (packs changed, or the user asked to reload). */
  invalidate(): void {
    this.loading = undefined;
    this.searchIndex = undefined;
    for (const l of this.listeners) l();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private async load(): Promise<ContentSnapshot> {
    const errors: ContentError[] = [];
    let bundle: ContentBundle = { version: 1, topics: [], questions: [], workSamples: [], caseStudies: [], designLoops: [] };
    try {
      const parsed = contentBundleSchema.safeParse(JSON.parse(await readFile(this.bundlePath, 'utf8')));
      if (parsed.success) {
        bundle = parsed.data;
        setDiagrams(bundle.diagrams);
      }
      else errors.push({ file: this.bundlePath, line: 1, message: `bundled content is invalid: ${parsed.error.issues[0]?.message ?? ''} at ${parsed.error.issues[0]?.path.join('.') ?? ''}` });
    } catch (e) {
      errors.push({ file: this.bundlePath, line: 1, message: `cannot read bundled content: ${e instanceof Error ? e.message : String(e)}` });
    }
    if (this.loadPacks) {
      const merged = await this.loadPacks(bundle);
      bundle = merged.bundle;
      errors.push(...merged.errors);
    }
    return snapshotOf(bundle, errors);
  }
}

export function snapshotOf(bundle: ContentBundle, errors: readonly ContentError[]): ContentSnapshot {
  const questions = firstById(bundle.questions);
  const samples = firstById(bundle.workSamples);
  const topics = firstById(bundle.topics);
  const byTopic = new Map<string, Question[]>();
  const byParent = new Map<string, Question[]>();
  for (const q of bundle.questions) {
    const key = q.parent ?? '';
    if (q.parent) (byParent.get(key) ?? byParent.set(key, []).get(key))?.push(q);
    else (byTopic.get(q.topic) ?? byTopic.set(q.topic, []).get(q.topic))?.push(q);
  }
  const rank = { intermediate: 0, senior: 1, staff: 2 } as const;
  for (const list of byTopic.values()) list.sort((a, b) => rank[a.difficulty] - rank[b.difficulty] || a.title.localeCompare(b.title));
  return {
    bundle,
    errors,
    topics: bundle.topics,
    question: (id) => questions.get(id),
    workSample: (id) => samples.get(id),
    topic: (id) => topics.get(id),
    questionsOf: (topicId) => byTopic.get(topicId) ?? [],
    followUpsOf: (id) => byParent.get(id) ?? [],
    workSamplesOf: (topicId) => bundle.workSamples.filter((w) => w.topic === topicId),
    caseStudy: (id) => bundle.caseStudies.find((c) => c.id === id),
    caseStudiesOf: (topicId) => newestFirst(bundle.caseStudies.filter((c) => c.topics.includes(topicId))),
    caseStudiesFor: (questionId) => newestFirst(bundle.caseStudies.filter((c) => c.questions.includes(questionId))),
    designLoop: (id) => bundle.designLoops.find((d) => d.id === id),
    designLoopsOf: (topicId) => bundle.designLoops.filter((d) => d.topic === topicId),
  };
}

/** By id, the first item winning (the bundled bank comes before packs, so a clash can never hijack it). */
function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const x of items) if (!map.has(x.id)) map.set(x.id, x);
  return map;
}

function newestFirst(list: CaseStudy[]): CaseStudy[] {
  return list.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}
