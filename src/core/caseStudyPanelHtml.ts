import { html, type SafeHtml } from './html';
import { renderInline, renderMarkdown } from './markdown';
import { webviewDocument, type LinkedItem, type WebviewResources } from './panelHtml';
import type { CaseStudy } from './schema';
import { identityT, type Translate } from '../shared/translate';

export interface CaseStudyView {
  readonly caseStudy: CaseStudy;
  readonly topics: readonly LinkedItem[];
  /** The questions it illustrates (that still exist). */
  readonly questions: readonly LinkedItem[];
}

/** A case study, read-only: summary, what happened, lessons, what an interviewer would ask, its source and questions. */
export function renderCaseStudyPanel(v: CaseStudyView, r: WebviewResources, t: Translate = identityT): SafeHtml {
  const c = v.caseStudy;
  const list = (items: readonly string[], cls: string) => html`<ul class="${cls}">${items.map((i) => html`<li>${renderInline(i)}</li>`)}</ul>`;
  const questions = v.questions.map((q) => html`<li><button type="button" class="link-button" data-open="${q.id}">${q.title}</button></li>`);
  const section = (id: string, title: string, body: SafeHtml) => html`<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>${body}</section>`;
  return webviewDocument(r, c.title, html`data-case-study-id="${c.id}"`, html`<main class="case-study">
<header class="meta">
  <span class="badge kind">${t('Case study')}</span>
  <span class="organisation">${c.organisation}</span>
  <span class="year">${String(c.year)}</span>
  <span class="topic">${v.topics.map((x) => x.title).join(' · ')}</span>
</header>
<h1 id="title">${c.title}</h1>
${section('summary', t('Summary'), renderMarkdown(c.summary))}
${section('what-happened', t('What happened'), renderMarkdown(c.whatHappened))}
${section('lessons', t('Lessons'), list(c.lessons, 'lessons'))}
${section('interviewer-asks', t('What an interviewer would ask'), list(c.interviewerQuestions, 'asks'))}
${questions.length ? section('case-questions', t('Practise it'), html`<ul class="case-questions">${questions}</ul>`) : ''}
${section('source', t('Source'), html`<p><a class="external-link" href="${c.sourceUrl}">${c.sourceTitle}</a></p><p class="hint">${t('Opens in your browser. The account above is our summary of the public record, not a quotation.')}</p>`)}
</main>`);
}
