import type { MockState } from './session';

/**
 * Generated follow-ups in a mock interview: when a main question has no follow-up in the bank and
 * the user's model wrote one, the interview asks it (labelled as generated), takes the answer, and
 * moves on without grading it: there is no rubric to grade against.
 */

/** Whether the turn just graded was a main question without a bank follow-up (so a generated one may be asked). */
export function wantsGeneratedFollowUp(before: MockState): boolean {
  const item = before.items[before.index];
  return before.phase === 'grading' && !!item && !item.followUp && !item.generated && !item.main.questionId.startsWith('loop:');
}

/** After `gradeTurn` moved on, go back to item `index` and ask the generated follow-up. */
export function askGenerated(state: MockState, index: number, text: string, now: number): MockState {
  const items = state.items.map((item, i) => (i === index ? { ...item, generated: { text, answer: '', seconds: 0 } } : item));
  return { ...state, items, index, phase: 'generated', phaseStartedAt: now };
}

/** The user's answer to the generated follow-up; then the next item, or the end. */
export function answerGenerated(state: MockState, answer: string, now: number): MockState {
  if (state.phase !== 'generated') return state;
  const seconds = Math.max(0, Math.round((now - state.phaseStartedAt) / 1000));
  const items = state.items.map((item, i) => (i === state.index && item.generated ? { ...item, generated: { ...item.generated, answer, seconds } } : item));
  const last = state.index >= state.items.length - 1;
  return last ? { ...state, items, phase: 'done', phaseStartedAt: now } : { ...state, items, index: state.index + 1, phase: 'answering', phaseStartedAt: now };
}
