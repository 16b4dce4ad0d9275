import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../../src/db/database";
import { applyMigrations, MigrationError } from "../../src/db/migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "../../src/db/migrations/migrationFiles";
import { DataDirInUseError } from "../../src/db/dataDirLock";
import { decisionRuleId } from "../../src/db/decisionRuleRepository";
import { silentLogger } from "../../src/logger";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";
import { snapshotSchema } from "../support/schemaSnapshot";

const migrations = readMigrationFiles(defaultMigrationsDir());

describe(`migration runner on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let testDb: TestDatabase;
  let database: Database;
  const opened: Database[] = [];

  beforeEach(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase(testDb.target);
    opened.push(database);
  });

  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    await testDb.drop();
  });

  const history = (db: Database) =>
    db.withMigrationLock((s) =>
      s.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );

  it("applies every migration to an empty database and records each as Prisma does", async () => {
    const report = await applyMigrations(database, migrations, silentLogger);

    expect(report.applied).toEqual(migrations.map((m) => m.name));
    const rows = await history(database);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      migrations.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    expect(await database.prisma.model.count()).toBe(0);
  });

  it("keeps a stored decision's rule words when they move to DecisionRule (each text once, under its MD5 as the loader computes it)", async () => {
    const moved = migrations.findIndex((m) => m.name.endsWith("_decision_rule_text_once"));
    expect(moved).toBeGreaterThan(0);
    await applyMigrations(database, migrations.slice(0, moved), silentLogger);
    const rule = "The provider's own file ranks first for this field (models.dev). Exact counts — “quoted”, ünïcode.";
    await database.sql.query(
      `INSERT INTO "FieldDecision" ("entityType", "entityId", field, "chosenValue", rule) VALUES
         ('MODEL', 'a', 'contextWindow', '1000', $1), ('MODEL', 'b', 'contextWindow', '2000', $1), ('MODEL', 'b', 'name', '"B"', 'Another rule')`,
      [rule],
    );

    await applyMigrations(database, migrations, silentLogger);

    const rows = await database.sql.query<{ entityId: string; field: string; ruleId: string; rule: string }>(
      `SELECT d."entityId", d.field, d."ruleId", r.text AS rule FROM "FieldDecision" d JOIN "DecisionRule" r ON r.id = d."ruleId" ORDER BY 1, 2`,
    );
    expect(rows.map((r) => [r.entityId, r.field, r.rule])).toEqual([
      ["a", "contextWindow", rule],
      ["b", "contextWindow", rule],
      ["b", "name", "Another rule"],
    ]);
    expect(rows[0].ruleId).toBe(decisionRuleId(rule));
    expect(await database.sql.query(`SELECT count(*)::int AS n FROM "DecisionRule"`)).toEqual([{ n: 2 }]);
  });

  it("does nothing when run again", async () => {
    await applyMigrations(database, migrations, silentLogger);
    const before = await database.withMigrationLock(snapshotSchema);

    const again = await applyMigrations(database, migrations, silentLogger);

    expect(again).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name) });
    expect(await history(database)).toHaveLength(migrations.length);
    expect(await database.withMigrationLock(snapshotSchema)).toEqual(before);
  });

  it("makes a second concurrent runner wait, then do nothing", async () => {
    // Two processes on one PostgreSQL database; on PGlite, which one process owns, two runners in it.
    const second = usingPostgres() ? await openDatabase(testDb.target) : database;
    if (second !== database) opened.push(second);

    const reports = await Promise.all([
      applyMigrations(database, migrations, silentLogger),
      applyMigrations(second, migrations, silentLogger),
    ]);

    const appliedCounts = reports.map((r) => r.applied.length).sort();
    expect(appliedCounts).toEqual([0, migrations.length]);
    expect(reports.find((r) => r.applied.length === 0)?.alreadyApplied).toEqual(migrations.map((m) => m.name));
    expect(await history(database)).toHaveLength(migrations.length);
  });

  it("rolls a failing migration back whole and names its file", async () => {
    await applyMigrations(database, migrations, silentLogger);
    const before = await database.withMigrationLock(snapshotSchema);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-migrations-"));
    const brokenDir = path.join(dir, "29990101000000_broken");
    fs.mkdirSync(brokenDir);
    fs.writeFileSync(
      path.join(brokenDir, "migration.sql"),
      `CREATE TABLE "Probe" (id INTEGER);\nALTER TABLE "Model" ADD COLUMN "probe" TEXT;\nSELECT * FROM "no_such_table";\n`,
    );

    const run = applyMigrations(database, [...migrations, ...readMigrationFiles(dir)], silentLogger);

    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(path.join(brokenDir, "migration.sql"));
    await expect(run).rejects.toThrow(/no_such_table/);
    expect(await database.withMigrationLock(snapshotSchema)).toEqual(before);
    expect((await history(database)).map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to start over a migration recorded as failed", async () => {
    await applyMigrations(database, migrations, silentLogger);
    await database.withMigrationLock((s) =>
      s.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('x', 'y', '29990101000000_half', now())`,
      ),
    );

    await expect(applyMigrations(database, migrations, silentLogger)).rejects.toThrow(
      /29990101000000_half is recorded as started but not finished/,
    );
  });

  if (!usingPostgres()) {
    it("refuses to open an embedded database folder that is already open", async () => {
      const target = testDb.target;
      await expect(openDatabase(target)).rejects.toThrow(DataDirInUseError);
      await expect(openDatabase(target)).rejects.toThrow(/in use by process \d+/);
    });
  }
});
