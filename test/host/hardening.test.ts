import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/app';
import type { PanelHost } from '../../src/extension/panelHost';
import { prng } from '../prng';
import { api } from './hostApi';

/**
 * Hardening in the real extension host: a question panel receives what a compromised webview
 * could send (through the same handler as real webview messages, via `panels.receive`). Nothing
 * may escape as an exception, nothing may be recorded, a panel may not act for another question,
 * and afterwards the extension still grades normally.
 */

/** Sends `raw` to the open panel with this key, through the host's own message path. */
async function deliver<State, In extends { type: string }, Out>(host: PanelHost<State, In, Out>, key: string, raw: unknown): Promise<void> {
  const panel = host.find(key);
  assert.ok(panel, `the panel ${key} is open`);
  await host.deliver(panel, raw);
}

/** The progress as exported (event ids and kinds), to prove nothing was recorded. */
async function progressEvents(a: ExtensionApi): Promise<string[]> {
  const exported = JSON.parse(await a.progress.exportText()) as { events: { eid: string; kind: string }[] };
  return exported.events.map((e) => `${e.kind}:${e.eid}`);
}

/** ~200 hostile messages for the panel of `mine`, none of which may change anything. */
function hostileMessages(mine: string, other: string, seed = 424_242): { raw: unknown; what: string }[] {
  const r = prng(seed);
  const grade = (questionId: unknown, over: Record<string, unknown> = {}) => ({ type: 'grade', questionId, rating: 3, covered: [0, 1], draftChars: 10, elapsedSeconds: 30, ...over });
  const out: { raw: unknown; what: string }[] = [];
  const add = (what: string, raw: unknown) => out.push({ raw, what });

  // Valid messages that name another question: a panel may only act on the question it shows.
  for (const id of [other, 'no-such-question-id']) {
    add(`grade for ${id}`, grade(id));
    add(`grade Easy for ${id}`, grade(id, { rating: 4, covered: [] }));
    add(`note for ${id}`, { type: 'saveNote', questionId: id, text: 'written by another panel' });
    add(`flag for ${id}`, { type: 'toggleFlag', questionId: id });
    add(`undo for ${id}`, { type: 'undoGrade', questionId: id });
    add(`revealed for ${id}`, { type: 'revealed', questionId: id });
  }
  // Links the webview must never be able to follow.
  for (const url of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'command:workbench.action.quit', 'file:///etc/passwd', 'vscode://vscode.git/clone?url=x', 'data:text/html,<script>1</script>', 'https://example.com/' + 'a'.repeat(2100), '']) {
    add(`openExternal ${url.slice(0, 30)}`, { type: 'openExternal', url });
  }
  // Things that are no message at all.
  for (const v of [null, undefined, 0, -1, NaN, 1e308, '', 'grade', 'x'.repeat(1_000_000), true, [], [grade(mine)], {}, { message: grade(mine) }, JSON.stringify(grade(mine))]) {
    add(`a bare ${Array.isArray(v) ? 'array' : typeof v}`, v);
  }
  // Unknown kinds, including ones that sound like capabilities.
  for (const type of ['executeCommand', 'runCommand', 'openFile', 'writeFile', 'eval', 'Grade', 'grade ', 'GRADE', '__proto__', 'constructor', 'x'.repeat(100_000)]) {
    add(`type ${type.slice(0, 20)}`, { type, questionId: mine, command: 'workbench.action.terminal.new', args: ['rm -rf /'] });
  }
  // Prototype-pollution keys, as JSON.parse makes them (own keys).
  for (const text of [
    `{"type":"grade","questionId":"${mine}","rating":3,"covered":[],"draftChars":0,"elapsedSeconds":0,"__proto__":{"polluted":true}}`,
    `{"type":"saveNote","questionId":"${mine}","text":"x","constructor":{"prototype":{"polluted":true}}}`,
    `{"type":"toggleFlag","questionId":"${mine}","prototype":{"polluted":true}}`,
    `{"__proto__":{"type":"grade","questionId":"${mine}","rating":3,"covered":[],"draftChars":0,"elapsedSeconds":0}}`,
    `{"type":"saveNote","questionId":{"__proto__":{"polluted":true}},"text":"x"}`,
  ]) {
    add(`pollution ${text.slice(0, 40)}`, JSON.parse(text));
  }
  // Very deep nesting away from the `type` key.
  let deepObj: unknown = 1;
  let deepArr: unknown = 1;
  for (let i = 0; i < 10_000; i++) {
    deepObj = { a: deepObj };
    deepArr = [deepArr];
  }
  add('deep object message', deepObj);
  add('deep array message', deepArr);
  add('deep object in covered', grade(mine, { covered: deepArr }));
  add('deep object as an extra key', { type: 'ready', extra: deepObj });
  add('deep object as the type', { type: deepObj });

  // Random corruptions of each kind of message for this panel's own question.
  const BAD: Record<string, unknown[]> = {
    questionId: ['', 'ab', 'Abc', '../etc/passwd', 'a'.repeat(61), 1, null, [mine], { id: mine }],
    rating: [0, 5, -1, 2.5, '3', null, [3], 1e308],
    covered: ['0', 3, null, [-1], [21], [1.5], ['1'], Array.from({ length: 21 }, () => 0)],
    draftChars: [-1, 0.5, 1_000_001, '10', null],
    elapsedSeconds: [-1, 86_401, 0.5, '30', null],
    text: ['x'.repeat(50_001), 5, null, ['x']],
  };
  const valid = (): Record<string, unknown> =>
    r.pick([grade(mine), { type: 'saveNote', questionId: mine, text: 'hostile note' }, { type: 'toggleFlag', questionId: mine }, { type: 'undoGrade', questionId: mine }]);
  while (out.length < 200) {
    const m = valid();
    const keys = Object.keys(m).filter((k) => k !== 'type');
    const key = r.pick(keys);
    switch (r.int(3)) {
      case 0: {
        const bad = r.pick(BAD[key] ?? [null]);
        add(`${m.type} with ${key} = ${String(JSON.stringify(bad)).slice(0, 30)}`, { ...m, [key]: bad });
        break;
      }
      case 1: {
        const copy = { ...m };
        delete copy[key];
        add(`${m.type} without ${key}`, copy);
        break;
      }
      default: {
        const extra = r.pick(['command', 'args', 'then', 'toJSON', 'html', 'script', 'url']);
        add(`${m.type} with extra key ${extra}`, { ...m, [extra]: r.pick(['workbench.action.terminal.new', 1, null, { x: 1 }]) });
      }
    }
  }
  return out;
}

