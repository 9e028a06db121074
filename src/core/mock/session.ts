import * as z from 'zod';
import { proposeRating } from '../../shared/judge/keyPointJudge';
import { difficultySchema, idSchema, type ContentBundle, type Difficulty, type Question } from '../schema';

export const mockConfigSchema = z.object({
  topics: z.array(idSchema).max(50),
  difficulty: z.union([difficultySchema, z.literal('any')]),
  questions: z.number().int().min(1).max(12),
  minutes: z.number().int().min(5).max(360),
  /** A design loop whose six stages follow the questions as timed turns (src/core/mock/designLoopStages.ts). */
  designLoop: idSchema.optional(),
});
export type MockConfig = z.infer<typeof mockConfigSchema>;

/** A question id, or a design-loop stage `loop:<loop-id>:<stage index>`. */
export const turnIdSchema = z.union([idSchema, z.string().regex(/^loop:[a-z0-9-]{3,60}:[0-9]$/)]);

const turnSchema = z.object({
  questionId: turnIdSchema,
  /** Seconds for this turn when it has its own time box (a design-loop stage); otherwise a share of the interview. */
  budget: z.number().int().min(1).max(86_400).optional(),
  answer: z.string().max(100_000).default(''),
  seconds: z.number().int().min(0).default(0),
  timedOut: z.boolean().default(false),
  covered: z.array(z.number().int().min(0)).default([]),
  graded: z.boolean().default(false),
});

/** A follow-up the user's language model wrote when the bank had none: shown labelled, answered, never graded. */
const generatedSchema = z.object({
  text: z.string().min(1).max(600),
  answer: z.string().max(100_000).default(''),
  seconds: z.number().int().min(0).default(0),
});
export type GeneratedFollowUp = z.infer<typeof generatedSchema>;

const itemSchema = z.object({
  main: turnSchema,
  followUp: turnSchema.optional(),
  generated: generatedSchema.optional(),
});

export const mockStateSchema = z.object({
  config: mockConfigSchema,
  startedAt: z.string(),
  items: z.array(itemSchema).min(1),
  index: z.number().int().min(0),
  /** answering → grading → (followUp → followUpGrading | generated) → next item … → done */
  phase: z.enum(['answering', 'grading', 'followUp', 'followUpGrading', 'generated', 'done']),
  phaseStartedAt: z.number(),
});
export type MockState = z.infer<typeof mockStateSchema>;
export type MockTurn = z.infer<typeof turnSchema>;

/**
 * Picks the questions of a mock interview: main questions and scenarios of the chosen topics and
 * difficulty, drawn across the topics (see `pickAcrossTopics`); each asks one of its bank follow-ups
 * whenever it has any (least practised first, ties broken by `random`). Questions without one may
 * get a generated follow-up later (src/core/mock/generatedFollowUp.ts).
 */
export function startMock(bank: ContentBundle, config: MockConfig, now: number, random: () => number, timesSeen: (id: string) => number = () => 0): MockState {
  const topics = new Set(config.topics.length ? config.topics : bank.topics.map((t) => t.id));
  const fits = (q: Question) => q.kind !== 'follow-up' && topics.has(q.topic) && (config.difficulty === 'any' || q.difficulty === config.difficulty);
  const pool = bank.questions.filter(fits);
  if (pool.length === 0) throw new Error('No questions match those topics and that difficulty.');
  const chosen = pickAcrossTopics(pool, config.questions, random, timesSeen);
  const loop = config.designLoop ? bank.designLoops.find((d) => d.id === config.designLoop) : undefined;
  const stages = (loop?.stages ?? []).map((stage, i) => ({ main: { ...blankTurn(stageTurnId(loop?.id ?? '', i)), budget: stage.minutes * 60 } }));
  return {
    config: { ...config, questions: chosen.length, minutes: Math.min(360, config.minutes + (loop?.minutes ?? 0)), designLoop: loop?.id },
    startedAt: new Date(now).toISOString(),
    items: [
      ...chosen.map((q) => {
        const pick = bankFollowUp(bank, q.id, random, timesSeen);
        return { main: blankTurn(q.id), followUp: pick ? blankTurn(pick.id) : undefined };
      }),
      ...stages,
    ],
    index: 0,
    phase: 'answering',
    phaseStartedAt: now,
  };
}

/**
 * `count` questions from `pool`, round-robin over its topics in a shuffled order: no topic is asked
 * twice before every topic has been asked once (a real interviewer spreads the questions; a plain
 * shuffle of ~100 questions often put both of a two-question interview in one topic). Within a
 * topic, and in the topic order, the least practised come first, so practice still spreads; ties
 * (and so the order for a new user) are decided by `random`, which tests seed.
 */
