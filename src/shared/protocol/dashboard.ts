// The readiness dashboard (src/extension/dashboard.ts) runs no script: nothing is accepted from it
// and nothing is sent to it. The schemas say so, so the panel host and the fuzz test treat it like
// every other panel.
import * as z from 'zod';
import { defineSchema } from '../defineSchema';

export const dashboardInbound = /* @__PURE__ */ defineSchema(() => z.never());
export type DashboardInbound = z.infer<typeof dashboardInbound>;

export const dashboardOutbound = /* @__PURE__ */ defineSchema(() => z.never());
export type DashboardOutbound = z.infer<typeof dashboardOutbound>;
