import { escapeHtml, renderMarkdown } from './markdown';
import { difficultyLabel, webviewDocument, type WebviewResources } from './panelHtml';
import type { Question, Topic, WorkSample } from './schema';
import { identityT, type Translate } from '../shared/translate';

export interface TopicView {
  readonly topic: Topic;
  readonly questions: readonly (Question & { state: string })[];
  readonly workSamples: readonly WorkSample[];
}

/** A topic's overview: summary, context stories and trends, its questions, and further reading. */
export function renderTopicPanel(v: TopicView, r: WebviewResources, t: Translate = identityT): string {
  const topic = v.topic;
  const questions = v.questions
    .map((q) => `<li><button type="button" class="link-button" data-open="${escapeHtml(q.id)}">${escapeHtml(q.title)}</button> <span class="hint">${difficultyLabel(q.difficulty, t)} · ${escapeHtml(q.state)}</span></li>`)
    .join('');
  const samples = v.workSamples
    .map((w) => `<li><button type="button" class="link-button" data-open="${escapeHtml(w.id)}">${escapeHtml(w.title)}</button> <span class="hint">${w.runnable ? t('hands-on, runnable tests') : t('hands-on')}</span></li>`)
    .join('');
  const reading = topic.furtherReading
    .map((x) => `<li><a class="external-link" href="${escapeHtml(x.url)}">${escapeHtml(x.title)}</a>${x.note ? ` — ${escapeHtml(x.note)}` : ''}</li>`)
    .join('');
  return webviewDocument(r, topic.title, `data-topic-id="${escapeHtml(topic.id)}"`, `<main>
<h1 id="title">${escapeHtml(topic.title)}</h1>
<section id="summary">${renderMarkdown(topic.summary)}</section>
<section id="questions" aria-labelledby="questions-h"><h2 id="questions-h">${t('Questions ({0})', v.questions.length)}</h2><ul>${questions}</ul></section>
${samples ? `<section id="samples" aria-labelledby="samples-h"><h2 id="samples-h">${t('Hands-on work samples')}</h2><ul>${samples}</ul></section>` : ''}
${topic.context ? `<section id="context" aria-labelledby="context-h"><h2 id="context-h">${t('Context: stories and trends')}</h2>${renderMarkdown(topic.context)}</section>` : ''}
${reading ? `<section id="reading" aria-labelledby="reading-h"><h2 id="reading-h">${t('Further reading')}</h2><p class="hint">${t('Opens in your browser.')}</p><ul>${reading}</ul></section>` : ''}
</main>`);
}
