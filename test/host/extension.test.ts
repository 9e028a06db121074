import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { openWalkthroughOnce } from '../../src/extension/walkthrough';
import type { ExtensionApi } from '../../src/extension/app';
import { VIEW_TYPES } from '../../src/extension/viewTypes';
import type { TopicNode } from '../../src/extension/topicsTree';
import type { ReviewJudgement } from '../../src/core/judge/reviewJudge';
import type { TestRunReport } from '../../src/core/workSamples/runner';
import { api, EXTENSION_ID } from './hostApi';

const ext = () => {
  const e = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(e);
  return e;
};

type Exports = { ready(): Promise<ExtensionApi> };

describe('extension in a real VS Code', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates, and loads the app behind the entry point on demand', async () => {
    const ext = vscode.extensions.getExtension<Exports>(EXTENSION_ID);
    assert.ok(ext);
    const exports = ext.isActive ? ext.exports : await ext.activate();
    const app = await exports.ready();
    assert.ok(app.content && app.panels);
    assert.equal(await exports.ready(), app, 'loaded once');
  });

  it('registers every command in package.json, and no command that package.json lacks', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const declared = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    // VS Code itself adds focus/open commands for each view (interviewPractice.topics.focus…): not ours.
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('interviewPractice.') && !c.startsWith('interviewPractice.topics.')).sort();
    assert.deepEqual(registered, declared);
    assert.deepEqual([...(await api()).registeredCommands].sort(), declared);
  });

  it('registers a panel host for every view type, and package.json activates on exactly those', async () => {
    const activated = (ext().packageJSON.activationEvents as string[]).filter((e) => e.startsWith('onWebviewPanel:')).map((e) => e.slice('onWebviewPanel:'.length));
    const registered = [...(await api()).registeredViewTypes].sort();
    assert.deepEqual(registered, [...activated].sort());
    assert.deepEqual(registered, Object.values(VIEW_TYPES).sort());
  });

  it('revives a panel with its own options and a fresh nonce, and closes one with nothing to show', async () => {
    const { panels, content, dashboard } = await api();
    const q = (await content.get()).bundle.questions[1];
    assert.ok(q);
    const nonceOf = (html: string) => /nonce="([^"]+)"/.exec(html)?.[1];
    const restored = vscode.window.createWebviewPanel(VIEW_TYPES.question, 'restored', vscode.ViewColumn.Active, {});
    await panels.host.deserializeWebviewPanel(restored, { questionId: q.id, revealed: true });
    assert.equal(restored.title, q.title);
    assert.equal(restored.webview.options.enableScripts, true);
    assert.equal(restored.webview.options.enableCommandUris, false);
    assert.match(restored.webview.html, /<div id="answer">/, 'the answer comes back revealed');
    const first = nonceOf(restored.webview.html);
    assert.ok(first);
    await panels.host.find(q.id)?.render();
    const second = nonceOf(restored.webview.html);
    assert.ok(second && second !== first, 'every render has its own nonce');
    restored.dispose();

    let disposed = false;
    const gone = vscode.window.createWebviewPanel(VIEW_TYPES.question, 'gone', vscode.ViewColumn.Active, {});
    gone.onDidDispose(() => (disposed = true));
    await panels.host.deserializeWebviewPanel(gone, { questionId: 'no-such-question-id' });
    assert.equal(disposed, true, 'a panel whose question left the bank is closed');

    await dashboard.open();
    const board = dashboard.host.find('dashboard')?.panel;
    assert.ok(board);
    assert.equal(board.webview.options.enableScripts, false, 'the dashboard runs no script');
    assert.deepEqual(board.webview.options.localResourceRoots, [], 'no script and inline styles: the dashboard may load nothing');
    board.dispose();
  });

  it('shows every topic of the bank in the Topics tree, each with its questions', async () => {
    const { tree, content } = await api();
    const snapshot = await content.get();
    assert.deepEqual(snapshot.errors, [], 'the bundled bank loads without errors');
    const topics = await tree.getChildren();
    assert.deepEqual(
      topics.map((t) => (t.kind === 'topic' ? t.topic.id : t.kind)),
      snapshot.topics.map((t) => t.id),
    );
    assert.ok(topics.length >= 1);
    for (const topic of topics) {
      const children = await tree.getChildren(topic);
      assert.ok(children.length > 0, `topic ${topic.kind === 'topic' ? topic.topic.id : ''} has questions`);
      const item = await tree.getTreeItem(topic);
      assert.match(String(item.description), /\d+ questions/);
    }
    const firstTopic = topics[0] as TopicNode;
    const firstQuestion = (await tree.getChildren(firstTopic)).find((n) => n.kind === 'question');
    assert.ok(firstQuestion && firstQuestion.kind === 'question');
    const item = await tree.getTreeItem(firstQuestion);
    assert.equal(item.label, firstQuestion.question.title);
    assert.match(String(item.description), /^(Intermediate|Senior|Staff) · New/);
    assert.equal(item.command?.command, 'interviewPractice.openQuestion');
    assert.ok(item.tooltip instanceof vscode.MarkdownString && item.tooltip.value.includes(firstQuestion.question.prompt.slice(0, 30)));
  });

  it('opens one question panel per question, with locked-down webview options, and reuses it', async () => {
    const { panels, content } = await api();
    const q = (await content.get()).bundle.questions[0];
    assert.ok(q);
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q.id);
    const panel = panels.panelFor(q.id);
    assert.ok(panel, 'a panel opened');
    assert.equal(panel.viewType, 'interviewPractice.question');
    assert.equal(panel.title, q.title);
    assert.equal(panel.webview.options.enableScripts, true);
    assert.equal(panel.webview.options.enableCommandUris, false);
    assert.deepEqual(
      panel.webview.options.localResourceRoots?.map((u) => u.path.split('/').slice(-2).join('/')),
      ['dist/webview'],
      'only its script folder (the styles are inline)',
    );
    assert.match(panel.webview.html, /Content-Security-Policy/);
    assert.match(panel.webview.html, /<div id="answer" hidden>/);
    await vscode.commands.executeCommand('interviewPractice.openQuestion', q.id);
    assert.equal(panels.openQuestionIds().filter((id) => id === q.id).length, 1, 'reused, not duplicated');
    await vscode.commands.executeCommand('interviewPractice.openQuestion', 'no-such-question-id');
    assert.ok(!panels.openQuestionIds().includes('no-such-question-id'));
  });

  it('search finds a question by a title word typed with a typo', async () => {
    const { content } = await api();
    const snapshot = await content.get();
    const q = snapshot.bundle.questions.find((x) => x.kind !== 'follow-up' && x.title.split(' ').some((w) => w.length >= 8));
    assert.ok(q);
    const word = q.title.split(' ').find((w) => w.length >= 8) as string;
    const typo = word.slice(0, 3) + word.slice(4); // drop one letter
    const hits = (await content.search()).search(`${typo}`, 20).map((h) => h.id);
    assert.ok(hits.includes(q.id), `"${typo}" finds ${q.id}`);
  });

  it('grading records progress that the tree shows, and export → import round-trips', async () => {
    const { progress, tree, content } = await api();
    const snapshot = await content.get();
    const q = snapshot.bundle.questions.find((x) => x.kind !== 'follow-up');
    assert.ok(q);
    await progress.record({ kind: 'review', id: q.id, rating: 3, covered: 3, of: q.keyPoints.length, seconds: 60 });
    const item = await tree.getTreeItem({ kind: 'question', question: q });
    assert.match(String(item.description), /Learning/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-filled');

    const file = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'ip-export-')), 'progress.json'));
    await vscode.commands.executeCommand('interviewPractice.exportProgress', file);
    const exported = JSON.parse(readFileSync(file.fsPath, 'utf8')) as { events: { id?: string }[] };
    assert.ok(exported.events.some((e) => e.id === q.id));

    await vscode.commands.executeCommand('interviewPractice.resetProgress', true);
    assert.equal((await progress.model()).state(q.id, new Date()), 'new');
    await vscode.commands.executeCommand('interviewPractice.importProgress', file);
    assert.equal((await progress.model()).state(q.id, new Date()), 'learning', 'the imported grade is back');
  });
});

