/**
 * The plain-Node half of `npm run bench` (bundled by scripts/bench.mjs into bench/tmp/nodeBench.cjs,
 * run as `node --expose-gc bench/tmp/nodeBench.cjs <repoRoot> <out.json> [content.json]`):
 * content load + validation, the markdown loader, the generated 10k pack, and per-keystroke search
 * latency with the real QuestionSearch against a naive substring scan.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch, { type SearchOptions } from 'minisearch';
import { loadContentDir } from '../src/core/loadContent';
import { contentBundleSchema, type ContentBundle } from '../src/core/schema';
import { QuestionSearch } from '../src/core/search';
import { processTerm, tokenize } from '../src/core/searchText';
import { ContentService } from '../src/extension/contentService';
import { generatePack } from './generatePack';
import { keystrokes, QUERIES } from './queries';

const [root = process.cwd(), outFile = join(root, 'bench', 'tmp', 'node-results.json'), bundledArg] = process.argv.slice(2);
const tmp = join(root, 'bench', 'tmp');
mkdirSync(tmp, { recursive: true });
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

export interface Stats {
  n: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  return { n: s.length, min: round(s[0] ?? NaN, 3), p50: round(at(0.5), 3), p95: round(at(0.95), 3), max: round(s[s.length - 1] ?? NaN, 3), mean: round(s.reduce((a, b) => a + b, 0) / s.length, 3) };
}
function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}
async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}
const log = (...a: unknown[]) => console.log('[bench:node]', ...a);

/** The extension's own load path (ContentService: readFile + JSON.parse + zod + lookup maps), first call and warm repeats. */
async function contentLoad(path: string, repeats: number) {
  const samples: number[] = [];
  let questions = 0;
  for (let i = 0; i < repeats; i++) {
    const [snap, ms] = await timeAsync(() => new ContentService(path).get());
    if (snap.errors.length) throw new Error(`${path}: ${snap.errors[0]?.message}`);
    questions = snap.bundle.questions.length;
    samples.push(ms);
  }
  // Where the time goes, once warm: read, JSON.parse, zod.
  const [text, readMs] = time(() => readFileSync(path, 'utf8'));
  const [json, parseMs] = time(() => JSON.parse(text) as unknown);
  const [, zodMs] = time(() => contentBundleSchema.parse(json));
  return { firstMs: round(samples[0] ?? NaN), warm: stats(samples.slice(1)), questions, bytes: Buffer.byteLength(text), breakdownWarmMs: { read: round(readMs), jsonParse: round(parseMs), zod: round(zodMs) } };
}

/**
 * The engine QuestionSearch used before its own index: MiniSearch over the same five fields with the
 * same options, for the option profile below (what each option costs in MiniSearch at 10k).
 */
function miniSearchIndex(bundle: ContentBundle): MiniSearch {
  const topicTitle = new Map(bundle.topics.map((t) => [t.id, t.title]));
  const index = new MiniSearch({
    fields: ['title', 'aliases', 'tags', 'prompt', 'topicTitle'],
    tokenize,
    processTerm,
    searchOptions: { boost: { title: 4, aliases: 2.5, tags: 2, topicTitle: 1, prompt: 1 }, prefix: (t: string) => t.length > 2, fuzzy: (t: string) => (t.length > 4 ? 0.2 : false), maxFuzzy: 2, combineWith: 'OR', weights: { fuzzy: 0.3, prefix: 0.5 } },
  });
  index.addAll(bundle.questions.map((q) => ({ id: q.id, title: q.title, aliases: q.aliases.join(' \n '), tags: q.tags.join(' '), prompt: q.prompt, topicTitle: topicTitle.get(q.topic) ?? q.topic })));
  return index;
}

/** Every keystroke of every query: `passes` measured passes after `warmup` unmeasured ones. */
function typeQueries(search: (q: string) => unknown, passes: number, warmup: number) {
  const keys = keystrokes();
  const cold: number[] = [];
  const samples: number[] = [];
  // CPU time of this process per keystroke: unlike wall time, not inflated when other processes take the CPU.
  const cpu: number[] = [];
  const worst: { query: string; ms: number }[] = [];
  for (let p = 0; p < warmup + passes; p++) {
    for (const k of keys) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      search(k);
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (p === 0) cold.push(ms);
      if (p >= warmup) {
        samples.push(ms);
        cpu.push((c.user + c.system) / 1000);
        worst.push({ query: k, ms: round(ms, 3) });
      }
    }
  }
  worst.sort((a, b) => b.ms - a.ms);
  return { keystrokes: keys.length, ...stats(samples), cpu: stats(cpu), coldPass: stats(cold), worst: worst.slice(0, 10) };
}

async function searchBench(bundle: ContentBundle, builds: number, passes: number) {
  const buildMs: number[] = [];
  let index: QuestionSearch | undefined;
  for (let i = 0; i < builds; i++) {
    index = undefined;
    gc();
    const [s, ms] = time(() => new QuestionSearch(bundle));
    buildMs.push(ms);
    index = s;
  }
  if (!index) throw new Error('no index');
  const qs = index;
  // Answers are indexed in the background after the first search; measure keystrokes with them
  // searchable (the steady state, and the slower one), and report how long that build took.
  const [answers, answersMs] = await timeAsync(() => qs.prepareAnswers());
  void answers;
  const result = typeQueries((q) => qs.search(q), passes, 1);
  const hits = QUERIES.map((q) => ({ query: q, hits: qs.search(q).length, top: qs.search(q, 1)[0]?.title ?? null }));
  return { index: qs, documents: qs.documentCount, buildMs: { first: round(buildMs[0] ?? NaN), ...stats(buildMs) }, answersBuildMs: round(answersMs), search: result, hits };
}

