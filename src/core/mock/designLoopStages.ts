import type { ContentBundle, Question } from '../schema';

const STAGE_TURN = /^loop:([a-z0-9-]+):(\d)$/;

/**
 * The question a mock-interview turn asks: a bank question, or a design-loop stage dressed as one
 * (its prompt, its reference as the model answer, its key points to grade against). Stages are not
 * spaced-repetition items: callers record reviews only for bank questions.
 */
export function mockQuestion(bank: ContentBundle, id: string): Question | undefined {
  const m = STAGE_TURN.exec(id);
  if (!m) return bank.questions.find((q) => q.id === id);
  const loop = bank.designLoops.find((d) => d.id === m[1]);
  const index = Number(m[2]);
  const stage = loop?.stages[index];
  if (!loop || !stage) return undefined;
  return {
    id,
    topic: loop.topic,
    kind: 'question',
    title: `${loop.title} — ${index + 1}. ${stage.name} (${stage.minutes} min)`,
    difficulty: loop.difficulty,
    minutes: stage.minutes,
    tags: loop.tags,
    aliases: [],
    related: [],
    prompt: index === 0 ? `${loop.brief}\n\n${stage.prompt}` : stage.prompt,
    answer: stage.reference,
    keyPoints: stage.keyPoints,
    strongSignals: [],
    weakSignals: [],
    seniorVsStaff: `- Senior: ${stage.rubric.senior}\n- Staff: ${stage.rubric.staff}\n- Principal: ${stage.rubric.principal}`,
    source: loop.source,
  };
}

/** True for a design-loop stage turn (not a bank question). */
export function isStageTurn(id: string): boolean {
  return STAGE_TURN.test(id);
}
