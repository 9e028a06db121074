import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { stripChecks, verifyChecks } from './checkedNumbers';
import { ContentParseError, type ContentError } from './contentError';
import { parseQuestion } from './parseQuestion';
import { parseTopic } from './parseTopic';
import { parseWorkSampleDoc } from './parseWorkSample';
import { loadStaffContent } from './loadStaffContent';
import { CONTENT_BUNDLE_VERSION, idSchema, type ContentBundle, type Question, type SampleFile, type Topic, type WorkSample } from './schema';

export interface LoadResult {
  readonly bundle: ContentBundle;
  readonly errors: ContentError[];
}

export interface LoadOptions {
  /** Topics that exist outside `root` (a team pack may put questions under the bundled topics). */
  readonly knownTopics?: readonly Topic[];
  /** Ids that already exist outside `root` and may be named by `related`/`parent`. */
  readonly knownIds?: ReadonlySet<string>;
}

const MAX_FILE_BYTES = 512 * 1024;

/**
 * Loads a content folder (the bundled bank or a team pack). Every problem becomes a ContentError
 * naming file and line; the item at fault is left out and everything else still loads.
 */
export function loadContentDir(root: string, options: LoadOptions = {}): LoadResult {
  const errors: ContentError[] = [];
  const fail = (file: string, e: unknown) => {
    if (e instanceof ContentParseError) errors.push({ file, line: e.line, message: e.message });
    else errors.push({ file, line: 1, message: e instanceof Error ? e.message : String(e) });
  };
  const read = (file: string): string | undefined => {
    try {
      if (statSync(file).size > MAX_FILE_BYTES) throw new Error(`file is larger than ${MAX_FILE_BYTES / 1024} KiB`);
      const text = readFileSync(file, 'utf8');
      if (!file.endsWith('.md')) return text;
      // Checked numbers (<!-- check: 2 * 3 = 6 -->): verified here, then removed so no reader sees them.
      for (const p of verifyChecks(text).problems) errors.push({ file, line: p.line, message: p.message });
      return stripChecks(text);
    } catch (e) {
      fail(file, e);
      return undefined;
    }
  };

  const topics: Topic[] = [];
  for (const file of markdownFiles(join(root, 'topics'))) {
    const id = basename(file, '.md');
    if (!checkId(id, file, errors)) continue;
    const text = read(file);
    if (text === undefined) continue;
    try {
      topics.push(parseTopic(text, id, file));
    } catch (e) {
      fail(file, e);
    }
  }
  const topicIds = new Set([...topics, ...(options.knownTopics ?? [])].map((t) => t.id));

  const parsed: { q: Question; lines: Record<string, number> }[] = [];
  const questionsDir = join(root, 'questions');
  for (const topicDir of subdirs(questionsDir)) {
    const topic = basename(topicDir);
    for (const file of markdownFiles(topicDir)) {
      const id = basename(file, '.md');
      if (!checkId(id, file, errors)) continue;
      if (!topicIds.has(topic)) {
        errors.push({ file, line: 1, message: `folder "${topic}" is not a topic: add topics/${topic}.md` });
        continue;
      }
      const text = read(file);
      if (text === undefined) continue;
      try {
        const { question, headerLines } = parseQuestion(text, id, topic, file);
        parsed.push({ q: question, lines: headerLines });
      } catch (e) {
        fail(file, e);
      }
    }
  }

  const workSamples: WorkSample[] = [];
  for (const dir of subdirs(join(root, 'work-samples'))) {
    const sample = loadWorkSample(dir, topicIds, errors, read);
    if (sample) workSamples.push(sample);
  }

  const questions = linkQuestions(parsed, workSamples, options.knownIds ?? new Set(), errors);
  const knownIds = options.knownIds ?? new Set<string>();
  // Case studies and design loops (src/core/loadStaffContent.ts): ids unique across all content.
  const { caseStudies, designLoops } = loadStaffContent(
    root,
    { topicIds, questionIds: new Set([...questions.map((q) => q.id), ...knownIds]), takenIds: new Set([...workSamples.map((w) => w.id), ...knownIds]) },
    errors,
    read,
  );
  topics.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return { bundle: { version: CONTENT_BUNDLE_VERSION, topics, questions, workSamples, caseStudies, designLoops }, errors };
}

