// One measured seed in its own process, so that its peak memory is its own: opens a fresh database
// (PGlite in a temp folder, or the PostgreSQL database named by the argument), migrates it, and
// only reads and parses the seed folder ("parse"), only opens and migrates the database ("open"), or
// seeds it ("seed", then seeds again on top).
// Prints one JSON line: { mode, wallMs, maxRssMb, ... }.
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/db/database";
import { applyMigrations } from "../src/db/migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "../src/db/migrations/migrationFiles";
import { importDocuments } from "../src/catalog/import/importDocuments";
import { readDocuments } from "../src/ingest/readDocuments";
import { silentLogger } from "../src/logger";
import { findUp } from "../src/projectRoot";
import { countSeedCpu } from "./seedCpu";

async function main(): Promise<void> {
  const [mode, url] = process.argv.slice(2);
  const root = findUp("seed", __dirname);
  if (!root) throw new Error("no seed/ folder above the bench script");
  const seedDir = path.join(root, "seed");
  if (mode === "parse") {
    const started = performance.now();
    const read = readDocuments(seedDir, { uriBase: seedDir });
    report({ mode, wallMs: performance.now() - started, documents: read.documents.length });
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-bench-"));
  // Opened as `npm run seed` and a first start's seed open it.
  const database = await openDatabase(url ? { kind: "postgresql", url } : { kind: "pglite", dataDir }, "load");
  try {
    const opened = performance.now();
    await applyMigrations(database, readMigrationFiles(defaultMigrationsDir()), silentLogger);
    if (mode === "open") {
      report({ mode, wallMs: performance.now() - opened });
      return;
    }
    const cpu = await countSeedCpu(database);
    const started = performance.now();
    const first = await importDocuments(database, [seedDir], { uriBase: seedDir });
    const seedMs = performance.now() - started;
    const seedCpu = await cpu();
    const again = performance.now();
    const second = await importDocuments(database, [seedDir], { uriBase: seedDir });
    report({
      mode,
      wallMs: seedMs,
      reseedMs: performance.now() - again,
      documents: first.documents.loaded,
      models: first.models.created,
      offerings: first.offerings.created,
      prices: first.prices.created,
      reseedLoaded: second.documents.loaded,
      cpu: seedCpu,
    });
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ...fields, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
