// Types for startProfile.mjs (imported by test/unit/startProfile.test.ts).
export type JsoncResult = { ok: true; value: unknown } | { ok: false; error: string };
export function parseJsonc(text: string): JsoncResult;
export interface MergeResult {
  changed: boolean;
  /** The new text, or the original one when nothing changed; undefined when the file could not be parsed. */
  text?: string;
  settings?: Record<string, unknown>;
  error?: string;
}
export function mergeSettings(existingText: string | undefined, options?: { required?: Record<string, unknown>; defaults?: Record<string, unknown> }): MergeResult;
export function choosePort(options: { requested?: number; remembered?: number; isFree: (port: number) => Promise<boolean>; newPort: () => Promise<number> }): Promise<{ port: number; reason: 'requested' | 'remembered' | 'remembered-busy' | 'new' }>;
export function rememberedPort(text: string | undefined): number | undefined;
