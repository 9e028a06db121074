// The work-sample panel's script: three buttons, each a typed message to the host.
import { post, type SampleOutbound, type SampleState } from '../shared/protocol/sample';
import { wireExternalLinks } from './links';
const vscode = acquireVsCodeApi<SampleState>();
const sampleId = document.body.dataset.sampleId ?? '';
vscode.setState({ sampleId });
const send = (type: 'submitReview' | 'runTests' | 'showReference') => post(vscode, { type, sampleId });
document.getElementById('submit-review')?.addEventListener('click', () => send('submitReview'));
document.getElementById('run-tests')?.addEventListener('click', () => send('runTests'));
document.getElementById('show-reference')?.addEventListener('click', () => send('showReference'));
// "My comment covered this" / "Not really": the user's own verdict per defect, beside the judge's.
document.querySelectorAll<HTMLButtonElement>('button.mark').forEach((b) =>
  b.addEventListener('click', () => {
    const defect = b.dataset.defect ?? '';
    post(vscode, { type: 'markDefect', sampleId, defect, covered: b.dataset.covered === 'true' });
  }),
);
// The task renders Markdown (external links) but no [data-open] buttons.
wireExternalLinks((message) => post(vscode, message));
// The host posts the comment count as comments are added or deleted (no re-render, nothing lost).
window.addEventListener('message', (e: MessageEvent<SampleOutbound | null>) => {
  const m = e.data;
  const el = document.getElementById('comment-count');
  if (el && m && m.type === 'commentCount' && typeof m.count === 'number' && Number.isInteger(m.count) && m.count >= 0) el.textContent = String(m.count);
});
const scrollTarget = document.body.dataset.scroll;
if (scrollTarget) document.getElementById(scrollTarget)?.scrollIntoView({ block: 'start' });
post(vscode, { type: 'ready', sampleId });
