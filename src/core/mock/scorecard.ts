import type { ContentBundle } from '../schema';
import { mockQuestion } from './designLoopStages';
import { identityT, type Translate } from '../../shared/translate';
import type { MockState, MockTurn } from './session';
import { markdownLine, safeMarkdown, trusted, type SafeMarkdown } from '../safeText';

export interface TopicScore {
  readonly topic: string;
  readonly title: string;
  readonly covered: number;
  readonly total: number;
  readonly share: number;
}

export interface Scorecard {
  readonly covered: number;
  readonly total: number;
  readonly share: number;
  readonly secondsUsed: number;
  readonly topics: TopicScore[];
  /** Up to three topics at or below the interview's overall share (and not perfect), weakest first. */
  readonly weakest: TopicScore[];
}

export function scorecard(state: MockState, bank: ContentBundle): Scorecard {
  const q = (id: string) => mockQuestion(bank, id);
  const byTopic = new Map<string, { covered: number; total: number }>();
  let covered = 0;
  let total = 0;
  let secondsUsed = 0;
  for (const turn of state.items.flatMap((i) => [i.main, i.followUp]).filter((t): t is MockTurn => !!t)) {
    const question = q(turn.questionId);
    if (!question) continue;
    const n = question.keyPoints.length;
    covered += turn.covered.length;
    total += n;
    secondsUsed += turn.seconds;
    const t = byTopic.get(question.topic) ?? { covered: 0, total: 0 };
    t.covered += turn.covered.length;
    t.total += n;
    byTopic.set(question.topic, t);
  }
  const share = total ? covered / total : 0;
  const topics = [...byTopic.entries()].map(([topic, s]) => ({
    topic,
    title: bank.topics.find((t) => t.id === topic)?.title ?? topic,
    covered: s.covered,
    total: s.total,
    share: s.total ? s.covered / s.total : 0,
  }));
  const weakest = topics.filter((t) => t.share < 1 && t.share <= share).sort((a, b) => a.share - b.share).slice(0, 3);
  return { covered, total, share, secondsUsed, topics: topics.sort((a, b) => a.share - b.share), weakest };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
/** Quote the user's (or a model's) words as text: their markdown can neither break the transcript's structure nor load anything. */
const quote = (text: string, t: Translate) => (text.trim() ? text.trim().split('\n').map((l) => `> ${markdownLine(l)}`).join('\n') : `> _${t('(no answer written)')}_`);

/**
 * The transcript the user can save: every question, their answer, the rubric, and a scorecard.
 * Bank and pack text goes through safeMarkdown, answers through markdownLine (src/core/safeText.ts),
 * so previewing the document fetches and runs nothing.
 */
export function transcriptMarkdown(state: MockState, bank: ContentBundle, finishedAt: Date, t: Translate = identityT): SafeMarkdown {
  const card = scorecard(state, bank);
  const q = (id: string) => mockQuestion(bank, id);
  const out: string[] = [];
  const difficulty = { any: t('mixed difficulty'), intermediate: t('intermediate'), senior: t('senior'), staff: t('staff') }[state.config.difficulty];
  out.push(`# ${t('Mock interview — {0}', finishedAt.toISOString().slice(0, 10))}`);
  out.push('');
  out.push(t('{0} questions, {1}, {2} minutes planned, {3} used.', state.items.length, difficulty, state.config.minutes, mmss(card.secondsUsed)));
  out.push('');
  out.push(`## ${t('Scorecard')}`);
  out.push('');
  out.push(`| # | ${t('Question')} | ${t('Topic')} | ${t('Key points covered')} | ${t('Time')} |`);
  out.push('|---|---|---|---|---|');
  state.items.forEach((item, i) => {
    for (const [label, turn] of [[`${i + 1}`, item.main], [`${i + 1}b`, item.followUp]] as const) {
      if (!turn) continue;
      const question = q(turn.questionId);
      if (!question) continue;
      const topic = markdownLine(bank.topics.find((t) => t.id === question.topic)?.title ?? question.topic);
      out.push(`| ${label} | ${markdownLine(question.title.replace(/\|/g, '/'))} | ${topic} | ${turn.covered.length} / ${question.keyPoints.length} | ${mmss(turn.seconds)}${turn.timedOut ? ` ${t('(time ran out)')}` : ''} |`);
    }
  });
  out.push(`| | **${t('Total')}** | | **${card.covered} / ${card.total} (${pct(card.share)})** | **${mmss(card.secondsUsed)}** |`);
  out.push('');
  if (card.weakest.length) {
    out.push(`**${t('Weakest topics:')}** ${t('{0}. They are scheduled sooner in your reviews.', card.weakest.map((w) => `${markdownLine(w.title)} (${pct(w.share)})`).join(', '))}`);
    out.push('');
  }
  state.items.forEach((item, i) => {
    for (const [label, turn, followUp] of [[`${i + 1}`, item.main, false], [`${i + 1}b`, item.followUp, true]] as const) {
      if (!turn) continue;
      const question = q(turn.questionId);
      if (!question) continue;
      const title = markdownLine(question.title);
      out.push(`## ${followUp ? t('Follow-up {0}: {1}', label, title) : t('Question {0}: {1}', label, title)}`);
      out.push('');
      out.push(safeMarkdown(question.prompt));
      out.push('');
      out.push(`**${t('Your answer')}**`);
      out.push('');
      out.push(quote(turn.answer, t));
      out.push('');
      out.push(`**${t('Rubric')}** ${t('({0} of {1})', turn.covered.length, question.keyPoints.length)}`);
      out.push('');
      question.keyPoints.forEach((k, j) => out.push(`- [${turn.covered.includes(j) ? 'x' : ' '}] ${safeMarkdown(k).replace(/\n+/g, ' ')}`));
      out.push('');
    }
    if (item.generated) {
      // Written by the user's model, not the bank: labelled, quoted as text, not graded.
      out.push(`## ${t('Follow-up {0}: generated by your language model (not from the bank, not graded)', `${i + 1}c`)}`);
      out.push('');
      out.push(quote(item.generated.text, t));
      out.push('');
      out.push(`**${t('Your answer')}**`);
      out.push('');
      out.push(quote(item.generated.answer, t));
      out.push('');
    }
  });
  // Every piece above is our own text, or pack/user text passed through the sanitizers.
  return trusted(out.join('\n'));
}