/** Cross-file checks: unique ids, parents that exist, related links that resolve. */
function linkQuestions(
  parsed: { q: Question; lines: Record<string, number> }[],
  workSamples: WorkSample[],
  knownIds: ReadonlySet<string>,
  errors: ContentError[],
): Question[] {
  const byId = new Map<string, { q: Question; lines: Record<string, number> }>();
  const sampleIds = new Set(workSamples.map((w) => w.id));
  for (const p of parsed) {
    const dup = byId.get(p.q.id);
    if (dup || sampleIds.has(p.q.id) || knownIds.has(p.q.id)) {
      errors.push({ file: p.q.source.file, line: 1, message: `duplicate id "${p.q.id}" (also ${dup ? dup.q.source.file : 'used elsewhere'})` });
      continue;
    }
    byId.set(p.q.id, p);
  }
  // Follow-ups whose parent is missing are dropped; so are cycles (a → b → a).
  const accepted = new Map<string, Question>();
  const parentOk = (q: Question, depth = 0): boolean => {
    if (!q.parent) return true;
    if (depth > 10) return false;
    const parent = byId.get(q.parent)?.q;
    if (parent) return parentOk(parent, depth + 1);
    return knownIds.has(q.parent);
  };
  for (const { q, lines } of byId.values()) {
    if (!parentOk(q)) {
      errors.push({ file: q.source.file, line: lines.parent ?? 1, message: `parent "${q.parent}" does not exist (or forms a cycle)` });
      continue;
    }
    accepted.set(q.id, q);
  }
  const linkable = (id: string) => accepted.has(id) || sampleIds.has(id) || knownIds.has(id);
  for (const q of accepted.values()) {
    const lines = byId.get(q.id)?.lines ?? {};
    const missing = q.related.filter((r) => !linkable(r));
    for (const r of missing) errors.push({ file: q.source.file, line: lines.related ?? 1, message: `related "${r}" does not exist` });
    if (missing.length) q.related = q.related.filter(linkable);
  }
  return [...accepted.values()].sort((a, b) => a.source.file.localeCompare(b.source.file));
}