/** Which search option costs what in MiniSearch (the former engine, same fields and options), per-call option overrides. */
function optionProfile(bundle: ContentBundle, passes: number) {
  const idx = miniSearchIndex(bundle);
  const variants: Record<string, SearchOptions> = {
    'as shipped (5 fields, OR, prefix > 2 chars, fuzzy 0.2 > 4 chars)': {},
    'no fuzzy': { fuzzy: false },
    'no prefix': { prefix: false },
    'no fuzzy, no prefix': { fuzzy: false, prefix: false },
    'prefix only > 3 chars': { prefix: (t: string) => t.length > 3 },
    'without prompt field': { fields: ['title', 'aliases', 'tags', 'topicTitle'] },
    'title + tags + topic only': { fields: ['title', 'tags', 'topicTitle'] },
    'AND instead of OR': { combineWith: 'AND' },
    'without prompt field, AND': { fields: ['title', 'aliases', 'tags', 'topicTitle'], combineWith: 'AND' },
    'title + tags + topic only, AND': { fields: ['title', 'tags', 'topicTitle'], combineWith: 'AND' },
  };
  const out: Record<string, { p50: number; p95: number; max: number; cpuP95: number; avgResults: number }> = {};
  for (const [name, opts] of Object.entries(variants)) {
    let results = 0;
    const r = typeQueries(
      (q) => {
        const all = idx.search(q, opts);
        results += all.length;
        return all.slice(0, 20);
      },
      passes,
      0,
    );
    out[name] = { p50: r.p50, p95: r.p95, max: r.max, cpuP95: r.cpu.p95, avgResults: Math.round(results / (r.keystrokes * passes)) };
  }
  return out;
}

/** Baseline: lowercase substring scan of the whole query over title + tags + prompt + answer (haystacks prepared once). */
function naiveBench(bundle: ContentBundle, passes: number) {
  const [hay, prepMs] = time(() => bundle.questions.map((q) => [q.title, q.tags.join(' '), q.prompt, q.answer].join('\n').toLowerCase()));
  const search = (query: string) => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const hits: number[] = [];
    for (let i = 0; i < hay.length; i++) if (hay[i]?.includes(q)) hits.push(i);
    return hits.slice(0, 20);
  };
  return { prepMs: round(prepMs), search: typeQueries(search, passes, 1) };
}

async function main() {
  const bundledPath = bundledArg ?? join(root, 'dist', 'content.json');
  const packPath = join(tmp, 'pack10k.json');
  const heap = () => process.memoryUsage().heapUsed / 2 ** 20;

  log('content load (bundled)…');
  const loadBundled = await contentLoad(bundledPath, 4);

  log('generating the 10k pack…');
  const bank = contentBundleSchema.parse(JSON.parse(readFileSync(bundledPath, 'utf8')));
  const [pack, genMs] = time(() => generatePack(bank, 10_000));
  const packJson = JSON.stringify(pack);
  writeFileSync(packPath, packJson);
  const answerWords = pack.questions.reduce((n, q) => n + q.answer.split(/\s+/).length, 0) / pack.questions.length;

  log('content load (10k)…');
  const load10k = await contentLoad(packPath, 2);

  log('markdown loader (content/)…');
  const parseSamples: number[] = [];
  let parsedQuestions = 0;
  let parseErrors = 0;
  for (let i = 0; i < 3; i++) {
    const [r, ms] = time(() => loadContentDir(join(root, 'content')));
    parseSamples.push(ms);
    parsedQuestions = r.bundle.questions.length;
    parseErrors = r.errors.length;
  }

  log('search (bundled)…');
  const sBundled = await searchBench(bank, 3, 3);
  const naiveBundled = naiveBench(bank, 3);

  log('search (10k)…');
  gc();
  const heapBefore = heap();
  const s10k = await searchBench(pack, 1, 2);
  gc();
  const indexHeapMb = heap() - heapBefore;
  log('naive scan (10k)…');
  const naive10k = naiveBench(pack, 1);
  log('option profile (10k)…');
  const profile10k = optionProfile(pack, 1);

  const result = {
    contentLoad: { bundled: loadBundled, pack10k: load10k },
    contentParse: { bundled: { firstMs: round(parseSamples[0] ?? NaN), warm: stats(parseSamples.slice(1)), questions: parsedQuestions, errors: parseErrors } },
    pack10k: { questions: pack.questions.length, bytes: Buffer.byteLength(packJson), generateMs: round(genMs), answerWordsMean: round(answerWords, 1), seed: '0x5eed2026' },
    search: {
      queries: QUERIES,
      bundled: { documents: sBundled.documents, buildMs: sBundled.buildMs, answersBuildMs: sBundled.answersBuildMs, ...sBundled.search, hits: sBundled.hits, naive: naiveBundled },
      pack10k: { documents: s10k.documents, buildMs: s10k.buildMs, answersBuildMs: s10k.answersBuildMs, indexHeapMb: round(indexHeapMb, 1), ...s10k.search, hits: s10k.hits, naive: naive10k, optionProfile: profile10k },
    },
  };
  writeFileSync(outFile, JSON.stringify(result, null, 1));
  log('done');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
