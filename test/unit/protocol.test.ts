import assert from 'node:assert/strict';
import { parseMessage } from '../../src/shared/protocol/common';
import { questionInbound } from '../../src/shared/protocol/question';

const parseWebviewMessage = (raw: unknown) => parseMessage(questionInbound, raw, 'question');

describe('webview message protocol', () => {
  it('accepts the messages a panel sends', () => {
    const ok = [
      { type: 'ready' },
      { type: 'revealed', questionId: 'trace-sampling' },
      { type: 'openQuestion', id: 'structured-logging' },
      { type: 'openExternal', url: 'https://opentelemetry.io/docs/' },
      { type: 'grade', questionId: 'trace-sampling', rating: 3, covered: [0, 2], draftChars: 120, elapsedSeconds: 95 },
      { type: 'undoGrade', questionId: 'trace-sampling' },
      { type: 'saveNote', questionId: 'trace-sampling', text: 'remember decision_wait' },
      { type: 'toggleFlag', questionId: 'trace-sampling' },
      { type: 'next' },
    ];
    for (const m of ok) assert.equal(parseWebviewMessage(m).ok, true, JSON.stringify(m));
  });

  const hostile: [string, unknown][] = [
    ['null', null],
    ['a string', 'grade'],
    ['an array', [1, 2]],
    ['an unknown type', { type: 'executeCommand', command: 'workbench.action.terminal.new' }],
    ['a wrong field type', { type: 'grade', questionId: 'trace-sampling', rating: '3', covered: [], draftChars: 0, elapsedSeconds: 0 }],
    ['an out-of-range rating', { type: 'grade', questionId: 'trace-sampling', rating: 9, covered: [], draftChars: 0, elapsedSeconds: 0 }],
    ['a huge note', { type: 'saveNote', questionId: 'trace-sampling', text: 'x'.repeat(60_000) }],
    ['a path-like id', { type: 'openQuestion', id: '../../etc/passwd' }],
    ['a javascript: url', { type: 'openExternal', url: 'javascript:alert(1)' }],
    ['a command: url', { type: 'openExternal', url: 'command:workbench.action.quit' }],
    ['a file: url', { type: 'openExternal', url: 'file:///etc/passwd' }],
    ['extra keys', { type: 'ready', command: 'x' }],
    ['prototype pollution', JSON.parse('{"type":"ready","__proto__":{"polluted":true}}')],
    ['a constructor key', { type: 'toggleFlag', questionId: 'trace-sampling', constructor: { prototype: { x: 1 } } }],
  ];
  for (const [name, msg] of hostile) {
    it(`rejects ${name} without throwing`, () => {
      const r = parseWebviewMessage(msg);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason, /^ignored webview message/);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  }
});
