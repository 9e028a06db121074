import * as z from 'zod';
import { defineSchema } from './defineSchema';

/** The one id rule (kebab-case, 3–60 characters) for questions, topics, samples, packs and messages. */
export const idSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .string()
    .min(3, 'id must be at least 3 characters')
    .max(60, 'id must be at most 60 characters')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lowercase kebab-case ([a-z0-9-])'),
);

/** The six stages of a design loop, in the order an interview runs them. */
export const DESIGN_STAGES = ['Clarify', 'Estimate', 'Design', 'Deep dive', 'Trade-offs', 'Wrap-up'] as const;
