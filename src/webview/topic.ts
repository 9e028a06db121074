// The topic overview's script: open a question or a further-reading link, nothing else.
import { wireLinks } from './links';
const vscode = acquireVsCodeApi<{ topicId: string }>();
vscode.setState({ topicId: document.body.dataset.topicId ?? '' });
wireLinks((message) => vscode.postMessage(message));

