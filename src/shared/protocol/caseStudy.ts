// The case-study panel (src/webview/caseStudy.ts ↔ src/extension/caseStudyPanels.ts): links only.
import * as z from 'zod';
import { defineSchema } from '../defineSchema';
import { idSchema } from '../ids';
import { openExternalMessage, openQuestionMessage, type MessageSink } from './common';

export const caseStudyInbound = /* @__PURE__ */ defineSchema(() => z.discriminatedUnion('type', [openQuestionMessage, openExternalMessage]));
export type CaseStudyInbound = z.infer<typeof caseStudyInbound>;

/** Read-only: the host sends nothing. */
export const caseStudyOutbound = /* @__PURE__ */ defineSchema(() => z.never());
export type CaseStudyOutbound = z.infer<typeof caseStudyOutbound>;

export const caseStudyState = /* @__PURE__ */ defineSchema(() => z.object({ caseStudyId: idSchema }));
export type CaseStudyState = z.infer<typeof caseStudyState>;

export function post(vscode: MessageSink, message: CaseStudyInbound): void {
  vscode.postMessage(message);
}
