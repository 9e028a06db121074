// A work sample's last judgement, as written to disk so the task panel shows it again after a
// window reload (the controller's sessions live in memory and were lost with the extension host).
// The file is ours, but it sits in the user's storage and outlives bank updates: it is read back
// through a schema, and defects are stored by id and looked up in the sample as it is now.
import * as z from 'zod';
import type { ReviewJudgement } from '../judge/reviewJudge';
import type { WorkSample } from '../schema';
import type { TestRunReport } from './runner';

const count = z.number().int().min(0).max(1_000_000);
const id = z.string().max(60);
const evidence = z.array(z.object({ group: z.string().max(500), matched: z.string().max(2000) })).max(200);

const judgementRecord = z.object({
  score: z.number().min(0).max(100),
  found: z.array(z.object({ defect: id, comments: z.array(count).max(1000), evidence })).max(200),
  missed: z.array(id).max(200),
  comments: z
    .array(
      z.object({
        index: count,
        credited: z.array(id).max(200),
        rejected: z.enum(['too-short', 'keyword-list', 'dismissive']).optional(),
        pairs: z.array(z.object({ defectId: id, credited: z.boolean(), evidence, missing: z.array(z.string().max(500)).max(200) })).max(200),
      }),
    )
    .max(1000),
  unmatched: z.array(count).max(1000),
  earnedWeight: z.number().min(0),
  totalWeight: z.number().min(0),
});

const variantRecord = z.object({
  variant: z.enum(['ai', 'reference', 'mutant']),
  defectId: id.optional(),
  passed: z.boolean(),
  exitCode: z.number().int().nullable(),
  output: z.string().max(2_000_000),
  timedOut: z.boolean(),
  outputCapped: z.boolean(),
  failedTests: z.array(z.string().max(2000)).max(10_000),
  strayProcesses: count,
  cancelled: z.boolean().optional(),
});

const testsRecord = z.object({
  ai: variantRecord,
  reference: variantRecord,
  mutants: z.array(variantRecord).max(200),
  caught: z.array(id).max(200),
  missed: z.array(id).max(200),
  summary: z.string().max(2000),
  strayProcesses: count,
  cancelled: z.boolean(),
});

export const sampleSessionRecord = z.object({
  v: z.literal(1),
  /** The progress event of the Submit the marks refer to. */
  attempt: z.string().max(100).optional(),
  grade: judgementRecord.optional(),
  marks: z.record(id, z.boolean()),
  judgedBy: z.object({ kind: z.enum(['offline', 'model']), note: z.string().max(2000).optional() }).optional(),
  commentTexts: z.array(z.string().max(100_000)).max(1000).optional(),
  tests: testsRecord.optional(),
  showReference: z.boolean(),
  hintTaken: z.boolean(),
});
export type SampleSessionRecord = z.infer<typeof sampleSessionRecord>;

/** What of a sample session outlives a reload (not the "running" flag or the one-off scroll target). */
export interface PersistedSession {
  grade?: ReviewJudgement;
  attempt?: string;
  marks: Record<string, boolean>;
  judgedBy?: { kind: 'offline' | 'model'; note?: string };
  commentTexts?: string[];
  tests?: TestRunReport;
  showReference: boolean;
  hintTaken: boolean;
}

export function toSessionRecord(s: PersistedSession): SampleSessionRecord {
  const grade = s.grade && { ...s.grade, found: s.grade.found.map((m) => ({ defect: m.defect.id, comments: m.comments, evidence: [...m.evidence] })), missed: s.grade.missed.map((d) => d.id), comments: s.grade.comments.map((c) => ({ ...c, pairs: c.pairs.map((p) => ({ ...p, evidence: [...p.evidence], missing: [...p.missing] })) })) };
  return { v: 1, attempt: s.attempt, grade, marks: s.marks, judgedBy: s.judgedBy, commentTexts: s.commentTexts, tests: s.tests, showReference: s.showReference, hintTaken: s.hintTaken };
}

/**
 * The session a record describes, for `sample` as the bank has it now; undefined when the record
 * is unreadable. A judgement naming a defect the sample no longer has is dropped with its marks
 * (it scored a different sample); so are marks on unknown defects.
 */
export function fromSessionRecord(raw: unknown, sample: WorkSample): PersistedSession | undefined {
  const parsed = sampleSessionRecord.safeParse(raw);
  if (!parsed.success) return undefined;
  const r = parsed.data;
  const defect = (d: string) => sample.defects.find((x) => x.id === d);
  let grade: ReviewJudgement | undefined;
  if (r.grade && [...r.grade.found.map((m) => m.defect), ...r.grade.missed].every((d) => defect(d))) {
    grade = {
      ...r.grade,
      found: r.grade.found.map((m) => ({ defect: defect(m.defect)!, comments: m.comments, evidence: m.evidence })),
      missed: r.grade.missed.map((d) => defect(d)!),
    };
  }
  const marks = grade ? Object.fromEntries(Object.entries(r.marks).filter(([d]) => defect(d))) : {};
  return {
    grade,
    attempt: grade ? r.attempt : undefined,
    marks,
    judgedBy: grade ? r.judgedBy : undefined,
    commentTexts: grade ? r.commentTexts : undefined,
    tests: r.tests,
    showReference: r.showReference,
    hintTaken: r.hintTaken,
  };
}
