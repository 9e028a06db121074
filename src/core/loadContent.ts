import { basename, join } from 'node:path';
import { stripChecks, verifyChecks } from './checkedNumbers';
import { ContentParseError, type ContentError } from './contentError';
import { ContentReader } from './contentReader';
import { parseQuestion } from './parseQuestion';
import { parseTopic } from './parseTopic';
import { parseWorkSampleDoc } from './parseWorkSample';
import { loadStaffContent } from './loadStaffContent';
import { CONTENT_BUNDLE_VERSION, idSchema, type ContentBundle, type Question, type SampleFile, type Topic, type WorkSample } from './schema';

export { MAX_FILE_BYTES } from './contentReader';

export interface LoadResult {
  readonly bundle: ContentBundle;
  readonly errors: ContentError[];
}

export interface LoadOptions {
  /** Topics that exist outside `root` (a team pack may put questions under the bundled topics, but not redefine them). */
  readonly knownTopics?: readonly Topic[];
  /** Ids that already exist outside `root` and may be named by `related`/`parent`. No item of `root` may take them. */
  readonly knownIds?: ReadonlySet<string>;
}

/** Where an id is already used: a file of this folder, or content outside it. */
type Owners = Map<string, string>;
const OUTSIDE = '';

/**
 * Loads a content folder (the bundled bank or a team pack). Every problem becomes a ContentError
 * naming file and line; the item at fault is left out and everything else still loads.
 *
 * One namespace: every id (topic, question, follow-up, work sample, case study, design loop) is
 * unique across this folder and everything in `options`; an item that takes an id already in use
 * is an error at its file and is not loaded, so nothing a pack adds can change what an existing
 * id opens. Files are read only inside `root` (see ContentReader).
 */
export function loadContentDir(root: string, options: LoadOptions = {}): LoadResult {
  const errors: ContentError[] = [];
  const fs = new ContentReader(root, errors);
  if (fs.realRoot === undefined) errors.push({ file: root, line: 1, message: 'content folder not found' });
  const fail = (file: string, e: unknown) => {
    if (e instanceof ContentParseError) errors.push({ file, line: e.line, message: e.message });
    else errors.push({ file, line: 1, message: e instanceof Error ? e.message : String(e) });
  };
  const read = (file: string): string | undefined => {
    const text = fs.read(file);
    if (text === undefined || !file.endsWith('.md')) return text;
    // Checked numbers (<!-- check: 2 * 3 = 6 -->): verified here, then removed so no reader sees them.
    for (const p of verifyChecks(text).problems) errors.push({ file, line: p.line, message: p.message });
    return stripChecks(text);
  };
  const owners: Owners = new Map();
  for (const t of options.knownTopics ?? []) owners.set(t.id, OUTSIDE);
  for (const id of options.knownIds ?? []) owners.set(id, OUTSIDE);
  const knownTopicIds = new Set((options.knownTopics ?? []).map((t) => t.id));
  /** Takes `id` for `file`, or reports the clash at file:line and returns false. */
  const claim = (id: string, file: string, line = 1): boolean => {
    const owner = owners.get(id);
    if (owner === undefined) {
      owners.set(id, file);
      return true;
    }
    errors.push({
      file,
      line,
      message:
        owner === OUTSIDE
          ? knownTopicIds.has(id) && file.endsWith(join('topics', `${id}.md`))
            ? `topic "${id}" already exists (bundled or in another pack): put questions in questions/${id}/ without a topics/${id}.md`
            : `duplicate id "${id}": already used by the bundled content or another pack (ids are unique across all content); not loaded`
          : `duplicate id "${id}" (also ${owner}); not loaded`,
    });
    return false;
  };

  const topics: Topic[] = [];
  for (const file of fs.markdownFiles(join(root, 'topics'))) {
    const id = basename(file, '.md');
    if (!checkId(id, file, errors)) continue;
    const text = read(file);
    if (text === undefined) continue;
    try {
      const topic = parseTopic(text, id, file);
      if (claim(id, file)) topics.push(topic);
    } catch (e) {
      fail(file, e);
    }
  }
  const topicIds = new Set([...topics.map((t) => t.id), ...knownTopicIds]);

  const parsed: { q: Question; lines: Record<string, number> }[] = [];
  const questionsDir = join(root, 'questions');
  for (const topicDir of fs.dirs(questionsDir)) {
    const topic = basename(topicDir);
    for (const file of fs.markdownFiles(topicDir)) {
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
  for (const dir of fs.dirs(join(root, 'work-samples'))) {
    const sample = loadWorkSample(dir, topicIds, errors, read, fs);
    if (sample && claim(sample.id, sample.source.file)) workSamples.push(sample);
  }

  const knownIds = options.knownIds ?? new Set<string>();
  const questions = linkQuestions(parsed, workSamples, knownIds, claim, errors);
  // Case studies and design loops (src/core/loadStaffContent.ts): ids unique across all content.
  const { caseStudies, designLoops } = loadStaffContent(
    root,
    { topicIds, questionIds: new Set([...questions.map((q) => q.id), ...knownIds]), takenIds: new Set([...workSamples.map((w) => w.id), ...knownIds]), claim },
    errors,
    read,
    fs,
  );
  topics.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return { bundle: { version: CONTENT_BUNDLE_VERSION, topics, questions, workSamples, caseStudies, designLoops }, errors };
}

/** Cross-file checks: unique ids, parents that exist, related links that resolve. */
function linkQuestions(
  parsed: { q: Question; lines: Record<string, number> }[],
  workSamples: WorkSample[],
  knownIds: ReadonlySet<string>,
  claim: (id: string, file: string) => boolean,
  errors: ContentError[],
): Question[] {
  const byId = new Map<string, { q: Question; lines: Record<string, number> }>();
  const sampleIds = new Set(workSamples.map((w) => w.id));
  for (const p of parsed) if (claim(p.q.id, p.q.source.file)) byId.set(p.q.id, p);
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
  fs: ContentReader,
): WorkSample | undefined {
  const id = basename(dir);
  const docFile = join(dir, 'sample.md');
  if (!checkId(id, dir, errors)) return undefined;
  const tree = (d: string) => readTree(d, read, fs);
  if (!fs.exists(docFile)) {
    errors.push({ file: dir, line: 1, message: 'a work-sample folder needs a sample.md' });
    return undefined;
  }
  const text = read(docFile);
  if (text === undefined) return undefined;
  try {
    const doc = parseWorkSampleDoc(text, docFile);
    const at = (key: string) => doc.headerLines[key] ?? 1;
    if (!topicIds.has(doc.topic)) throw new ContentParseError(at('topic'), `topic "${doc.topic}" does not exist`);
    const files = tree(join(dir, 'files'));
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
    const reference = tree(join(dir, 'reference'));
    const checks = tree(join(dir, 'checks'));
    const mutants: Record<string, SampleFile[]> = {};
    for (const mdir of fs.dirs(join(dir, 'mutants'))) {
      const defectId = basename(mdir);
      const defect = doc.defects.find((d) => d.id === defectId);
      if (!defect) throw new ContentParseError(1, `mutants/${defectId} names no defect in # Defects`);
      mutants[defectId] = tree(mdir);
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

/** Every file under `dir`, as paths relative to it with forward slashes (only inside the content root). */
function readTree(dir: string, read: (file: string) => string | undefined, fs: ContentReader): SampleFile[] {
  const out: SampleFile[] = [];
  for (const { rel, path } of fs.tree(dir)) {
    const text = read(path);
    if (text !== undefined) out.push({ path: rel, text });
  }
  return out;
}
