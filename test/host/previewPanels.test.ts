import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/app';
import { api, until } from './hostApi';

const questionTabs = () =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('interviewPractice.question'));

describe('preview-style question panels in a real VS Code', () => {
  let a: ExtensionApi;
  let ids: string[];
  const titles = new Map<string, string>();

  before(async () => {
    a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const questions = (await a.content.get()).bundle.questions.filter((q) => q.kind !== 'follow-up').slice(0, 4);
    ids = questions.map((q) => q.id);
    for (const q of questions) titles.set(q.id, q.title);
    assert.equal(ids.length, 4);
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('workbench.editor').update('enablePreview', undefined, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('checks every message to a page against its protocol: one it would refuse is logged and not sent', async () => {
    await vscode.commands.executeCommand('interviewPractice.openQuestion', ids[0]);
    const handle = a.panels.host.all().find((p) => p.state.questionId === ids[0]);
    assert.ok(handle, 'the question panel is open');
    const webview = handle.panel.webview as { postMessage(message: unknown): Thenable<boolean> };
    const original = webview.postMessage.bind(webview);
    const sent: unknown[] = [];
    webview.postMessage = (message) => (sent.push(message), original(message));
    try {
      await handle.post({ type: 'noteSaved', questionId: ids[0] as string });
      // What a bug could produce: a flag without its boolean, a state for an id no bank could hold, an unknown type.
      await handle.post({ type: 'flag', questionId: ids[0] as string } as never);
      await handle.post({ type: 'state', questionId: '../../etc', label: 'Due' });
      await handle.post({ type: 'eval', code: 'alert(1)' } as never);
    } finally {
      webview.postMessage = original;
    }
    assert.deepEqual(sent, [{ type: 'noteSaved', questionId: ids[0] }], 'only the message the protocol allows reached the page');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens questions one after another into the same panel, swapped by message (the document stays)', async () => {
    const [q1, q2, q3] = ids as [string, string, string];
    const shown: string[] = [];
    const sub = a.panels.onDidShowQuestion((id) => shown.push(id));
    try {
      await vscode.commands.executeCommand('interviewPractice.openQuestion', q1);
      const panel = a.panels.panelFor(q1);
      assert.ok(panel);
      const firstHtml = panel.webview.html;
      await vscode.commands.executeCommand('interviewPractice.openQuestion', q2);
      await vscode.commands.executeCommand('interviewPractice.openQuestion', q3);
      assert.equal(a.panels.panelFor(q3), panel, 'the same panel shows the third question');
      assert.equal(a.panels.panelFor(q1), undefined);
      assert.equal(a.panels.panelFor(q2), undefined);
      assert.equal(panel.title, titles.get(q3));
      await until('one question tab', () => questionTabs().length, (n) => n === 1);
      // Swapped by message: no new document was loaded into the webview.
      assert.equal(panel.webview.html, firstHtml);
      assert.equal(a.panels.previewQuestionId(), q3);
      assert.deepEqual(shown, [q1, q2, q3], 'each question was shown once');
    } finally {
      sub.dispose();
    }
  });

  it('a kept-open panel stays: the next question opens in a new preview panel', async () => {
    const [, , q3, q4] = ids as [string, string, string, string];
    await a.panels.receive(q3, { type: 'pin', questionId: q3 });
    assert.equal(a.panels.previewQuestionId(), undefined, 'nothing is the preview once kept');
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q4);
    const kept = a.panels.panelFor(q3);
    const fresh = a.panels.panelFor(q4);
    assert.ok(kept && fresh);
    assert.notEqual(kept, fresh);
    await until('two question tabs', () => questionTabs().length, (n) => n === 2);
    // Opening the kept question again brings it forward, without touching the preview.
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q3);
    assert.equal(a.panels.panelFor(q4), fresh);
    assert.equal(a.panels.previewQuestionId(), q4);
  });

  it('working on a question (a reveal) keeps it open too', async () => {
    const [q1, , , q4] = ids as [string, string, string, string];
    await a.panels.receive(q4, { type: 'revealed', questionId: q4 });
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q1);
    assert.ok(a.panels.panelFor(q4), 'the revealed question stayed');
    assert.equal(a.panels.previewQuestionId(), q1);
    await until('three question tabs', () => questionTabs().length, (n) => n === 3);
  });

  it('a hidden preview gets the current question as its document before it is shown again', async () => {
    const [q1, q2] = ids as [string, string];
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q1);
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q2);
    const panel = a.panels.panelFor(q2);
    assert.ok(panel);
    assert.ok(!panel.webview.html.includes(`data-question-id="${q2}"`), 'swapped by message, so the HTML still names the first question');
    // Another editor in front of it: VS Code drops a hidden webview's document and rebuilds it from the HTML.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'in front' }), { viewColumn: panel.viewColumn, preview: false });
    await until('the hidden panel to be re-rendered', () => panel.webview.html, (h) => h.includes(`data-question-id="${q2}"`));
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q1);
    assert.equal(a.panels.panelFor(q1), panel, 'the hidden preview was reused');
    await until('the panel to come forward', () => panel.visible, (v) => v);
    assert.ok(panel.webview.html.includes(`data-question-id="${q1}"`), 'a hidden panel gets a whole new document');
  });

  it('a review started while a preview is open takes that panel, and Next swaps in place', async () => {
    const [q1, q2, q3] = ids as [string, string, string];
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q1);
    const panel = a.panels.panelFor(q1);
    assert.ok(panel);
    const html = panel.webview.html;
    await a.panels.startReview([q2, q3]);
    assert.equal(a.panels.host.all().length, 1, 'no second panel');
    assert.equal(a.panels.host.all()[0]?.panel, panel);
    assert.deepEqual(a.panels.openQuestionIds(), [q2]);
    assert.match(panel.title, /\(1 more\)/);
    await a.panels.receive(q2, { type: 'next' });
    assert.deepEqual(a.panels.openQuestionIds(), [q3]);
    assert.match(panel.title, /\(0 more\)/);
    assert.equal(panel.webview.html, html, 'both swaps by message');
    // The review panel is never a preview: the next question opened gets a panel of its own.
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q1);
    assert.notEqual(a.panels.panelFor(q1), panel);
  });

  it('Open to the Side and previews turned off both give a question its own panel', async () => {
    const [q1, q2, q3] = ids as [string, string, string];
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q1);
    await vscode.commands.executeCommand('interviewPractice.openQuestionToSide', q2);
    const side = a.panels.panelFor(q2);
    assert.ok(side && a.panels.panelFor(q1));
    await until('the side panel in another column', () => [side.viewColumn, a.panels.panelFor(q1)?.viewColumn], ([s, m]) => s !== undefined && m !== undefined && s !== m);
    await vscode.workspace.getConfiguration('workbench.editor').update('enablePreview', false, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q3);
    assert.ok(a.panels.panelFor(q1) && a.panels.panelFor(q2) && a.panels.panelFor(q3), 'nothing was replaced');
    await until('three question tabs', () => questionTabs().length, (n) => n === 3);
  });
});
