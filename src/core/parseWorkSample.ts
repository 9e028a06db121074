import { ContentParseError } from './contentError';
import { parseHeader } from './frontmatter';
import { validateHeader } from './headerValidation';
import { readSections } from './parseQuestion';
import { parseGroupLine, type ConceptGroup } from './judge/claims';
import { defectFieldsSchema, idSchema, relativePathSchema, workSampleHeaderSchema, type Defect, type DefectPlace, type Difficulty } from './schema';
import { listItems, splitSections } from './sections';

const SAMPLE_SECTIONS = [
  { heading: 'Prompt', required: true, kind: 'markdown' },
  { heading: 'Reference review', required: true, kind: 'markdown' },
  { heading: 'Defects', required: true, kind: 'markdown' },
] as const;

export interface ParsedSampleDoc {
  readonly title: string;
  readonly topic: string;
  readonly difficulty: Difficulty;
  readonly minutes: number;
  readonly tags: string[];
  readonly aliases: string[];
  readonly runnable: boolean;
  readonly testFile: string | undefined;
  readonly open: string[] | undefined;
  readonly prompt: string;
  readonly referenceReview: string;
  /** Defects without `hasMutant`, which only the loader (seeing the folder) can tell. */
  readonly defects: Omit<Defect, 'hasMutant'>[];
  readonly headerLines: Record<string, number>;
}

/** Parses a work sample's sample.md (the files beside it are checked by the loader). */
export function parseWorkSampleDoc(text: string, file: string): ParsedSampleDoc {
  const header = parseHeader(text);
  const h = validateHeader(workSampleHeaderSchema, header);
  if (h.runnable && !h['test-file']) throw new ContentParseError(header.lines.runnable ?? 1, 'a runnable work sample needs a "test-file" header');
  const found = readSections(header.body, header.endLine + 1, SAMPLE_SECTIONS, file);
  const defectsSection = found.get('Defects');
  if (!defectsSection) throw new ContentParseError(1, 'missing "# Defects"');
  return {
    title: h.title,
    topic: h.topic,
    difficulty: h.difficulty,
    minutes: h.minutes,
    tags: h.tags.map((t) => t.toLowerCase()),
    aliases: h.aliases ?? [],
    runnable: h.runnable,
    testFile: h['test-file'],
    open: h.open,
    prompt: found.get('Prompt')?.markdown ?? '',
    referenceReview: found.get('Reference review')?.markdown ?? '',
    defects: parseDefects(defectsSection.markdown, defectsSection.line + 1),
    headerLines: header.lines,
  };
}

function parseDefects(markdown: string, firstLine: number): Omit<Defect, 'hasMutant'>[] {
  const { preamble, sections } = splitSections(markdown, firstLine, 2);
  if (preamble.some((t) => t.type !== 'space')) throw new ContentParseError(firstLine, 'text before the first "## <defect-id>" heading in # Defects');
  if (sections.length === 0) throw new ContentParseError(firstLine, '# Defects needs at least one "## <defect-id>" subsection');
  const seen = new Set<string>();
  return sections.map((s) => {
    const id = s.heading;
    // The same id rule as the progress log (sample-mark events name the defect), so what is saved can be read back.
    const idOk = idSchema.safeParse(id);
    if (!idOk.success) throw new ContentParseError(s.line, `defect id "${id}": ${idOk.error.issues[0]?.message ?? 'invalid id'}`);
    if (seen.has(id)) throw new ContentParseError(s.line, `defect "${id}" appears twice`);
    seen.add(id);
    const fields: Record<string, string | string[]> = {};
    for (const item of listItems(s.tokens) ?? []) {
      const m = /^([a-z-]+):\s*(.*)$/s.exec(item);
      if (!m) throw new ContentParseError(s.line, `defect "${id}": cannot read field "${item}" (expected "- key: value")`);
      const key = m[1] as string;
      const value = (m[2] ?? '').trim();
      fields[key] = key === 'terms' ? parseTerms(value) : key === 'anchor' ? stripCode(value) : value;
    }
    const parsed = defectFieldsSchema.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path[0] ?? (issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined);
      throw new ContentParseError(s.line, `defect "${id}"${where ? ` field "${String(where)}"` : ''}: ${issue?.message ?? 'invalid'}`);
    }
    const { sections: parts } = splitSections(s.markdown, s.line + 1, 3);
    const part = (name: string) => parts.find((p) => p.heading.toLowerCase() === name)?.markdown.trim() ?? '';
    const why = part('why it matters');
    const fix = part('fix');
    if (!why) throw new ContentParseError(s.line, `defect "${id}" needs a "### Why it matters" paragraph`);
    if (!fix) throw new ContentParseError(s.line, `defect "${id}" needs a "### Fix" paragraph`);
    const listOf = (name: string) => {
      const p = parts.find((x) => x.heading.toLowerCase() === name);
      return p ? { line: p.line, items: listItems(p.tokens) ?? [] } : undefined;
    };
    const claimPart = listOf('claim');
    if (claimPart && claimPart.items.length === 0) throw new ContentParseError(claimPart.line, `defect "${id}": "### Claim" needs a list ("- name: phrase, phrase, …"): what a comment must say to identify it`);
    // Packs written before claims existed keep working: their terms become one group (keyword judging,
    // with the stance and length rules still applied). The bundled bank always writes its claims.
    const claim: ConceptGroup[] = (claimPart?.items ?? []).map((item) => {
      const g = parseGroupLine(item);
      if (typeof g === 'string') throw new ContentParseError(claimPart?.line ?? s.line, `defect "${id}" ### Claim: ${g}`);
      return g;
    });
    const wherePart = listOf('where');
    const places: DefectPlace[] = [{ file: parsed.data.file, start: parsed.data.anchor }];
    for (const item of wherePart?.items ?? []) {
      const place = parsePlace(item);
      if (typeof place === 'string') throw new ContentParseError(wherePart?.line ?? s.line, `defect "${id}" ### Where: ${place}`);
      if (!places.some((p) => p.file === place.file && p.start === place.start && p.end === place.end)) places.push(place);
    }
    return { id, ...parsed.data, places, claim: claim.length ? claim : [{ name: 'terms', phrases: parsed.data.terms }], claimWritten: claim.length > 0, why, fix, line: s.line };
  });
}

/** `file: \`start\`` or `file: \`start\` … \`end\``. */
function parsePlace(item: string): DefectPlace | string {
  const m = /^([^\s:`]+)\s*:\s*(`+)\s?([\s\S]*?)\s?\2(?:\s*(?:…|\.\.\.)\s*(`+)\s?([\s\S]*?)\s?\4)?\s*$/.exec(item.trim());
  if (!m) return `cannot read "${item}" (expected "- file: \`code text\`" or "- file: \`start\` … \`end\`")`;
  const file = m[1] as string;
  if (!relativePathSchema.safeParse(file).success) return `"${file}" must be a relative path inside the sample`;
  const start = m[3] ?? '';
  if (start.length < 3) return `"${item}": the start text must be at least 3 characters`;
  return m[5] !== undefined && m[5] !== '' ? { file, start, end: m[5] } : { file, start };
}

function parseTerms(value: string): string[] {
  const inner = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  return inner
    .split(',')
    .map((t) => t.trim().replace(/^["'`]|["'`]$/g, ''))
    .filter((t) => t !== '');
}

/** `` `code` `` or ``` `` code `` ``` → code. */
function stripCode(value: string): string {
  const m = /^(`+)\s?([\s\S]*?)\s?\1$/.exec(value);
  return m ? (m[2] ?? '') : value;
}
