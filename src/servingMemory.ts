// What a serving process does to stay small. Most of what a server held while answering was not what
// answering needs: the garbage of building the read model, V8's headroom, and PGlite's optimized code.
// Measured on the seeded catalog, PGlite, 50 connections on the list query (peak RSS under load):
// 330 MB as it was; 288 MB after collecting the build's garbage; 239 MB with PGlite's WebAssembly kept
// on V8's baseline compiler; 214 MB with V8 optimizing for size.
import v8 from "node:v8";
import vm from "node:vm";
import type { Database } from "./db/database";

let collect: (() => void) | undefined;

/**
 * A full garbage collection of this thread's heap, now; returns the bytes it freed. After the read model
 * is built, the rows it was built from (about 40 MB on the server's thread, 28 MB on PGlite's) sit in the
 * old generation, and a server under load allocates almost only short-lived objects: no full collection
 * comes to free them, sometimes for hours. The same flag-and-context route as Jest's leak detector; it
 * costs one collection (tens of milliseconds), so it follows rare events only: a start, a rebuild.
 */
export function collectGarbage(): number {
  if (!collect) {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  const before = v8.getHeapStatistics().used_heap_size;
  collect();
  return Math.max(0, before - v8.getHeapStatistics().used_heap_size);
}

/**
 * V8 settings for a process that serves, set at its start (before PGlite's module is compiled). V8's
 * flags hold for the whole process, so processes that load (the seed child, `npm run seed`, `npm run
 * import`) never call this. For PGlite, `--liftoff-only`: WebAssembly (PGlite's PostgreSQL) stays on V8's
 * baseline compiler. Otherwise its hot functions are recompiled by the optimizing compiler on background
 * threads, whose code and compiler memory stayed resident: 49 MB (288 → 239 MB). Reads come from the read
 * model, so a serving PGlite runs few statements; a bulk load runs millions, and a seed took 62 s instead
 * of 26 s under it.
 */
export function useServingSettings(database: "pglite" | "postgresql"): void {
  if (database === "pglite") v8.setFlagsFromString("--liftoff-only");
}

/**
 * Before a read model build: V8 tuned for speed. Optimizing for size, V8 collects whenever the heap has
 * grown a little, and a build grows it from nothing to the whole catalog: at 100 times the real catalog
 * (a 1.3 GB snapshot) a server took 513 s to start, where the same build alone took 148 s.
 */
export function buildWithSpeedSettings(): void {
  v8.setFlagsFromString("--no-optimize-for-size");
}

/**
 * After a read model build: this thread's garbage and the database's (PGlite's thread) are collected,
 * and V8 serves with `--optimize-for-size` unless the catalog is large. Without it, V8 let the heap grow
 * to several times what is live before collecting (its growing factor reaches 4 for a heap that may grow
 * to gigabytes) and kept a 32 MB young generation; with it, the server's heap under load was 54-61 MB
 * instead of 88-102 MB, at the same throughput. Returns the bytes freed on each. The caller only logs a
 * failure: memory is not worth failing a rebuild.
 */
export async function releaseBuildGarbage(database: Database): Promise<{ server: number; database: number }> {
  v8.setFlagsFromString("--optimize-for-size");
  const server = collectGarbage();
  if (v8.getHeapStatistics().used_heap_size > SIZE_TUNED_HEAP_LIMIT) v8.setFlagsFromString("--no-optimize-for-size");
  return { server, database: await database.releaseMemory() };
}

/**
 * Above this much live heap, a server serves with V8's default tuning. Optimizing for size, V8 runs a
 * full collection whenever the heap has grown a little past what is live, and a full collection costs
 * what is live: cheap over the real catalog (about 50 MB), not over a catalog 100 times larger (1.3 GB).
 * There, serving under it, a price estimate answered 43 requests a second at 10 connections (722 over the
 * real catalog) while one at a time took 3.3 ms.
 */
const SIZE_TUNED_HEAP_LIMIT = 256 * 2 ** 20;
