import { ContentParseError } from './contentError';
import { parseHeader } from './frontmatter';
import { validateHeader } from './headerValidation';
import { readSections } from './parseQuestion';
import { caseStudyHeaderSchema, type CaseStudy } from './schema';
import { listItems } from './sections';

const CASE_STUDY_SECTIONS = [
  { heading: 'Summary', required: true, kind: 'markdown' },
  { heading: 'What happened', required: true, kind: 'markdown' },
  { heading: 'Lessons', required: true, kind: 'list' },
  { heading: 'What an interviewer would ask', required: true, kind: 'list' },
] as const;

export interface ParsedCaseStudy {
  readonly caseStudy: CaseStudy;
  /** Line of each header key, so the loader can point at an unknown topic or question. */
  readonly headerLines: Record<string, number>;
}

/** Parses content/case-studies/<id>.md. Throws ContentParseError at the line of the first problem. */
export function parseCaseStudy(text: string, id: string, file: string): ParsedCaseStudy {
  const header = parseHeader(text);
  const h = validateHeader(caseStudyHeaderSchema, header);
  const found = readSections(header.body, header.endLine + 1, CASE_STUDY_SECTIONS, file);
  const items = (name: string) => (listItems(found.get(name)?.tokens ?? []) ?? []).filter((i) => i !== '');
  const asks = items('What an interviewer would ask');
  if (asks.length < 3 || asks.length > 6) {
    throw new ContentParseError(found.get('What an interviewer would ask')?.line ?? 1, `# What an interviewer would ask needs 3–6 items, found ${asks.length}`);
  }
  const dupTopic = h.topics.find((t, i) => h.topics.indexOf(t) !== i);
  if (dupTopic) throw new ContentParseError(header.lines.topics ?? 1, `topic "${dupTopic}" is listed twice`);
  const dupQuestion = h.questions.find((q, i) => h.questions.indexOf(q) !== i);
  if (dupQuestion) throw new ContentParseError(header.lines.questions ?? 1, `question "${dupQuestion}" is listed twice`);
  return {
    caseStudy: {
      id,
      title: h.title,
      date: h.date,
      year: Number(h.date.slice(0, 4)),
      organisation: h.organisation,
      topics: h.topics,
      questions: h.questions,
      sourceUrl: h.source,
      sourceTitle: h['source-title'],
      tags: h.tags.map((t) => t.toLowerCase()),
      summary: found.get('Summary')?.markdown ?? '',
      whatHappened: found.get('What happened')?.markdown ?? '',
      lessons: items('Lessons'),
      interviewerQuestions: asks,
      source: { file, line: 1 },
    },
    headerLines: header.lines,
  };
}
