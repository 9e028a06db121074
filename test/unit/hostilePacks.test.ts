import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadContentDir } from '../../src/core/loadContent';
import { loadPacks, mergeBundles } from '../../src/core/mergeBundles';
import { QuestionSearch } from '../../src/core/search';
import { snapshotOf } from '../../src/extension/contentService';
import type { ContentBundle } from '../../src/core/schema';
import { FIXTURE_CONTENT } from './helpers';

function folder(files: Record<string, string | Buffer>, prefix = 'ip-hostile-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** Creates a symlink, or skips the test where the platform does not allow it (Windows without rights). */
function link(ctx: Mocha.Context, target: string, path: string, type: 'dir' | 'file' = 'dir'): void {
  mkdirSync(dirname(path), { recursive: true });
  try {
    symlinkSync(target, path, type);
  } catch (e) {
    if (process.platform === 'win32') ctx.skip();
    throw e;
  }
}

const question = (title: string, extra = '') =>
  `---\ntitle: ${title}\nkind: question\ndifficulty: senior\nminutes: 3\ntags: [team, pack]\n${extra}---\n# Prompt\nHow does our deploy pipeline work?\n\n# Answer\nThrough the golden path.\n\n# Key points\n- Names the stages\n- Explains the rollback\n- Mentions the handoff\n\n# Strong signals\n- Specific\n\n# Weak signals\n- Vague\n`;

const sample = (title: string, defectId = 'no-cap') => `---
title: ${title}
kind: work-sample
topic: alpha-topic
difficulty: senior
minutes: 10
tags: [review, counter]
runnable: false
---
# Prompt
Review the counter.

# Reference review
It never caps.

# Defects
## ${defectId}
- file: counter.js
- anchor: \`this.n += by;\`
- severity: critical
- concept: the count is never capped at the maximum
- terms: [cap, maximum]

### Why it matters
Unbounded.

### Fix
Cap it.
`;
const COUNTER = 'export class Counter {\n  add(by = 1) {\n    this.n += by;\n  }\n}\n';

const topicFile = (title: string) => `---\ntitle: ${title}\norder: 50\n---\n# Summary\nQuestions our team asks.\n`;

describe('hostile packs: one namespace for every id', () => {
  // The "bundled" bank: the fixture questions plus one work sample.
  const bankDir = folder({ 'work-samples/bank-counter/sample.md': sample('Bank counter'), 'work-samples/bank-counter/files/counter.js': COUNTER });
  const bank: ContentBundle = mergeBundles(loadContentDir(FIXTURE_CONTENT).bundle, loadContentDir(bankDir, { knownTopics: loadContentDir(FIXTURE_CONTENT).bundle.topics }).bundle);
  assert.ok(bank.workSamples.some((w) => w.id === 'bank-counter'));

  const searchStillWorks = (merged: ContentBundle) => {
    const search = new QuestionSearch(merged);
    assert.equal(search.search('trace sampling')[0]?.id, 'trace-sampling');
    const snap = snapshotOf(merged, []);
    assert.equal(snap.question('trace-sampling')?.source.file, bank.questions.find((q) => q.id === 'trace-sampling')?.source.file);
    assert.equal(snap.workSample('bank-counter')?.title, 'Bank counter');
  };

  it('rejects a pack work sample named like a bundled question (search used to throw "duplicate ID")', () => {
    const dir = folder({ 'work-samples/trace-sampling/sample.md': sample('Hijack'), 'work-samples/trace-sampling/files/counter.js': COUNTER });
    const { bundle, errors } = loadPacks(bank, [dir]);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.file, join(dir, 'work-samples', 'trace-sampling', 'sample.md'));
    assert.equal(errors[0]?.line, 1);
    assert.match(errors[0]?.message ?? '', /duplicate id "trace-sampling"/);
    assert.equal(bundle.workSamples.length, bank.workSamples.length);
    searchStillWorks(bundle);
  });

  it('rejects a pack work sample named like a bundled work sample (the tree row stays the bank\'s)', () => {
    const dir = folder({ 'work-samples/bank-counter/sample.md': sample('Hijack'), 'work-samples/bank-counter/files/counter.js': COUNTER });
    const { bundle, errors } = loadPacks(bank, [dir]);
    assert.deepEqual(errors.map((e) => [e.file, e.line]), [[join(dir, 'work-samples', 'bank-counter', 'sample.md'), 1]]);
    assert.deepEqual(bundle.workSamples.filter((w) => w.id === 'bank-counter').map((w) => w.title), ['Bank counter']);
    searchStillWorks(bundle);
  });

  it('reports a pack topic file redefining a bundled topic, and still takes questions under that topic', () => {
    const dir = folder({ 'topics/alpha-topic.md': topicFile('Hijacked Alpha'), 'questions/alpha-topic/team-one.md': question('Our team question') });
    const { bundle, errors } = loadPacks(bank, [dir]);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.file, join(dir, 'topics', 'alpha-topic.md'));
    assert.match(errors[0]?.message ?? '', /topic "alpha-topic" already exists/);
    assert.deepEqual(bundle.topics.map((t) => t.title), bank.topics.map((t) => t.title));
    assert.ok(bundle.questions.some((q) => q.id === 'team-one' && q.topic === 'alpha-topic'));
    searchStillWorks(bundle);
  });

  it('rejects ids that clash across kinds inside a pack and with another loaded pack', () => {
    const first = folder({ 'topics/team-topic.md': topicFile('Team'), 'questions/team-topic/team-deploys.md': question('How our team deploys') });
    const second = folder({
      'questions/alpha-topic/team-deploys.md': question('A clash with the first pack'),
      'questions/alpha-topic/team-topic.md': question('A question named like a topic'),
      'work-samples/bank-counter/sample.md': sample('Another hijack'),
      'work-samples/bank-counter/files/counter.js': COUNTER,
      'questions/alpha-topic/fresh-one.md': question('Fresh one'),
    });
    const { bundle, errors } = loadPacks(bank, [first, second]);
    assert.deepEqual(
      errors.map((e) => e.file.slice(second.length + 1)).sort(),
      [join('questions', 'alpha-topic', 'team-deploys.md'), join('questions', 'alpha-topic', 'team-topic.md'), join('work-samples', 'bank-counter', 'sample.md')].sort(),
    );
    assert.equal(bundle.questions.find((q) => q.id === 'team-deploys')?.title, 'How our team deploys');
    assert.ok(bundle.questions.some((q) => q.id === 'fresh-one'));
    assert.ok(!bundle.questions.some((q) => q.id === 'team-topic'));
    searchStillWorks(bundle);
  });

  it('loads the same pack folder only once', () => {
    const dir = folder({ 'questions/alpha-topic/team-once.md': question('Once') });
    const { bundle, errors } = loadPacks(bank, [dir, dir]);
    assert.deepEqual(errors, []);
    assert.equal(bundle.questions.filter((q) => q.id === 'team-once').length, 1);
  });

  it('mergeBundles keeps the base item when a clash got through', () => {
    const pack = { ...bank, topics: [], caseStudies: [], designLoops: [], questions: bank.questions.map((q) => ({ ...q, title: 'Hijacked' })), workSamples: [] };
    const merged = mergeBundles(bank, pack);
    assert.equal(merged.questions.length, bank.questions.length);
    assert.ok(!merged.questions.some((q) => q.title === 'Hijacked'));
  });

  it('QuestionSearch never throws on duplicate ids: the first document wins', () => {
    const dup = { ...bank, questions: [...bank.questions, { ...bank.questions[0]!, title: 'Duplicate entry' }] };
    const search = new QuestionSearch(dup);
    assert.equal(search.documentCount, bank.questions.length + bank.workSamples.length);
    assert.ok(!search.search('duplicate entry').some((h) => h.title === 'Duplicate entry'));
    assert.equal(search.search('trace sampling')[0]?.id, 'trace-sampling');
  });

  it('reports a defect id the progress log could not read back (2 letters) at its line', () => {
    const dir = folder({ 'work-samples/team-counter/sample.md': sample('Team counter', 'nc'), 'work-samples/team-counter/files/counter.js': COUNTER });
    const { bundle, errors } = loadPacks(bank, [dir]);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.line, 17);
    assert.match(errors[0]?.message ?? '', /defect id "nc": id must be at least 3 characters/);
    assert.ok(!bundle.workSamples.some((w) => w.id === 'team-counter'));
  });
});

