import { html, type SafeHtml } from './html';
import { renderMarkdown } from './markdown';
import { dataAttributes, difficultyLabel, webviewDocument, type WebviewResources } from './panelHtml';
import type { TopicBodyData } from '../shared/protocol/topic';
import type { Question, Topic, WorkSample } from './schema';
import { identityT, type Translate } from '../shared/translate';

export interface TopicView {
  readonly topic: Topic;
  readonly questions: readonly (Question & { state: string })[];
  readonly workSamples: readonly WorkSample[];
  /** The preview overview: opening another topic replaces it, until the user keeps it open. */
  readonly preview?: boolean;
}

/** A topic overview apart from its document: the same parts render a new panel and a swap. */
export interface TopicBody {
  readonly title: string;
  readonly data: TopicBodyData;
  readonly main: SafeHtml;
}

/** The whole overview document. */
export function renderTopicPanel(v: TopicView, r: WebviewResources, t: Translate = identityT): SafeHtml {
  const body = topicBody(v, t);
  return webviewDocument(r, body.title, dataAttributes(body.data), body.main);
}

/** A topic's overview: summary, context stories and trends, its questions, and further reading. */
export function topicBody(v: TopicView, t: Translate = identityT): TopicBody {
  const topic = v.topic;
  const questions = v.questions.map(
    (q) => html`<li><button type="button" class="link-button" data-open="${q.id}">${q.title}</button> <span class="hint">${difficultyLabel(q.difficulty, t)} · ${q.state}</span></li>`,
  );
  const samples = v.workSamples.map(
    (w) => html`<li><button type="button" class="link-button" data-open="${w.id}">${w.title}</button> <span class="hint">${w.runnable ? t('hands-on, runnable tests') : t('hands-on')}</span></li>`,
  );
  const reading = topic.furtherReading.map((x) => html`<li><a class="external-link" href="${x.url}">${x.title}</a>${x.note ? html` — ${x.note}` : ''}</li>`);
  const data: TopicBodyData = { topicId: topic.id, preview: v.preview === true ? 'true' : 'false' };
  return { title: topic.title, data, main: html`<main>
<p class="meta" id="preview"${v.preview ? '' : html` hidden`}><span class="badge preview" title="${t('Opening another topic replaces this one, as in a preview editor')}">${t('Preview')}</span> <button type="button" id="keep-open" class="icon-button">${t('Keep open')}</button></p>
<h1 id="title">${topic.title}</h1>
<section id="summary">${renderMarkdown(topic.summary)}</section>
<section id="questions" aria-labelledby="questions-h"><h2 id="questions-h">${t('Questions ({0})', v.questions.length)}</h2><ul>${questions}</ul></section>
${samples.length ? html`<section id="samples" aria-labelledby="samples-h"><h2 id="samples-h">${t('Hands-on work samples')}</h2><ul>${samples}</ul></section>` : ''}
${topic.context ? html`<section id="context" aria-labelledby="context-h"><h2 id="context-h">${t('Context: stories and trends')}</h2>${renderMarkdown(topic.context)}</section>` : ''}
${reading.length ? html`<section id="reading" aria-labelledby="reading-h"><h2 id="reading-h">${t('Further reading')}</h2><p class="hint">${t('Opens in your browser.')}</p><ul>${reading}</ul></section>` : ''}
</main>` };
}
