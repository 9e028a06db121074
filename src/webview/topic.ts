// The topic overview's script: open a question or a further-reading link, nothing else.
import { post, type TopicState } from '../shared/protocol/topic';
import { wireLinks } from './links';
const vscode = acquireVsCodeApi<TopicState>();
vscode.setState({ topicId: document.body.dataset.topicId ?? '' });
wireLinks((message) => post(vscode, message));
