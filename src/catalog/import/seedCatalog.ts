import { CatalogStatusRepository } from "../../db/catalogStatusRepository";
import type { Database } from "../../db/database";
import { importDocuments, type ImportProgress, type ImportReport } from "./importDocuments";

/**
 * Loads the seed folder and records that a seed completed. With `unlessComplete` (what `npm start`
 * does) it first looks for that record and returns undefined when one exists.
 *
 * Crash-safe: completion is a marker row written after the load, not "sources exist", so a seed killed
 * halfway is run again on the next start, and the documents that did land are skipped by their hash.
 * Runs under the database's migration lock, so that servers starting together on one empty database
 * seed it once: the others wait, then find the marker.
 */
export async function seedCatalog(
  database: Database,
  seedDir: string,
  options: { unlessComplete?: boolean; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportReport | undefined> {
  const status = new CatalogStatusRepository(database.prisma);
  return database.withMigrationLock(async () => {
    if (options.unlessComplete && (await status.seedCompleted())) return undefined;
    const report = await importDocuments(database, [seedDir], { uriBase: seedDir, onProgress: options.onProgress });
    // Documents that failed to parse stay failed on every run; they do not keep the seed open.
    await status.recordSeed(report.read);
    return report;
  });
}
