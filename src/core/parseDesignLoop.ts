import type { Tokens } from 'marked';
import { ContentParseError } from './contentError';
import { parseHeader } from './frontmatter';
import { validateHeader } from './headerValidation';
import { DESIGN_STAGES, designLoopHeaderSchema, type DesignLoop, type DesignStage } from './schema';
import { hasContent, splitSections, type Section } from './sections';

const STAGE_HEADING = /^Stage:\s*(.+?)\s*\(\s*(\d+)\s*min\s*\)$/i;
const STAGE_PARTS = ['Prompt', 'Reference', 'Key points', 'Rubric'] as const;
const RUBRIC_LEVELS = ['Senior', 'Staff', 'Principal'] as const;

export interface ParsedDesignLoop {
  readonly loop: DesignLoop;
  readonly headerLines: Record<string, number>;
}

/**
 * Parses content/design-loops/<id>.md: a header, `# Brief`, then exactly six `# Stage: <Name> (<N> min)`
 * sections in the order of DESIGN_STAGES, each with `## Prompt`, `## Reference`, `## Key points` and
 * `## Rubric`. Throws ContentParseError at the line of the first problem.
 */
export function parseDesignLoop(text: string, id: string, file: string): ParsedDesignLoop {
  const header = parseHeader(text);
  const h = validateHeader(designLoopHeaderSchema, header);
  const fileLines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { preamble, sections } = splitSections(header.body, header.endLine + 1, 1);
  if (preamble.some((t) => t.type !== 'space')) throw new ContentParseError(header.endLine + 1, 'text before the first "# Brief" heading');
  const [brief, ...rest] = sections;
  if (!brief || brief.heading.toLowerCase() !== 'brief') throw new ContentParseError(brief?.line ?? header.endLine + 1, 'a design loop starts with "# Brief"');
  if (!hasContent(brief)) throw new ContentParseError(brief.line, 'section "# Brief" is empty');
  const stages: DesignStage[] = [];
  for (const s of rest) {
    const expected = DESIGN_STAGES[stages.length];
    const m = STAGE_HEADING.exec(s.heading);
    if (!m) throw new ContentParseError(s.line, `unknown section "# ${s.heading}" (expected "# Stage: ${expected ?? 'Name'} (N min)")`);
    if (!expected) throw new ContentParseError(s.line, `a design loop has exactly ${DESIGN_STAGES.length} stages; "# ${s.heading}" is one too many`);
    if ((m[1] ?? '').toLowerCase() !== expected.toLowerCase()) {
      throw new ContentParseError(s.line, `stage ${stages.length + 1} must be "${expected}", found "${m[1]}" (stages in order: ${DESIGN_STAGES.join(', ')})`);
    }
    const minutes = Number(m[2]);
    if (minutes < 1) throw new ContentParseError(s.line, `stage "${expected}" needs at least 1 minute`);
    stages.push(parseStage(s, expected, minutes, fileLines));
  }
  if (stages.length < DESIGN_STAGES.length) {
    throw new ContentParseError(sections.at(-1)?.line ?? header.endLine, `missing "# Stage: ${DESIGN_STAGES[stages.length]} (N min)" (a design loop has the stages ${DESIGN_STAGES.join(', ')})`);
  }
  const total = stages.reduce((n, s) => n + s.minutes, 0);
  if (total !== h.minutes) throw new ContentParseError(header.lines.minutes ?? 1, `the stages' time boxes add up to ${total} min, but the header says minutes: ${h.minutes}`);
  return {
    loop: {
      id,
      title: h.title,
      topic: h.topic,
      difficulty: h.difficulty,
      minutes: h.minutes,
      tags: h.tags.map((t) => t.toLowerCase()),
      related: h.related ?? [],
      brief: brief.markdown,
      stages,
      source: { file, line: 1 },
    },
    headerLines: header.lines,
  };
}

