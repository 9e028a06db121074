import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { formatContentError, type ContentError } from '../../src/core/contentError';
import { loadContentDir, type LoadResult } from '../../src/core/loadContent';
import { contentWith, FIXTURE_CONTENT } from '../unit/helpers';
import { prng, type Rng } from '../prng';

/**
 * Content loader fuzzing. A team pack is written by hand (and sometimes by a merge gone wrong), so
 * whatever is in one file, the loader must not throw, must point at a real place in that file,
 * and must still load every other file. Deterministic: a seeded PRNG, so a failure names the seed
 * and case that reproduce it (FUZZ_SEED=<n> to try another seed).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_611);
const CASES_PER_QUESTION = 36;
const CASES_PER_TOPIC = 30;


const GARBAGE_STRINGS = [
  '\u0000',
  '\uFEFF',
  '\u200B\u200D\u2060',
  '\u202E', // right-to-left override
  '\u2028\u2029',
  '\uD800', // lone surrogate (becomes U+FFFD in UTF-8)
  'e\u0301\u0301\u0301', // stacked combining marks
  '🧪🔥👩‍💻',
  'Ω≈ç√∫˜µ≤≥÷',
  '\t\t\t',
  '\r',
  '\r\n',
  '\\',
  '`',
  '```',
  '<!--',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '| a | b |\n|---|---|',
  '---',
  '# ',
  '#',
  '- ',
  '  - ',
  ': :',
  '[',
  ']',
  '"',
  "'",
  '__proto__: {}',
  'constructor: x',
  'title: [',
  'minutes: NaN',
  'minutes: 1e308',
  'kind: follow-up',
  'parent: trace-sampling',
  'related: [' + 'a-b,'.repeat(40) + ']',
];

/** One mutation of a file's text; returns the new bytes and a description for failure messages. */
type Mutation = (text: string, rng: Rng) => { bytes: Buffer | string; what: string };

const lines = (t: string) => t.split('\n');
const join_ = (ls: string[]) => ls.join('\n');

