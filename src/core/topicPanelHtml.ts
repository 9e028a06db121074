import { escapeHtml, renderMarkdown } from './markdown';
import { contentSecurityPolicy, type WebviewResources } from './panelHtml';
import type { Question, Topic, WorkSample } from './schema';

export interface TopicView {
  readonly topic: Topic;
  readonly questions: readonly (Question & { state: string })[];
  readonly workSamples: readonly WorkSample[];
}

const DIFFICULTY = { intermediate: 'Intermediate', senior: 'Senior', staff: 'Staff' } as const;

/** A topic's overview: summary, context stories and trends, its questions, and further reading. */
export function renderTopicPanel(v: TopicView, r: WebviewResources): string {
  const t = v.topic;
  const questions = v.questions
    .map((q) => `<li><button type="button" class="link-button" data-open="${escapeHtml(q.id)}">${escapeHtml(q.title)}</button> <span class="hint">${DIFFICULTY[q.difficulty]} · ${escapeHtml(q.state)}</span></li>`)
    .join('');
  const samples = v.workSamples
    .map((w) => `<li><button type="button" class="link-button" data-open="${escapeHtml(w.id)}">${escapeHtml(w.title)}</button> <span class="hint">hands-on${w.runnable ? ', runnable tests' : ''}</span></li>`)
    .join('');
  const reading = t.furtherReading
    .map((x) => `<li><a class="external-link" href="${escapeHtml(x.url)}">${escapeHtml(x.title)}</a>${x.note ? ` — ${escapeHtml(x.note)}` : ''}</li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(r)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(r.styleUri)}">
<title>${escapeHtml(t.title)}</title>
</head>
<body data-topic-id="${escapeHtml(t.id)}">
<main>
<h1 id="title">${escapeHtml(t.title)}</h1>
<section id="summary">${renderMarkdown(t.summary)}</section>
<section id="questions" aria-labelledby="questions-h"><h2 id="questions-h">Questions (${v.questions.length})</h2><ul>${questions}</ul></section>
${samples ? `<section id="samples" aria-labelledby="samples-h"><h2 id="samples-h">Hands-on work samples</h2><ul>${samples}</ul></section>` : ''}
${t.context ? `<section id="context" aria-labelledby="context-h"><h2 id="context-h">Context: stories and trends</h2>${renderMarkdown(t.context)}</section>` : ''}
${reading ? `<section id="reading" aria-labelledby="reading-h"><h2 id="reading-h">Further reading</h2><p class="hint">Opens in your browser.</p><ul>${reading}</ul></section>` : ''}
</main>
<script nonce="${r.nonce}" src="${escapeHtml(r.scriptUri)}"></script>
</body>
</html>`;
}
