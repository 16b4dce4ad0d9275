// One size's snapshot measurement in its own process (node --expose-gc snapshotBuild.js URL REPEATS): builds
// the read model's snapshot as the server does, REPEATS times, then rebuilds it once while the last one is
// still held (what a server does after an import), and prints one JSON line (SnapshotBuildResult).
// Memory is measured after a forced GC once the building function has returned: an async function keeps
// its locals (the rows, the content) alive until it returns, so measuring inside it counted them too (the
// heap figures before this change were about 1.6 times the snapshot's).
import fs from "node:fs";
import { CatalogReadRepository } from "../../src/db/catalogReadRepository";
import { openDatabase } from "../../src/db/database";
import { readCatalogContent, type PreviousViews } from "../../src/catalog/readModel/catalogContent";
import { CatalogSnapshot } from "../../src/catalog/readModel/catalogSnapshot";

export interface SnapshotBuildRun {
  /** Reading every table through Prisma and mapping rows to views, a page at a time (`readCatalogContent`). */
  loadMs: number;
  /** `CatalogSnapshot.build`: maps, groups, sorted orders, the search index. */
  indexMs: number;
  totalMs: number;
}

export interface SnapshotBuildResult {
  runs: SnapshotBuildRun[];
  /** The heap one snapshot keeps (after GC, minus the baseline with the database client open). */
  heapMb: number;
  /** The peak RSS of the first build: one page of rows, the views and the snapshot. */
  peakRssMb: number;
  /** A rebuild while the previous snapshot is held, as the server does after an import. */
  rebuild: {
    run: SnapshotBuildRun;
    /** Both snapshots alive (unchanged views are shared), after GC, minus the baseline. */
    bothHeapMb: number;
    /** The peak RSS during the rebuild (VmHWM reset before it). */
    peakRssMb: number;
  };
  /** Node's heap limit in this process (the rebuild ran inside it). */
  heapLimitMb: number;
  counts: Record<string, number>;
}

function forceGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("Run with node --expose-gc");
  gc();
  gc();
}

/** Heap after the current async frames are gone and a forced GC. */
async function settledHeap(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  forceGc();
  return process.memoryUsage().heapUsed;
}

function peakRssMb(): number {
  return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) / 1024;
}

/** Resets VmHWM (Linux: writing 5 to clear_refs); false where that is not allowed. */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

async function build(repository: CatalogReadRepository, previous?: PreviousViews): Promise<{ snapshot: CatalogSnapshot; run: SnapshotBuildRun }> {
  const started = performance.now();
  const content = await readCatalogContent(repository, previous);
  const loaded = performance.now();
  const snapshot = CatalogSnapshot.build(content);
  const built = performance.now();
  return { snapshot, run: { loadMs: loaded - started, indexMs: built - loaded, totalMs: built - started } };
}

async function main(): Promise<void> {
  const [url, repeatsText] = process.argv.slice(2);
  const repeats = Number(repeatsText ?? 1);
  const database = await openDatabase({ kind: "postgresql", url });
  try {
    const repository = new CatalogReadRepository(database.prisma);
    await database.prisma.author.count(); // the client's first query loads its query compiler
    const baseline = await settledHeap();
    const runs: SnapshotBuildRun[] = [];
    let snapshot: CatalogSnapshot | undefined;
    let firstPeak = 0;
    for (let i = 0; i < repeats; i++) {
      snapshot = undefined;
      await settledHeap();
      const built = await build(repository);
      snapshot = built.snapshot;
      runs.push(built.run);
      if (i === 0) firstPeak = peakRssMb();
    }
    const heapMb = ((await settledHeap()) - baseline) / 1048576;
    const reset = resetPeakRss();
    const rebuilt = await build(repository, snapshot);
    const rebuildPeak = reset ? peakRssMb() : NaN;
    const bothHeapMb = ((await settledHeap()) - baseline) / 1048576;
    const counts = rebuilt.snapshot.counts;
    const { heap_size_limit } = (await import("node:v8")).getHeapStatistics();
    const result: SnapshotBuildResult = {
      runs,
      heapMb,
      peakRssMb: firstPeak,
      rebuild: { run: rebuilt.run, bothHeapMb, peakRssMb: rebuildPeak },
      heapLimitMb: heap_size_limit / 1048576,
      counts,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
