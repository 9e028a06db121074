import * as z from 'zod';
import { DESIGN_STAGES, idSchema } from '../shared/ids';

export const DIFFICULTIES = ['intermediate', 'senior', 'staff'] as const;
export const difficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof difficultySchema>;

export const QUESTION_KINDS = ['question', 'follow-up', 'scenario'] as const;
export const questionKindSchema = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof questionKindSchema>;

// Defined apart from the content schemas so the webview bundles can use the protocols without zod.
export { DESIGN_STAGES, idSchema } from '../shared/ids';

const text = (what: string, max: number) => z.string().trim().min(1, `${what} is empty`).max(max, `${what} is longer than ${max} characters`);
const list = (what: string, maxItems: number, maxLen = 200) => z.array(text(what, maxLen)).max(maxItems, `${what}: at most ${maxItems} items`);

/** Where an item came from, so every later complaint can name the file and line. */
export const sourceSchema = z.object({ file: z.string(), line: z.number().int().positive() });
export type Source = z.infer<typeof sourceSchema>;

/** The header of a question file, as an author writes it. */
export const questionHeaderSchema = z.strictObject({
  title: text('title', 90),
  kind: questionKindSchema,
  parent: idSchema.optional(),
  difficulty: difficultySchema,
  minutes: z.coerce.number().int('minutes must be a whole number').min(1).max(20),
  tags: list('tag', 10, 40).min(2, 'give at least 2 tags'),
  aliases: list('alias', 12, 300).optional(),
  related: z.array(idSchema).max(12).optional(),
});

export const questionSchema = z.object({
  id: idSchema,
  topic: idSchema,
  kind: questionKindSchema,
  parent: idSchema.optional(),
  title: z.string(),
  difficulty: difficultySchema,
  minutes: z.number(),
  tags: z.array(z.string()),
  aliases: z.array(z.string()),
  related: z.array(idSchema),
  prompt: z.string(),
  answer: z.string(),
  keyPoints: z.array(z.string()).min(1),
  strongSignals: z.array(z.string()),
  weakSignals: z.array(z.string()),
  testing: z.string().optional(),
  seniorVsStaff: z.string().optional(),
  commonMistakes: z.array(z.string()).optional(),
  vocabulary: z.array(z.string()).optional(),
  example: z.string().optional(),
  source: sourceSchema,
});
export type Question = z.infer<typeof questionSchema>;

export const topicHeaderSchema = z.strictObject({
  title: text('title', 60),
  order: z.coerce.number().int().min(0).max(1000),
  icon: z.string().regex(/^[a-z0-9-]+$/, 'icon must be a codicon name such as "shield"').optional(),
});

export const readingSchema = z.object({
  title: z.string().min(1),
  url: z.url({ protocol: /^https?$/, error: 'further-reading links must be http(s) addresses' }),
  note: z.string(),
});
export type Reading = z.infer<typeof readingSchema>;

export const topicSchema = z.object({
  id: idSchema,
  title: z.string(),
  order: z.number(),
  icon: z.string().optional(),
  summary: z.string(),
  context: z.string().optional(),
  furtherReading: z.array(readingSchema),
  source: sourceSchema,
});
export type Topic = z.infer<typeof topicSchema>;

export const SEVERITIES = ['critical', 'major', 'minor'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 3, major: 2, minor: 1 };

export const relativePathSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..') && !p.includes('\\'), 'must be a relative path inside the sample');

export const workSampleHeaderSchema = z.strictObject({
  title: text('title', 90),
  kind: z.literal('work-sample'),
  topic: idSchema,
  difficulty: difficultySchema,
  minutes: z.coerce.number().int().min(5).max(120),
  tags: list('tag', 10, 40).min(2, 'give at least 2 tags'),
  runnable: z.enum(['true', 'false']).transform((v) => v === 'true'),
  'test-file': relativePathSchema.optional(),
  open: z.array(relativePathSchema).min(1).optional(),
  aliases: list('alias', 12, 300).optional(),
});

export const defectFieldsSchema = z.strictObject({
  file: relativePathSchema,
  anchor: z.string().min(3, 'anchor must be at least 3 characters of code text'),
  severity: severitySchema,
  concept: text('concept', 200),
  terms: z.array(z.string().trim().min(2)).min(2, 'give at least 2 terms').max(20),
});

/** A place a reviewer could rightly comment on: a line found by its text, or a region from start text to end text. */
export const defectPlaceSchema = z.object({ file: relativePathSchema, start: z.string().min(3), end: z.string().min(1).optional() });
export type DefectPlace = z.infer<typeof defectPlaceSchema>;

/** One concept of a defect's claim, with the phrases that express it (see src/core/judge/claims.ts). */
export const conceptGroupSchema = z.object({ name: z.string().min(1), phrases: z.array(z.string().min(1)).min(1) });

