import type { ContentBundle } from './schema';

/** Adds a pack's topics, questions and work samples to a bank (the loader already rejected clashing ids). */
export function mergeBundles(base: ContentBundle, pack: ContentBundle): ContentBundle {
  const topics = [...base.topics, ...pack.topics.filter((t) => !base.topics.some((b) => b.id === t.id))];
  topics.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return {
    version: base.version,
    topics,
    questions: [...base.questions, ...pack.questions],
    workSamples: [...base.workSamples, ...pack.workSamples],
    caseStudies: [...base.caseStudies, ...pack.caseStudies],
    designLoops: [...base.designLoops, ...pack.designLoops],
  };
}
