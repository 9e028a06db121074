// The case-study panel's script: open a linked question or the source, nothing else.
import { post, type CaseStudyState } from '../shared/protocol/caseStudy';
import { wireLinks } from './links';
const vscode = acquireVsCodeApi<CaseStudyState>();
vscode.setState({ caseStudyId: document.body.dataset.caseStudyId ?? '' });
wireLinks((message) => post(vscode, message));