export const defectSchema = defectFieldsSchema.extend({
  id: idSchema,
  /** Every place the defect shows (the anchor first); at least the anchor. */
  places: z.array(defectPlaceSchema).min(1),
  /** What a comment must state to identify the defect: every group, in any words. */
  claim: z.array(conceptGroupSchema).min(1),
  /** False when the claim fell back to the defect's terms (a pack without a "### Claim"). */
  claimWritten: z.boolean(),
  why: z.string().min(1),
  fix: z.string().min(1),
  hasMutant: z.boolean(),
  line: z.number().int().positive(),
});
export type Defect = z.infer<typeof defectSchema>;

export const sampleFileSchema = z.object({ path: relativePathSchema, text: z.string() });
export type SampleFile = z.infer<typeof sampleFileSchema>;

export const workSampleSchema = z.object({
  id: idSchema,
  topic: idSchema,
  title: z.string(),
  difficulty: difficultySchema,
  minutes: z.number(),
  tags: z.array(z.string()),
  aliases: z.array(z.string()),
  runnable: z.boolean(),
  testFile: z.string().optional(),
  open: z.array(z.string()),
  prompt: z.string(),
  referenceReview: z.string(),
  defects: z.array(defectSchema).min(1),
  files: z.array(sampleFileSchema).min(1),
  reference: z.array(sampleFileSchema),
  mutants: z.record(z.string(), z.array(sampleFileSchema)),
  checks: z.array(sampleFileSchema),
  source: sourceSchema,
});
export type WorkSample = z.infer<typeof workSampleSchema>;

/** The header of a case study (content/case-studies/<id>.md). */
export const caseStudyHeaderSchema = z.strictObject({
  title: text('title', 120),
  kind: z.literal('case-study'),
  date: z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'date must be YYYY-MM-DD (or YYYY-MM)'),
  organisation: text('organisation', 80),
  topics: z.array(idSchema).min(1, 'name at least 1 topic').max(3, 'name at most 3 topics'),
  questions: z.array(idSchema).min(1, 'name at least 1 question').max(8, 'name at most 8 questions'),
  source: z.url({ protocol: /^https$/, error: 'source must be an https address' }).max(2000),
  'source-title': text('source-title', 200),
  tags: list('tag', 10, 40).min(1, 'give at least 1 tag'),
});

export const caseStudySchema = z.object({
  id: idSchema,
  title: z.string(),
  date: z.string(),
  year: z.number().int(),
  organisation: z.string(),
  topics: z.array(idSchema).min(1),
  questions: z.array(idSchema),
  sourceUrl: z.url({ protocol: /^https$/ }),
  sourceTitle: z.string(),
  tags: z.array(z.string()),
  summary: z.string(),
  whatHappened: z.string(),
  lessons: z.array(z.string()).min(1),
  interviewerQuestions: z.array(z.string()).min(1),
  source: sourceSchema,
});
export type CaseStudy = z.infer<typeof caseStudySchema>;

export const designLoopHeaderSchema = z.strictObject({
  title: text('title', 120),
  kind: z.literal('design-loop'),
  topic: idSchema,
  difficulty: difficultySchema,
  minutes: z.coerce.number().int('minutes must be a whole number').min(15).max(180),
  tags: list('tag', 10, 40).min(1, 'give at least 1 tag'),
  related: z.array(idSchema).max(12).optional(),
});

export const designStageSchema = z.object({
  name: z.enum(DESIGN_STAGES),
  minutes: z.number().int().min(1),
  prompt: z.string().min(1),
  reference: z.string().min(1),
  keyPoints: z.array(z.string()).min(2).max(6),
  rubric: z.object({ senior: z.string().min(1), staff: z.string().min(1), principal: z.string().min(1) }),
  line: z.number().int().positive(),
});
export type DesignStage = z.infer<typeof designStageSchema>;

export const designLoopSchema = z.object({
  id: idSchema,
  title: z.string(),
  topic: idSchema,
  difficulty: difficultySchema,
  minutes: z.number().int(),
  tags: z.array(z.string()),
  related: z.array(idSchema),
  brief: z.string(),
  stages: z.array(designStageSchema).length(DESIGN_STAGES.length),
  source: sourceSchema,
});
export type DesignLoop = z.infer<typeof designLoopSchema>;

export const CONTENT_BUNDLE_VERSION = 1;
export const contentBundleSchema = z.object({
  version: z.literal(CONTENT_BUNDLE_VERSION),
  topics: z.array(topicSchema),
  questions: z.array(questionSchema),
  workSamples: z.array(workSampleSchema),
  caseStudies: z.array(caseStudySchema).default([]),
  designLoops: z.array(designLoopSchema).default([]),
  /** Diagram SVGs rendered and sanitized by the content build, by diagramKey of their DOT source (src/core/diagrams.ts). */
  diagrams: z.record(z.string().regex(/^[0-9a-z]{1,16}$/), z.string().startsWith('<svg ')).optional(),
});
export type ContentBundle = z.infer<typeof contentBundleSchema>;
