// The databases the growth benchmark runs on: catalog_growth_1x (the real catalog, seeded by the import
// command) and catalog_growth_<N>x (generated from it). Each is built under a *_building name and renamed
// once complete, and marked with what it holds, so a database with the final name is always whole and
// can be reused by later runs.
import { execFile } from "node:child_process";
import path from "node:path";
import { applyMigrations } from "../../src/db/migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "../../src/db/migrations/migrationFiles";
import { openDatabase } from "../../src/db/database";
import { createLogger } from "../../src/logger";
import { copyPlan } from "./catalogCopy";
import { expectedCounts, generateCatalog, GENERATOR_VERSION, tableCounts } from "./generateCatalog";
import { createDatabase, databaseExists, databaseUrl, dropDatabase, markDatabase, readMark, renameDatabase } from "./postgresAdmin";
import { textPool } from "./tableRows";

export const REAL_DATABASE = "catalog_growth_1x";

export function growthDatabaseName(factor: number): string {
  return factor === 1 ? REAL_DATABASE : `catalog_growth_${factor}x`;
}

export interface EnsureOptions {
  seed: number;
  /** Rebuild even when a complete database of that name exists. */
  force: boolean;
  log: (line: string) => void;
}

export interface EnsureReport {
  name: string;
  url: string;
  /** How long building it took; undefined when an existing one was reused. */
  builtMs?: number;
}

/** The real catalog's database: reused when marked complete, else created and seeded (about 15 s). */
export async function ensureRealDatabase(options: EnsureOptions): Promise<EnsureReport> {
  const name = REAL_DATABASE;
  const mark = (await databaseExists(name)) ? await readMark(name) : undefined;
  if (mark && mark.factor === 1 && !options.force) return { name, url: databaseUrl(name) };
  const started = performance.now();
  const building = `${name}_building`;
  await dropDatabase(building);
  await createDatabase(building);
  options.log(`Seeding the real catalog into ${building} (npm run seed's command)...`);
  await seedDatabase(databaseUrl(building));
  const counts = await countsOf(databaseUrl(building));
  await dropDatabase(name);
  await renameDatabase(building, name);
  await markDatabase(name, { factor: 1, seed: null, generator: GENERATOR_VERSION, source: "seed/", counts, builtAt: new Date().toISOString() });
  return { name, url: databaseUrl(name), builtMs: performance.now() - started };
}

/**
 * The `factor`× synthetic catalog's database: reused when one marked with the same factor, seed and
 * generator version exists (unless `force`), else generated from the real catalog.
 * @throws Error when the generated row counts are not the expected multiples of the real ones.
 */
export async function ensureGrowthDatabase(factor: number, options: EnsureOptions): Promise<EnsureReport> {
  const name = growthDatabaseName(factor);
  const mark = (await databaseExists(name)) ? await readMark(name) : undefined;
  if (mark && !options.force && mark.factor === factor && mark.seed === options.seed && mark.generator === GENERATOR_VERSION) return { name, url: databaseUrl(name) };
  const real = await ensureRealDatabase({ ...options, force: false });
  const started = performance.now();
  const building = `${name}_building`;
  await dropDatabase(building);
  await createDatabase(building);
  await migrate(databaseUrl(building));
  const plan = copyPlan(factor, options.seed);
  options.log(`Generating ${factor}× (seed ${options.seed}, ${plan.providerVariants} variants per provider) into ${building}:`);
  const report = await generateCatalog({ sourceUrl: real.url, targetUrl: databaseUrl(building), plan, log: options.log });
  const expected = expectedCounts(plan, await countsOf(real.url));
  const wrong = Object.entries(expected).filter(([table, n]) => report.counts[table as keyof typeof expected] !== n);
  if (wrong.length > 0) throw new Error(`Generated ${factor}× has wrong row counts: ${wrong.map(([t, n]) => `${t} ${report.counts[t as keyof typeof expected]} (expected ${n})`).join(", ")}`);
  await dropDatabase(name);
  await renameDatabase(building, name);
  await markDatabase(name, { factor, seed: options.seed, generator: GENERATOR_VERSION, source: real.name, counts: report.counts, builtAt: new Date().toISOString() });
  options.log(`Generated ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { name, url: databaseUrl(name), builtMs: performance.now() - started };
}

/** Applies the project's migrations, as the server does on start. */
async function migrate(url: string): Promise<void> {
  const database = await openDatabase({ kind: "postgresql", url });
  try {
    await applyMigrations(database, readMigrationFiles(defaultMigrationsDir()), createLogger("warn"));
  } finally {
    await database.close();
  }
}

async function countsOf(url: string) {
  const pool = textPool(url, 1);
  try {
    return await tableCounts(pool);
  } finally {
    await pool.end();
  }
}

/** Runs `node dist/src/cli/import.cli.js seed` against `url`. */
function seedDatabase(url: string): Promise<void> {
  const cli = path.resolve(__dirname, "../../src/cli/import.cli.js");
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, "seed"], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" }, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`Seeding failed: ${error.message}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      else resolve();
    });
  });
}