/** The file line on which a section's text starts (its heading swallows the blank lines after it). */
function contentStart(fileLines: readonly string[], headingLine: number): number {
  let line = headingLine + 1;
  while (line <= fileLines.length && (fileLines[line - 1] ?? '').trim() === '') line++;
  return line;
}

function parseStage(stage: Section, name: (typeof DESIGN_STAGES)[number], minutes: number, fileLines: readonly string[]): DesignStage {
  const firstLine = contentStart(fileLines, stage.line);
  const { preamble, sections } = splitSections(stage.markdown, firstLine, 2);
  const where = `stage "${name}"`;
  if (preamble.some((t) => t.type !== 'space')) throw new ContentParseError(firstLine, `${where}: text before "## Prompt"`);
  const parts = new Map<string, Section>();
  for (const [i, s] of sections.entries()) {
    const expected = STAGE_PARTS[i];
    if (!expected) throw new ContentParseError(s.line, `${where}: unexpected "## ${s.heading}" (a stage has ${STAGE_PARTS.map((p) => `## ${p}`).join(', ')})`);
    if (s.heading.toLowerCase() !== expected.toLowerCase()) throw new ContentParseError(s.line, `${where}: expected "## ${expected}", found "## ${s.heading}"`);
    if (!hasContent(s)) throw new ContentParseError(s.line, `${where}: "## ${expected}" is empty`);
    parts.set(expected, s);
  }
  const missing = STAGE_PARTS.find((p) => !parts.has(p));
  if (missing) throw new ContentParseError(sections.at(-1)?.line ?? stage.line, `${where}: missing "## ${missing}"`);
  const keyPoints = listOf(parts.get('Key points') as Section, where, fileLines);
  if (keyPoints.items.length < 2 || keyPoints.items.length > 6) throw new ContentParseError(keyPoints.line, `${where}: "## Key points" needs 2–6 items, found ${keyPoints.items.length}`);
  const rubricPart = listOf(parts.get('Rubric') as Section, where, fileLines);
  if (rubricPart.items.length !== RUBRIC_LEVELS.length) throw new ContentParseError(rubricPart.line, `${where}: "## Rubric" needs exactly 3 items (Senior:, Staff:, Principal:), found ${rubricPart.items.length}`);
  const rubric = RUBRIC_LEVELS.map((level, i) => {
    const item = rubricPart.items[i] ?? '';
    const m = new RegExp(`^${level}\\s*:\\s*(.+)$`, 's').exec(item);
    if (!m?.[1]?.trim()) throw new ContentParseError(rubricPart.itemLines[i] ?? rubricPart.line, `${where}: rubric item ${i + 1} must start "${level}:" and say what that level does`);
    return m[1].trim();
  });
  return {
    name,
    minutes,
    prompt: parts.get('Prompt')?.markdown ?? '',
    reference: parts.get('Reference')?.markdown ?? '',
    keyPoints: keyPoints.items,
    rubric: { senior: rubric[0] ?? '', staff: rubric[1] ?? '', principal: rubric[2] ?? '' },
    line: stage.line,
  };
}

/** The first list of a subsection, with the file line of each item. */
function listOf(s: Section, where: string, fileLines: readonly string[]): { line: number; items: string[]; itemLines: number[] } {
  const list = s.tokens.find((t): t is Tokens.List => t.type === 'list');
  if (!list) throw new ContentParseError(s.line, `${where}: "## ${s.heading}" must be a list of "- " items`);
  // Top-level items start at column 0 ("- "); their file lines, from the heading to the next heading.
  const itemLines: number[] = [];
  for (let line = s.line + 1; line <= fileLines.length && !/^#{1,2}\s/.test(fileLines[line - 1] ?? ''); line++) {
    if (/^[-*+]\s/.test(fileLines[line - 1] ?? '')) itemLines.push(line);
  }
  return { line: s.line, items: list.items.map((i) => i.text.trim()).filter((t) => t !== ''), itemLines };
}
