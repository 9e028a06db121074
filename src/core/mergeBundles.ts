import { realpathSync } from 'node:fs';
import type { ContentError } from './contentError';
import { loadContentDir } from './loadContent';
import type { ContentBundle } from './schema';

/**
 * Adds a pack's topics, questions and work samples to a bank. The loader already rejected (and
 * reported) every pack item whose id is in use; as a second line of defence, an item whose id is
 * already taken here is left out, so the bank's own item always keeps its id.
 */
export function mergeBundles(base: ContentBundle, pack: ContentBundle): ContentBundle {
  const taken = new Set<string>([...base.topics, ...base.questions, ...base.workSamples, ...base.caseStudies, ...base.designLoops].map((x) => x.id));
  const fresh = <T extends { id: string }>(items: readonly T[]): T[] =>
    items.filter((x) => {
      if (taken.has(x.id)) return false;
      taken.add(x.id);
      return true;
    });
  const topics = [...base.topics, ...fresh(pack.topics)];
  topics.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return {
    ...base,
    version: base.version,
    topics,
    questions: [...base.questions, ...fresh(pack.questions)],
    workSamples: [...base.workSamples, ...fresh(pack.workSamples)],
    caseStudies: [...base.caseStudies, ...fresh(pack.caseStudies)],
    designLoops: [...base.designLoops, ...fresh(pack.designLoops)],
  };
}

/** What one pack folder added, for the log. */
export interface PackSummary {
  readonly path: string;
  readonly questions: number;
  readonly workSamples: number;
  readonly problems: number;
}

/**
 * Loads pack folders over a bank, in order: each pack's ids must be new to the bank and to every
 * pack before it (a clash is reported at the pack's file and that item is not loaded). The same
 * folder listed twice (by its real path) loads once.
 */
export function loadPacks(base: ContentBundle, folders: readonly string[]): { bundle: ContentBundle; errors: ContentError[]; packs: PackSummary[] } {
  let bundle = base;
  const errors: ContentError[] = [];
  const packs: PackSummary[] = [];
  const seen = new Set<string>();
  for (const path of folders) {
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      // reported by the loader
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const knownIds = new Set([...bundle.questions, ...bundle.workSamples, ...bundle.caseStudies, ...bundle.designLoops].map((x) => x.id));
    const pack = loadContentDir(path, { knownTopics: bundle.topics, knownIds });
    errors.push(...pack.errors);
    bundle = mergeBundles(bundle, pack.bundle);
    packs.push({ path, questions: pack.bundle.questions.length, workSamples: pack.bundle.workSamples.length, problems: pack.errors.length });
  }
  return { bundle, errors, packs };
}
