import { basename, join } from 'node:path';
import { ContentParseError, type ContentError } from './contentError';
import type { ContentReader } from './contentReader';
import { parseCaseStudy } from './parseCaseStudy';
import { parseDesignLoop } from './parseDesignLoop';
import { idSchema, type CaseStudy, type DesignLoop } from './schema';

/** What the case studies and design loops of a content folder may refer to. */
export interface StaffContext {
  readonly topicIds: ReadonlySet<string>;
  /** Questions and follow-ups that loaded (a case study names them). */
  readonly questionIds: ReadonlySet<string>;
  /** Every other id in use (work samples; ids outside the folder), which no new item may take. */
  readonly takenIds: ReadonlySet<string>;
  /** Takes an id across all content, or reports the clash (at the file) and returns false. */
  readonly claim?: (id: string, file: string) => boolean;
}

/**
 * Loads content/case-studies/*.md and content/design-loops/*.md. Ids are unique across all content;
 * the topics and questions they name must exist. Each problem becomes a ContentError at its line and
 * the item is left out.
 */
export function loadStaffContent(
  root: string,
  ctx: StaffContext,
  errors: ContentError[],
  read: (file: string) => string | undefined,
  fs: Pick<ContentReader, 'markdownFiles'>,
): { caseStudies: CaseStudy[]; designLoops: DesignLoop[] } {
  const used = new Map<string, string>();
  const claim = (id: string, file: string): void => {
    if (ctx.claim) {
      if (!ctx.claim(id, file)) throw new Skip();
      return;
    }
    if (ctx.questionIds.has(id) || ctx.takenIds.has(id)) throw new ContentParseError(1, `duplicate id "${id}" (also used by a question or work sample)`);
    const other = used.get(id);
    if (other) throw new ContentParseError(1, `duplicate id "${id}" (also ${other})`);
    used.set(id, file);
  };
  const each = <T>(dir: string, parse: (text: string, id: string, file: string) => T): T[] => {
    const out: T[] = [];
    for (const file of fs.markdownFiles(join(root, dir))) {
      const id = basename(file, '.md');
      const ok = idSchema.safeParse(id);
      if (!ok.success) {
        errors.push({ file, line: 1, message: `file name "${id}": ${ok.error.issues[0]?.message ?? 'invalid id'}` });
        continue;
      }
      const text = read(file);
      if (text === undefined) continue;
      try {
        const item = parse(text, id, file);
        claim(id, file);
        out.push(item);
      } catch (e) {
        if (e instanceof Skip) continue;
        errors.push({ file, line: e instanceof ContentParseError ? e.line : 1, message: e instanceof Error ? e.message : String(e) });
      }
    }
    return out;
  };

  const caseStudies = each('case-studies', (text, id, file) => {
    const { caseStudy, headerLines } = parseCaseStudy(text, id, file);
    const topic = caseStudy.topics.find((t) => !ctx.topicIds.has(t));
    if (topic) throw new ContentParseError(headerLines.topics ?? 1, `topic "${topic}" does not exist`);
    const question = caseStudy.questions.find((q) => !ctx.questionIds.has(q));
    if (question) throw new ContentParseError(headerLines.questions ?? 1, `question "${question}" does not exist`);
    return caseStudy;
  });
  const designLoops = each('design-loops', (text, id, file) => {
    const { loop, headerLines } = parseDesignLoop(text, id, file);
    if (!ctx.topicIds.has(loop.topic)) throw new ContentParseError(headerLines.topic ?? 1, `topic "${loop.topic}" does not exist`);
    const related = loop.related.find((r) => !ctx.questionIds.has(r) && !ctx.takenIds.has(r));
    if (related) throw new ContentParseError(headerLines.related ?? 1, `related "${related}" does not exist`);
    return loop;
  });
  return { caseStudies, designLoops };
}

/** The id was taken and the clash already reported. */
class Skip extends Error {}