const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    ls.splice(i, 1 + r.int(3));
    return { bytes: join_(ls), what: `delete lines from ${i + 1}` };
  },
  duplicateLine: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    ls.splice(i, 0, ...ls.slice(i, i + 1 + r.int(4)));
    return { bytes: join_(ls), what: `duplicate lines at ${i + 1}` };
  },
  swapLines: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    const j = r.int(ls.length);
    [ls[i], ls[j]] = [ls[j] as string, ls[i] as string];
    return { bytes: join_(ls), what: `swap lines ${i + 1} and ${j + 1}` };
  },
  truncateBytes: (t, r) => {
    const b = Buffer.from(t, 'utf8');
    const n = r.int(b.length + 1);
    return { bytes: b.subarray(0, n), what: `truncate to ${n} bytes` };
  },
  insertGarbageBytes: (t, r) => {
    const b = Buffer.from(t, 'utf8');
    const at = r.int(b.length + 1);
    const junk = Buffer.from(Array.from({ length: 1 + r.int(64) }, () => r.int(256)));
    return { bytes: Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]), what: `insert ${junk.length} random bytes at byte ${at}` };
  },
  insertGarbageText: (t, r) => {
    const at = r.int(t.length + 1);
    const g = r.pick(GARBAGE_STRINGS);
    return { bytes: t.slice(0, at) + g + t.slice(at), what: `insert ${JSON.stringify(g)} at char ${at}` };
  },
  breakHeader: (t, r) => {
    const ls = lines(t);
    const close = ls.indexOf('---', 1);
    const variants: [string, () => void][] = [
      ['drop the opening ---', () => ls.splice(0, 1)],
      ['drop the closing ---', () => close > 0 && ls.splice(close, 1)],
      ['drop both ---', () => ls.splice(0, close + 1, ...ls.slice(1, Math.max(1, close)))],
      ['opening -- ', () => (ls[0] = '--')],
      ['closing ----', () => close > 0 && (ls[close] = '----')],
      ['key without colon', () => ls.splice(1 + r.int(Math.max(1, close - 1)), 0, 'title A title with no colon')],
      ['duplicate first key', () => ls.splice(2, 0, ls[1] ?? '')],
      ['unknown key', () => ls.splice(1, 0, 'colour: red')],
      ['stray list item', () => ls.splice(1, 0, '  - orphan item')],
      ['unclosed inline list', () => ls.splice(1, 0, 'tags: [a, b')],
      ['uppercase key', () => ls.splice(1, 0, 'Title: X')],
      ['empty header', () => ls.splice(1, Math.max(0, close - 1))],
      ['prototype keys', () => ls.splice(1, 0, '__proto__: polluted', 'constructor: x', 'prototype: y')],
      ['header only', () => ls.splice(close + 1)],
      ['BOM + CRLF', () => ls.splice(0, ls.length, ...('\uFEFF' + join_(ls)).split('\n').map((l) => l + '\r'))],
    ];
    const [what, apply] = r.pick(variants);
    apply();
    return { bytes: join_(ls), what: `header: ${what}` };
  },
  listMarkers: (t, r) => {
    const marker = r.pick(['* ', '+ ', '1. ', '1) ', '-', '-\t', '  - ', '    - ', '• ', '> - ', '- [ ] ']);
    const all = r.next() < 0.5;
    let done = false;
    const out = lines(t).map((l) => {
      if (!l.startsWith('- ') || (!all && done) || (!all && r.next() < 0.5)) return l;
      done = true;
      return marker + l.slice(2);
    });
    return { bytes: join_(out), what: `list marker → ${JSON.stringify(marker)}${all ? ' (all)' : ''}` };
  },
  headings: (t, r) => {
    const variant = r.pick(['## ', '#', '#  ', ' # ', '# # ', '#\t', '=== ']);
    const ls = lines(t);
    const hs = ls.map((l, i) => (l.startsWith('# ') ? i : -1)).filter((i) => i >= 0);
    const i = hs.length ? r.pick(hs) : 0;
    ls[i] = variant + (ls[i] ?? '').replace(/^# /, '');
    return { bytes: join_(ls), what: `heading at line ${i + 1} → ${JSON.stringify(variant)}` };
  },
  unicode: (t, r) => {
    const map = r.pick<[string, (s: string) => string]>([
      ['NFD', (s) => s.normalize('NFD')],
      ['fullwidth letters', (s) => s.replace(/[a-z]/g, (c) => (r.next() < 0.1 ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))],
      ['homoglyph dashes', (s) => s.replace(/-/g, (c) => (r.next() < 0.3 ? r.pick(['\u2010', '\u2013', '\u2212']) : c))],
      ['zero-width joins', (s) => s.replace(/ /g, (c) => (r.next() < 0.1 ? '\u200B' : c))],
      ['emoji everywhere', (s) => s.replace(/\n/g, (c) => (r.next() < 0.2 ? ' 👩🏽‍🚀' + c : c))],
      ['line/paragraph separators', (s) => s.replace(/\n/g, (c) => (r.next() < 0.2 ? '\u2028' : c))],
      ['lone CRs', (s) => s.replace(/\n/g, (c) => (r.next() < 0.3 ? '\r' : c))],
      ['CRLF', (s) => s.replace(/\n/g, '\r\n')],
    ]);
    return { bytes: map[1](t), what: `unicode: ${map[0]}` };
  },
  hugeLine: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length + 1);
    const size = r.pick([10_000, 100_000, 300_000]);
    const unit = r.pick(['a', 'word ', '- ', '#', '[', '`', '|', '*_', 'é']);
    ls.splice(i, 0, unit.repeat(Math.ceil(size / unit.length)));
    return { bytes: join_(ls), what: `insert a ${size}-char line of ${JSON.stringify(unit)} at line ${i + 1}` };
  },
  tooBig: (t) => ({ bytes: t + '\n' + 'x'.repeat(600 * 1024), what: 'grow past the 512 KiB limit' }),
  empty: (t, r) => ({ bytes: r.pick(['', '\n', '\uFEFF', '---', '---\n---', '\0\0\0']), what: 'replace with (almost) nothing' }),
};
const NAMES = Object.keys(MUTATIONS);
const RARE = new Set(['tooBig', 'empty']);

