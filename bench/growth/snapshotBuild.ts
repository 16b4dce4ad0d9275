// One size's snapshot measurement in its own process (node --expose-gc snapshotBuild.js URL REPEATS): builds
// the read model's snapshot as the server does, REPEATS times, and prints one JSON line (SnapshotBuildResult).
// Memory is the heap the last snapshot keeps: heapUsed after a forced GC with only it alive, minus heapUsed
// after a forced GC before anything was loaded (the database client already open).
import fs from "node:fs";
import { CatalogReadRepository } from "../../src/db/catalogReadRepository";
import { openDatabase } from "../../src/db/database";
import { toCatalogContent } from "../../src/catalog/readModel/catalogContent";
import { CatalogSnapshot } from "../../src/catalog/readModel/catalogSnapshot";

export interface SnapshotBuildRun {
  /** Reading every table through Prisma (`loadAll`). */
  loadMs: number;
  /** Rows to views (`toCatalogContent`). */
  mapMs: number;
  /** `CatalogSnapshot.build`: maps, groups, sorted orders, the search index. */
  indexMs: number;
  totalMs: number;
}

export interface SnapshotBuildResult {
  runs: SnapshotBuildRun[];
  heapMb: number;
  /** The peak RSS of the measuring process: rows, views and snapshot at once. */
  peakRssMb: number;
  counts: Record<string, number>;
}

function forceGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("Run with node --expose-gc");
  gc();
  gc();
}

async function main(): Promise<void> {
  const [url, repeatsText] = process.argv.slice(2);
  const repeats = Number(repeatsText ?? 1);
  const database = await openDatabase({ kind: "postgresql", url });
  try {
    const repository = new CatalogReadRepository(database.prisma);
    await database.prisma.author.count(); // the client's first query loads its query compiler
    forceGc();
    const baseline = process.memoryUsage().heapUsed;
    const runs: SnapshotBuildRun[] = [];
    let snapshot: CatalogSnapshot | undefined;
    for (let i = 0; i < repeats; i++) {
      snapshot = undefined;
      forceGc();
      const started = performance.now();
      const rows = await repository.loadAll();
      const loaded = performance.now();
      const content = toCatalogContent(rows);
      const mapped = performance.now();
      snapshot = CatalogSnapshot.build(content);
      const built = performance.now();
      runs.push({ loadMs: loaded - started, mapMs: mapped - loaded, indexMs: built - mapped, totalMs: built - started });
    }
    forceGc();
    const heapMb = (process.memoryUsage().heapUsed - baseline) / 1048576;
    const result: SnapshotBuildResult = { runs, heapMb, peakRssMb: Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) / 1024, counts: snapshot!.counts };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