function loadWorkSample(
  dir: string,
  topicIds: ReadonlySet<string>,
  errors: ContentError[],
  read: (file: string) => string | undefined,
): WorkSample | undefined {
  const id = basename(dir);
  const docFile = join(dir, 'sample.md');
  if (!checkId(id, dir, errors)) return undefined;
  if (!existsSync(docFile)) {
    errors.push({ file: dir, line: 1, message: 'a work-sample folder needs a sample.md' });
    return undefined;
  }
  const text = read(docFile);
  if (text === undefined) return undefined;
  try {
    const doc = parseWorkSampleDoc(text, docFile);
    const at = (key: string) => doc.headerLines[key] ?? 1;
    if (!topicIds.has(doc.topic)) throw new ContentParseError(at('topic'), `topic "${doc.topic}" does not exist`);
    const files = readTree(join(dir, 'files'), read);
    if (files.length === 0) throw new ContentParseError(1, 'files/ is empty: a work sample needs files to review');
    const fileText = new Map(files.map((f) => [f.path, f.text]));
    for (const d of doc.defects) {
      const src = fileText.get(d.file);
      if (src === undefined) throw new ContentParseError(d.line, `defect "${d.id}": file "${d.file}" is not in files/`);
      const count = occurrences(src, d.anchor);
      if (count !== 1) throw new ContentParseError(d.line, `defect "${d.id}": anchor must occur exactly once in ${d.file}, found ${count} times`);
      for (const p of d.places.slice(1)) {
        const ptext = fileText.get(p.file);
        if (ptext === undefined) throw new ContentParseError(d.line, `defect "${d.id}" ### Where: file "${p.file}" is not in files/`);
        if (!ptext.includes(p.start)) throw new ContentParseError(d.line, `defect "${d.id}" ### Where: "${p.start}" is not in ${p.file}`);
        if (p.end !== undefined && !ptext.slice(ptext.indexOf(p.start)).includes(p.end)) throw new ContentParseError(d.line, `defect "${d.id}" ### Where: end text "${p.end}" does not follow "${p.start}" in ${p.file}`);
      }
    }
    const open = doc.open ?? files.filter((f) => !f.path.endsWith('.test.js')).map((f) => f.path).slice(0, 3);
    for (const o of open) if (!fileText.has(o)) throw new ContentParseError(at('open'), `"open" names ${o}, which is not in files/`);
    const reference = readTree(join(dir, 'reference'), read);
    const checks = readTree(join(dir, 'checks'), read);
    const mutants: Record<string, SampleFile[]> = {};
    for (const mdir of subdirs(join(dir, 'mutants'))) {
      const defectId = basename(mdir);
      const defect = doc.defects.find((d) => d.id === defectId);
      if (!defect) throw new ContentParseError(1, `mutants/${defectId} names no defect in # Defects`);
      mutants[defectId] = readTree(mdir, read);
    }
    if (doc.runnable) {
      const testFile = doc.testFile ?? '';
      if (!fileText.has(testFile)) throw new ContentParseError(at('test-file'), `test-file "${testFile}" is not in files/`);
      if (reference.length === 0) throw new ContentParseError(at('runnable'), 'a runnable sample needs the fixed implementation in reference/');
      if (checks.length === 0) throw new ContentParseError(at('runnable'), 'a runnable sample needs tests in checks/');
      if (Object.keys(mutants).length === 0) throw new ContentParseError(at('runnable'), 'a runnable sample needs at least one mutant in mutants/<defect-id>/');
      for (const r of reference) if (!fileText.has(r.path)) throw new ContentParseError(at('runnable'), `reference/${r.path} has no counterpart in files/`);
      for (const [defectId, mfiles] of Object.entries(mutants)) {
        for (const m of mfiles) if (!reference.some((r) => r.path === m.path)) throw new ContentParseError(1, `mutants/${defectId}/${m.path} has no counterpart in reference/`);
      }
    }
    return {
      id,
      topic: doc.topic,
      title: doc.title,
      difficulty: doc.difficulty,
      minutes: doc.minutes,
      tags: doc.tags,
      aliases: doc.aliases,
      runnable: doc.runnable,
      testFile: doc.testFile,
      open,
      prompt: doc.prompt,
      referenceReview: doc.referenceReview,
      defects: doc.defects.map((d) => ({ ...d, hasMutant: d.id in mutants })),
      files,
      reference,
      mutants,
      checks,
      source: { file: docFile, line: 1 },
    };
  } catch (e) {
    if (e instanceof ContentParseError) errors.push({ file: docFile, line: e.line, message: e.message });
    else errors.push({ file: docFile, line: 1, message: e instanceof Error ? e.message : String(e) });
    return undefined;
  }
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

function checkId(id: string, file: string, errors: ContentError[]): boolean {
  const r = idSchema.safeParse(id);
  if (!r.success) errors.push({ file, line: 1, message: `file name "${id}": ${r.error.issues[0]?.message ?? 'invalid id'}` });
  return r.success;
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => join(dir, e.name))
    .sort();
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(dir, e.name))
    .sort();
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
function readTree(dir: string, read: (file: string) => string | undefined): SampleFile[] {
  if (!existsSync(dir)) return [];
  const out: SampleFile[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const text = read(p);
        if (text !== undefined) out.push({ path: relative(dir, p).split(sep).join('/'), text });
      }
    }
  };
  walk(dir);
  return out;
}