describe('the Get Started walkthrough', () => {
  it('does not open by itself under tests, nor when the test harness asks, and then does not count as shown', async () => {
    const state = new Map<string, unknown>();
    const context = (mode: vscode.ExtensionMode) =>
      ({ extensionMode: mode, extension: ext(), globalState: { get: (k: string) => state.get(k), update: async (k: string, v: unknown) => void state.set(k, v) } }) as unknown as vscode.ExtensionContext;
    assert.equal(await openWalkthroughOnce(context(vscode.ExtensionMode.Test), {}), false);
    assert.equal(await openWalkthroughOnce(context(vscode.ExtensionMode.Development), { INTERVIEW_PRACTICE_NO_WALKTHROUGH: '1' }), false);
    assert.equal(state.size, 0);
  });

  it('completes "Open a question" and "Try a work sample" on context keys, not only on commands', () => {
    const walkthrough = (ext().packageJSON as { contributes: { walkthroughs: { steps: { id: string; completionEvents: string[] }[] }[] } }).contributes.walkthroughs[0];
    const events = (id: string) => walkthrough?.steps.find((s) => s.id === id)?.completionEvents ?? [];
    assert.ok(events('openQuestion').includes('onContext:interviewPractice.openedQuestion'));
    assert.ok(events('workSample').includes('onContext:interviewPractice.openedWorkSample'));
  });
});

