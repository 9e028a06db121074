import assert from 'node:assert/strict';
import { renderDashboard } from '../../src/core/dashboardHtml';
import { loadContentDir } from '../../src/core/loadContent';
import { newEventId } from '../../src/core/progress/events';
import { ProgressModel } from '../../src/core/progress/model';
import { Scheduler } from '../../src/core/progress/scheduler';
import { buildDashboard, dayKey } from '../../src/core/readiness';
import { FIXTURE_CONTENT } from './helpers';

const bank = loadContentDir(FIXTURE_CONTENT).bundle;
const DAY = 86_400_000;
const now = new Date('2026-11-24T10:00:00');
const review = (id: string, rating: 1 | 2 | 3 | 4, at: number) => ({ v: 1 as const, kind: 'review' as const, eid: newEventId(at), id, rating, at: new Date(at).toISOString() });

describe('readiness dashboard model', () => {
  const model = () => new ProgressModel(new Scheduler({ desiredRetention: 0.9 }));

  it('is zero with no practice, and rises as questions are recalled', () => {
    const empty = buildDashboard(bank, model(), now);
    assert.equal(empty.overall, 0);
    assert.deepEqual(empty.topics.map((t) => t.readiness), [0]);
    const m = model();
    m.apply(review('trace-sampling', 3, now.getTime() - 2 * DAY));
    m.apply(review('structured-logging', 4, now.getTime() - DAY));
    const d = buildDashboard(bank, m, now);
    assert.ok(d.overall > 0 && d.overall < 100);
    assert.equal(d.topics[0]?.seen, 2);
    assert.equal(d.topics[0]?.total, 4);
  });

  it('counts reviews per local day for the heatmap and a 30-day due forecast', () => {
    const m = model();
    m.apply(review('trace-sampling', 3, now.getTime() - 3 * DAY));
    m.apply(review('structured-logging', 1, now.getTime() - 3 * DAY + 1000));
    m.apply(review('idempotent-consumers', 3, now.getTime() - 40 * DAY));
    const d = buildDashboard(bank, m, now, { heatmapDays: 60 });
    assert.equal(d.reviewsPerDay.length, 60);
    assert.equal(d.reviewsPerDay.at(-1)?.date, dayKey(now));
    assert.equal(d.reviewsPerDay.find((x) => x.date === dayKey(now.getTime() - 3 * DAY))?.count, 2);
    assert.equal(d.forecast.length, 30);
    assert.equal(d.forecast.reduce((s, x) => s + x.count, 0), 3, 'every reviewed card is due somewhere in the window or overdue today');
    assert.equal(d.retention30, 0.5, 'one Again out of two reviews in the last 30 days');
    // "Due now" counts exactly the cards whose state is due at this instant (what the status bar counts), not the forecast's whole day.
    const dueNowIds = bank.questions.filter((q) => m.state(q.id, now) === 'due');
    assert.ok(dueNowIds.length > 0);
    assert.equal(d.dueNow, dueNowIds.length);
  });

  it('plans reviews per day for an interview date, and ignores a date in the past', () => {
    const date = dayKey(now.getTime() + 10 * DAY);
    const d = buildDashboard(bank, model(), now, { interviewDate: date });
    assert.ok(d.plan);
    assert.equal(d.plan.daysLeft, 10);
    assert.equal(d.plan.unseen, 4);
    assert.ok(d.plan.newPerDay >= 1 && d.plan.reviewsPerDay >= 1);
    assert.equal(buildDashboard(bank, model(), now, { interviewDate: '2020-01-01' }).plan, undefined);
    assert.equal(buildDashboard(bank, model(), now, { interviewDate: 'next tuesday' }).plan, undefined);
  });

  it('renders charts with text equivalents and no script', () => {
    const html = String(renderDashboard(buildDashboard(bank, model(), now, { interviewDate: dayKey(now.getTime() + 5 * DAY) }), { cspSource: 'c', nonce: 'n', scriptUri: '', stylesheet: 'p{}' }));
    assert.equal((html.match(/<svg role="img"/g) ?? []).length, 3);
    assert.ok((html.match(/<table>/g) ?? []).length >= 4, 'every chart has a table');
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(html, /style="/, 'no inline styles: the CSP allows only the stylesheet');
    assert.match(html, /Plan for your interview/);
  });
});
