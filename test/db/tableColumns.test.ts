import { ENTITY_TABLES } from "../../src/catalog/load/entityColumns";
import type { EntityType } from "../../src/catalog/reconcile/precedence";
import { openDatabase, type Database } from "../../src/db/database";
import { SCHEMA_COLUMNS } from "../../src/db/generated/schemaColumns";
import { applyMigrations } from "../../src/db/migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "../../src/db/migrations/migrationFiles";
import { modelOfTable, schemaColumn, tableColumns, tableColumnsExcept, type TableModel } from "../../src/db/tableColumns";
import { silentLogger } from "../../src/logger";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";

const MODELS = Object.keys(SCHEMA_COLUMNS) as TableModel[];

/** A column as a bulk statement and the database see it: "name type" (NOT NULL marked "!"). */
function describeSchema(model: TableModel): string[] {
  return Object.values(SCHEMA_COLUMNS[model].columns as Record<string, { column: string; sqlType: string; isRequired: boolean; isList: boolean }>).map(
    // Prisma keeps a list column nullable even when the field is required.
    (c) => `${c.column} ${c.sqlType}${c.isRequired && !c.isList ? " !" : ""}`,
  );
}

describe(`the schema's columns on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let testDb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await openDatabase(testDb.target);
    await applyMigrations(db, readMigrationFiles(defaultMigrationsDir()), silentLogger);
  }, 120_000);

  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  it("describes every table of the migrated database, column by column, with the type a bulk statement reads it as", async () => {
    const rows = await db.sql.query<{ table: string; line: string }>(`
      SELECT c.relname AS table,
             a.attname || ' ' || CASE format_type(a.atttypid, NULL)
               WHEN 'timestamp without time zone' THEN 'timestamp'
               WHEN 'character' THEN 'text'
               ELSE format_type(a.atttypid, NULL) END || CASE WHEN a.attnotnull THEN ' !' ELSE '' END AS line
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY c.relname, a.attnum`);
    const database = new Map<string, string[]>();
    for (const row of rows) database.set(row.table, [...(database.get(row.table) ?? []), row.line]);

    expect([...database.keys()].sort()).toEqual(MODELS.map((m) => SCHEMA_COLUMNS[m].table).sort());
    for (const model of MODELS) expect({ model, columns: [...describeSchema(model)].sort() }).toEqual({ model, columns: [...(database.get(SCHEMA_COLUMNS[model].table) ?? [])].sort() });
  });

  it("gives every column a type the database inserts from a bulk statement's recordset", async () => {
    for (const model of MODELS) {
      const columns = tableColumnsExcept(model, []);
      const names = columns.map((c) => `"${c.name}"`).join(", ");
      const recordset = columns.map((c) => `"${c.name}" ${c.type}`).join(", ");
      await expect(
        db.sql.query(`INSERT INTO "${SCHEMA_COLUMNS[model].table}" (${names}) SELECT ${names} FROM jsonb_to_recordset('[]'::jsonb) AS v(${recordset})`),
      ).resolves.toEqual([]);
    }
  });
});

describe("the columns bulk statements write", () => {
  it("reads each value as its column's type: enums by name, lists as arrays, @db.Date as a date, Json as jsonb", () => {
    expect(tableColumns("Fact", ["id", "entityType", "value", "precision", "step"])).toEqual([
      { name: "id", type: "text" },
      { name: "entityType", type: `"EntityType"` },
      { name: "value", type: "jsonb" },
      { name: "precision", type: "text" },
      { name: "step", type: "integer" },
    ]);
    expect(tableColumns("Model", ["releaseDate", "releaseDatePrecision", "status", "languages", "qualityIndex", "openWeights", "updatedAt"])).toEqual([
      { name: "releaseDate", type: "date" },
      { name: "releaseDatePrecision", type: `"DatePrecision"` },
      { name: "status", type: `"LifecycleStatus"` },
      { name: "languages", type: "text[]" },
      { name: "qualityIndex", type: "numeric" },
      { name: "openWeights", type: "boolean" },
      { name: "updatedAt", type: "timestamp" },
    ]);
    expect(tableColumns("Offering", ["billingTierThresholds"])).toEqual([{ name: "billingTierThresholds", type: "integer[]" }]);
    expect(tableColumns("Price", ["currency", "amount", "kind"])).toEqual([
      { name: "currency", type: "text" },
      { name: "amount", type: "numeric" },
      { name: "kind", type: `"PriceKind"` },
    ]);
    expect(tableColumns("FieldDecision", ["derivedFrom", "hasConflict"])).toEqual([
      { name: "derivedFrom", type: "text[]" },
      { name: "hasConflict", type: "boolean" },
    ]);
  });

  it("inserts an audit event with every column but the two the database fills (id, createdAt)", () => {
    expect(tableColumnsExcept("AuditEvent", ["id", "createdAt"])).toEqual([
      { name: "apiKeyId", type: "text" },
      { name: "actorName", type: "text" },
      { name: "action", type: "text" },
      { name: "entityType", type: "text" },
      { name: "entityId", type: "text" },
      { name: "field", type: "text" },
      { name: "before", type: "jsonb" },
      { name: "after", type: "jsonb" },
      { name: "requestId", type: "text" },
    ]);
  });

  it("names each column as its field, so a row keyed by field names fills the recordset (no field is @map-ped)", () => {
    const mapped = MODELS.flatMap((m) => Object.values(SCHEMA_COLUMNS[m].columns as Record<string, { name: string; column: string }>).filter((c) => c.column !== c.name).map((c) => `${m}.${c.name}`));
    expect(mapped).toEqual([]);
  });

  it("refuses a field the model does not have, and a table no model is stored in", () => {
    // @ts-expect-error: "chosenValue" is a field of FieldDecision, not of Fact.
    expect(() => tableColumns("Fact", ["chosenValue"])).toThrow("Fact has no scalar field chosenValue");
    // @ts-expect-error: a relation is not a column.
    expect(() => schemaColumn("Model", "offerings")).toThrow("Model has no scalar field offerings");
    expect(modelOfTable("FieldDecision")).toBe("FieldDecision");
    expect(() => modelOfTable("_prisma_migrations")).toThrow("No model is stored in the table _prisma_migrations");
  });
});

describe("the decided columns of each entity (catalog/load/entityColumns.ts)", () => {
  /** "field kind sqlType", then "=fallback" and "~precision column" where given. */
  function describeEntity(entity: EntityType): string[] {
    const { table, columns } = ENTITY_TABLES[entity];
    const model = modelOfTable(table);
    return columns.map((c) => {
      const sqlType = tableColumns(model, [c.field as never])[0].type;
      return [c.field, c.kind, sqlType, ...(c.fallback !== undefined ? [`=${JSON.stringify(c.fallback)}`] : []), ...(c.precisionColumn ? [`~${c.precisionColumn}`] : [])].join(" ");
    });
  }

  it("checks each value by its column's type in the schema, as the hand-kept list did", () => {
    expect(Object.fromEntries((Object.keys(ENTITY_TABLES) as EntityType[]).map((e) => [e, { table: ENTITY_TABLES[e].table, columns: describeEntity(e) }]))).toEqual({
      AUTHOR: { table: "Author", columns: ["name text text", "url text text", "description text text"] },
      PROVIDER: {
        table: "Provider",
        columns: [
          "name text text",
          `kind text "ProviderKind" ="OTHER"`,
          "docsUrl text text",
          "apiUrl text text",
          "apiKeyEnvVars textArray text[] =[]",
          "sdkPackage text text",
          "statusPageUrl text text",
          "privacyPolicyUrl text text",
          "trainsOnData bool boolean",
          "dataRetentionDays int integer",
          "headquarters text text",
        ],
      },
      MODEL: {
        table: "Model",
        columns: [
          "name text text",
          "authorId text text",
          "family text text",
          "description text text",
          "snapshot text text",
          "releaseDate date date ~releaseDatePrecision",
          "lastUpdated date date",
          "knowledgeCutoff date date ~knowledgeCutoffPrecision",
          "openWeights bool boolean",
          "license text text",
          "languages textArray text[] =[]",
          "languageCount int integer",
          "inputModalities textArray text[] =[]",
          "outputModalities textArray text[] =[]",
          "contextWindow int integer",
          "maxInputTokens int integer",
          "maxOutputTokens int integer",
          `status text "LifecycleStatus" ="ACTIVE"`,
          "deprecationDate date date",
          "retirementDate date date",
          "qualityIndex numeric numeric",
          "huggingFaceId text text",
          "tokenizer text text",
        ],
      },
      OFFERING: {
        table: "Offering",
        columns: [
          "name text text",
          "contextWindow int integer",
          "maxInputTokens int integer",
          "maxOutputTokens int integer",
          `status text "LifecycleStatus" ="ACTIVE"`,
          "deprecationDate date date",
          "retirementDate date date",
          "billingTierThresholds intArray integer[] =[]",
          "inputModalities textArray text[] =[]",
          "outputModalities textArray text[] =[]",
        ],
      },
    });
  });

  it("keeps a date's precision in an enum column of DatePrecision beside it", () => {
    for (const entity of Object.keys(ENTITY_TABLES) as EntityType[]) {
      const model = modelOfTable(ENTITY_TABLES[entity].table);
      for (const c of ENTITY_TABLES[entity].columns.filter((c) => c.precisionColumn)) {
        expect(schemaColumn(model, c.precisionColumn as never)).toMatchObject({ enumName: "DatePrecision", isList: false });
      }
    }
  });
});