function mutate(text: string, rng: Rng): { bytes: Buffer; what: string[] } {
  let cur: Buffer | string = text;
  const what: string[] = [];
  const count = 1 + (rng.next() < 0.3 ? rng.int(3) : 0);
  for (let k = 0; k < count; k++) {
    let name = rng.pick(NAMES);
    if (RARE.has(name) && rng.next() < 0.7) name = rng.pick(NAMES.filter((n) => !RARE.has(n)));
    const m = (MUTATIONS[name] as Mutation)(Buffer.isBuffer(cur) ? cur.toString('utf8') : cur, rng);
    cur = m.bytes;
    what.push(m.what);
  }
  return { bytes: Buffer.isBuffer(cur) ? cur : Buffer.from(cur, 'utf8'), what };
}

/** Lines as an editor counts them (\r\n, \r and \n all end a line). */
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

/** A few real questions from the bundled bank (plus their topics), next to the fixture bank. */
function realFiles(): Record<string, string> {
  const root = resolve('content');
  const files: Record<string, string> = {};
  for (const topic of ['observability', 'security-engineering', 'ai-agents']) {
    const dir = join(root, 'questions', topic);
    const names = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    const text = (f: string) => readFileSync(join(dir, f), 'utf8');
    const main = names.find((f) => !/^parent:/m.test(text(f)));
    assert.ok(main, `content/questions/${topic} has a question`);
    files[`topics/${topic}.md`] = readFileSync(join(root, 'topics', `${topic}.md`), 'utf8');
    files[`questions/${topic}/${main}`] = text(main);
    // One follow-up of it too, when there is one, so a broken parent is fuzzed as well.
    const follow = names.find((f) => new RegExp(`^parent: ${main.replace(/\.md$/, '')}\\s*$`, 'm').test(text(f)));
    if (follow) files[`questions/${topic}/${follow}`] = text(follow);
  }
  return files;
}

const idOf = (file: string) => file.split(/[\\/]/).at(-1)?.replace(/\.md$/, '') ?? '';