export function pickAcrossTopics(pool: readonly Question[], count: number, random: () => number, timesSeen: (id: string) => number = () => 0): Question[] {
  const byTopic = new Map<string, { q: Question; key: number }[]>();
  for (const q of pool) {
    const list = byTopic.get(q.topic) ?? [];
    list.push({ q, key: timesSeen(q.id) + random() });
    byTopic.set(q.topic, list);
  }
  // A fresh draw per topic, not the head's key: the minimum of many draws would put the biggest topics first.
  const order = [...byTopic.values()]
    .map((list) => list.sort((a, b) => a.key - b.key))
    .map((list) => ({ list, key: Math.floor(list[0]?.key ?? 0) + random() }))
    .sort((a, b) => a.key - b.key)
    .map((t) => t.list);
  const chosen: Question[] = [];
  for (let round = 0; chosen.length < count && order.some((list) => round < list.length); round++) {
    for (const list of order) {
      const next = list[round];
      if (next && chosen.length < count) chosen.push(next.q);
    }
  }
  return chosen;
}

/** One of the bank's follow-ups to `questionId` (questions of kind 'follow-up' with it as parent), least practised first; none when it has none. */
export function bankFollowUp(bank: ContentBundle, questionId: string, random: () => number, timesSeen: (id: string) => number = () => 0): Question | undefined {
  const candidates = bank.questions.filter((q) => q.kind === 'follow-up' && q.parent === questionId).map((q) => ({ q, key: timesSeen(q.id) + random() }));
  return candidates.sort((a, b) => a.key - b.key)[0]?.q;
}

function blankTurn(questionId: string): MockTurn {
  return { questionId, answer: '', seconds: 0, timedOut: false, covered: [], graded: false };
}

/** The turn id of a design loop's stage (0-based) in a mock interview. */
export function stageTurnId(loopId: string, stage: number): string {
  return `loop:${loopId}:${stage}`;
}

/**
 * Seconds each main question gets: the interview's minutes shared out, follow-ups count as half a
 * question. Turns with their own time box (design-loop stages) take theirs first.
 */
export function secondsPerQuestion(state: MockState): number {
  const shared = state.items.filter((i) => i.main.budget === undefined);
  const boxed = state.items.reduce((s, i) => s + (i.main.budget ?? 0), 0);
  const weight = shared.reduce((s, i) => s + 1 + (i.followUp ? 0.5 : 0), 0);
  return weight ? Math.max(60, Math.floor((state.config.minutes * 60 - boxed) / weight)) : 60;
}

/** Seconds the current turn has: its own time box, half a question for a follow-up, else one question's share. */
export function turnBudget(state: MockState): number {
  const turn = currentTurn(state);
  if (turn?.budget !== undefined) return turn.budget;
  const per = secondsPerQuestion(state);
  return state.phase === 'followUp' || state.phase === 'followUpGrading' ? Math.floor(per / 2) : per;
}

export function currentTurn(state: MockState): MockTurn | undefined {
  const item = state.items[state.index];
  if (!item) return undefined;
  return state.phase === 'followUp' || state.phase === 'followUpGrading' ? item.followUp : item.main;
}

/** The user submits an answer, or the time ran out. */
export function submitAnswer(state: MockState, answer: string, now: number, timedOut: boolean): MockState {
  if (state.phase !== 'answering' && state.phase !== 'followUp') return state;
  const turn = currentTurn(state);
  if (!turn) return state;
  const updated: MockTurn = { ...turn, answer, seconds: Math.max(0, Math.round((now - state.phaseStartedAt) / 1000)), timedOut };
  return withTurn({ ...state, phase: state.phase === 'answering' ? 'grading' : 'followUpGrading', phaseStartedAt: now }, updated);
}

/** The user ticks the key points they covered; then the interviewer follows up or moves on. */
export function gradeTurn(state: MockState, covered: number[], keyPointCount: number, now: number): MockState {
  if (state.phase !== 'grading' && state.phase !== 'followUpGrading') return state;
  const turn = currentTurn(state);
  if (!turn) return state;
  const valid = [...new Set(covered.filter((i) => i >= 0 && i < keyPointCount))].sort((a, b) => a - b);
  const graded = withTurn(state, { ...turn, covered: valid, graded: true });
  const item = graded.items[graded.index];
  if (state.phase === 'grading' && item?.followUp) return { ...graded, phase: 'followUp', phaseStartedAt: now };
  const last = graded.index >= graded.items.length - 1;
  return last ? { ...graded, phase: 'done', phaseStartedAt: now } : { ...graded, index: graded.index + 1, phase: 'answering', phaseStartedAt: now };
}

function withTurn(state: MockState, turn: MockTurn): MockState {
  const items = state.items.map((item, i) => {
    if (i !== state.index) return item;
    return item.main.questionId === turn.questionId && state.phase !== 'followUp' && state.phase !== 'followUpGrading' ? { ...item, main: turn } : { ...item, followUp: turn };
  });
  return { ...state, items };
}

/** The rating each graded turn feeds to spaced repetition (the same proposal as in practice). */
export function ratingsOf(state: MockState, keyPointCount: (id: string) => number): { id: string; rating: 1 | 2 | 3; covered: number; of: number; seconds: number }[] {
  return state.items
    .flatMap((i) => [i.main, i.followUp])
    .filter((t): t is MockTurn => !!t && t.graded)
    .map((t) => {
      const of = keyPointCount(t.questionId);
      return { id: t.questionId, rating: proposeRating(t.covered.length, of), covered: t.covered.length, of, seconds: t.seconds };
    });
}

export type { Difficulty };
