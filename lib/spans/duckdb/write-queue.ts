/**
 * Serializes writers: the appender and BEGIN/COMMIT share one connection, so two
 * ingests interleaving on it would mix their transactions.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
