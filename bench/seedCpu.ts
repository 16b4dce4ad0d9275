// Where a seed's CPU time goes, read from /proc (Linux; elsewhere nothing is reported): the main thread
// (parsing, identity, comparing, deciding) against the database (PGlite's thread, or PostgreSQL's
// backends). Whichever is near the wall time bounds the seed, and is where a change must go. On this
// 2-core machine a seed's wall time went from 11.3 to 25.6 s between runs of the same code an hour
// apart; the database's CPU moved less (9.0 to 12 s on PGlite), as the work stayed the same.
import fs from "node:fs";
import type { Database } from "../src/db/database";
import { cpuTicksOf, threadCpuTicksOf } from "./serve/processStats";

/** /proc counts CPU time in clock ticks of 1/100 s. */
export const MS_PER_TICK = 10;

/** CPU milliseconds per thread of this process, by thread id; the first is the main thread. */
export function threadCpuMs(): Map<number, number> {
  const byThread = new Map<number, number>();
  for (const tid of fs.readdirSync("/proc/self/task").map(Number).sort((a, b) => a - b)) {
    const ticks = threadCpuTicksOf(tid);
    if (ticks !== undefined) byThread.set(tid, ticks * MS_PER_TICK);
  }
  return byThread;
}

export interface SeedCpu {
  /** The main thread: parsing, identity, comparing and deciding. */
  mainMs: number;
  /** The database's: PGlite's worker thread (the busiest other thread), or the PostgreSQL backends of this database (a local server only). */
  databaseMs?: number;
  /** Every other thread of this process (V8's compilers and garbage collector helpers). */
  otherThreadsMs: number;
}

/** Starts counting; the returned function gives the CPU spent since. */
export async function countSeedCpu(database: Database): Promise<() => Promise<SeedCpu | undefined>> {
  if (!fs.existsSync("/proc/self/task")) return async () => undefined;
  const backends = async (): Promise<Map<number, number> | undefined> => {
    if (database.kind !== "postgresql") return undefined;
    const rows = await database.sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
    const byPid = new Map<number, number>();
    for (const { pid } of rows) {
      const ticks = cpuTicksOf(pid);
      // A server on another machine: its processes are not ours to read.
      if (ticks === undefined) return undefined;
      byPid.set(pid, ticks * MS_PER_TICK);
    }
    return byPid;
  };
  const threadsBefore = threadCpuMs();
  const backendsBefore = await backends();
  return async () => {
    const spent = [...threadCpuMs()].map(([tid, ms]) => ({ tid, ms: ms - (threadsBefore.get(tid) ?? 0) }));
    const [main, ...others] = spent;
    const busiest = database.kind === "pglite" ? others.reduce((a, b) => (b.ms > a.ms ? b : a), { tid: -1, ms: 0 }) : undefined;
    const backendsAfter = await backends();
    // A connection the pool closed before the end is not counted: the load's transactions keep theirs.
    const backendMs = backendsAfter && backendsBefore ? [...backendsAfter].reduce((sum, [pid, ms]) => sum + ms - (backendsBefore.get(pid) ?? 0), 0) : undefined;
    const databaseMs = busiest ? busiest.ms : backendMs;
    const otherThreadsMs = others.filter((t) => t.tid !== busiest?.tid).reduce((sum, t) => sum + t.ms, 0);
    return { mainMs: main?.ms ?? 0, databaseMs, otherThreadsMs };
  };
}
