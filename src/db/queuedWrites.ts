/**
 * Writes issued on a transaction without waiting for them, so that a load decides its next batch while
 * the database writes the last one (PostgreSQL runs in its own process). A connection runs a
 * transaction's statements in the order they were issued (node-postgres queues them; PGlite's query
 * lock is first come, first served), so whatever the caller reads later runs after the writes before it.
 * A write must therefore issue every statement it runs before it first awaits (bulkRows does).
 *
 * `drain` waits for all of them and throws the first that failed: in an aborted transaction every later
 * statement fails too, only because of it. The transaction must drain before it commits. A statement
 * whose answer the load awaits later (a read issued ahead of writes, see batchReads.ts) is kept here
 * too (`keep`), so that its failure is reported in order and never left unhandled.
 */
export class QueuedWrites {
  #pending: Promise<unknown>[] = [];

  /** Keeps an issued write to wait for in `drain`. */
  add(write: Promise<unknown>): void {
    // Awaited in drain; until then its failure is not an unhandled rejection.
    write.catch(() => undefined);
    this.#pending.push(write);
  }

  /** Keeps an issued statement, as `add` does, and returns it, for the caller to await its answer. */
  keep<T>(issued: Promise<T>): Promise<T> {
    this.add(issued);
    return issued;
  }

  /** Waits for every write issued so far; throws the first failure, in the order they were issued. */
  async drain(): Promise<void> {
    const settled = await Promise.allSettled(this.#pending.splice(0));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) throw failed.reason;
  }
}

/** Waits for `write` when there is no queue; with one, leaves it running in the queue. */
export function issueWrite(write: Promise<unknown>, writes: QueuedWrites | undefined): Promise<void> {
  if (!writes) return write.then(() => undefined);
  writes.add(write);
  return Promise.resolve();
}
