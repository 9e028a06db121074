import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentBundle } from './schema';

export interface ContentStats {
  topics: { id: string; title: string; questions: number }[];
  questions: number;
  followUps: number;
  workSamples: number;
  runnableWorkSamples: number;
  /** Main questions and scenarios that no follow-up names as its parent. */
  mainQuestionsWithoutFollowUps: number;
  /** Main questions and scenarios with a non-empty "# Senior vs staff" section. */
  staffSections: number;
  /** Questions and follow-ups of difficulty staff. */
  staffItems: number;
  designLoops: number;
  caseStudies: number;
  /** ```dot fences across all content markdown. */
  diagrams: number;
  /** `<!-- check: … -->` comments across all content markdown. */
  checkedNumbers: number;
}

/**
 * `questions` counts main questions and scenarios; follow-ups are counted on their own. The loader
 * strips checked-number comments once verified, so pass the files' raw markdown (rawContentMarkdown)
 * to count them; diagrams stay in the bundle's markdown and are counted there.
 */
export function contentStats(bundle: ContentBundle, raw?: readonly string[]): ContentStats {
  const main = bundle.questions.filter((q) => q.kind !== 'follow-up');
  const parents = new Set(bundle.questions.map((q) => q.parent).filter((p): p is string => p !== undefined));
  const markdown = contentMarkdown(bundle);
  return {
    topics: bundle.topics.map((t) => ({ id: t.id, title: t.title, questions: main.filter((q) => q.topic === t.id).length })),
    questions: main.length,
    followUps: bundle.questions.length - main.length,
    workSamples: bundle.workSamples.length,
    runnableWorkSamples: bundle.workSamples.filter((w) => w.runnable).length,
    mainQuestionsWithoutFollowUps: main.filter((q) => !parents.has(q.id)).length,
    staffSections: main.filter((q) => (q.seniorVsStaff ?? '').trim() !== '').length,
    staffItems: bundle.questions.filter((q) => q.difficulty === 'staff').length,
    designLoops: bundle.designLoops.length,
    caseStudies: bundle.caseStudies.length,
    diagrams: markdown.reduce((n, md) => n + countMatches(md, /^ {0,3}(?:```|~~~)\s*dot\b/gm), 0),
    checkedNumbers: (raw ?? markdown).reduce((n, md) => n + countMatches(md, /<!--\s*check:/g), 0),
  };
}

/** Every piece of authored markdown the bundle keeps: topics, question sections, work samples, case studies, design loops. */
export function contentMarkdown(bundle: ContentBundle): string[] {
  const out: string[] = [];
  const add = (...parts: (string | readonly string[] | undefined)[]) => {
    for (const p of parts) {
      if (typeof p === 'string') out.push(p);
      else if (p) out.push(...p);
    }
  };
  for (const t of bundle.topics) add(t.summary, t.context);
  for (const q of bundle.questions) add(q.prompt, q.answer, q.keyPoints, q.strongSignals, q.weakSignals, q.testing, q.seniorVsStaff, q.commonMistakes, q.vocabulary, q.example);
  for (const w of bundle.workSamples) add(w.prompt, w.referenceReview, ...w.defects.flatMap((d) => [d.why, d.fix]));
  for (const c of bundle.caseStudies) add(c.summary, c.whatHappened, c.lessons, c.interviewerQuestions);
  for (const d of bundle.designLoops) {
    add(d.brief);
    for (const s of d.stages) add(s.prompt, s.reference, s.keyPoints, s.rubric.senior, s.rubric.staff, s.rubric.principal);
  }
  return out;
}

function countMatches(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
}

/** The raw text of every content markdown file under `root` (topics, questions, work samples, case studies, design loops). */
export function rawContentMarkdown(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory() && depth > 0 && e.name !== 'files' && e.name !== 'reference' && e.name !== 'mutants' && e.name !== 'checks') walk(p, depth - 1);
      else if (e.isFile() && e.name.endsWith('.md')) out.push(readFileSync(p, 'utf8'));
    }
  };
  for (const [dir, depth] of [['topics', 0], ['questions', 1], ['work-samples', 1], ['case-studies', 0], ['design-loops', 0]] as const) walk(join(root, dir), depth);
  return out;
}
