/**
 * SQLSTATEs after which PostgreSQL has rolled the whole transaction back for reasons of timing, not of
 * content: running it again from the start is expected to succeed.
 * - 40P01 deadlock_detected: two transactions each wait for a row the other holds; PostgreSQL aborts one.
 * - 40001 serialization_failure: a concurrent commit invalidated what the transaction read.
 */
const TRANSIENT_SQLSTATES = new Set(["40P01", "40001"]);

/** Runs of one transaction before its deadlock or serialization failure is passed on to the caller. */
export const TRANSACTION_ATTEMPTS = 5;

/** Whether `error` is a PostgreSQL failure after which the same transaction may simply be run again. */
export function isTransientTransactionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && TRANSIENT_SQLSTATES.has(code);
}

export interface RetryOptions {
  attempts?: number;
  /** Waits `ms` milliseconds; replaced in tests. */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1), as Math.random; replaced in tests. */
  random?: () => number;
}

/**
 * The pause before run `attempt + 1`: about 10 ms, doubling with each failure, jittered by ±50% so that
 * the transactions that collided do not start again in step and collide once more.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(10 * 2 ** (attempt - 1) * (0.5 + random()));
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `runTransaction` (one whole transaction, begun and ended inside it) and, when PostgreSQL rolled
 * it back for a deadlock or a serialization failure, runs it again after a short jittered pause, up to
 * `attempts` runs in all. Price writers lock offerings in id order, but imports and record edits lock
 * the same rows in the order of their documents and decisions, so a deadlock between them cannot be
 * ruled out by ordering alone; the transaction PostgreSQL aborts has changed nothing and can start over.
 * Any other error, and the last transient one, is thrown as it is.
 */
export async function retryTransientTransaction<T>(runTransaction: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? TRANSACTION_ATTEMPTS;
  const sleep = options.sleep ?? sleepFor;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runTransaction();
    } catch (error) {
      if (attempt >= attempts || !isTransientTransactionError(error)) throw error;
      await sleep(retryDelayMs(attempt, random));
    }
  }
}
