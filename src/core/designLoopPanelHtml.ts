import { WRITTEN_THRESHOLD } from './designLoopDoc';
import { html, htmlMessage, joinHtml, type SafeHtml } from './html';
import { renderInline, renderMarkdown } from './markdown';
import { difficultyLabel, webviewDocument, type LinkedItem, type WebviewResources } from './panelHtml';
import type { DesignLoop, DesignStage } from './schema';
import { identityT, type Translate } from '../shared/translate';

export interface DesignLoopView {
  readonly loop: DesignLoop;
  readonly topicTitle: string;
  /** The design document's path, shown so the user knows where their work is. */
  readonly docPath: string;
  /** Non-space characters the user has written under each stage. */
  readonly written: readonly number[];
  /** Indexes of the stages whose reference is shown. */
  readonly revealed: readonly number[];
  readonly related: readonly LinkedItem[];
  /** A stage to scroll to after rendering (the one just revealed). */
  readonly scrollTo?: number;
}

/** The texts the panel script needs to update a stage's status without a re-render. */
export function designLoopScriptStrings(t: Translate = identityT) {
  return {
    locked: t('Write at least {0} characters under this stage’s heading in the document to unlock its reference ({1} so far).'),
    unlocked: t('Written: you can reveal the reference.'),
  };
}

/** `{0}`, `{1}` … of an already translated message (the panel script does the same). */
export function fill(message: string, ...args: (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));
}

function stageHtml(stage: DesignStage, i: number, v: DesignLoopView, t: Translate): SafeHtml {
  const count = v.written[i] ?? 0;
  const written = count >= WRITTEN_THRESHOLD;
  const revealed = v.revealed.includes(i);
  const strings = designLoopScriptStrings(t);
  const status = written ? strings.unlocked : fill(strings.locked, WRITTEN_THRESHOLD, count);
  const reference = revealed
    ? html`<div class="stage-reference" id="reference-${i}">
<h3>${t('Reference')}</h3>${renderMarkdown(stage.reference)}
<h3>${t('Key points')}</h3><ul class="checklist">${stage.keyPoints.map((k) => html`<li>${renderInline(k)}</li>`)}</ul>
<h3>${t('Rubric')}</h3><dl class="rubric">
<dt>${t('Senior')}</dt><dd>${renderInline(stage.rubric.senior)}</dd>
<dt>${t('Staff')}</dt><dd>${renderInline(stage.rubric.staff)}</dd>
<dt>${t('Principal')}</dt><dd>${renderInline(stage.rubric.principal)}</dd>
</dl></div>`
    : html`<button type="button" class="reveal-stage" data-stage="${i}"${written ? '' : html` disabled`}>${t('Reveal reference, key points and rubric')}</button>`;
  return html`<section class="stage" id="stage-${i}" data-stage="${i}" data-written="${written}" aria-labelledby="stage-${i}-h">
<h2 id="stage-${i}-h">${t('Stage {0}: {1}', i + 1, stage.name)} <span class="badge minutes">${t('{0} min', stage.minutes)}</span></h2>
<div class="stage-prompt">${renderMarkdown(stage.prompt)}</div>
${revealed ? '' : html`<p class="hint stage-status" id="status-${i}" aria-live="polite">${status}</p>`}
${reference}
</section>`;
}

/** The panel beside a design document: the brief, then each stage with its prompt and, once written, its reference. */
export function renderDesignLoopPanel(v: DesignLoopView, r: WebviewResources, t: Translate = identityT): SafeHtml {
  const loop = v.loop;
  const related = v.related.length
    ? html`<section id="related" aria-labelledby="related-h"><h2 id="related-h">${t('Related questions')}</h2><ul class="related">${v.related.map(
        (q) => html`<li><button type="button" class="link-button" data-open="${q.id}">${q.title}</button></li>`,
      )}</ul></section>`
    : '';
  const attrs = [
    html`data-loop-id="${loop.id}"`,
    html`data-threshold="${WRITTEN_THRESHOLD}"`,
    html`data-strings="${JSON.stringify(designLoopScriptStrings(t))}"`,
    ...(v.scrollTo !== undefined ? [html`data-scroll="stage-${v.scrollTo}"`] : []),
  ];
  return webviewDocument(r, loop.title, joinHtml(attrs, ' '), html`<main class="design-loop">
<header class="meta">
  <span class="badge kind">${t('Design loop')}</span>
  <span class="badge difficulty difficulty-${loop.difficulty}">${difficultyLabel(loop.difficulty, t)}</span>
  <span class="topic">${v.topicTitle}</span>
  <span class="minutes">${t('{0} min', loop.minutes)}</span>
</header>
<h1 id="title">${loop.title}</h1>
<section id="brief" aria-labelledby="brief-h"><h2 id="brief-h">${t('Brief')}</h2>${renderMarkdown(loop.brief)}</section>
<p class="hint">${htmlMessage(t('Your design document: {0}'), html`<code id="doc-path">${v.docPath}</code>`)} <button type="button" id="open-doc" class="link-button">${t('Show it')}</button></p>
${joinHtml(loop.stages.map((s, i) => stageHtml(s, i, v, t)), '\n')}
${related}
</main>`);
}
