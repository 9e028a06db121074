/**
 * "This panel's page has loaded", per item: a waiter resolves on the page's ready message or after
 * a timeout (a page that never says so must not hold anything up for long).
 */
export class ReadySignals {
  private readonly waiters = new Map<string, () => void>();

  wait(id: string, timeoutMs: number): Promise<void> {
    this.waiters.get(id)?.();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.waiters.get(id) === done) this.waiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.set(id, done);
    });
  }

  fire(id: string): void {
    this.waiters.get(id)?.();
  }
}
