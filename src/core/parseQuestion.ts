import { ContentParseError } from './contentError';
import { parseHeader } from './frontmatter';
import { validateHeader } from './headerValidation';
import { questionHeaderSchema, type Question } from './schema';
import { hasContent, listItems, splitSections, type Section } from './sections';

interface SectionRule {
  readonly heading: string;
  readonly required: boolean;
  readonly kind: 'markdown' | 'list';
}

/** The sections of a question file, in the order an author writes them. */
const SECTIONS: readonly SectionRule[] = [
  { heading: 'Prompt', required: true, kind: 'markdown' },
  { heading: 'Answer', required: true, kind: 'markdown' },
  { heading: 'Key points', required: true, kind: 'list' },
  { heading: 'Strong signals', required: true, kind: 'list' },
  { heading: 'Weak signals', required: true, kind: 'list' },
  { heading: 'What the interviewer is testing', required: false, kind: 'markdown' },
  { heading: 'Senior vs staff', required: false, kind: 'markdown' },
  { heading: 'Common mistakes', required: false, kind: 'list' },
  { heading: 'Vocabulary', required: false, kind: 'list' },
  { heading: 'Example', required: false, kind: 'markdown' },
];

export interface ParsedQuestion {
  readonly question: Question;
  readonly headerLines: Record<string, number>;
}

/** Parses one question file. Throws ContentParseError with the line of the first problem. */
export function parseQuestion(text: string, id: string, topic: string, file: string): ParsedQuestion {
  const header = parseHeader(text);
  const h = validateHeader(questionHeaderSchema, header);
  if (h.kind === 'follow-up' && !h.parent) throw new ContentParseError(header.lines.kind ?? 1, 'a follow-up needs a "parent" header naming its question');
  if (h.kind !== 'follow-up' && h.parent) throw new ContentParseError(header.lines.parent ?? 1, `only follow-ups have a parent (kind is "${h.kind}")`);
  if (h.parent === id) throw new ContentParseError(header.lines.parent ?? 1, 'a question cannot be its own parent');

  const found = readSections(header.body, header.endLine + 1, SECTIONS, file);
  const md = (name: string) => found.get(name)?.markdown;
  const items = (name: string) => {
    const s = found.get(name);
    return s ? sectionList(s) : undefined;
  };

  const keyPoints = items('Key points') ?? [];
  const [minKp, maxKp] = h.kind === 'follow-up' ? [2, 5] : [3, 7];
  if (keyPoints.length < minKp || keyPoints.length > maxKp) {
    throw new ContentParseError(found.get('Key points')?.line ?? 1, `# Key points needs ${minKp}–${maxKp} items for a ${h.kind}, found ${keyPoints.length}`);
  }
  const question: Question = {
    id,
    topic,
    kind: h.kind,
    parent: h.parent,
    title: h.title,
    difficulty: h.difficulty,
    minutes: h.minutes,
    tags: h.tags.map((t) => t.toLowerCase()),
    aliases: h.aliases ?? [],
    related: h.related ?? [],
    prompt: md('Prompt') ?? '',
    answer: md('Answer') ?? '',
    keyPoints,
    strongSignals: items('Strong signals') ?? [],
    weakSignals: items('Weak signals') ?? [],
    testing: md('What the interviewer is testing'),
    seniorVsStaff: md('Senior vs staff'),
    commonMistakes: items('Common mistakes'),
    vocabulary: items('Vocabulary'),
    example: md('Example'),
    source: { file, line: 1 },
  };
  return { question, headerLines: header.lines };
}

/** Reads `#` sections against a set of rules: known headings, required ones present, in order, not empty. */
export function readSections(body: string, firstLine: number, rules: readonly SectionRule[], _file: string): Map<string, Section> {
  const { preamble, sections } = splitSections(body, firstLine);
  const stray = preamble.find((t) => t.type !== 'space');
  if (stray) throw new ContentParseError(firstLine, `text before the first "# ${rules[0]?.heading}" heading`);
  const found = new Map<string, Section>();
  let lastIndex = -1;
  for (const s of sections) {
    const index = rules.findIndex((r) => r.heading.toLowerCase() === s.heading.toLowerCase());
    if (index < 0) throw new ContentParseError(s.line, `unknown section "# ${s.heading}" (expected one of: ${rules.map((r) => r.heading).join(', ')})`);
    const rule = rules[index] as SectionRule;
    if (found.has(rule.heading)) throw new ContentParseError(s.line, `section "# ${rule.heading}" appears twice`);
    if (index < lastIndex) throw new ContentParseError(s.line, `section "# ${rule.heading}" is out of order (expected order: ${rules.map((r) => r.heading).join(', ')})`);
    if (!hasContent(s)) throw new ContentParseError(s.line, `section "# ${rule.heading}" is empty`);
    if (rule.kind === 'list' && !listItems(s.tokens)) throw new ContentParseError(s.line, `section "# ${rule.heading}" must be a list of "- " items`);
    lastIndex = index;
    found.set(rule.heading, s);
  }
  const missing = rules.find((r) => r.required && !found.has(r.heading));
  if (missing) throw new ContentParseError(sections.at(-1)?.line ?? firstLine, `missing required section "# ${missing.heading}"`);
  return found;
}

function sectionList(s: Section): string[] {
  return (listItems(s.tokens) ?? []).filter((t) => t !== '');
}
