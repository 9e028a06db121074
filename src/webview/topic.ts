// The topic overview's script: open a question or a further-reading link, keep a preview open,
// and take another topic into this document when the host swaps one in.
import { post, type TopicOutbound, type TopicState } from '../shared/protocol/topic';
import { wireLinks } from './links';
import { swapMain } from './swap';

const vscode = acquireVsCodeApi<TopicState>();

function mount(): void {
  const topicId = document.body.dataset.topicId ?? '';
  const previous = vscode.getState();
  const pinned = (previous?.topicId === topicId && previous.pinned === true) || document.body.dataset.preview !== 'true';
  vscode.setState({ topicId, pinned });
  if (pinned && document.body.dataset.preview === 'true') post(vscode, { type: 'pin', topicId });
  const preview = document.getElementById('preview');
  if (preview && pinned) preview.hidden = true;
  wireLinks((message) => post(vscode, message));
  document.getElementById('keep-open')?.addEventListener('click', () => {
    vscode.setState({ topicId, pinned: true });
    if (preview) preview.hidden = true;
    post(vscode, { type: 'pin', topicId });
  });
}

window.addEventListener('message', (event: MessageEvent<TopicOutbound>) => {
  const msg = event.data;
  if (msg?.type === 'show' && swapMain(msg.main, msg.data, msg.title)) mount();
});
mount();
