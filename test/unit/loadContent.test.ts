import assert from 'node:assert/strict';
import { join } from 'node:path';
import { formatContentError } from '../../src/core/contentError';
import { loadContentDir } from '../../src/core/loadContent';
import { contentStats } from '../../src/core/stats';
import { contentWith, FIXTURE_CONTENT } from './helpers';

const good = (over: Record<string, string> = {}) => {
  const header: Record<string, string> = {
    title: 'A fine question title',
    kind: 'question',
    difficulty: 'senior',
    minutes: '3',
    tags: '[one, two]',
    ...over,
  };
  const head = Object.entries(header)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${head}\n---\n# Prompt\nWhat?\n\n# Answer\nThis.\n\n# Key points\n- one\n- two\n- three\n\n# Strong signals\n- good\n\n# Weak signals\n- bad\n`;
};

describe('content loader', () => {
  it('loads the fixture bank with topics, questions, follow-ups and links', () => {
    const { bundle, errors } = loadContentDir(FIXTURE_CONTENT);
    assert.deepEqual(errors, []);
    assert.deepEqual(bundle.topics.map((t) => t.id), ['alpha-topic']);
    const q = bundle.questions.find((x) => x.id === 'trace-sampling');
    assert.ok(q);
    assert.equal(q.topic, 'alpha-topic');
    assert.equal(q.difficulty, 'senior');
    assert.deepEqual(q.keyPoints.length, 3);
    assert.deepEqual(q.related, ['structured-logging']);
    assert.deepEqual(q.aliases, ['How do you keep tracing costs down?']);
    assert.match(q.answer, /\| Policy \| Keep \|/);
    assert.equal(bundle.topics[0]?.furtherReading[0]?.url, 'https://opentelemetry.io/docs/');
    const stats = contentStats(bundle);
    assert.deepEqual(stats.topics, [{ id: 'alpha-topic', title: 'Observability Basics', questions: 3 }]);
    assert.equal(stats.followUps, 1);
  });

  const cases: { name: string; file: string; text: string; line: number; message: RegExp }[] = [
    { name: 'a bad difficulty', file: 'questions/alpha-topic/bad-one.md', text: good({ difficulty: 'expert' }), line: 4, message: /header "difficulty"/ },
    { name: 'a missing title', file: 'questions/alpha-topic/bad-one.md', text: good({ title: '' }), line: 1, message: /missing header key "title"/ },
    { name: 'an unknown header key', file: 'questions/alpha-topic/bad-one.md', text: good({ colour: 'red' }), line: 7, message: /unknown header key "colour"/ },
    { name: 'too few key points', file: 'questions/alpha-topic/bad-one.md', text: good().replace('- two\n- three\n', ''), line: 14, message: /Key points needs 3–7 items/ },
    { name: 'a missing section', file: 'questions/alpha-topic/bad-one.md', text: good().replace(/# Weak signals\n- bad\n/, ''), line: 19, message: /missing required section "# Weak signals"/ },
    { name: 'an unknown section', file: 'questions/alpha-topic/bad-one.md', text: good() + '\n# Trivia\nx\n', line: 25, message: /unknown section "# Trivia"/ },
    { name: 'sections out of order', file: 'questions/alpha-topic/bad-one.md', text: good().replace('# Prompt\nWhat?\n\n# Answer\nThis.', '# Answer\nThis.\n\n# Prompt\nWhat?'), line: 11, message: /out of order/ },
    { name: 'a follow-up without parent', file: 'questions/alpha-topic/bad-one.md', text: good({ kind: 'follow-up' }), line: 3, message: /needs a "parent"/ },
    { name: 'a missing parent', file: 'questions/alpha-topic/bad-one.md', text: good({ kind: 'follow-up', parent: 'nope-nope' }).replace('- three\n', ''), line: 7, message: /parent "nope-nope" does not exist/ },
    { name: 'a bad file name', file: 'questions/alpha-topic/Bad_Name.md', text: good(), line: 1, message: /kebab-case/ },
    { name: 'a folder that is no topic', file: 'questions/ghost-topic/fine-question.md', text: good(), line: 1, message: /not a topic/ },
  ];
  for (const c of cases) {
    it(`reports ${c.name} as file:line and still loads the rest`, () => {
      const dir = contentWith({ [c.file]: c.text });
      const { bundle, errors } = loadContentDir(dir);
      assert.equal(errors.length, 1, errors.map(formatContentError).join('\n'));
      const e = errors[0];
      assert.ok(e);
      assert.equal(e.file, join(dir, c.file));
      assert.equal(e.line, c.line, formatContentError(e));
      assert.match(e.message, c.message);
      assert.equal(bundle.questions.length, 4, 'the four good fixture questions still load');
    });
  }

  it('reports a related link to nothing at the related line and keeps the question', () => {
    const dir = contentWith({ 'questions/alpha-topic/linked.md': good({ related: '[trace-sampling, no-such-question]' }) });
    const { bundle, errors } = loadContentDir(dir);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.line, 7);
    assert.match(errors[0]?.message ?? '', /related "no-such-question" does not exist/);
    assert.deepEqual(bundle.questions.find((q) => q.id === 'linked')?.related, ['trace-sampling']);
  });

  it('reports a duplicate id across topics', () => {
    const dir = contentWith({
      'topics/beta-topic.md': '---\ntitle: Beta\norder: 2\n---\n# Summary\nB.\n',
      'questions/beta-topic/structured-logging.md': good(),
    });
    const { errors } = loadContentDir(dir);
    assert.equal(errors.length, 1);
    assert.match(errors[0]?.message ?? '', /duplicate id "structured-logging"/);
  });

  it('survives binary garbage and empty files with one error each', () => {
    const dir = contentWith({
      'questions/alpha-topic/garbage.md': '\u0000\u0001\u0002 not markdown at all',
      'questions/alpha-topic/empty.md': '',
    });
    const { bundle, errors } = loadContentDir(dir);
    assert.equal(errors.length, 2);
    assert.equal(bundle.questions.length, 4);
  });
});
