// The mock-interview panel (src/webview/mock.ts ↔ src/extension/mockInterview.ts). The session
// itself lives in globalState, so the panel keeps no state of its own.
import * as z from 'zod';
import { defineSchema } from '../defineSchema';
import { TEXT_LIMITS } from '../limits';
import { coveredSchema, type MessageSink } from './common';

export const mockInbound = /* @__PURE__ */ defineSchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('mockSubmit'), answer: z.string().max(TEXT_LIMITS.answer), timedOut: z.boolean() }),
    z.strictObject({ type: z.literal('mockGrade'), covered: coveredSchema }),
  ]),
);
export type MockInbound = z.infer<typeof mockInbound>;

/** Every step re-renders the panel; the host sends no messages. */
export const mockOutbound = /* @__PURE__ */ defineSchema(() => z.never());
export type MockOutbound = z.infer<typeof mockOutbound>;

export function post(vscode: MessageSink, message: MockInbound): void {
  vscode.postMessage(message);
}