describe('work samples in a real VS Code', () => {
  const SAMPLE = 'token-bucket-rate-limiter';

  it('opens a sample: its files exist in the practice folder and are open as real documents', async () => {
    const { workSamples, content } = await api();
    const sample = (await content.get()).workSample(SAMPLE);
    assert.ok(sample, `${SAMPLE} is in the bank`);
    assert.equal(await workSamples.open(SAMPLE, { overwrite: true }), true);
    const folder = workSamples.folderOf(SAMPLE);
    assert.ok(folder);
    for (const f of sample.files) assert.ok(existsSync(vscode.Uri.joinPath(folder, f.path).fsPath), `${f.path} was copied`);
    const open = vscode.workspace.textDocuments.map((d) => d.uri.fsPath);
    for (const f of sample.open) assert.ok(open.includes(vscode.Uri.joinPath(folder, f).fsPath), `${f} is open`);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath.endsWith(sample.open[0] ?? ''));
    assert.equal(doc?.languageId, 'javascript', 'a real document with its language service');
  });

  it('tells the task panel when a comment is added or deleted, and says when a sample was opened', async () => {
    const { workSamples } = await api();
    const opened: string[] = [];
    const changed: string[] = [];
    const subs = [workSamples.onDidOpenSample((id) => opened.push(id)), workSamples.comments.onDidChange((id) => changed.push(id))];
    try {
      assert.equal(await workSamples.open(SAMPLE, { overwrite: false }), true);
      assert.deepEqual(opened, [SAMPLE], 'the walkthrough step hears of it');
      const folder = workSamples.folderOf(SAMPLE);
      assert.ok(folder);
      workSamples.comments.clearAll(SAMPLE);
      const thread = workSamples.comments.add(vscode.Uri.joinPath(folder, 'rate-limiter.js'), 3, 'First comment, added the way restore adds it.');
      // A reply typed in the gutter's comment box, as the Comments UI delivers it.
      await vscode.commands.executeCommand('interviewPractice.addReviewComment', { thread, text: 'The refill uses milliseconds as seconds, a unit mismatch.' });
      assert.deepEqual(changed, [SAMPLE]);
      assert.equal(workSamples.comments.count(SAMPLE), 2);
      await workSamples.comments.removeThread(thread);
      assert.deepEqual(changed, [SAMPLE, SAMPLE]);
      assert.equal(workSamples.comments.count(SAMPLE), 0);
    } finally {
      for (const sub of subs) sub.dispose();
    }
  });

  it('judges comments by what they say: one right, one wrong, one dismissive; then a self-mark is recorded as such', async () => {
    const { workSamples, content, progress } = await api();
    const sample = (await content.get()).workSample(SAMPLE);
    const folder = workSamples.folderOf(SAMPLE);
    assert.ok(sample && folder);
    const lineOf = (file: string, code: string) => {
      const text = sample.files.find((f) => f.path === file)?.text ?? '';
      return text.slice(0, text.indexOf(code)).split('\n').length;
    };
    const file = 'rate-limiter.js';
    workSamples.comments.clearAll(SAMPLE);
    workSamples.comments.add(vscode.Uri.joinPath(folder, file), lineOf(file, 'const refilled = elapsed * this.refillPerSecond;'), 'Off by three orders of magnitude: the timestamp delta is milliseconds and it is never converted before being multiplied by a per-second rate.');
    workSamples.comments.add(vscode.Uri.joinPath(folder, file), lineOf(file, 'const tokens = state.tokens + refilled;'), 'This should use Math.floor, fractional tokens will confuse clients.');
    workSamples.comments.add(vscode.Uri.joinPath(folder, file), lineOf(file, '(await this.store.get(key))'), 'No race here, JS is single-threaded so this is fine.');
    const grade = await vscode.commands.executeCommand<ReviewJudgement | undefined>('interviewPractice.submitReview', SAMPLE);
    assert.ok(grade);
    assert.deepEqual(grade.found.map((f) => f.defect.id), ['refill-unit-ms']);
    assert.deepEqual(grade.unmatched, [1, 2]);
    assert.equal(grade.comments[2]?.rejected, 'dismissive');
    assert.ok(grade.score > 0 && grade.score < 100);
    let attempts = (await progress.model()).sampleAttempts(SAMPLE);
    const last = attempts[attempts.length - 1];
    assert.ok(last && last.score === grade.score && last.judge === 'offline', 'the judged score is kept with the progress');
    await workSamples.markDefect(SAMPLE, 'uncapped-burst', true);
    attempts = (await progress.model()).sampleAttempts(SAMPLE);
    const marked = attempts[attempts.length - 1];
    assert.ok(marked);
    assert.deepEqual([...marked.judged], ['refill-unit-ms'], 'the judge’s credit stays the judge’s');
    assert.deepEqual(marked.marks, { 'uncapped-burst': true }, 'the self-mark is recorded as the user’s');
    assert.ok(marked.score > grade.score);
  });

  it('runs the user’s tests against the reference and every planted bug', async function () {
    this.timeout(180_000);
    const { workSamples, content } = await api();
    const sample = (await content.get()).workSample(SAMPLE);
    const folder = workSamples.folderOf(SAMPLE);
    assert.ok(sample && folder && sample.testFile);
    const strong = sample.checks[0]?.text ?? '';
    // The user writes tests in the editor: replace the test file's text in its document, unsaved.
    const uri = vscode.Uri.joinPath(folder, sample.testFile);
    const doc = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), strong);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText(), strong);
    const report = await vscode.commands.executeCommand<TestRunReport | undefined>('interviewPractice.runMyTests', SAMPLE);
    assert.ok(report);
    assert.equal(report.reference.passed, true, report.reference.output.slice(-2000));
    assert.ok(report.caught.length >= 1, report.summary);
    assert.match(report.summary, /pass on the correct version and catch \d+ of \d+ planted bugs/);
  });
});

