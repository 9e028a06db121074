// The work-sample panel's script: three buttons, each a typed message to the host.
const vscode = acquireVsCodeApi<{ sampleId: string }>();
const sampleId = document.body.dataset.sampleId ?? '';
vscode.setState({ sampleId });
const send = (type: 'submitReview' | 'runTests' | 'showReference') => vscode.postMessage({ type, sampleId });
document.getElementById('submit-review')?.addEventListener('click', () => send('submitReview'));
document.getElementById('run-tests')?.addEventListener('click', () => send('runTests'));
document.getElementById('show-reference')?.addEventListener('click', () => send('showReference'));
document.querySelectorAll<HTMLAnchorElement>('a.external-link').forEach((a) =>
  a.addEventListener('click', (e) => {
    e.preventDefault();
    vscode.postMessage({ type: 'openExternal', url: a.href });
  }),
);
const scrollTarget = document.body.dataset.scroll;
if (scrollTarget) document.getElementById(scrollTarget)?.scrollIntoView({ block: 'start' });

export {};
