// The topic overview's script: open a question or a further-reading link, nothing else.
const vscode = acquireVsCodeApi<{ topicId: string }>();
vscode.setState({ topicId: document.body.dataset.topicId ?? '' });
document.querySelectorAll<HTMLButtonElement>('[data-open]').forEach((b) =>
  b.addEventListener('click', () => vscode.postMessage({ type: 'openQuestion', id: b.dataset.open ?? '' })),
);
document.querySelectorAll<HTMLAnchorElement>('a.external-link').forEach((a) =>
  a.addEventListener('click', (e) => {
    e.preventDefault();
    vscode.postMessage({ type: 'openExternal', url: a.href });
  }),
);

export {};
