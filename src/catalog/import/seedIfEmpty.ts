import type { Database } from "../../db/database";
import { importDocuments, type ImportProgress, type ImportReport } from "./importDocuments";

/** Loads the seed folder when the catalog has no sources yet; returns undefined when it had some. */
export async function seedIfEmpty(
  database: Database,
  seedDir: string,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport | undefined> {
  const [{ present }] = await database.sql.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Source") AS present`);
  if (present) return undefined;
  return importDocuments(database, [seedDir], { uriBase: seedDir, onProgress });
}
