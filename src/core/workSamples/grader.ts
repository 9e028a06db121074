import { contentStems } from '../keyPoints';
import { SEVERITY_WEIGHT, type Defect, type WorkSample } from '../schema';

/** A review comment as the user left it: on a file of the sample, at a 1-based line. */
export interface ReviewComment {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export interface DefectMatch {
  readonly defect: Defect;
  /** Indexes into the comments that earned credit for this defect. */
  readonly comments: number[];
}

export interface ReviewGrade {
  /** 0–100, weighted by severity (critical 3, major 2, minor 1). */
  readonly score: number;
  readonly found: DefectMatch[];
  readonly missed: Defect[];
  /** Comments that matched no planted defect: they may still be good points. */
  readonly unmatched: number[];
  readonly earnedWeight: number;
  readonly totalWeight: number;
}

/** How many lines away from a defect's anchor a comment still counts as "at" the defect. */
export const NEAR_LINES = 3;

/** 1-based first and last line of `anchor` in `text`, or undefined when it is not there. */
export function anchorLines(text: string, anchor: string): { first: number; last: number } | undefined {
  const at = text.indexOf(anchor);
  if (at < 0) return undefined;
  const first = text.slice(0, at).split('\n').length;
  return { first, last: first + anchor.split('\n').length - 1 };
}

/**
 * Whether a comment's words address a defect: one of the defect's terms appears in it. A term
 * of several words counts when all its words appear (in any order), so paraphrases match:
 * "this isn't atomic under concurrent calls" matches the term "atomic".
 */
export function addressesDefect(comment: string, defect: Defect): boolean {
  const words = new Set(contentStems(comment));
  const raw = comment.toLowerCase();
  return defect.terms.some((term) => {
    const t = term.toLowerCase().trim();
    // Code-like terms (Math.min, performance.now, SET NX) are matched as written.
    if (/[^a-z0-9\s-]/.test(t)) return raw.includes(t);
    const stems = contentStems(t);
    return stems.length > 0 && stems.every((s) => words.has(s));
  });
}

/**
 * Grades a review against the planted defects. A comment earns credit for a defect only when it
 * sits at (or within NEAR_LINES of) the defect's anchor *and* its words address the defect's
 * concept, so a comment stuffed with every buzzword earns only the defects at its own location.
 * `currentText` gives each file as the user has it now (anchors are found by text, so edits
 * elsewhere in the file do not break grading); a file missing there falls back to the original.
 */
export function gradeReview(sample: WorkSample, comments: readonly ReviewComment[], currentText: (file: string) => string | undefined = () => undefined): ReviewGrade {
  const original = new Map(sample.files.map((f) => [f.path, f.text]));
  const found: DefectMatch[] = [];
  const missed: Defect[] = [];
  const used = new Set<number>();
  for (const defect of sample.defects) {
    const text = currentText(defect.file) ?? original.get(defect.file) ?? '';
    const where = anchorLines(text, defect.anchor) ?? anchorLines(original.get(defect.file) ?? '', defect.anchor);
    const matching: number[] = [];
    if (where) {
      comments.forEach((c, i) => {
        const near = c.file === defect.file && c.line >= where.first - NEAR_LINES && c.line <= where.last + NEAR_LINES;
        if (near && addressesDefect(c.text, defect)) matching.push(i);
      });
    }
    if (matching.length) {
      found.push({ defect, comments: matching });
      for (const i of matching) used.add(i);
    } else missed.push(defect);
  }
  const weight = (d: Defect) => SEVERITY_WEIGHT[d.severity];
  const totalWeight = sample.defects.reduce((s, d) => s + weight(d), 0);
  const earnedWeight = found.reduce((s, m) => s + weight(m.defect), 0);
  return {
    score: totalWeight ? Math.round((earnedWeight / totalWeight) * 100) : 0,
    found,
    missed,
    unmatched: comments.map((_, i) => i).filter((i) => !used.has(i)),
    earnedWeight,
    totalWeight,
  };
}
