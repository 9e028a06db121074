import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentParseError, formatContentError } from '../../src/core/contentError';
import { parseHeader } from '../../src/core/frontmatter';
import { loadContentDir } from '../../src/core/loadContent';
import { contentWith, FIXTURE_CONTENT } from './helpers';

describe('content header', () => {
  it('reads scalars, inline lists and indented lists with their line numbers', () => {
    const h = parseHeader('---\ntitle: A "quoted" title\ntags: [a, "b, c", d]\naliases:\n  - first\n  - second\n---\nbody');
    assert.equal(h.values.title, 'A "quoted" title');
    assert.deepEqual(h.values.tags, ['a', 'b, c', 'd']);
    assert.deepEqual(h.values.aliases, ['first', 'second']);
    assert.equal(h.lines.aliases, 4);
    assert.equal(h.endLine, 7);
    assert.equal(h.body, 'body');
  });

  it('reads YAML: comments dropped, quotes unescaped, every scalar kept as written text', () => {
    const h = parseHeader("---\ntitle: X # draft\nquote: 'It''s'\ndq: \"a \\\"b\\\"\"\norder: 3\ndraft: no\nempty:\n---\n");
    assert.equal(h.values.title, 'X');
    assert.equal(h.values.quote, "It's");
    assert.equal(h.values.dq, 'a "b"');
    assert.equal(h.values.order, '3');
    assert.equal(h.values.draft, 'no');
    assert.deepEqual(h.values.empty, []);
  });

  const bad: [string, string, number, RegExp][] = [
    ['no opening line', 'title: x\n---\n', 1, /must start with/],
    ['unclosed header', '---\ntitle: x\n', 1, /not closed/],
    ['garbage line', '---\ntitle: x\nthis is not a key\n---\n', 3, /not valid YAML/],
    ['duplicate key', '---\ntitle: x\ntitle: y\n---\n', 3, /duplicate header key "title"/],
    ['orphan list item', '---\n  - item\n---\n', 2, /must be `key: value` lines/],
    ['unclosed inline list', '---\ntags: [a, b\n---\n', 2, /not valid YAML/],
    ['unquoted ": " in a value', '---\nid: a\n\ntitle: Kafka: the log\n---\n', 4, /quote a value that contains ": "/],
    ['a nested map', '---\nid: a\nowner:\n  name: x\n---\n', 4, /"owner" must be a text or a list of texts/],
    ['a list of lists', '---\ntags:\n  - a\n  - [b]\n---\n', 4, /every list item must be a text/],
    ['an upper-case key', '---\nTitle: x\n---\n', 2, /cannot read header key "Title"/],
  ];
  for (const [name, text, line, message] of bad) {
    it(`rejects ${name} at line ${line}`, () => {
      assert.throws(
        () => parseHeader(text),
        (e: unknown) => e instanceof ContentParseError && e.line === line && message.test(e.message),
      );
    });
  }

  it('reports a YAML mistake in a bank file as file:line of the .md file, and loads the rest', () => {
    const rel = 'questions/alpha-topic/idempotent-consumers.md';
    const text = readFileSync(join(FIXTURE_CONTENT, rel), 'utf8').replace('minutes: 5', 'minutes: 5\nsubtitle: Kafka: the log');
    const { bundle, errors } = loadContentDir(contentWith({ [rel]: text }));
    const messages = errors.map(formatContentError);
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0] ?? '', /idempotent-consumers\.md:6: header is not valid YAML/);
    assert.ok(bundle.questions.length >= 3);
  });
});
