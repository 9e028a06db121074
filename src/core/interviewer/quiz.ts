import { keyPointHints, proposeRating } from '../../shared/judge/keyPointJudge';
import type { DraftPointVerdict } from '../judge/modelJudge';
import type { ContentBundle, Question } from '../schema';

/** One key point of the rubric, judged against the user's answer, with the words that support it. */
export interface PointVerdict {
  readonly point: string;
  readonly verdict: 'covered' | 'partly' | 'missing';
  /** The user's own words that support the verdict (empty when missing). */
  readonly evidence: string;
  /** The offline judge found the answer arguing against this point. */
  readonly against?: boolean;
}

export interface AnswerJudgement {
  readonly points: PointVerdict[];
  readonly covered: number;
  /** The grade the judgement suggests; the user decides with a click. */
  readonly proposed: 1 | 2 | 3;
  readonly by: 'offline' | 'model';
}

/** Finds a topic by id or by the start of its title ("obs" → Observability-Driven Development). */
export function findTopic(bank: ContentBundle, words: string): string | undefined {
  const w = words.trim().toLowerCase();
  if (!w) return undefined;
  return (
    bank.topics.find((t) => t.id === w)?.id ??
    bank.topics.find((t) => t.title.toLowerCase().startsWith(w) || t.id.startsWith(w))?.id ??
    bank.topics.find((t) => t.title.toLowerCase().includes(w))?.id
  );
}

/**
 * The question to ask: the first due or new main question of the review queue (FSRS order) in the
 * topic, else the least-seen main question of the topic (the queue may be empty for today).
 */
export function pickQuizQuestion(bank: ContentBundle, queue: readonly string[], topic: string | undefined, timesSeen: (id: string) => number, random: () => number): Question | undefined {
  const fits = (q: Question | undefined): q is Question => !!q && q.kind !== 'follow-up' && (!topic || q.topic === topic);
  for (const id of queue) {
    const q = bank.questions.find((x) => x.id === id);
    if (fits(q)) return q;
  }
  const pool = bank.questions.filter(fits).map((q) => ({ q, key: timesSeen(q.id) + random() }));
  pool.sort((a, b) => a.key - b.key);
  return pool[0]?.q;
}

/** The bank's next follow-up in the chain: the current question's own first, then the root's. */
export function nextFollowUp(bank: ContentBundle, current: string, root: string, asked: readonly string[]): Question | undefined {
  const seen = new Set([...asked, root, current]);
  const childrenOf = (id: string) => bank.questions.filter((q) => q.parent === id && !seen.has(q.id));
  return childrenOf(current)[0] ?? childrenOf(root)[0];
}

/** The offline judgement: key-point hints with their evidence. */
export function judgeAnswerOffline(question: Question, answer: string): AnswerJudgement {
  const hints = keyPointHints(question.keyPoints, answer);
  const points = question.keyPoints.map((point, i): PointVerdict => {
    const h = hints[i];
    if (!h) return { point, verdict: 'missing', evidence: '' };
    if (h.verdict === 'covered') return { point, verdict: 'covered', evidence: h.evidence.join(', ') };
    if (h.verdict === 'partial') return { point, verdict: 'partly', evidence: h.evidence.join(', ') };
    return { point, verdict: 'missing', evidence: '', ...(h.verdict === 'contradicted' ? { against: true } : {}) };
  });
  return summarizeJudgement(points, 'offline');
}

/** The model's judgement (already validated: every quote is the user's own words). */
export function judgementFromModel(question: Question, verdicts: readonly DraftPointVerdict[]): AnswerJudgement {
  const points = question.keyPoints.map((point, i): PointVerdict => ({ point, verdict: verdicts[i]?.verdict ?? 'missing', evidence: verdicts[i]?.evidence ?? '' }));
  return summarizeJudgement(points, 'model');
}

function summarizeJudgement(points: PointVerdict[], by: 'offline' | 'model'): AnswerJudgement {
  const covered = points.filter((p) => p.verdict === 'covered').length;
  return { points, covered, proposed: proposeRating(covered, points.length), by };
}
