import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderCaseStudyPanel } from '../../src/core/caseStudyPanelHtml';
import { designDocument, WRITTEN_THRESHOLD, writtenPerStage, writtenStages } from '../../src/core/designLoopDoc';
import { renderDesignLoopPanel, type DesignLoopView } from '../../src/core/designLoopPanelHtml';
import { designLoopRecordsSchema } from '../../src/core/designLoopRecords';
import { parseMessage } from '../../src/shared/protocol/common';
import { designLoopInbound } from '../../src/shared/protocol/designLoop';

const parseDesignLoopMessage = (raw: unknown) => parseMessage(designLoopInbound, raw, 'design loop');
import { loadContentDir } from '../../src/core/loadContent';
import { isStageTurn, mockQuestion } from '../../src/core/mock/designLoopStages';
import { scorecard, transcriptMarkdown } from '../../src/core/mock/scorecard';
import { gradeTurn, mockStateSchema, ratingsOf, secondsPerQuestion, startMock, submitAnswer, turnBudget, type MockState } from '../../src/core/mock/session';
import { renderMockPanel } from '../../src/core/mockPanelHtml';
import { escapeHtml } from '../../src/core/html';
import { contentSecurityPolicy, renderQuestionPanel } from '../../src/core/panelHtml';
import { contentWith } from './helpers';

const CASE = readFileSync('test/fixtures/staff/case-study.md', 'utf8');
const LOOP = readFileSync('test/fixtures/staff/design-loop.md', 'utf8');
const bank = loadContentDir(contentWith({ 'case-studies/sampling-outage-2021.md': CASE, 'design-loops/trace-sampling-loop.md': LOOP })).bundle;
const loop = bank.designLoops[0] ?? assert.fail('fixture loop');
const caseStudy = bank.caseStudies[0] ?? assert.fail('fixture case study');
const resources = { cspSource: 'https://webview.example', nonce: 'abc123NONCE', scriptUri: 'https://webview.example/d.js', stylesheet: 'body { color: var(--vscode-foreground); }' };

/** The document with `text` added under the heading of stage `n` (1-based). */
function writeUnder(doc: string, n: number, text: string): string {
  const lines = doc.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`## Stage ${n}:`));
  const next = lines.findIndex((l, i) => i > at && l.startsWith('## '));
  lines.splice(next < 0 ? lines.length : next, 0, text, '');
  return lines.join('\n');
}

