/**
 * Builds a schema at module load. Call it as `/* @__PURE__ *\/ defineSchema(() => …)`: the mark
 * lets esbuild drop the schema from a bundle that never reads it, so a webview script that takes
 * only types and `post()` from a protocol module leaves zod out (~90 KB per script). A bare
 * top-level zod call would have to be kept, and esbuild does not carry a function's own
 * side-effect-free mark across modules, hence the mark at every call.
 */
export function defineSchema<T>(build: () => T): T {
  return build();
}