describe('content loader fuzzing (seeded mutations of one file at a time)', function () {
  this.timeout(60_000);
  let dir: string;
  let baseline: LoadResult;
  let baselineErrors: Set<string>;
  let questionFiles: string[];
  let topicFiles: string[];
  /** question id → its parent id, to know which follow-ups a broken parent takes with it. */
  let parentOf: Map<string, string | undefined>;

  before(() => {
    dir = contentWith(realFiles());
    baseline = loadContentDir(dir);
    baselineErrors = new Set(baseline.errors.map(formatContentError));
    // Related links to questions not copied here are the only expected baseline errors.
    for (const e of baseline.errors) assert.match(e.message, /^related ".*" does not exist$/, formatContentError(e));
    questionFiles = baseline.bundle.questions.map((q) => q.source.file).sort();
    topicFiles = baseline.bundle.topics.map((t) => t.source.file).sort();
    parentOf = new Map(baseline.bundle.questions.map((q) => [q.id, q.parent]));
    assert.ok(questionFiles.length >= 7, `fixtures + real files give enough questions (${questionFiles.length})`);
    assert.equal(topicFiles.length, 4);
    assert.ok(questionFiles.some((f) => f.startsWith(join(dir, 'questions', 'alpha-topic'))));
    assert.ok(questionFiles.some((f) => !f.startsWith(join(dir, 'questions', 'alpha-topic'))));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Ids that fall with `id`: itself and every follow-up below it. */
  const fallsWith = (id: string): Set<string> => {
    const out = new Set([id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [q, p] of parentOf) if (p && out.has(p) && !out.has(q)) grew = out.add(q).size > 0;
    }
    return out;
  };

  /** Every error points into the temp bank, at a real line of the file it names, with a message. */
  function checkErrorLocations(errors: ContentError[], label: string): void {
    for (const e of errors) {
      const where = `${label}\n  error: ${formatContentError(e)}`;
      const rel = relative(dir, e.file);
      assert.ok(rel !== '' && !rel.startsWith('..') && !isAbsolute(rel), `error file is inside the bank: ${where}`);
      assert.equal(typeof e.message, 'string', where);
      assert.ok(e.message.trim().length > 0, `error has a message: ${where}`);
      assert.ok(Number.isInteger(e.line) && e.line >= 1, `line ≥ 1: ${where}`);
      const n = lineCount(readFileSync(e.file, 'utf8'));
      assert.ok(e.line <= n + 1, `line within the file's ${n} lines: ${where}`);
    }
  }

  function run(file: string, rng: Rng, caseNo: number): { result: LoadResult; label: string } {
    const original = readFileSync(file, 'utf8');
    const { bytes, what } = mutate(original, rng);
    const label = `seed ${SEED} case ${caseNo}: ${relative(dir, file)} ← ${what.join(' · ')}`;
    writeFileSync(file, bytes);
    try {
      let result: LoadResult | undefined;
      assert.doesNotThrow(() => {
        result = loadContentDir(dir);
      }, label);
      checkErrorLocations((result as LoadResult).errors, label);
      return { result: result as LoadResult, label };
    } finally {
      writeFileSync(file, original);
    }
  }

  it('a mutated question never breaks the loader, is located precisely, and every other question still loads', () => {
    const rng = prng(SEED);
    let caseNo = 0;
    let failedToLoad = 0;
    for (const file of questionFiles) {
      const id = idOf(file);
      const gone = fallsWith(id);
      for (let k = 0; k < CASES_PER_QUESTION; k++) {
        const { result, label } = run(file, rng, ++caseNo);
        const loaded = new Set(result.bundle.questions.map((q) => q.id));
        if (!loaded.has(id)) failedToLoad++;
        for (const q of baseline.bundle.questions) {
          if (q.id === id) continue;
          // A follow-up whose parent just broke is dropped (and reported): that is the rule, not a regression.
          if (gone.has(q.id) && !loaded.has(id)) continue;
          assert.ok(loaded.has(q.id), `${q.id} still loads: ${label}\n${result.errors.map(formatContentError).join('\n')}`);
        }
        assert.equal(result.bundle.topics.length, baseline.bundle.topics.length, `all topics still load: ${label}`);
        if (!loaded.has(id)) {
          assert.ok(
            result.errors.some((e) => e.file === file),
            `a question that did not load has an error naming its file: ${label}`,
          );
        }
        // No new complaint about another file, except the ones that name the broken question.
        for (const e of result.errors) {
          if (e.file === file || baselineErrors.has(formatContentError(e))) continue;
          const names = [...gone].some((g) => e.message.includes(`"${g}"`));
          assert.ok(names, `unexpected error in another file: ${formatContentError(e)}\n  ${label}`);
        }
      }
    }
    // The mutations are strong enough to matter: most of them break the file they hit.
    assert.ok(failedToLoad > caseNo / 3, `${failedToLoad} of ${caseNo} mutated questions were rejected`);
    assert.ok(caseNo >= 250, `${caseNo} cases`);
  });

  it('a mutated topic never breaks the loader; if it fails, its questions say why and other topics load', () => {
    const rng = prng(SEED ^ 0x5eed);
    let caseNo = 0;
    for (const file of topicFiles) {
      const topic = idOf(file);
      for (let k = 0; k < CASES_PER_TOPIC; k++) {
        const { result, label } = run(file, rng, ++caseNo);
        const loadedTopics = new Set(result.bundle.topics.map((t) => t.id));
        const loaded = new Set(result.bundle.questions.map((q) => q.id));
        for (const q of baseline.bundle.questions) {
          if (q.topic !== topic) {
            assert.ok(loaded.has(q.id), `${q.id} (another topic) still loads: ${label}`);
          } else if (loadedTopics.has(topic)) {
            assert.ok(loaded.has(q.id), `${q.id} loads while its topic loads: ${label}`);
          } else {
            const e = result.errors.find((x) => x.file === q.source.file);
            assert.ok(e && /is not a topic/.test(e.message), `${q.id} reports that its folder is no longer a topic: ${label}`);
          }
        }
        if (!loadedTopics.has(topic)) assert.ok(result.errors.some((e) => e.file === file), `the broken topic file is named: ${label}`);
        for (const t of baseline.bundle.topics) if (t.id !== topic) assert.ok(loadedTopics.has(t.id), `topic ${t.id} still loads: ${label}`);
      }
    }
    assert.ok(caseNo >= 100, `${caseNo} cases`);
  });

  it('the fixture bank is untouched by the fuzzing (it works on a temp copy)', () => {
    const { errors, bundle } = loadContentDir(FIXTURE_CONTENT);
    assert.deepEqual(errors, []);
    assert.equal(bundle.questions.length, 4);
  });
});
