import { html, htmlMessage, type SafeHtml } from './html';
import { webviewDocument, type WebviewResources } from './panelHtml';
import type { Dashboard } from './readiness';
import { identityT, type Translate } from '../shared/translate';

/*
 * Charts are static SVG rendered here, coloured by CSS classes that use --vscode-charts-* so they
 * follow the theme (presentation attributes cannot use var()). Each chart has a table with the
 * same numbers for screen readers and for anyone who prefers numbers.
 */

const pct = (x: number) => `${Math.round(x)}%`;

function readinessBars(d: Dashboard, t: Translate): SafeHtml {
  const rowH = 26;
  const labelW = 230;
  const barW = 320;
  const h = d.topics.length * rowH + 10;
  const rows = d.topics.map((topic, i) => {
    const y = i * rowH + 5;
    const w = Math.max(0, Math.round((topic.readiness / 100) * barW));
    return html`<text x="${labelW - 8}" y="${y + 16}" class="label" text-anchor="end">${topic.title}</text>
<rect x="${labelW}" y="${y + 3}" width="${barW}" height="18" class="track"/>
<rect x="${labelW}" y="${y + 3}" width="${w}" height="18" class="bar ${topic.readiness >= 80 ? 'good' : topic.readiness >= 50 ? 'mid' : 'low'}"/>
<text x="${labelW + barW + 8}" y="${y + 16}" class="value">${topic.readiness}%</text>`;
  });
  const table = d.topics.map((topic) => html`<tr><th scope="row">${topic.title}</th><td>${topic.readiness}%</td><td>${topic.seen} / ${topic.total}</td><td>${topic.due}</td><td>${topic.mastered}</td></tr>`);
  return html`<svg role="img" aria-labelledby="readiness-h" viewBox="0 0 ${labelW + barW + 60} ${h}" class="chart">${rows}</svg>
<details><summary>${t('Readiness as a table')}</summary><table><thead><tr><th>${t('Topic')}</th><th>${t('Readiness')}</th><th>${t('Practised')}</th><th>${t('Due')}</th><th>${t('Mastered')}</th></tr></thead><tbody>${table}</tbody></table></details>`;
}

function heatmap(d: Dashboard, t: Translate): SafeHtml {
  const cell = 13;
  const days = d.reviewsPerDay;
  const first = new Date(`${days[0]?.date ?? '2026-01-01'}T12:00:00`).getDay();
  const max = Math.max(1, ...days.map((x) => x.count));
  const level = (c: number) => (c === 0 ? 0 : Math.min(4, Math.ceil((c / max) * 4)));
  const rects = days.map((x, i) => {
    const pos = i + first;
    return html`<rect x="${Math.floor(pos / 7) * cell}" y="${(pos % 7) * cell}" width="${cell - 2}" height="${cell - 2}" rx="2" class="heat l${level(x.count)}"><title>${x.count === 1 ? t('{0}: 1 review', x.date) : t('{0}: {1} reviews', x.date, x.count)}</title></rect>`;
  });
  const weeks = Math.ceil((days.length + first) / 7);
  const total = days.reduce((s, x) => s + x.count, 0);
  const active = days.filter((x) => x.count > 0).length;
  const rows = days.filter((x) => x.count > 0).slice(-30).map((x) => html`<tr><td>${x.date}</td><td>${x.count}</td></tr>`);
  return html`<svg role="img" aria-label="${t('Reviews per day for the last {0} days: {1} reviews on {2} days', days.length, total, active)}" viewBox="0 0 ${weeks * cell} ${7 * cell}" class="chart heatmap">${rects}</svg>
<p class="hint">${t('{0} reviews on {1} of the last {2} days.', total, active, days.length)}</p>
<details><summary>${t('Reviews per day as a table')}</summary><table><thead><tr><th>${t('Day')}</th><th>${t('Reviews')}</th></tr></thead><tbody>${rows.length ? rows : html`<tr><td colspan="2">${t('No reviews yet.')}</td></tr>`}</tbody></table></details>`;
}

