import * as z from 'zod';
import type { WorkSample } from '../schema';
import { keyPointHints } from '../../shared/judge/keyPointJudge';
import { judgeReview } from './reviewJudge';

/**
 * Measures the judges on labelled corpora (test/fixtures/judge/): how often a correct comment is
 * credited with its defect, and how often anything else is credited at all.
 */

export const reviewCorpusSchema = z.object({
  sample: z.string(),
  comments: z.array(
    z.object({
      file: z.string(),
      line: z.number().int().positive(),
      text: z.string().min(1),
      label: z.enum(['correct', 'wrong', 'vague', 'dismissive', 'keywords', 'unplanted']),
      defects: z.array(z.string()),
      style: z.string().optional(),
      placement: z.string().optional(),
      author: z.string().optional(),
    }),
  ),
});
export type ReviewCorpus = z.infer<typeof reviewCorpusSchema>;

export interface Rate {
  readonly hit: number;
  readonly of: number;
}

export interface ReviewEvaluation {
  /** Correct comments credited with every defect they state. */
  readonly correct: Rate;
  /** Wrong, vague, dismissive or unplanted comments credited with anything. */
  readonly falseCredit: Rate;
  /** Keyword-only comments credited with anything. */
  readonly keywords: Rate;
  /** Comments credited with a defect they do not state. */
  readonly overCredit: Rate;
  readonly byLabel: Record<string, Rate>;
  readonly byStyle: Record<string, Rate>;
  readonly byPlacement: Record<string, Rate>;
  readonly bySample: Record<string, { correct: Rate; falseCredit: Rate }>;
  /** The misjudged comments, for reading (never for tuning one list to one sentence). */
  readonly misses: { sample: string; text: string; label: string; expected: string[]; credited: string[]; rejected?: string }[];
}

const bump = (r: Record<string, { hit: number; of: number }>, k: string, hit: boolean) => {
  const x = (r[k] ??= { hit: 0, of: 0 });
  x.of++;
  if (hit) x.hit++;
};

export function evaluateReviews(corpora: readonly ReviewCorpus[], samples: readonly WorkSample[]): ReviewEvaluation {
  const correct = { hit: 0, of: 0 };
  const falseCredit = { hit: 0, of: 0 };
  const keywords = { hit: 0, of: 0 };
  const overCredit = { hit: 0, of: 0 };
  const byLabel: Record<string, { hit: number; of: number }> = {};
  const byStyle: Record<string, { hit: number; of: number }> = {};
  const byPlacement: Record<string, { hit: number; of: number }> = {};
  const bySample: Record<string, { correct: { hit: number; of: number }; falseCredit: { hit: number; of: number } }> = {};
  const misses: ReviewEvaluation['misses'] = [];
  for (const corpus of corpora) {
    const sample = samples.find((s) => s.id === corpus.sample);
    if (!sample) throw new Error(`corpus names unknown sample ${corpus.sample}`);
    const per = (bySample[sample.id] ??= { correct: { hit: 0, of: 0 }, falseCredit: { hit: 0, of: 0 } });
    for (const c of corpus.comments) {
      // Each comment is judged alone, as if it were the whole review.
      const v = judgeReview(sample, [c]).comments[0];
      const credited = v?.credited ?? [];
      let ok: boolean;
      if (c.label === 'correct') {
        ok = c.defects.every((d) => credited.includes(d));
        correct.of++;
        per.correct.of++;
        if (ok) {
          correct.hit++;
          per.correct.hit++;
        }
        bump(byStyle, c.style ?? 'unspecified', ok);
        bump(byPlacement, c.placement ?? 'unspecified', ok);
      } else {
        const any = credited.length > 0;
        ok = !any;
        if (c.label === 'keywords') {
          keywords.of++;
          if (any) keywords.hit++;
        } else {
          falseCredit.of++;
          per.falseCredit.of++;
          if (any) {
            falseCredit.hit++;
            per.falseCredit.hit++;
          }
        }
      }
      bump(byLabel, c.label, c.label === 'correct' ? ok : !ok);
      overCredit.of++;
      const extra = credited.filter((d) => !c.defects.includes(d));
      if (extra.length) overCredit.hit++;
      if (!ok) misses.push({ sample: sample.id, text: c.text, label: c.label, expected: c.defects, credited, ...(v?.rejected ? { rejected: v.rejected } : {}) });
    }
  }
  return { correct, falseCredit, keywords, overCredit, byLabel, byStyle, byPlacement, bySample, misses };
}

export const draftCorpusSchema = z.object({
  items: z.array(
    z.object({
      question: z.string(),
      keyPoints: z.array(z.string()),
      drafts: z.array(
        z.object({
          text: z.string(),
          author: z.string().optional(),
          style: z.string(),
          covers: z.array(z.number().int().min(0)),
          contradicts: z.array(z.number().int().min(0)),
        }),
      ),
    }),
  ),
});
export type DraftCorpus = z.infer<typeof draftCorpusSchema>;

export interface DraftEvaluation {
  /** Key points a grader ticked that the hints lit. */
  readonly covered: Rate;
  /** Key points a grader left unticked (absent) that the hints lit. */
  readonly falseCredit: Rate;
  /** Key points the draft argues against that the hints lit. */
  readonly contradicted: Rate;
  /** Points lit in keyword-dump, off-topic and dismissive drafts. */
  readonly noClaimDrafts: Rate;
  readonly byStyle: Record<string, { covered: Rate; falseCredit: Rate }>;
}

export function evaluateDrafts(corpus: DraftCorpus): DraftEvaluation {
  const covered = { hit: 0, of: 0 };
  const falseCredit = { hit: 0, of: 0 };
  const contradicted = { hit: 0, of: 0 };
  const noClaimDrafts = { hit: 0, of: 0 };
  const byStyle: Record<string, { covered: { hit: number; of: number }; falseCredit: { hit: number; of: number } }> = {};
  for (const item of corpus.items) {
    for (const d of item.drafts) {
      const hints = keyPointHints(item.keyPoints, d.text);
      const s = (byStyle[d.style] ??= { covered: { hit: 0, of: 0 }, falseCredit: { hit: 0, of: 0 } });
      hints.forEach((h, i) => {
        const lit = h.verdict === 'covered';
        if (d.covers.includes(i)) {
          covered.of++;
          s.covered.of++;
          if (lit) {
            covered.hit++;
            s.covered.hit++;
          }
        } else if (d.contradicts.includes(i)) {
          contradicted.of++;
          if (lit) contradicted.hit++;
        } else {
          falseCredit.of++;
          s.falseCredit.of++;
          if (lit) {
            falseCredit.hit++;
            s.falseCredit.hit++;
          }
        }
        if (['keyword-dump', 'off-topic', 'dismissive'].includes(d.style)) {
          noClaimDrafts.of++;
          if (lit) noClaimDrafts.hit++;
        }
      });
    }
  }
  return { covered, falseCredit, contradicted, noClaimDrafts, byStyle };
}

export const pct = (r: Rate): number => (r.of ? Math.round((1000 * r.hit) / r.of) / 10 : 0);
