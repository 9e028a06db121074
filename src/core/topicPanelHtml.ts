import { html, type SafeHtml } from './html';
import { renderMarkdown } from './markdown';
import { difficultyLabel, webviewDocument, type WebviewResources } from './panelHtml';
import type { Question, Topic, WorkSample } from './schema';
import { identityT, type Translate } from '../shared/translate';

export interface TopicView {
  readonly topic: Topic;
  readonly questions: readonly (Question & { state: string })[];
  readonly workSamples: readonly WorkSample[];
}

/** A topic's overview: summary, context stories and trends, its questions, and further reading. */
export function renderTopicPanel(v: TopicView, r: WebviewResources, t: Translate = identityT): SafeHtml {
  const topic = v.topic;
  const questions = v.questions.map(
    (q) => html`<li><button type="button" class="link-button" data-open="${q.id}">${q.title}</button> <span class="hint">${difficultyLabel(q.difficulty, t)} · ${q.state}</span></li>`,
  );
  const samples = v.workSamples.map(
    (w) => html`<li><button type="button" class="link-button" data-open="${w.id}">${w.title}</button> <span class="hint">${w.runnable ? t('hands-on, runnable tests') : t('hands-on')}</span></li>`,
  );
  const reading = topic.furtherReading.map((x) => html`<li><a class="external-link" href="${x.url}">${x.title}</a>${x.note ? html` — ${x.note}` : ''}</li>`);
  return webviewDocument(r, topic.title, html`data-topic-id="${topic.id}"`, html`<main>
<h1 id="title">${topic.title}</h1>
<section id="summary">${renderMarkdown(topic.summary)}</section>
<section id="questions" aria-labelledby="questions-h"><h2 id="questions-h">${t('Questions ({0})', v.questions.length)}</h2><ul>${questions}</ul></section>
${samples.length ? html`<section id="samples" aria-labelledby="samples-h"><h2 id="samples-h">${t('Hands-on work samples')}</h2><ul>${samples}</ul></section>` : ''}
${topic.context ? html`<section id="context" aria-labelledby="context-h"><h2 id="context-h">${t('Context: stories and trends')}</h2>${renderMarkdown(topic.context)}</section>` : ''}
${reading.length ? html`<section id="reading" aria-labelledby="reading-h"><h2 id="reading-h">${t('Further reading')}</h2><p class="hint">${t('Opens in your browser.')}</p><ul>${reading}</ul></section>` : ''}
</main>`);
}