describe('team question packs in a real VS Code', () => {
  it('loads a workspace .practice/ pack, and shows its broken file in the Problems panel at the right line', async () => {
    const { content, tree } = await api();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test window has a workspace folder');
    const q = (title: string, difficulty: string) =>
      `---\ntitle: ${title}\nkind: question\ndifficulty: ${difficulty}\nminutes: 3\ntags: [team, pack]\n---\n# Prompt\nWhat do we do?\n\n# Answer\nThis.\n\n# Key points\n- one\n- two\n- three\n\n# Strong signals\n- s\n\n# Weak signals\n- w\n`;
    const write = (rel: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '.practice', rel), Buffer.from(text, 'utf8'));
    await write('topics/team-pack.md', '---\ntitle: Our Team Pack\norder: 99\n---\n# Summary\nQuestions our team asks in its own interviews.\n');
    await write('questions/team-pack/team-deploys.md', q('How our team deploys', 'senior'));
    await write('questions/team-pack/team-broken.md', q('Broken one', 'wizard'));
    await vscode.commands.executeCommand('interviewPractice.refresh');
    const snapshot = await content.get();
    assert.ok(snapshot.question('team-deploys'), 'the good pack question loads');
    assert.ok(!snapshot.question('team-broken'));
    assert.ok(snapshot.topics.some((t) => t.id === 'team-pack'));
    const topics = await tree.getChildren();
    assert.ok(topics.some((t) => t.kind === 'topic' && t.topic.id === 'team-pack'), 'the pack topic shows in the tree');
    const broken = vscode.Uri.joinPath(folder, '.practice', 'questions', 'team-pack', 'team-broken.md');
    const diagnostics = vscode.languages.getDiagnostics(broken);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.range.start.line, 3, 'line 4 (difficulty) in the editor');
    assert.match(diagnostics[0]?.message ?? '', /difficulty/);
    assert.equal(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Error);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, '.practice'), { recursive: true });
    await vscode.commands.executeCommand('interviewPractice.refresh');
    await content.get();
    assert.equal(vscode.languages.getDiagnostics(broken).length, 0, 'fixed or removed files clear their problems');
  });
});

