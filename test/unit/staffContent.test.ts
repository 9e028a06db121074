import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ContentParseError, formatContentError } from '../../src/core/contentError';
import { loadContentDir } from '../../src/core/loadContent';
import { parseCaseStudy } from '../../src/core/parseCaseStudy';
import { parseDesignLoop } from '../../src/core/parseDesignLoop';
import { DESIGN_STAGES } from '../../src/core/schema';
import { contentStats, rawContentMarkdown } from '../../src/core/stats';
import { contentWith } from './helpers';

const CASE = readFileSync('test/fixtures/staff/case-study.md', 'utf8');
const LOOP = readFileSync('test/fixtures/staff/design-loop.md', 'utf8');

/** Replaces `from` (which must occur) in `text`. */
const edit = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), `fixture contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
};

function parseError(fn: () => unknown): ContentParseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ContentParseError) return e;
    throw e;
  }
  assert.fail('expected a ContentParseError');
}

describe('case studies', () => {
  it('parses a valid case study with its sections, year and source', () => {
    const { caseStudy: c } = parseCaseStudy(CASE, 'sampling-outage-2021', 'x.md');
    assert.equal(c.title, 'A sampling misconfiguration hides an outage');
    assert.equal(c.year, 2021);
    assert.equal(c.organisation, 'Example Corp');
    assert.deepEqual(c.topics, ['alpha-topic']);
    assert.deepEqual(c.questions, ['trace-sampling', 'structured-logging']);
    assert.equal(c.sourceUrl, 'https://example.com/postmortems/sampling-2021');
    assert.match(c.summary, /six hours/);
    assert.equal(c.lessons.length, 2);
    assert.equal(c.interviewerQuestions.length, 3);
  });

  const cases: { name: string; text: string; line: number; message: RegExp }[] = [
    { name: 'a wrong kind', text: edit(CASE, 'kind: case-study', 'kind: case'), line: 3, message: /header "kind"/ },
    { name: 'a bad date', text: edit(CASE, 'date: 2021-03-04', 'date: March 2021'), line: 4, message: /YYYY-MM-DD/ },
    { name: 'an http source', text: edit(CASE, 'source: https://', 'source: http://'), line: 8, message: /https/ },
    { name: 'no topics', text: edit(CASE, 'topics: [alpha-topic]', 'topics: []'), line: 6, message: /at least 1 topic/ },
    { name: 'nine questions', text: edit(CASE, 'questions: [trace-sampling, structured-logging]', `questions: [${Array.from({ length: 9 }, (_, i) => `q-${i}-id`).join(', ')}]`), line: 7, message: /at most 8/ },
    { name: 'a missing source-title', text: edit(CASE, 'source-title: Example Corp postmortem, March 2021\n', ''), line: 1, message: /missing header key "source-title"/ },
    { name: 'lessons that are no list', text: edit(CASE, '- Keep every error trace: sample on outcome, not on arrival.\n- Alert', 'Keep every error trace.\nAlert'), line: 18, message: /must be a list/ },
    { name: 'two interviewer questions', text: edit(CASE, '- How would you detect that your telemetry went blind?\n', ''), line: 22, message: /3–6 items, found 2/ },
    { name: 'a missing section', text: edit(CASE, '# What happened\nA config change lowered the sampling rate; the error path was rare, so no trace of it survived.\n\n', ''), line: 19, message: /missing required section "# What happened"/ },
    { name: 'an unknown section', text: `${CASE}\n# Trivia\nx\n`, line: 27, message: /unknown section "# Trivia"/ },
  ];
  for (const c of cases) {
    it(`reports ${c.name} at line ${c.line}`, () => {
      const e = parseError(() => parseCaseStudy(c.text, 'sampling-outage-2021', 'x.md'));
      assert.match(e.message, c.message);
      assert.equal(e.line, c.line, e.message);
    });
  }
});

