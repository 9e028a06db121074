import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { draftCorpusSchema, evaluateDrafts, evaluateReviews, pct, reviewCorpusSchema, type Rate } from '../core/judge/evaluate';
import { judgeReview } from '../core/judge/reviewJudge';
import { formatContentError } from '../core/contentError';
import { loadContentDir } from '../core/loadContent';
import { QuestionSearch } from '../core/search';
import { contentStats, rawContentMarkdown } from '../core/stats';
import { checkDiagramsInDir, createDiagramRenderer, renderBundleDiagrams } from '../build/diagramSvg';

const USAGE = `usage: npm run content -- <command>
  check [dir]                 validate a content folder (default: content); errors as file:line: message
  stats [dir] [--json]        count topics, questions, follow-ups and work samples
  search "<query>" [--json] [--dir dir]   the top 10 matches
  build [dir] [out]           validate, render dot diagrams to SVG, write the bundle the extension loads (default: dist/content.json)
  judge-review --sample ID --comments FILE [--json] [--dir dir]
                              judge review comments (a JSON array of { file, line, text }) with the offline judge
  judge-eval [--json] [--corpus dir] [--dir dir]
                              measure the judges on the labelled corpora (default: test/fixtures/judge)`;

const commentsFileSchema = z.array(z.object({ file: z.string(), line: z.number().int().positive(), text: z.string() }));

function judgeReviewCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { sample: { type: 'string' }, comments: { type: 'string' }, json: { type: 'boolean' }, dir: { type: 'string' } }, allowPositionals: true });
  if (!values.sample || !values.comments) {
    console.error(USAGE);
    return 2;
  }
  const { bundle } = loadContentDir(values.dir ?? 'content');
  const sample = bundle.workSamples.find((w) => w.id === values.sample);
  if (!sample) {
    console.error(`no work sample "${values.sample}"`);
    return 2;
  }
  const parsed = commentsFileSchema.safeParse(JSON.parse(readFileSync(values.comments, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`${values.comments}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    return 2;
  }
  const j = judgeReview(sample, parsed.data);
  if (values.json) {
    console.log(JSON.stringify({ comments: j.comments.map((c) => ({ index: c.index, credited: c.credited, ...(c.rejected ? { rejected: c.rejected } : {}) })), score: Math.round(j.earnedWeight * 100 / (j.totalWeight || 1)) / 100 }));
  } else {
    for (const c of j.comments) console.log(`#${c.index}: ${c.credited.join(', ') || '—'}${c.rejected ? ` (${c.rejected})` : ''}`);
    console.log(`score ${j.score}%`);
  }
  return 0;
}

function judgeEvalCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, corpus: { type: 'string' }, dir: { type: 'string' }, misses: { type: 'boolean' } }, allowPositionals: true });
  const root = values.corpus ?? 'test/fixtures/judge';
  const { bundle } = loadContentDir(values.dir ?? 'content');
  const reviewDir = join(root, 'reviews');
  const corpora = readdirSync(reviewDir).filter((f) => f.endsWith('.json')).sort().map((f) => reviewCorpusSchema.parse(JSON.parse(readFileSync(join(reviewDir, f), 'utf8'))));
  const reviews = evaluateReviews(corpora, bundle.workSamples);
  let drafts: ReturnType<typeof evaluateDrafts> | undefined;
  try {
    drafts = evaluateDrafts(draftCorpusSchema.parse(JSON.parse(readFileSync(join(root, 'drafts.json'), 'utf8'))));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (values.json) {
    const { misses: _misses, ...rest } = reviews;
    console.log(JSON.stringify({ reviews: values.misses ? reviews : rest, drafts }, null, 2));
    return 0;
  }
  const line = (label: string, r: Rate) => console.log(`${label.padEnd(44)} ${String(r.hit).padStart(4)} / ${String(r.of).padEnd(4)} ${pct(r)}%`);
  console.log(`review judge: ${corpora.reduce((n, c) => n + c.comments.length, 0)} comments over ${corpora.length} samples`);
  line('correct comments credited', reviews.correct);
  line('wrong/vague/dismissive/unplanted credited', reviews.falseCredit);
  line('keyword-only comments credited', reviews.keywords);
  line('comments credited beyond what they state', reviews.overCredit);
  for (const [k, r] of Object.entries(reviews.byStyle)) line(`  correct, style ${k}`, r);
  for (const [k, r] of Object.entries(reviews.byPlacement)) line(`  correct, placement ${k}`, r);
  for (const [k, r] of Object.entries(reviews.byLabel)) if (k !== 'correct') line(`  ${k} credited`, r);
  if (values.misses) for (const m of reviews.misses) console.log(`  MISS [${m.sample}] ${m.label} expected=${m.expected.join(',')} got=${m.credited.join(',')}${m.rejected ? ` (${m.rejected})` : ''}: ${m.text}`);
  if (drafts) {
    console.log('key-point hints:');
    line('key points a grader ticked, lit', drafts.covered);
    line('key points absent, lit', drafts.falseCredit);
    line('key points contradicted, lit', drafts.contradicted);
    line('points lit in keyword/off-topic/dismissive', drafts.noClaimDrafts);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'judge-review') return judgeReviewCommand(argv.slice(1));
  if (argv[0] === 'judge-eval') return judgeEvalCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' }, dir: { type: 'string' } }, allowPositionals: true });
  } catch (e) {
    // parseArgs names the offending option (unknown flag, --dir without a value).
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const json = parsed.values.json === true;
  const dirOpt = parsed.values.dir;
  const [command, ...rest] = parsed.positionals;
  switch (command) {
    case 'check': {
      const dir = rest[0] ?? 'content';
      const { bundle, errors } = loadContentDir(dir);
      const diagrams = checkDiagramsInDir(dir, await createDiagramRenderer());
      errors.push(...diagrams.errors);
      for (const e of errors) console.error(formatContentError(e));
      const s = contentStats(bundle);
      const summary = `${s.questions} questions, ${s.followUps} follow-ups, ${s.workSamples} work samples in ${s.topics.length} topics`;
      if (errors.length) {
        console.error(`${errors.length} error(s); ${summary} loaded`);
        return 1;
      }
      console.log(`ok: ${summary}`);
      return 0;
    }
    case 'stats': {
      const { bundle, errors } = loadContentDir(rest[0] ?? 'content');
      const s = contentStats(bundle, rawContentMarkdown(rest[0] ?? 'content'));
      if (json) console.log(JSON.stringify(s));
      else {
        for (const t of s.topics) console.log(`${t.title.padEnd(36)} ${t.questions}`);
        console.log(`questions ${s.questions}, follow-ups ${s.followUps}, work samples ${s.workSamples} (${s.runnableWorkSamples} runnable)`);
        console.log(`case studies ${s.caseStudies}, design loops ${s.designLoops}, staff items ${s.staffItems}, senior-vs-staff sections ${s.staffSections}, main questions without follow-ups ${s.mainQuestionsWithoutFollowUps}, diagrams ${s.diagrams}, checked numbers ${s.checkedNumbers}`);
      }
      if (errors.length) console.error(`${errors.length} content error(s): run "npm run content -- check"`);
      return 0;
    }
    case 'search': {
      const query = rest.join(' ');
      if (!query) {
        console.error(USAGE);
        return 2;
      }
      const { bundle } = loadContentDir(dirOpt ?? 'content');
      const hits = new QuestionSearch(bundle).search(query, 10);
      if (json) console.log(JSON.stringify(hits.map(({ id, kind, title, topic, tags, score }) => ({ id, kind, title, topic, tags, score }))));
      else for (const h of hits) console.log(`${h.score.toFixed(2).padStart(7)}  ${h.id}  (${h.topic}, ${h.difficulty})  ${h.title}`);
      return 0;
    }
    case 'build': {
      const dir = rest[0] ?? 'content';
      const out = resolve(rest[1] ?? 'dist/content.json');
      const { bundle, errors } = loadContentDir(dir);
      const renderer = await createDiagramRenderer();
      errors.push(...checkDiagramsInDir(dir, renderer).errors);
      for (const e of errors) console.error(formatContentError(e));
      if (errors.length) {
        console.error(`content build failed: ${errors.length} error(s)`);
        return 1;
      }
      // Every ```dot fence in any Markdown of the bundle, rendered to sanitized SVG (build time only).
      const rendered = renderBundleDiagrams(bundle, renderer);
      for (const f of rendered.failed) console.error(`diagram failed to render: ${f.errors[0]?.message ?? ''}\n${f.source}`);
      if (rendered.failed.length) return 1;
      if (Object.keys(rendered.diagrams).length) bundle.diagrams = rendered.diagrams;
      // Paths in the bundle are relative to the content folder, never the builder's machine.
      const rel = (f: string) => f.replace(/\\/g, '/').replace(/^.*?\/?(?=(topics|questions|work-samples)\/)/, '');
      for (const q of bundle.questions) q.source.file = rel(q.source.file);
      for (const t of bundle.topics) t.source.file = rel(t.source.file);
      for (const w of bundle.workSamples) w.source.file = rel(w.source.file);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(bundle));
      const s = contentStats(bundle);
      console.log(`content: ${s.questions} questions, ${s.followUps} follow-ups, ${s.workSamples} work samples, ${Object.keys(rendered.diagrams).length} diagrams → ${out}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  },
);
