/**
 * A deterministic synthetic question pack for scale benchmarks: `count` questions whose words are
 * drawn (frequency-weighted, seeded PRNG) from the bundled bank's own titles, prompts, aliases,
 * tags and answers. Shape per question: 8-word title, 4 tags, 2-3 aliases, a 20-35 word prompt,
 * a ~250-word answer, key points and signals; 70 % questions, 20 % follow-ups, 10 % scenarios.
 * Same bank + same seed = byte-identical pack.
 */
import type { ContentBundle, Difficulty, Question, QuestionKind } from '../src/core/schema';

/** mulberry32: small, fast, good enough for benchmark data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const words = (texts: readonly string[]): string[] => texts.flatMap((t) => t.match(WORD) ?? []);

export function generatePack(bank: ContentBundle, count = 10_000, seed = 0x5eed_2026): ContentBundle {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => {
    const v = list[Math.floor(rnd() * list.length)];
    if (v === undefined) throw new Error('generatePack: empty vocabulary (is the bank empty?)');
    return v;
  };
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const qs = bank.questions;
  const vocab = {
    title: words(qs.map((q) => q.title)),
    prompt: words(qs.map((q) => q.prompt)),
    alias: words(qs.flatMap((q) => q.aliases)),
    answer: words(qs.map((q) => q.answer)),
    tag: qs.flatMap((q) => q.tags),
  };
  const phrase = (from: readonly string[], n: number) => Array.from({ length: n }, () => pick(from)).join(' ');
  const sentence = (from: readonly string[], n: number, end = '.') => {
    const s = phrase(from, n);
    return s.charAt(0).toUpperCase() + s.slice(1) + end;
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(vocab.answer, int(11, 20))).join(' ');

  const topics = bank.topics.map((t) => t.id);
  const difficulties: Difficulty[] = ['intermediate', 'senior', 'staff'];
  const parentsByTopic = new Map<string, string[]>();
  const questions: Question[] = [];
  for (let i = 0; i < count; i++) {
    const id = `gen-q-${String(i).padStart(5, '0')}`;
    const topic = pick(topics);
    const parents = parentsByTopic.get(topic) ?? [];
    const r = rnd();
    const kind: QuestionKind = r < 0.2 && parents.length > 0 ? 'follow-up' : r < 0.3 ? 'scenario' : 'question';
    const tags = new Set<string>();
    while (tags.size < 4) tags.add(pick(vocab.tag));
    // ~250 words: 4 paragraphs of 4 sentences of 11-20 words.
    const answer = Array.from({ length: 4 }, () => paragraph(4)).join('\n\n');
    const q: Question = {
      id,
      topic,
      kind,
      parent: kind === 'follow-up' ? pick(parents) : undefined,
      title: sentence(vocab.title, 8, ''),
      difficulty: pick(difficulties),
      minutes: int(3, 12),
      tags: [...tags],
      aliases: Array.from({ length: int(2, 3) }, () => sentence(vocab.alias, int(8, 14), '?')),
      related: questions.length > 0 && rnd() < 0.5 ? [pick(questions).id] : [],
      prompt: sentence(vocab.prompt, int(20, 35), '?'),
      answer,
      keyPoints: Array.from({ length: int(3, 6) }, () => sentence(vocab.answer, int(8, 14))),
      strongSignals: Array.from({ length: 2 }, () => sentence(vocab.answer, int(8, 12))),
      weakSignals: Array.from({ length: 2 }, () => sentence(vocab.answer, int(8, 12))),
      source: { file: `generated/questions/${topic}/${id}.md`, line: 1 },
    };
    if (q.parent === undefined) delete q.parent;
    if (kind !== 'follow-up') parentsByTopic.set(topic, [...parents, id].slice(-50));
    questions.push(q);
  }
  return { version: bank.version, topics: bank.topics, questions, workSamples: [], caseStudies: [], designLoops: [] };
}