describe('design loops', () => {
  it('parses the six stages in order with time boxes, key points and rubric', () => {
    const { loop } = parseDesignLoop(LOOP, 'trace-sampling-loop', 'x.md');
    assert.deepEqual(loop.stages.map((s) => s.name), [...DESIGN_STAGES]);
    assert.deepEqual(loop.stages.map((s) => s.minutes), [5, 5, 15, 10, 5, 5]);
    assert.equal(loop.minutes, 45);
    assert.match(loop.brief, /2,000-service/);
    assert.deepEqual(loop.stages[0]?.keyPoints, ['asks for the budget', 'asks which traces must be kept']);
    assert.equal(loop.stages[0]?.rubric.staff, 'ties the budget to the questions traces must answer.');
    assert.equal(loop.stages[1]?.line, 26);
    assert.deepEqual(loop.related, ['trace-sampling']);
  });

  const cases: { name: string; text: string; line: number; message: RegExp }[] = [
    { name: 'minutes that do not add up', text: edit(LOOP, 'minutes: 45', 'minutes: 50'), line: 6, message: /add up to 45 min, but the header says minutes: 50/ },
    { name: 'a difficulty that does not exist', text: edit(LOOP, 'difficulty: staff', 'difficulty: principal'), line: 5, message: /header "difficulty"/ },
    { name: 'text before the brief', text: edit(LOOP, '# Brief\n', 'Hello\n\n# Brief\n'), line: 10, message: /before the first "# Brief"/ },
    { name: 'stages out of order', text: edit(LOOP, '# Stage: Estimate (5 min)', '# Stage: Design (5 min)'), line: 26, message: /stage 2 must be "Estimate", found "Design"/ },
    { name: 'a stage without a time box', text: edit(LOOP, '# Stage: Clarify (5 min)', '# Stage: Clarify'), line: 13, message: /unknown section "# Stage: Clarify"/ },
    { name: 'a missing stage', text: LOOP.slice(0, LOOP.indexOf('# Stage: Wrap-up')), line: 65, message: /missing "# Stage: Wrap-up/ },
    { name: 'a seventh stage', text: `${LOOP}\n# Stage: Clarify (5 min)\n## Prompt\nx\n`, line: 91, message: /exactly 6 stages/ },
    { name: 'a missing subsection', text: edit(LOOP, '## Reference\nAsk about traffic, budget, and which traces must never be lost.\n', ''), line: 16, message: /stage "Clarify": expected "## Reference", found "## Key points"/ },
    { name: 'one key point', text: edit(LOOP, '- asks which traces must be kept\n', ''), line: 18, message: /"## Key points" needs 2–6 items, found 1/ },
    { name: 'a rubric item with the wrong level', text: edit(LOOP, '- Staff: ties the budget', '- Lead: ties the budget'), line: 23, message: /rubric item 2 must start "Staff:"/ },
    { name: 'a rubric item after blank lines', text: edit(LOOP, '## Rubric\n- Senior: asks about traffic and budget.\n- Staff: ties', '## Rubric\n\n- Senior: asks about traffic and budget.\n- Lead: ties'), line: 24, message: /rubric item 2 must start "Staff:"/ },
    { name: 'a two-item rubric', text: edit(LOOP, '- Principal: asks who owns the budget across the company.\n', ''), line: 21, message: /exactly 3 items/ },
    { name: 'an empty prompt', text: edit(LOOP, '## Prompt\nHow much data is this?\n', '## Prompt\n'), line: 27, message: /"## Prompt" is empty/ },
  ];
  for (const c of cases) {
    it(`reports ${c.name} at line ${c.line}`, () => {
      const e = parseError(() => parseDesignLoop(c.text, 'trace-sampling-loop', 'x.md'));
      assert.match(e.message, c.message);
      assert.equal(e.line, c.line, e.message);
    });
  }
});

const files = (extra: Record<string, string> = {}) => contentWith({ 'case-studies/sampling-outage-2021.md': CASE, 'design-loops/trace-sampling-loop.md': LOOP, ...extra });

describe('loading case studies and design loops', () => {
  it('loads both into the bundle, linked to their topic and questions', () => {
    const { bundle, errors } = loadContentDir(files());
    assert.deepEqual(errors.map(formatContentError), []);
    assert.deepEqual(bundle.caseStudies.map((c) => c.id), ['sampling-outage-2021']);
    assert.deepEqual(bundle.designLoops.map((d) => d.id), ['trace-sampling-loop']);
  });

  const cases: { name: string; extra: Record<string, string>; file: RegExp; line: number; message: RegExp }[] = [
    { name: 'an unknown question', extra: { 'case-studies/sampling-outage-2021.md': edit(CASE, 'structured-logging]', 'no-such-question]') }, file: /sampling-outage-2021\.md$/, line: 7, message: /question "no-such-question" does not exist/ },
    { name: 'an unknown topic in a case study', extra: { 'case-studies/sampling-outage-2021.md': edit(CASE, 'topics: [alpha-topic]', 'topics: [alpha-topic, beta-topic]') }, file: /sampling-outage-2021\.md$/, line: 6, message: /topic "beta-topic" does not exist/ },
    { name: 'an unknown topic in a design loop', extra: { 'design-loops/trace-sampling-loop.md': edit(LOOP, 'topic: alpha-topic', 'topic: beta-topic') }, file: /trace-sampling-loop\.md$/, line: 4, message: /topic "beta-topic" does not exist/ },
    { name: 'an unknown related id', extra: { 'design-loops/trace-sampling-loop.md': edit(LOOP, 'related: [trace-sampling]', 'related: [nowhere-id]') }, file: /trace-sampling-loop\.md$/, line: 8, message: /related "nowhere-id" does not exist/ },
    { name: 'a case study with a question’s id', extra: { 'case-studies/trace-sampling.md': CASE }, file: /case-studies\/trace-sampling\.md$/, line: 1, message: /duplicate id "trace-sampling"/ },
    { name: 'a design loop with a case study’s id', extra: { 'design-loops/sampling-outage-2021.md': LOOP }, file: /design-loops\/sampling-outage-2021\.md$/, line: 1, message: /duplicate id "sampling-outage-2021"/ },
    { name: 'a bad file name', extra: { 'design-loops/Bad_Loop.md': LOOP }, file: /Bad_Loop\.md$/, line: 1, message: /kebab-case/ },
  ];
  for (const c of cases) {
    it(`reports ${c.name} and still loads the rest`, () => {
      const { bundle, errors } = loadContentDir(files(c.extra));
      assert.equal(errors.length, 1, errors.map(formatContentError).join('\n'));
      const [e] = errors;
      assert.match(e?.file ?? '', c.file);
      assert.equal(e?.line, c.line, e?.message);
      assert.match(e?.message ?? '', c.message);
      assert.ok(bundle.questions.length >= 3, 'the questions still load');
      assert.ok(bundle.caseStudies.length + bundle.designLoops.length >= 1, 'the valid items still load');
    });
  }
});

describe('content stats for staff depth', () => {
  it('counts design loops, case studies, staff items, sections, diagrams and checked numbers', () => {
    const dot = '\n\n```dot\ndigraph g { a -> b }\n```\nDiagram: a goes to b.\n';
    const check = ' Six hours is 360 minutes. <!-- check: 6 * 60 = 360 -->';
    const dir = files({
      'case-studies/sampling-outage-2021.md': edit(CASE, 'so no trace of it survived.', `so no trace of it survived.${check}${dot}`),
      'design-loops/trace-sampling-loop.md': edit(LOOP, 'Collectors buffer traces, a tail-sampling tier decides, storage keeps the chosen ones.', `Collectors buffer traces.${dot}`),
    });
    const { bundle, errors } = loadContentDir(dir);
    assert.deepEqual(errors.map(formatContentError), []);
    const s = contentStats(bundle, rawContentMarkdown(dir));
    assert.equal(s.designLoops, 1);
    assert.equal(s.caseStudies, 1);
    assert.equal(s.diagrams, 2);
    assert.equal(s.checkedNumbers, 1);
    const main = bundle.questions.filter((q) => q.kind !== 'follow-up');
    const parents = new Set(bundle.questions.map((q) => q.parent));
    assert.equal(s.mainQuestionsWithoutFollowUps, main.filter((q) => !parents.has(q.id)).length);
    assert.equal(s.staffSections, main.filter((q) => q.seniorVsStaff?.trim()).length);
    assert.equal(s.staffItems, bundle.questions.filter((q) => q.difficulty === 'staff').length);
    assert.ok(s.mainQuestionsWithoutFollowUps < main.length, 'the fixture has a question with a follow-up');
  });
});
