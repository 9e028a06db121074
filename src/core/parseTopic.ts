import { lexer, type Tokens } from 'marked';
import { ContentParseError } from './contentError';
import { parseHeader } from './frontmatter';
import { validateHeader } from './headerValidation';
import { readSections } from './parseQuestion';
import { readingSchema, topicHeaderSchema, type Reading, type Topic } from './schema';

const TOPIC_SECTIONS = [
  { heading: 'Summary', required: true, kind: 'markdown' },
  { heading: 'Context', required: false, kind: 'markdown' },
  { heading: 'Further reading', required: false, kind: 'list' },
] as const;

export function parseTopic(text: string, id: string, file: string): Topic {
  const header = parseHeader(text);
  const h = validateHeader(topicHeaderSchema, header);
  const found = readSections(header.body, header.endLine + 1, TOPIC_SECTIONS, file);
  const reading = found.get('Further reading');
  return {
    id,
    title: h.title,
    order: h.order,
    icon: h.icon,
    summary: found.get('Summary')?.markdown ?? '',
    context: found.get('Context')?.markdown,
    furtherReading: reading ? parseReadingList(reading.markdown, reading.line) : [],
    source: { file, line: 1 },
  };
}

/** Each item is `[Title](https://address): why to read it`. */
function parseReadingList(markdown: string, line: number): Reading[] {
  const list = lexer(markdown).find((t): t is Tokens.List => t.type === 'list');
  return (list?.items ?? []).map((item, i) => {
    const m = /^\[([^\]]+)\]\(([^)\s]+)\)\s*[:—–-]?\s*(.*)$/s.exec(item.text.trim());
    if (!m) throw new ContentParseError(line + 1 + i, 'a further-reading item must look like "[Title](https://address): why to read it"');
    const parsed = readingSchema.safeParse({ title: m[1], url: m[2], note: (m[3] ?? '').trim() });
    if (!parsed.success) throw new ContentParseError(line + 1 + i, `further reading "${m[1]}": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  });
}
