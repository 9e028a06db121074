// The case-study panel's script: open a linked question or the source, nothing else.
import { wireLinks } from './links';
const vscode = acquireVsCodeApi<{ caseStudyId: string }>();
vscode.setState({ caseStudyId: document.body.dataset.caseStudyId ?? '' });
wireLinks((message) => vscode.postMessage(message));