describe('hostile packs: nothing is read outside the pack', () => {
  it('refuses a symlinked files/ folder that leads outside (files -> ~/.ssh) and reports it at its path', function () {
    const secret = folder({ id_rsa: '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n' }, 'ip-secret-');
    const dir = folder({ 'work-samples/team-keys/sample.md': sample('Keys') });
    link(this, secret, join(dir, 'work-samples', 'team-keys', 'files'));
    const { bundle, errors } = loadContentDir(dir, { knownTopics: loadContentDir(FIXTURE_CONTENT).bundle.topics });
    assert.ok(errors.some((e) => e.file === join(dir, 'work-samples', 'team-keys', 'files') && /outside the content folder/.test(e.message)), JSON.stringify(errors));
    assert.equal(bundle.workSamples.length, 0);
    assert.doesNotMatch(JSON.stringify(bundle), /PRIVATE KEY/);
  });

  it('refuses symlinked .md files and folders leading outside, follows links that stay inside, and survives a loop', function () {
    const outside = folder({ 'stolen.md': question('Stolen'), 'alpha-topic/stolen-two.md': question('Stolen two') }, 'ip-outside-');
    const dir = folder({ 'questions/alpha-topic/team-real.md': question('Real one'), 'shared/team-shared.md': question('Shared inside') });
    link(this, join(outside, 'stolen.md'), join(dir, 'questions', 'alpha-topic', 'team-stolen.md'), 'file');
    link(this, join(outside, 'alpha-topic'), join(dir, 'questions', 'beta-link'));
    link(this, join(dir, 'shared', 'team-shared.md'), join(dir, 'questions', 'alpha-topic', 'team-shared.md'), 'file');
    link(this, join(dir, 'questions', 'alpha-topic', 'missing.md'), join(dir, 'questions', 'alpha-topic', 'team-dangling.md'), 'file');
    mkdirSync(join(dir, 'work-samples', 'team-loop', 'files'), { recursive: true });
    writeFileSync(join(dir, 'work-samples', 'team-loop', 'sample.md'), sample('Loop'));
    writeFileSync(join(dir, 'work-samples', 'team-loop', 'files', 'counter.js'), COUNTER);
    link(this, join(dir, 'work-samples', 'team-loop', 'files'), join(dir, 'work-samples', 'team-loop', 'files', 'again'));
    const { bundle, errors } = loadContentDir(dir, { knownTopics: loadContentDir(FIXTURE_CONTENT).bundle.topics });
    const at = (rel: string) => errors.find((e) => e.file === join(dir, rel));
    assert.match(at('questions/alpha-topic/team-stolen.md')?.message ?? '', /symbolic link leads outside/);
    assert.match(at('questions/beta-link')?.message ?? '', /symbolic link leads outside/);
    assert.match(at('questions/alpha-topic/team-dangling.md')?.message ?? '', /does not exist/);
    assert.deepEqual(bundle.questions.map((q) => q.id).sort(), ['team-real', 'team-shared']);
    assert.deepEqual(bundle.workSamples[0]?.files.map((f) => f.path), ['counter.js']);
    assert.doesNotMatch(JSON.stringify(bundle), /Stolen/);
  });

  it('reads the bundled content through the same reader (a link out of content/ is refused)', function () {
    const outside = folder({ 'alpha-topic.md': topicFile('Outside topic') }, 'ip-outside-');
    const dir = folder({});
    link(this, outside, join(dir, 'topics'));
    const { bundle, errors } = loadContentDir(dir);
    assert.equal(bundle.topics.length, 0);
    assert.equal(errors[0]?.file, join(dir, 'topics'));
  });

  it('reports invalid UTF-8 naming the file instead of replacing characters', () => {
    const bytes = Buffer.concat([Buffer.from(question('Broken bytes')), Buffer.from([0xff, 0xfe, 0xc3])]);
    const dir = folder({ 'questions/alpha-topic/team-bytes.md': bytes, 'questions/alpha-topic/team-fine.md': question('Fine één') });
    const { bundle, errors } = loadContentDir(dir, { knownTopics: loadContentDir(FIXTURE_CONTENT).bundle.topics });
    assert.deepEqual(errors.map((e) => [e.file, e.line]), [[join(dir, 'questions', 'alpha-topic', 'team-bytes.md'), 1]]);
    assert.match(errors[0]?.message ?? '', /not valid UTF-8/);
    assert.deepEqual(bundle.questions.map((q) => q.title), ['Fine één']);
    assert.ok(readFileSync(join(dir, 'questions', 'alpha-topic', 'team-bytes.md')).length > 0);
  });
});