describe('mock interview and dashboard in a real VS Code', () => {
  it('runs a two-question mock interview to a saved-able transcript, and feeds the grades to spaced repetition', async () => {
    const { mock, progress, content } = await api();
    const snapshot = await content.get();
    const topic = snapshot.topics[0];
    assert.ok(topic);
    const state = await mock.start({ topics: [topic.id], difficulty: 'any', questions: 2, minutes: 20 });
    assert.ok(state);
    assert.equal(state.items.length, 2);
    const before = (await progress.model()).reviews().length;
    const finished = new Promise<vscode.TextDocument>((resolve) => mock.onDidFinish(resolve));
    let guard = 0;
    while (mock.state() && guard++ < 10) {
      const phase = mock.state()?.phase;
      if (phase === 'answering' || phase === 'followUp') await mock.receive({ type: 'mockSubmit', answer: 'I would start by naming my position.', timedOut: false });
      else await mock.receive({ type: 'mockGrade', covered: [0, 1] });
    }
    const doc = await finished;
    // Rendered, not raw: VS Code's Markdown preview of the transcript is open (its source is the document below).
    const previews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));
    for (let i = 0; i < 50 && previews().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(previews().length, 1, 'the transcript opens in the Markdown preview');
    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.isUntitled, true, 'an editor document the user can save');
    const text = doc.getText();
    assert.match(text, /## Scorecard/);
    for (const item of state.items) assert.ok(text.includes(snapshot.question(item.main.questionId)?.title ?? '∅'));
    const turns = state.items.reduce((n, i) => n + 1 + (i.followUp ? 1 : 0), 0);
    assert.equal((await progress.model()).reviews().length, before + turns, 'each answered turn becomes a review');
    await mock.receive({ type: 'mockSubmit', answer: 'late', timedOut: false });
    assert.equal(mock.state(), undefined, 'a finished interview ignores further messages');
  });

  it('shows the readiness dashboard with every topic', async () => {
    const { dashboard, content } = await api();
    const data = await vscode.commands.executeCommand<unknown>('interviewPractice.showDashboard').then(() => dashboard.last);
    assert.ok(data);
    assert.equal(data.topics.length, (await content.get()).topics.length);
    assert.equal(data.forecast.length, 30);
  });
});
