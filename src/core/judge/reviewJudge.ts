import { SEVERITY_WEIGHT, type Defect, type DefectPlace, type WorkSample } from '../schema';
import { groupsExpressed, matchClaim, type GroupEvidence } from './claims';
import { readStance, rejectComment, type Rejection } from '../../shared/judge/stance';
import { normalize, tokenize } from '../../shared/judge/text';

/** A review comment as the user left it: on a file of the sample, at a 1-based line. */
export interface ReviewComment {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Lines around a place that still count as "at" it (a reviewer may pick the line above). */
export const NEAR_LINES = 3;

/** Why one comment was or was not credited with one defect. */
export interface PairVerdict {
  readonly defectId: string;
  readonly credited: boolean;
  /** The concept groups the comment expressed, with the words that expressed them. */
  readonly evidence: readonly GroupEvidence[];
  /** Groups the comment did not express (empty when credited). */
  readonly missing: readonly string[];
}

export interface CommentVerdict {
  readonly index: number;
  /** Defect ids this comment identifies. */
  readonly credited: string[];
  /** Set when the comment can earn nothing whatever it names. */
  readonly rejected?: Rejection;
  /** One verdict per defect the comment sits at (its location qualifies it). */
  readonly pairs: PairVerdict[];
}

export interface DefectMatch {
  readonly defect: Defect;
  /** Indexes of the comments credited with this defect. */
  readonly comments: number[];
  /** The words that earned it, from the first credited comment. */
  readonly evidence: readonly GroupEvidence[];
}

export interface ReviewJudgement {
  /** 0–100, weighted by severity (critical 3, major 2, minor 1). */
  readonly score: number;
  readonly found: DefectMatch[];
  readonly missed: Defect[];
  readonly comments: CommentVerdict[];
  /** Comments credited with nothing: they may still be good points. */
  readonly unmatched: number[];
  readonly earnedWeight: number;
  readonly totalWeight: number;
}

/** 1-based first and last line of `anchor` in `text`, or undefined when it is not there. */
export function anchorLines(text: string, anchor: string): { first: number; last: number } | undefined {
  const at = text.indexOf(anchor);
  if (at < 0) return undefined;
  const first = text.slice(0, at).split('\n').length;
  return { first, last: first + anchor.split('\n').length - 1 };
}

/** Lines a place covers in `text`: from its start text through its end text (or the start's own lines). */
export function placeLines(text: string, place: DefectPlace): { first: number; last: number } | undefined {
  const start = anchorLines(text, place.start);
  if (!start) return undefined;
  if (place.end === undefined) return start;
  const lines = text.split('\n');
  for (let i = start.last; i < lines.length; i++) {
    if ((lines[i] as string).includes(place.end)) return { first: start.first, last: i + 1 };
  }
  return start;
}

/** Resolves every place of a defect against the current files (falling back to the originals). */
export function defectRegions(defect: Defect, fileText: (file: string) => string | undefined): { file: string; first: number; last: number }[] {
  return defect.places.flatMap((p) => {
    const text = fileText(p.file);
    const where = text === undefined ? undefined : placeLines(text, p);
    return where ? [{ file: p.file, ...where }] : [];
  });
}

function isNear(c: ReviewComment, regions: readonly { file: string; first: number; last: number }[]): boolean {
  return regions.some((r) => r.file === c.file && c.line >= r.first - NEAR_LINES && c.line <= r.last + NEAR_LINES);
}

/**
 * Judges a review against the planted defects. A comment identifies a defect when it sits at one
 * of the defect's places, asserts rather than dismisses, says enough to be a claim, and expresses
 * every concept group of the defect's claim. `currentText` gives each file as the user has it now
 * (places are found by text, so edits elsewhere do not break judging).
 */
export function judgeReview(sample: WorkSample, comments: readonly ReviewComment[], currentText: (file: string) => string | undefined = () => undefined): ReviewJudgement {
  const original = new Map(sample.files.map((f) => [f.path, f.text]));
  const fileText = (f: string) => currentText(f) ?? original.get(f);
  const regions = new Map(
    sample.defects.map((d) => {
      const current = defectRegions(d, fileText);
      return [d.id, current.length ? current : defectRegions(d, (f) => original.get(f))] as const;
    }),
  );
  const verdicts: CommentVerdict[] = comments.map((c, index) => {
    const at = sample.defects.filter((d) => isNear(c, regions.get(d.id) ?? []));
    const rejected = rejectComment(c.text);
    const asserted = readStance(c.text).asserting.join('. ');
    const tokens = tokenize(asserted);
    const raw = normalize(asserted);
    const pairs = at.map((d): PairVerdict => {
      const evidence = rejected ? undefined : matchClaim(d.claim, tokens, raw);
      if (evidence) return { defectId: d.id, credited: true, evidence, missing: [] };
      const partial = groupsExpressed(d.claim, tokens, raw);
      return { defectId: d.id, credited: false, evidence: partial, missing: d.claim.map((g) => g.name).filter((n) => !partial.some((e) => e.group === n)) };
    });
    return { index, credited: pairs.filter((p) => p.credited).map((p) => p.defectId), ...(rejected ? { rejected } : {}), pairs };
  });
  return summarize(sample, verdicts);
}

/** Score, found and missed from per-comment verdicts (shared by the offline and the model judge). */
export function summarize(sample: WorkSample, verdicts: CommentVerdict[]): ReviewJudgement {
  const found: DefectMatch[] = [];
  const missed: Defect[] = [];
  for (const defect of sample.defects) {
    const credited = verdicts.filter((v) => v.credited.includes(defect.id));
    if (credited.length) {
      const first = credited[0]?.pairs.find((p) => p.defectId === defect.id);
      found.push({ defect, comments: credited.map((v) => v.index), evidence: first?.evidence ?? [] });
    } else missed.push(defect);
  }
  const weight = (d: Defect) => SEVERITY_WEIGHT[d.severity];
  const totalWeight = sample.defects.reduce((s, d) => s + weight(d), 0);
  const earnedWeight = found.reduce((s, m) => s + weight(m.defect), 0);
  return {
    score: totalWeight ? Math.round((earnedWeight / totalWeight) * 100) : 0,
    found,
    missed,
    comments: verdicts,
    unmatched: verdicts.filter((v) => v.credited.length === 0).map((v) => v.index),
    earnedWeight,
    totalWeight,
  };
}

/** Score once the user's own marks are applied: judged matches they accepted plus defects they claimed. */
export function scoreWithMarks(sample: WorkSample, judgedFound: readonly string[], marks: Readonly<Record<string, boolean>>): { score: number; judged: string[]; selfMarked: string[]; unmarked: string[] } {
  const judged = judgedFound.filter((id) => marks[id] !== false);
  const unmarked = judgedFound.filter((id) => marks[id] === false);
  const selfMarked = sample.defects.map((d) => d.id).filter((id) => marks[id] === true && !judgedFound.includes(id));
  const credited = new Set([...judged, ...selfMarked]);
  const weight = (d: Defect) => SEVERITY_WEIGHT[d.severity];
  const total = sample.defects.reduce((s, d) => s + weight(d), 0);
  const earned = sample.defects.filter((d) => credited.has(d.id)).reduce((s, d) => s + weight(d), 0);
  return { score: total ? Math.round((earned / total) * 100) : 0, judged, selfMarked, unmarked };
}
