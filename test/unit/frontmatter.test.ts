import assert from 'node:assert/strict';
import { ContentParseError } from '../../src/core/contentError';
import { parseHeader } from '../../src/core/frontmatter';

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

  const bad: [string, string, number, RegExp][] = [
    ['no opening line', 'title: x\n---\n', 1, /must start with/],
    ['unclosed header', '---\ntitle: x\n', 1, /not closed/],
    ['garbage line', '---\ntitle: x\nthis is not a key\n---\n', 3, /cannot read header line/],
    ['duplicate key', '---\ntitle: x\ntitle: y\n---\n', 3, /duplicate header key "title"/],
    ['orphan list item', '---\n  - item\n---\n', 2, /without a `key:` line/],
    ['unclosed inline list', '---\ntags: [a, b\n---\n', 2, /unclosed list/],
  ];
  for (const [name, text, line, message] of bad) {
    it(`rejects ${name} at line ${line}`, () => {
      assert.throws(
        () => parseHeader(text),
        (e: unknown) => e instanceof ContentParseError && e.line === line && message.test(e.message),
      );
    });
  }
});
