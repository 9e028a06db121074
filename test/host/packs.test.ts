import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { Interviewer } from '../../src/extension/chat/interviewer';
import { safeChatStream } from '../../src/extension/chat/safeStream';
import { ModelService } from '../../src/extension/languageModel';
import { api } from './hostApi';

const sample = (title: string, topic: string) => `---
title: ${title}
kind: work-sample
topic: ${topic}
difficulty: senior
minutes: 10
tags: [review, counter]
runnable: false
---
# Prompt
Review the counter. ![beacon](https://evil.example/pixel.png) [quit](command:workbench.action.quit)

# Reference review
It never caps.

# Defects
## no-cap
- file: counter.js
- anchor: \`this.n += by;\`
- severity: critical
- concept: the count is never capped at the maximum
- terms: [cap, maximum]

### Why it matters
Unbounded. ![beacon](https://evil.example/why.png)

### Fix
Cap it.
`;
const COUNTER = 'export class Counter {\n  add(by = 1) {\n    this.n += by;\n  }\n}\n';
const question = (title: string, prompt: string) =>
  `---\ntitle: ${title}\nkind: question\ndifficulty: senior\nminutes: 3\ntags: [team, pack]\n---\n# Prompt\n${prompt}\n\n# Answer\nThis.\n\n# Key points\n- one\n- two\n- three\n\n# Strong signals\n- s\n\n# Weak signals\n- w\n`;

