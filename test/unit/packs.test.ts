import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadContentDir } from '../../src/core/loadContent';
import { renderQuestionPanel } from '../../src/core/panelHtml';
import { mergeBundles } from '../../src/core/mergeBundles';
import { QuestionSearch } from '../../src/core/search';
import { FIXTURE_CONTENT } from './helpers';

function pack(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ip-pack-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const question = (title: string, extra = '') => `---
title: ${title}
kind: question
difficulty: senior
minutes: 3
tags: [team, onboarding]
${extra}---
# Prompt
How does our deploy pipeline work?

# Answer
Through the golden path.

# Key points
- Names the pipeline stages
- Explains the rollback
- Mentions the on-call handoff

# Strong signals
- Specific

# Weak signals
- Vague
`;

describe('team question packs', () => {
  const bank = loadContentDir(FIXTURE_CONTENT).bundle;
  const known = { knownTopics: bank.topics, knownIds: new Set(bank.questions.map((q) => q.id)) };

  it('adds questions under a bundled topic and new topics of its own, searchable like the bank', () => {
    const dir = pack({
      'questions/alpha-topic/our-deploy-pipeline.md': question('Our deploy pipeline, end to end'),
      'topics/team-onboarding.md': '---\ntitle: Team Onboarding\norder: 50\n---\n# Summary\nQuestions our team asks new seniors in their first month.\n',
      'questions/team-onboarding/on-call-handoff.md': question('On-call handoff at our company'),
    });
    const loaded = loadContentDir(dir, known);
    assert.deepEqual(loaded.errors, []);
    const merged = mergeBundles(bank, loaded.bundle);
    assert.deepEqual(merged.topics.map((t) => t.id), ['alpha-topic', 'team-onboarding']);
    assert.equal(merged.questions.length, bank.questions.length + 2);
    assert.equal(new QuestionSearch(merged).search('deploy pipeline')[0]?.id, 'our-deploy-pipeline');
  });

  it('reports a pack question that reuses a bundled id, and may link to bundled questions', () => {
    const dir = pack({
      'questions/alpha-topic/trace-sampling.md': question('A clash'),
      'questions/alpha-topic/team-tracing.md': question('How we trace', 'related: [trace-sampling]\n'),
    });
    const { bundle, errors } = loadContentDir(dir, known);
    assert.equal(errors.length, 1);
    assert.match(errors[0]?.message ?? '', /duplicate id "trace-sampling"/);
    assert.deepEqual(bundle.questions.map((q) => q.id), ['team-tracing']);
    assert.deepEqual(bundle.questions[0]?.related, ['trace-sampling']);
  });

  it('treats a hostile pack as untrusted input: oversized files rejected, markup rendered inert, the rest loads', () => {
    const hostile = question('Hostile <img src=x onerror=alert(1)>').replace('Through the golden path.', '<script>alert(1)</script>[x](javascript:alert(1)) <iframe src="https://evil.example"></iframe>');
    const dir = pack({
      'questions/alpha-topic/hostile-one.md': hostile,
      'questions/alpha-topic/huge-one.md': question('Huge') + 'x'.repeat(600 * 1024),
      'questions/alpha-topic/fine-one.md': question('Fine'),
      'questions/alpha-topic/../escape-attempt.md': question('Outside'),
    });
    const { bundle, errors } = loadContentDir(dir, known);
    assert.equal(errors.length, 1);
    assert.match(errors[0]?.message ?? '', /larger than 512 KiB/);
    assert.deepEqual(bundle.questions.map((q) => q.id).sort(), ['fine-one', 'hostile-one']);
    const q = bundle.questions.find((x) => x.id === 'hostile-one');
    assert.ok(q);
    const html = String(renderQuestionPanel(
      { question: q, topicTitle: 't', followUps: [], related: [], grades: [], note: '', flagged: false, stateLabel: 'New', timerSeconds: 0, revealed: true, review: false },
      { cspSource: 'x', nonce: 'n', scriptUri: 's', stylesheet: 'p{}' },
    ));
    assert.doesNotMatch(html, /<script>alert|<iframe|<img|href="javascript/i);
  });
});
