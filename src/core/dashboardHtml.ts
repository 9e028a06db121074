import { escapeHtml } from './markdown';
import { contentSecurityPolicy, type WebviewResources } from './panelHtml';
import type { Dashboard } from './readiness';

/*
 * Charts are static SVG rendered here, coloured by CSS classes that use --vscode-charts-* so they
 * follow the theme (presentation attributes cannot use var()). Each chart has a table with the
 * same numbers for screen readers and for anyone who prefers numbers.
 */

const pct = (x: number) => `${Math.round(x)}%`;

function readinessBars(d: Dashboard): string {
  const rowH = 26;
  const labelW = 230;
  const barW = 320;
  const h = d.topics.length * rowH + 10;
  const rows = d.topics
    .map((t, i) => {
      const y = i * rowH + 5;
      const w = Math.max(0, Math.round((t.readiness / 100) * barW));
      return `<text x="${labelW - 8}" y="${y + 16}" class="label" text-anchor="end">${escapeHtml(t.title)}</text>
<rect x="${labelW}" y="${y + 3}" width="${barW}" height="18" class="track"/>
<rect x="${labelW}" y="${y + 3}" width="${w}" height="18" class="bar ${t.readiness >= 80 ? 'good' : t.readiness >= 50 ? 'mid' : 'low'}"/>
<text x="${labelW + barW + 8}" y="${y + 16}" class="value">${t.readiness}%</text>`;
    })
    .join('');
  const table = d.topics.map((t) => `<tr><th scope="row">${escapeHtml(t.title)}</th><td>${t.readiness}%</td><td>${t.seen} / ${t.total}</td><td>${t.due}</td><td>${t.mastered}</td></tr>`).join('');
  return `<svg role="img" aria-labelledby="readiness-h" viewBox="0 0 ${labelW + barW + 60} ${h}" class="chart">${rows}</svg>
<details><summary>Readiness as a table</summary><table><thead><tr><th>Topic</th><th>Readiness</th><th>Practised</th><th>Due</th><th>Mastered</th></tr></thead><tbody>${table}</tbody></table></details>`;
}

function heatmap(d: Dashboard): string {
  const cell = 13;
  const days = d.reviewsPerDay;
  const first = new Date(`${days[0]?.date ?? '2026-01-01'}T12:00:00`).getDay();
  const max = Math.max(1, ...days.map((x) => x.count));
  const level = (c: number) => (c === 0 ? 0 : Math.min(4, Math.ceil((c / max) * 4)));
  const rects = days
    .map((x, i) => {
      const pos = i + first;
      return `<rect x="${Math.floor(pos / 7) * cell}" y="${(pos % 7) * cell}" width="${cell - 2}" height="${cell - 2}" rx="2" class="heat l${level(x.count)}"><title>${x.date}: ${x.count} review${x.count === 1 ? '' : 's'}</title></rect>`;
    })
    .join('');
  const weeks = Math.ceil((days.length + first) / 7);
  const total = days.reduce((s, x) => s + x.count, 0);
  const active = days.filter((x) => x.count > 0).length;
  const rows = days.filter((x) => x.count > 0).slice(-30).map((x) => `<tr><td>${x.date}</td><td>${x.count}</td></tr>`).join('');
  return `<svg role="img" aria-label="Reviews per day for the last ${days.length} days: ${total} reviews on ${active} days" viewBox="0 0 ${weeks * cell} ${7 * cell}" class="chart heatmap">${rects}</svg>
<p class="hint">${total} reviews on ${active} of the last ${days.length} days.</p>
<details><summary>Reviews per day as a table</summary><table><thead><tr><th>Day</th><th>Reviews</th></tr></thead><tbody>${rows || '<tr><td colspan="2">No reviews yet.</td></tr>'}</tbody></table></details>`;
}

