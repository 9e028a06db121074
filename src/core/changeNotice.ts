/**
 * Decides when a notification about a set of problems is due: once per change of the set, never
 * twice for the same set (a reload that finds the same problems, two callers racing at start).
 * An empty set is never reported, but it clears the memory, so problems that come back are.
 */
export class ChangeNotice {
  private last = '';

  /** Call with the current problems; true when the caller should show them now. */
  shouldReport(problems: readonly string[]): boolean {
    const key = [...problems].sort().join('\n');
    if (key === this.last) return false;
    this.last = key;
    return problems.length > 0;
  }
}