describe('design loop document', () => {
  const doc = designDocument(loop);

  it('has the brief and one ## heading per stage with its prompt, time box and an empty notes area', () => {
    assert.match(doc, /^# Design a trace sampling service\n/);
    assert.match(doc, /> Design the service that decides/);
    const headings = doc.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, ['## Stage 1: Clarify (5 min)', '## Stage 2: Estimate (5 min)', '## Stage 3: Design (15 min)', '## Stage 4: Deep dive (10 min)', '## Stage 5: Trade-offs (5 min)', '## Stage 6: Wrap-up (5 min)']);
    assert.match(doc, /## Stage 2: Estimate \(5 min\)\n\n> How much data is this\?\n\n\*\*Your notes:\*\*/);
    assert.doesNotMatch(doc, /one million spans/, 'no reference in the document');
  });

  it('quotes a pack loop’s text without images, raw HTML or command links (the document can be previewed), and still counts nothing as written', () => {
    const hostile = {
      ...loop,
      title: 'Loop ![t](https://evil.example/t.png) <img src=x> <b>x</b>',
      brief: 'Brief ![b](https://evil.example/b.png)\n\n<img src="https://evil.example/i.png"> [run](command:workbench.action.quit) [docs](https://example.com/d)',
      stages: loop.stages.map((s, i) => ({ ...s, prompt: `${s.prompt} ![p${i}](https://evil.example/p${i}.png)` })),
    };
    const d = designDocument(hostile);
    assert.doesNotMatch(d, /(?<!\\)!\[|(?<!\\)<(img|b)|(?<!\\)\]\((command:|https:\/\/evil)/, 'no image, no unescaped tag, no command or image link (escaped text is inert)');
    assert.match(d, /\[docs\]\(https:\/\/example\.com\/d\)/, 'an https link stays a link');
    assert.match(d, /Brief b/, 'an image keeps its alt text');
    assert.deepEqual(writtenPerStage(hostile, d), hostile.stages.map(() => 0));
  });

  it('counts nothing as written in a fresh document (the prompt and labels are not the user’s)', () => {
    assert.deepEqual(writtenPerStage(loop, doc), [0, 0, 0, 0, 0, 0]);
  });

  it('counts non-space characters under a stage until the next heading', () => {
    const text = writeUnder(doc, 1, 'Who are the users?  What is the budget?');
    const counts = writtenPerStage(loop, text);
    assert.equal(counts[0], 'Whoaretheusers?Whatisthebudget?'.length);
    assert.deepEqual(counts.slice(1), [0, 0, 0, 0, 0]);
    assert.deepEqual(writtenStages(loop, text), [true, false, false, false, false, false]);
  });

  it('needs at least 20 characters: 19 do not unlock a stage', () => {
    const nineteen = 'x'.repeat(WRITTEN_THRESHOLD - 1);
    assert.equal(writtenStages(loop, writeUnder(doc, 3, nineteen))[2], false);
    assert.equal(writtenStages(loop, writeUnder(doc, 3, `${nineteen}y`))[2], true);
  });

  it('stops at any # or ## heading, keeps ### subheadings and fenced code inside the stage', () => {
    const text = writeUnder(doc, 2, '### Numbers\n```\n## not a heading in code\n```\n## My own section\nthis text belongs to no stage at all');
    const counts = writtenPerStage(loop, text);
    assert.equal(counts[1], '###Numbers```##notaheadingincode```'.length);
    assert.equal(counts[2], 0);
  });

  it('counts 0 for a stage whose heading the user deleted', () => {
    const text = writeUnder(doc, 4, 'a long enough answer for the deep dive').replace('## Stage 4: Deep dive (10 min)', '');
    assert.equal(writtenPerStage(loop, text)[3], 0);
  });
});

describe('design loop panel', () => {
  const view = (over: Partial<DesignLoopView> = {}): DesignLoopView => ({ loop, topicTitle: 'Observability Basics', docPath: '/tmp/<practice>/loop.md', written: [0, 0, 0, 0, 0, 0], revealed: [], related: [], ...over });

  it('uses the shared strict document: CSP, nonce, one script', () => {
    const html = String(renderDesignLoopPanel(view(), resources));
    assert.ok(html.includes(`content="${escapeHtml(contentSecurityPolicy(resources))}"`));
    assert.equal((html.match(/<script[^>]*>/g) ?? []).length, 1);
    assert.match(html, /<script nonce="abc123NONCE"/);
    assert.ok(html.includes('&lt;practice&gt;'), 'the path is escaped');
  });

  it('lists every stage with its prompt; references stay out until revealed, buttons disabled until written', () => {
    const html = String(renderDesignLoopPanel(view({ written: [25, 3, 0, 0, 0, 0] }), resources));
    assert.equal((html.match(/class="stage"/g) ?? []).length, 6);
    assert.ok(html.includes('How much data is this?'));
    assert.ok(!html.includes('one million spans'), 'no reference before reveal');
    assert.match(html, /<button type="button" class="reveal-stage" data-stage="0">/);
    assert.match(html, /<button type="button" class="reveal-stage" data-stage="1" disabled>/);
    assert.match(html, /\(3 so far\)/);
  });

  it('shows a revealed stage’s reference, key points and Senior/Staff/Principal rubric', () => {
    const html = String(renderDesignLoopPanel(view({ written: [0, 25, 0, 0, 0, 0], revealed: [1], scrollTo: 1 }), resources));
    assert.match(html, /<div class="stage-reference" id="reference-1">/);
    assert.ok(html.includes('one million spans a second'));
    assert.match(html, /<dt>Senior<\/dt><dd>gets the order of magnitude\.<\/dd>/);
    assert.match(html, /<dt>Principal<\/dt>/);
    assert.match(html, /data-scroll="stage-1"/);
    assert.ok(!html.includes('Route by trace id'), 'other stages stay hidden');
  });
});

describe('design loop panel messages and records', () => {
  it('accepts only well-formed messages for a stage index 0–5', () => {
    assert.equal(parseDesignLoopMessage({ type: 'revealStage', loopId: 'trace-sampling-loop', stage: 2 }).ok, true);
    assert.equal(parseDesignLoopMessage({ type: 'revealStage', loopId: 'trace-sampling-loop', stage: 6 }).ok, false);
    assert.equal(parseDesignLoopMessage({ type: 'revealStage', loopId: 'trace-sampling-loop', stage: 1, force: true }).ok, false);
    assert.equal(parseDesignLoopMessage({ type: 'openExternal', url: 'javascript:alert(1)' }).ok, false);
    assert.equal(parseDesignLoopMessage({ type: 'runCommand', command: 'x' }).ok, false);
    assert.equal(designLoopRecordsSchema.safeParse({ 'trace-sampling-loop': { path: '/x.md', revealed: [0, 7] } }).success, false);
  });
});

describe('case study panel and links', () => {
  it('renders a read-only case study: sections escaped, source via the external-link path, its questions as links', () => {
    const hostile = { ...caseStudy, title: '<img src=x onerror=alert(1)>', lessons: ['<script>alert(1)</script> lesson'] };
    const html = String(renderCaseStudyPanel({ caseStudy: hostile, topics: [{ id: 'alpha-topic', title: 'Observability Basics' }], questions: [{ id: 'trace-sampling', title: 'Trace sampling' }] }, resources));
    assert.ok(!html.includes('<img src=x'));
    assert.equal((html.match(/<script[^>]*>/g) ?? []).length, 1, 'only our script');
    assert.match(html, /<a class="external-link" href="https:\/\/example\.com\/postmortems\/sampling-2021">Example Corp postmortem, March 2021<\/a>/);
    assert.match(html, /data-open="trace-sampling"/);
    assert.match(html, /<span class="organisation">Example Corp<\/span>/);
    assert.match(html, /<span class="year">2021<\/span>/);
    assert.match(html, /What an interviewer would ask/);
  });

  it('lists the case studies on the panel of a question they name (title, organisation, year)', () => {
    const q = bank.questions.find((x) => x.id === 'trace-sampling') ?? assert.fail('question');
    const html = String(renderQuestionPanel(
      { question: q, topicTitle: 'T', followUps: [], related: [], caseStudies: [{ id: caseStudy.id, title: caseStudy.title, organisation: caseStudy.organisation, year: caseStudy.year }], grades: [], note: '', flagged: false, stateLabel: 'New', timerSeconds: 0, revealed: true, review: false },
      resources,
    ));
    assert.match(html, /<section id="case-studies"/);
    assert.match(html, /data-open="sampling-outage-2021">A sampling misconfiguration hides an outage<\/button> <span class="hint">Example Corp, 2021<\/span>/);
  });
});

describe('mock interview with a design loop', () => {
  const start = () => startMock(bank, { topics: ['alpha-topic'], difficulty: 'senior', questions: 1, minutes: 12, designLoop: loop.id }, 0, () => 0.1);

  it('appends the six stages as turns with their own time boxes, after the questions', () => {
    const s = start();
    assert.equal(s.items.length, 7);
    assert.deepEqual(s.items.slice(1).map((i) => i.main.budget), [300, 300, 900, 600, 300, 300]);
    assert.ok(s.items.slice(1).every((i) => isStageTurn(i.main.questionId) && !i.followUp));
    assert.equal(s.config.minutes, 57, 'the loop’s 45 minutes are added');
    assert.equal(secondsPerQuestion(s), 480, 'the questions keep their share');
    assert.ok(mockStateSchema.safeParse(s).success, 'the state survives a reload');
  });

  it('asks each stage as a question graded against its key points; only bank questions feed reviews', () => {
    let s: MockState = start();
    for (let step = 0; step < 20 && s.phase !== 'done'; step++) {
      if (s.phase === 'answering' || s.phase === 'followUp') s = submitAnswer(s, 'my answer', 10_000 * (step + 1), false);
      else s = gradeTurn(s, [0], 2, 10_000 * (step + 1));
      if (s.phase === 'answering' && s.index === 1) {
        assert.equal(turnBudget(s), 300, 'Clarify has its 5 minutes');
        const q = mockQuestion(bank, s.items[1]?.main.questionId ?? '');
        assert.match(q?.title ?? '', /1\. Clarify \(5 min\)/);
        assert.match(q?.prompt ?? '', /2,000-service/, 'the first stage starts with the brief');
        assert.deepEqual(q?.keyPoints, loop.stages[0]?.keyPoints);
        const html = String(renderMockPanel(s, (id) => mockQuestion(bank, id), 0, resources));
        assert.ok(html.includes('What do you ask before designing?'));
      }
    }
    assert.equal(s.phase, 'done');
    const card = scorecard(s, bank);
    assert.equal(card.total, 3 + 2 + 6 * 2, 'question, follow-up and six stages of key points');
    assert.match(transcriptMarkdown(s, bank, new Date(0)), /Design a trace sampling service — 6\. Wrap-up/);
    const ids = ratingsOf(s, (id) => mockQuestion(bank, id)?.keyPoints.length ?? 0).map((r) => r.id);
    assert.equal(ids.filter(isStageTurn).length, 6, 'the caller drops these before recording reviews');
  });
});
