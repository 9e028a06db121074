import { markdownLine, safeMarkdown, type SafeMarkdown } from './safeText';
import type { DesignLoop, DesignStage } from './schema';
import { identityT, type Translate } from '../shared/translate';

/** Non-space characters a stage needs under its heading before its reference can be revealed. */
export const WRITTEN_THRESHOLD = 20;

const STAGE_LINE = /^##\s+Stage\s+(\d+)\b/i;
const ANY_HEADING = /^#{1,2}\s/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Loop text may come from a pack and the document may be previewed: quoted as sanitized Markdown (no images, HTML or command links). */
function quoteLines(markdown: string): string[] {
  return safeMarkdown(markdown)
    .split(/\r?\n/)
    .map((l) => (l.trim() ? `> ${l}` : '>'));
}

/** Not translated: the heading is how writtenPerStage finds the stage again. */
function stageHeading(stage: DesignStage, index: number): string {
  return `## Stage ${index + 1}: ${markdownLine(stage.name)} (${stage.minutes} min)`;
}

/** The lines the document starts with under a stage's heading (never counted as the user's writing). */
function stageTemplate(stage: DesignStage, t: Translate): string[] {
  return [...quoteLines(stage.prompt), '', `**${t('Your notes')}:**`, ''];
}

/**
 * The design document a loop starts: the brief, then one `##` heading per stage with its prompt
 * (quoted) and time box and an empty "Your notes" area for the user to write in.
 */
export function designDocument(loop: DesignLoop, t: Translate = identityT): SafeMarkdown {
  const out = [
    `# ${markdownLine(loop.title)}`,
    '',
    `_${t('Design loop · {0} min · {1} stages. Write under each stage heading; once a stage has a few lines of your own, its reference, key points and rubric can be revealed in the panel beside.', loop.minutes, loop.stages.length)}_`,
    '',
    ...quoteLines(loop.brief),
    '',
  ];
  loop.stages.forEach((stage, i) => out.push(stageHeading(stage, i), '', ...stageTemplate(stage, t)));
  // Every piece above is our own text or sanitized pack text.
  return out.join('\n') as SafeMarkdown;
}

/**
 * How much the user has written under each stage of the document: non-space characters between the
 * stage's `## Stage N` heading and the next `#`/`##` heading, leaving out the lines the document
 * started with (the quoted prompt, the "Your notes" label). A heading the user deleted counts 0.
 */
export function writtenPerStage(loop: DesignLoop, text: string, t: Translate = identityT): number[] {
  const counts = loop.stages.map(() => 0);
  const templates = loop.stages.map((s) => new Set(stageTemplate(s, t).map((l) => l.trim()).filter((l) => l !== '' && l !== '>')));
  let current: number | undefined;
  let fence: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const fenceMatch = FENCE.exec(raw);
    if (fence === undefined && !fenceMatch) {
      const stage = STAGE_LINE.exec(raw);
      if (stage) {
        const n = Number(stage[1]) - 1;
        current = n >= 0 && n < counts.length ? n : undefined;
        continue;
      }
      if (ANY_HEADING.test(raw)) {
        current = undefined;
        continue;
      }
    }
    if (fenceMatch) fence = fence === undefined ? fenceMatch[1] : fence === fenceMatch[1] ? undefined : fence;
    if (current === undefined) continue;
    const line = raw.trim();
    if (line === '' || line === '>' || templates[current]?.has(line)) continue;
    counts[current] = (counts[current] ?? 0) + line.replace(/\s+/g, '').length;
  }
  return counts;
}

/** Whether each stage has enough of the user's own writing to reveal its reference. */
export function writtenStages(loop: DesignLoop, text: string, t: Translate = identityT): boolean[] {
  return writtenPerStage(loop, text, t).map((n) => n >= WRITTEN_THRESHOLD);
}