function forecastBars(d: Dashboard): string {
  const w = 16;
  const h = 110;
  const max = Math.max(1, ...d.forecast.map((x) => x.count));
  const bars = d.forecast
    .map((x, i) => {
      const bh = Math.round((x.count / max) * (h - 20));
      return `<rect x="${i * w}" y="${h - bh - 14}" width="${w - 3}" height="${bh}" class="bar forecast"><title>${x.date}: ${x.count} due</title></rect>${i % 7 === 0 ? `<text x="${i * w}" y="${h - 2}" class="tick">${x.date.slice(5)}</text>` : ''}`;
    })
    .join('');
  const total = d.forecast.reduce((s, x) => s + x.count, 0);
  const rows = d.forecast.filter((x) => x.count > 0).map((x) => `<tr><td>${x.date}</td><td>${x.count}</td></tr>`).join('');
  return `<svg role="img" aria-label="Questions coming due over the next ${d.forecast.length} days: ${total} in all, ${d.forecast[0]?.count ?? 0} today" viewBox="0 0 ${d.forecast.length * w} ${h}" class="chart">${bars}</svg>
<details><summary>Due forecast as a table</summary><table><thead><tr><th>Day</th><th>Due</th></tr></thead><tbody>${rows || '<tr><td colspan="2">Nothing scheduled yet.</td></tr>'}</tbody></table></details>`;
}

export function renderDashboard(d: Dashboard, r: WebviewResources): string {
  const plan = d.plan
    ? `<section id="plan" aria-labelledby="plan-h"><h2 id="plan-h">Plan for your interview on ${escapeHtml(d.plan.interviewDate)}</h2>
<p><strong>${d.plan.daysLeft}</strong> days left. To see all <strong>${d.plan.unseen}</strong> unpractised questions and keep up with <strong>${d.plan.dueBefore}</strong> reviews falling due before then, do about <strong>${d.plan.reviewsPerDay}</strong> reviews a day and introduce <strong>${d.plan.newPerDay}</strong> new questions a day (set <em>New Questions Per Day</em> to ${d.plan.newPerDay}).</p></section>`
    : `<p class="hint">Set <em>Interview Practice: Interview Date</em> in Settings to get a day-by-day plan.</p>`;
  const samples = d.samples
    .map((s) => `<tr><th scope="row">${escapeHtml(s.title)}</th><td>${s.best === undefined ? '—' : `${s.best}%`}</td><td>${s.attempts}</td></tr>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(r)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(r.styleUri)}">
<title>Readiness</title>
</head>
<body>
<main class="dashboard">
<h1 id="title">Interview readiness</h1>
<div class="kpis" role="list">
  <div class="kpi" role="listitem"><span class="kpi-value" id="overall">${pct(d.overall)}</span><span class="kpi-label">overall readiness</span></div>
  <div class="kpi" role="listitem"><span class="kpi-value">${d.forecast[0]?.count ?? 0}</span><span class="kpi-label">due today</span></div>
  <div class="kpi" role="listitem"><span class="kpi-value">${d.retention30 === undefined ? '—' : pct(d.retention30 * 100)}</span><span class="kpi-label">recalled (30 days, ${d.reviews30} reviews)</span></div>
</div>
${plan}
<section aria-labelledby="readiness-h"><h2 id="readiness-h">Readiness per topic</h2><p class="hint">How likely you are to recall each topic's answers today (FSRS retrievability; questions you have not practised count as zero).</p>${readinessBars(d)}</section>
<section aria-labelledby="heat-h"><h2 id="heat-h">Reviews per day</h2>${heatmap(d)}</section>
<section aria-labelledby="forecast-h"><h2 id="forecast-h">Due in the next ${d.forecast.length} days</h2>${forecastBars(d)}</section>
<section aria-labelledby="samples-h"><h2 id="samples-h">Work samples</h2><table><thead><tr><th>Sample</th><th>Best review score</th><th>Attempts</th></tr></thead><tbody>${samples}</tbody></table></section>
</main>
</body>
</html>`;
}