describe('hardening: hostile webview messages in a real VS Code', function () {
  this.timeout(120_000);
  let a: ExtensionApi;
  let mine: string;
  let other: string;

  before(async () => {
    a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const questions = (await a.content.get()).bundle.questions.filter((q) => q.kind !== 'follow-up' && q.keyPoints.length >= 3);
    const [q1, q2] = questions;
    assert.ok(q1 && q2);
    mine = q1.id;
    other = q2.id;
    await vscode.commands.executeCommand('interviewPractice.openQuestion', mine);
    assert.ok(a.panels.panelFor(mine), 'the panel under attack is open');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('~200 random and malformed messages: no exception escapes, nothing is recorded, no panel opens, another question is untouched', async () => {
    const messages = hostileMessages(mine, other);
    assert.ok(messages.length >= 200, `${messages.length} messages`);
    const before = await progressEvents(a);
    const model = await a.progress.model();
    const otherBefore = { reviews: model.reviewCount(other), note: model.note(other), flagged: model.flagged(other) };
    const mineBefore = { reviews: model.reviewCount(mine), note: model.note(mine), flagged: model.flagged(mine) };
    const openBefore = a.panels.openQuestionIds().sort();
    let changes = 0;
    const shown: string[] = [];
    const subs = [a.progress.onDidChange(() => changes++), a.panels.onDidShowQuestion((id) => shown.push(id))];
    const escaped: string[] = [];
    try {
      for (const { raw, what } of messages) {
        try {
          await a.panels.receive(mine, raw);
        } catch (e) {
          escaped.push(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
        }
      }
    } finally {
      for (const s of subs) s.dispose();
    }
    assert.deepEqual(escaped, [], 'no exception escapes the message handler');
    assert.equal(changes, 0, 'progress never changed');
    assert.deepEqual(await progressEvents(a), before, 'no progress event was recorded');
    const after = await a.progress.model();
    assert.deepEqual({ reviews: after.reviewCount(other), note: after.note(other), flagged: after.flagged(other) }, otherBefore, 'the other question is untouched');
    assert.deepEqual({ reviews: after.reviewCount(mine), note: after.note(mine), flagged: after.flagged(mine) }, mineBefore, 'this panel’s question is untouched');
    assert.deepEqual(shown, [], 'no panel showed a question');
    assert.deepEqual(a.panels.openQuestionIds().sort(), openBefore, 'no panel opened or closed');
    assert.ok(a.panels.panelFor(mine), 'the attacked panel is still open');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched');
  });

  it('messages for a question whose panel is not open reach nobody', async () => {
    const before = await progressEvents(a);
    assert.equal(a.panels.panelFor(other), undefined);
    await a.panels.receive(other, { type: 'grade', questionId: other, rating: 4, covered: [], draftChars: 0, elapsedSeconds: 1 });
    await a.panels.receive(other, { type: 'toggleFlag', questionId: other });
    assert.deepEqual(await progressEvents(a), before);
  });

  it('openQuestion naming a question that does not exist opens nothing (from a panel and as a command)', async () => {
    const openBefore = a.panels.openQuestionIds().sort();
    const tabCount = () => vscode.window.tabGroups.all.reduce((n, g) => n + g.tabs.length, 0);
    const tabsBefore = tabCount();
    const shown: string[] = [];
    const sub = a.panels.onDidShowQuestion((id) => shown.push(id));
    try {
      for (const id of ['no-such-question', 'abc', 'x'.repeat(60)]) {
        await a.panels.receive(mine, { type: 'openQuestion', id });
        await vscode.commands.executeCommand('interviewPractice.openQuestion', id);
      }
      for (const id of ['../../etc/passwd', '', 42, null, { id: 'x' }]) {
        await a.panels.receive(mine, { type: 'openQuestion', id });
        await vscode.commands.executeCommand('interviewPractice.openQuestion', id);
      }
    } finally {
      sub.dispose();
    }
    assert.deepEqual(shown, [], 'no question was shown');
    assert.deepEqual(a.panels.openQuestionIds().sort(), openBefore, 'no panel opened');
    assert.equal(tabCount(), tabsBefore, 'no editor tab opened');
  });

  it('afterwards a valid grade from the panel still records, and undo still works', async () => {
    const before = await progressEvents(a);
    const reviews = (await a.progress.model()).reviewCount(mine);
    let changes = 0;
    const sub = a.progress.onDidChange(() => changes++);
    try {
      await a.panels.receive(mine, { type: 'grade', questionId: mine, rating: 3, covered: [0, 1, 2], draftChars: 42, elapsedSeconds: 61 });
      const model = await a.progress.model();
      assert.equal(model.reviewCount(mine), reviews + 1, 'the grade was recorded');
      const last = model.lastReview(mine);
      assert.equal(last?.rating, 3);
      assert.equal(last?.covered, 3);
      assert.equal(last?.seconds, 61);
      assert.equal((await progressEvents(a)).length, before.length + 1);
      await a.panels.receive(mine, { type: 'undoGrade', questionId: mine });
      assert.equal((await a.progress.model()).reviewCount(mine), reviews, 'undo took the grade back');
      assert.equal(changes, 2);
    } finally {
      sub.dispose();
    }
  });

  // Regression test for a bug the fuzz tests found: the handler parsed with parseWebviewMessage
  // outside its try/catch, and the parser built its log reason with String(raw.type), which threw
  // for `{"type":{"toString":1}}` and for an array nested thousands deep; the rejection escaped
  // the handler (an unhandled rejection for a real webview message).
  it('regression: a message whose type is an object with data toString, or a deeply nested array, does not escape the handler', async () => {
    let deepArr: unknown = [];
    for (let i = 0; i < 10_000; i++) deepArr = [deepArr];
    const before = await progressEvents(a);
    const escaped: string[] = [];
    for (const [what, raw] of [
      ['{"type":{"toString":1}}', JSON.parse('{"type":{"toString":1}}')],
      ['{"type":[[[…10 000 deep…]]]}', { type: deepArr }],
    ] as const) {
      try {
        await a.panels.receive(mine, raw);
      } catch (e) {
        escaped.push(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      }
    }
    assert.deepEqual(await progressEvents(a), before);
    assert.deepEqual(escaped, [], 'no exception escapes the message handler');
  });
  it('the topic, case-study and dashboard panels refuse the same hostile messages through their hosts, and change nothing', async () => {
    const snapshot = await a.content.get();
    const topic = snapshot.topics[0];
    const caseStudy = snapshot.bundle.caseStudies[0];
    assert.ok(topic && caseStudy);
    await vscode.commands.executeCommand('interviewPractice.openTopic', topic.id);
    await vscode.commands.executeCommand('interviewPractice.openCaseStudy', caseStudy.id);
    await vscode.commands.executeCommand('interviewPractice.showDashboard');
    const targets = [
      { name: 'topic', send: (raw: unknown) => deliver(a.topics.host, topic.id, raw) },
      { name: 'case study', send: (raw: unknown) => deliver(a.caseStudies.host, caseStudy.id, raw) },
      { name: 'dashboard', send: (raw: unknown) => deliver(a.dashboard.host, 'dashboard', raw) },
    ];
    const before = await progressEvents(a);
    const openBefore = a.panels.openQuestionIds().sort();
    const escaped: string[] = [];
    for (const target of targets) {
      for (const { raw, what } of hostileMessages(mine, other, 777)) {
        try {
          await target.send(raw);
        } catch (e) {
          escaped.push(`${target.name}, ${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
        }
      }
    }
    assert.deepEqual(escaped, [], 'no exception escapes a panel host');
    assert.deepEqual(await progressEvents(a), before, 'no progress event was recorded');
    assert.deepEqual(a.panels.openQuestionIds().sort(), openBefore, 'no question panel opened');
    assert.ok(a.topics.host.find(topic.id) && a.caseStudies.host.find(caseStudy.id) && a.dashboard.host.find('dashboard'), 'the attacked panels are still open');
  });
  it('the mock-interview panel refuses hostile messages through its host: the session and the progress stay as they were', async () => {
    const topic = (await a.content.get()).topics[0];
    assert.ok(topic);
    const started = await a.mock.start({ topics: [topic.id], difficulty: 'any', questions: 2, minutes: 20 });
    assert.ok(started);
    // As stored (globalState drops undefined keys), to compare like with like.
    const session = a.mock.state();
    const before = await progressEvents(a);
    const escaped: string[] = [];
    const corrupt: unknown[] = [
      { type: 'mockSubmit', answer: 'x'.repeat(100_001), timedOut: false },
      { type: 'mockSubmit', answer: 'fine', timedOut: 'yes' },
      { type: 'mockSubmit', answer: 'fine' },
      { type: 'mockGrade', covered: [21] },
      { type: 'mockGrade', covered: '0,1' },
      { type: 'mockGrade', covered: [0], extra: 1 },
      JSON.parse('{"type":"mockGrade","covered":[],"__proto__":{"polluted":true}}'),
    ];
    try {
      for (const { raw, what } of [...hostileMessages(mine, other, 99), ...corrupt.map((raw, i) => ({ raw, what: `corrupt mock message #${i}` }))]) {
        try {
          await deliver(a.mock.host, 'mock', raw);
        } catch (e) {
          escaped.push(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
        }
      }
      assert.deepEqual(escaped, [], 'no exception escapes the mock panel host');
      assert.deepEqual(a.mock.state(), session, 'the session did not move');
      assert.deepEqual(await progressEvents(a), before, 'no progress event was recorded');
    } finally {
      // Finish the session, so no interview is left open for later tests.
      for (let guard = 0; a.mock.state() && guard < 12; guard++) {
        const phase = a.mock.state()?.phase;
        if (phase === 'answering' || phase === 'followUp' || phase === 'generated') await a.mock.receive({ type: 'mockSubmit', answer: 'An answer.', timedOut: false });
        else await a.mock.receive({ type: 'mockGrade', covered: [] });
      }
    }
  });
});