describe('hostile team packs in a real VS Code', () => {
  it('reports clashing ids, a symlink out of the pack and invalid UTF-8 in Problems; the bank still opens and searches as itself', async function () {
    this.timeout(60_000);
    const { content, tree } = await api();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test window has a workspace folder');
    const before = await content.get();
    const bankQuestion = before.bundle.questions.find((q) => q.kind === 'question');
    const bankSample = before.bundle.workSamples[0];
    const bankTopic = before.topics[0];
    assert.ok(bankQuestion && bankSample && bankTopic);

    const root = join(folder.fsPath, '.practice');
    const write = (rel: string, data: string | Buffer) => {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), data);
    };
    // A sample named like a bundled question (search used to throw "duplicate ID"), one named like a bundled sample (it hijacked the tree row).
    write(`work-samples/${bankQuestion.id}/sample.md`, sample('Hijack a question id', bankTopic.id));
    write(`work-samples/${bankQuestion.id}/files/counter.js`, COUNTER);
    write(`work-samples/${bankSample.id}/sample.md`, sample('Hijack a sample id', bankTopic.id));
    write(`work-samples/${bankSample.id}/files/counter.js`, COUNTER);
    write(`topics/${bankTopic.id}.md`, '---\ntitle: Hijacked topic\norder: 1\n---\n# Summary\nMine now.\n');
    write(`questions/${bankTopic.id}/team-bytes.md`, Buffer.concat([Buffer.from(question('Broken bytes', 'x')), Buffer.from([0xff, 0xfe])]));
    const HOSTILE_PROMPT = 'What now? ![beacon](https://evil.example/p.png) <img src="https://evil.example/i.png"> [quit](command:workbench.action.quit)';
    write(`questions/${bankTopic.id}/team-good.md`, question('Our hostile tooltip question', HOSTILE_PROMPT));
    // A pack topic of its own with one question, so /quiz in chat must ask exactly that one.
    write('topics/team-hostile.md', '---\ntitle: Team hostile\norder: 90\n---\n# Summary\nOurs.\n');
    write('questions/team-hostile/team-chat.md', question('Chat beacon question ![t](https://evil.example/t.png)', HOSTILE_PROMPT));
    // files -> a folder outside the pack (think ~/.ssh).
    const secret = mkdtempSync(join(tmpdir(), 'ip-secret-'));
    writeFileSync(join(secret, 'id_rsa'), '-----BEGIN OPENSSH PRIVATE KEY-----\n');
    write('work-samples/team-keys/sample.md', sample('Keys', bankTopic.id));
    let linked = true;
    try {
      symlinkSync(secret, join(root, 'work-samples', 'team-keys', 'files'), 'dir');
    } catch (e) {
      if (process.platform !== 'win32') throw e;
      linked = false;
    }

    try {
      await vscode.commands.executeCommand('interviewPractice.refresh');
      const snapshot = await content.get();
      const problems = (rel: string) => vscode.languages.getDiagnostics(vscode.Uri.file(join(root, rel))).map((d) => d.message);
      assert.match(problems(`work-samples/${bankQuestion.id}/sample.md`).join('\n'), new RegExp(`duplicate id "${bankQuestion.id}"`));
      assert.match(problems(`work-samples/${bankSample.id}/sample.md`).join('\n'), new RegExp(`duplicate id "${bankSample.id}"`));
      assert.match(problems(`topics/${bankTopic.id}.md`).join('\n'), /already exists/);
      assert.match(problems(`questions/${bankTopic.id}/team-bytes.md`).join('\n'), /not valid UTF-8/);
      if (linked) assert.match(problems('work-samples/team-keys/files').join('\n'), /outside the content folder/);
      assert.doesNotMatch(JSON.stringify(snapshot.bundle.workSamples), /PRIVATE KEY/);

      // The bank's items still open as themselves, and search works and finds the bundled question.
      assert.equal(snapshot.question(bankQuestion.id)?.source.file, bankQuestion.source.file);
      assert.equal(snapshot.workSample(bankSample.id)?.title, bankSample.title);
      assert.equal(snapshot.workSample(bankQuestion.id), undefined);
      assert.equal(snapshot.topic(bankTopic.id)?.title, bankTopic.title);
      const hits = (await content.search()).search(bankQuestion.title, 30);
      assert.ok(hits.some((h) => h.id === bankQuestion.id && h.kind === bankQuestion.kind), JSON.stringify(hits.slice(0, 5)));
      const sampleItem = await tree.getTreeItem({ kind: 'sample', sample: snapshot.workSample(bankSample.id)! });
      assert.equal(sampleItem.label, bankSample.title);

      // Pack text in a tooltip cannot fetch or run anything.
      const good = snapshot.question('team-good');
      assert.ok(good, 'the good pack question still loads');
      const tip = (await tree.getTreeItem({ kind: 'question', question: good })).tooltip;
      assert.ok(tip instanceof vscode.MarkdownString);
      assert.equal(tip.isTrusted, false);
      assert.equal(tip.supportHtml, false);
      assert.doesNotMatch(tip.value, /!\[|<img|\]\(command:/);
      assert.match(tip.value, /beacon/);

      // The same pack text asked by @interviewer in chat: Markdown without images, HTML or command links, untrusted.
      const log = vscode.window.createOutputChannel('packs-chat-tests', { log: true });
      try {
        const chat = new Interviewer({ content, progress: (await api()).progress, model: new ModelService(log, { selectChatModels: async () => [] }), log, random: () => 0.5 });
        const parts: vscode.MarkdownString[] = [];
        const stream = { markdown: (v: string | vscode.MarkdownString) => parts.push(typeof v === 'string' ? new vscode.MarkdownString(v) : v), button: () => undefined, progress: () => undefined, anchor: () => undefined, filetree: () => undefined, reference: () => undefined, push: () => undefined } as unknown as vscode.ChatResponseStream;
        const request = { prompt: 'Team hostile', command: 'quiz', references: [], toolReferences: [], toolInvocationToken: undefined as never, model: undefined as unknown as vscode.LanguageModelChat } satisfies vscode.ChatRequest;
        await chat.handle(request, { history: [] }, safeChatStream(stream), new vscode.CancellationTokenSource().token);
        const said = parts.map((p) => p.value).join('');
        assert.match(said.replace(/\\(.)/g, '$1'), /What now\?/, `chat asked the pack question: ${said}`);
        assert.ok(parts.every((p) => p.isTrusted === false && p.supportHtml === false), 'every chat part is untrusted Markdown without HTML');
        assert.doesNotMatch(said, /!\[|<img|\]\(command:/);
      } finally {
        log.dispose();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(secret, { recursive: true, force: true });
      await vscode.commands.executeCommand('interviewPractice.refresh');
      await content.get();
    }
    assert.equal(vscode.languages.getDiagnostics(vscode.Uri.file(join(root, `topics/${bankTopic.id}.md`))).length, 0);
  });
});
