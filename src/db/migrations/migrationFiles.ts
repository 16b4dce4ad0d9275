import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { findUp } from "../../projectRoot";

/** One migration as Prisma lays it out: `prisma/migrations/<name>/migration.sql`. */
export interface MigrationFile {
  name: string;
  /** The file's path, for error messages. */
  path: string;
  sql: string;
  /** SHA-256 of the file's bytes in hex, as Prisma records it in `_prisma_migrations.checksum`. */
  checksum: string;
}

/** The project's migrations folder, found from this file in `src/` or in `dist/src/`. */
export function defaultMigrationsDir(): string {
  const root = findUp(path.join("prisma", "migrations", "migration_lock.toml"), __dirname);
  if (!root) throw new Error(`No prisma/migrations folder above ${__dirname}`);
  return path.join(root, "prisma", "migrations");
}

/**
 * Reads every migration in `dir`, ordered by folder name (Prisma's timestamp prefixes make that
 * chronological).
 * @throws Error naming the folder when one has no migration.sql.
 */
export function readMigrationFiles(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!fs.existsSync(file)) throw new Error(`Migration folder ${path.join(dir, name)} has no migration.sql`);
      const bytes = fs.readFileSync(file);
      return {
        name,
        path: file,
        sql: bytes.toString("utf8"),
        checksum: crypto.createHash("sha256").update(bytes).digest("hex"),
      };
    });
}