function forecastBars(d: Dashboard, t: Translate): SafeHtml {
  const w = 16;
  const h = 110;
  const max = Math.max(1, ...d.forecast.map((x) => x.count));
  const bars = d.forecast.map((x, i) => {
    const bh = Math.round((x.count / max) * (h - 20));
    return html`<rect x="${i * w}" y="${h - bh - 14}" width="${w - 3}" height="${bh}" class="bar forecast"><title>${t('{0}: {1} due', x.date, x.count)}</title></rect>${i % 7 === 0 ? html`<text x="${i * w}" y="${h - 2}" class="tick">${x.date.slice(5)}</text>` : ''}`;
  });
  const total = d.forecast.reduce((s, x) => s + x.count, 0);
  const rows = d.forecast.filter((x) => x.count > 0).map((x) => html`<tr><td>${x.date}</td><td>${x.count}</td></tr>`);
  return html`<svg role="img" aria-label="${t('Questions coming due over the next {0} days: {1} in all, {2} today', d.forecast.length, total, d.forecast[0]?.count ?? 0)}" viewBox="0 0 ${d.forecast.length * w} ${h}" class="chart">${bars}</svg>
<details><summary>${t('Due forecast as a table')}</summary><table><thead><tr><th>${t('Day')}</th><th>${t('Due')}</th></tr></thead><tbody>${rows.length ? rows : html`<tr><td colspan="2">${t('Nothing scheduled yet.')}</td></tr>`}</tbody></table></details>`;
}

export function renderDashboard(d: Dashboard, r: WebviewResources, t: Translate = identityT): SafeHtml {
  const strong = (n: number) => html`<strong>${n}</strong>`;
  const plan = d.plan
    ? html`<section id="plan" aria-labelledby="plan-h"><h2 id="plan-h">${t('Plan for your interview on {0}', d.plan.interviewDate)}</h2>
<p>${htmlMessage(
        t(
        '{0} days left. To see all {1} unpractised questions and keep up with {2} reviews falling due before then, do about {3} reviews a day and introduce {4} new questions a day (set {5} to {6}).'),
        strong(d.plan.daysLeft),
        strong(d.plan.unseen),
        strong(d.plan.dueBefore),
        strong(d.plan.reviewsPerDay),
        strong(d.plan.newPerDay),
        html`<em>${t('New Questions Per Day')}</em>`,
        d.plan.newPerDay,
      )}</p></section>`
    : html`<p class="hint">${htmlMessage(t('Set {0} in Settings to get a day-by-day plan.'), html`<em>${t('Interview Practice: Interview Date')}</em>`)}</p>`;
  const samples = d.samples.map((s) => html`<tr><th scope="row">${s.title}</th><td>${s.best === undefined ? '—' : `${s.best}%`}</td><td>${s.attempts}</td></tr>`);
  return webviewDocument(r, t('Readiness'), html``, html`<main class="dashboard">
<h1 id="title">${t('Interview readiness')}</h1>
<div class="kpis" role="list">
  <div class="kpi" role="listitem"><span class="kpi-value" id="overall">${pct(d.overall)}</span><span class="kpi-label">${t('overall readiness')}</span></div>
  <div class="kpi" role="listitem"><span class="kpi-value" id="due-now">${d.dueNow}</span><span class="kpi-label">${t('due now')}</span></div>
  <div class="kpi" role="listitem"><span class="kpi-value">${d.retention30 === undefined ? '—' : pct(d.retention30 * 100)}</span><span class="kpi-label">${t('recalled (30 days, {0} reviews)', d.reviews30)}</span></div>
</div>
${plan}
<section aria-labelledby="readiness-h"><h2 id="readiness-h">${t('Readiness per topic')}</h2><p class="hint">${t("How likely you are to recall each topic's answers today (FSRS retrievability; questions you have not practised count as zero).")}</p>${readinessBars(d, t)}</section>
<section aria-labelledby="heat-h"><h2 id="heat-h">${t('Reviews per day')}</h2>${heatmap(d, t)}</section>
<section aria-labelledby="forecast-h"><h2 id="forecast-h">${t('Due in the next {0} days', d.forecast.length)}</h2>${forecastBars(d, t)}</section>
<section aria-labelledby="samples-h"><h2 id="samples-h">${t('Work samples')}</h2><table><thead><tr><th>${t('Sample')}</th><th>${t('Best review score')}</th><th>${t('Attempts')}</th></tr></thead><tbody>${samples}</tbody></table></section>
</main>`);
}
