import type { ContentBundle } from './schema';

export interface ContentStats {
  topics: { id: string; title: string; questions: number }[];
  questions: number;
  followUps: number;
  workSamples: number;
  runnableWorkSamples: number;
}

/** `questions` counts main questions and scenarios; follow-ups are counted on their own. */
export function contentStats(bundle: ContentBundle): ContentStats {
  const main = bundle.questions.filter((q) => q.kind !== 'follow-up');
  return {
    topics: bundle.topics.map((t) => ({ id: t.id, title: t.title, questions: main.filter((q) => q.topic === t.id).length })),
    questions: main.length,
    followUps: bundle.questions.length - main.length,
    workSamples: bundle.workSamples.length,
    runnableWorkSamples: bundle.workSamples.filter((w) => w.runnable).length,
  };
}
