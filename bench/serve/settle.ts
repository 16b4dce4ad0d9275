// Between a warm-up and a measurement, a contender may still be working off requests the warm-up left
// queued (a slow query at 50 connections queues many): wait until it, and its database if it has one,
// are idle, so that the measurement starts from the same state for every contender.
import { cpuTicksOf } from "./processStats";
import { sleep } from "./serverProcess";

const WINDOW_MS = 200;
/** At most this share of one core used over a window counts as idle. */
const IDLE_SHARE = 0.1;

export interface Settled {
  settled: boolean;
  waitedMs: number;
}

/** Waits until `pid` is idle and `busy()` (e.g. the database's running queries) says false, at most `maxMs`. */
export async function settle(pid: number, maxMs: number, busy?: () => Promise<boolean>): Promise<Settled> {
  const started = performance.now();
  for (;;) {
    const before = cpuTicksOf(pid);
    await sleep(WINDOW_MS);
    const after = cpuTicksOf(pid);
    if (before === undefined || after === undefined) return { settled: true, waitedMs: performance.now() - started };
    const idle = (after - before) / 100 <= (WINDOW_MS / 1000) * IDLE_SHARE && !(await (busy?.() ?? Promise.resolve(false)));
    const waitedMs = performance.now() - started;
    if (idle) return { settled: true, waitedMs };
    if (waitedMs >= maxMs) return { settled: false, waitedMs };
  }
}
