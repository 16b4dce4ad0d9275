import { insertRows, type Column } from "../../src/db/bulkRows";
import { createCatalogDatabase } from "../support/catalogDatabase";

// A plain bulk insert goes by COPY where the session has it (PGlite); otherwise, and with ON CONFLICT,
// by statements: reading one array per column (unnest) on PostgreSQL, a JSON recordset on PGlite and
// wherever a column is an array. Every way must store the same values, whatever characters the
// documents' text holds.
describe("bulk inserts by COPY, by column arrays and by JSON recordset", () => {
  let catalog: Awaited<ReturnType<typeof createCatalogDatabase>>;
  const columns: Column[] = [
    { name: "id", type: "text" },
    { name: "label", type: "text" },
    { name: "doc", type: "jsonb" },
    { name: "kind", type: '"EntityType"' },
    { name: "n", type: "integer" },
    { name: "amount", type: "numeric" },
    { name: "flag", type: "boolean" },
    { name: "at", type: "timestamp" },
  ];
  const tricky = ['say "hi", then\nleave', "", "back\\slash", "comma,semicolon;", "\\N", "unicode: €, 模型, 🤖", "\r\ncarriage", "NULL", "{a,b}", '"', "null", " padded ", "tab\there", "plain-id.v1:0"];
  const rows = tricky.map((label, i) => ({
    id: `r${String(i).padStart(2, "0")}`, // padded: read back in id order
    label,
    doc: i % 3 === 0 ? { text: label, list: [1, "two", null] } : i % 3 === 1 ? label : null,
    kind: i % 2 === 0 ? "MODEL" : "OFFERING",
    n: i === 2 ? null : i * 1000,
    amount: i === 3 ? null : `${i}.000125`,
    flag: i === 4 ? null : i % 2 === 0,
    at: i === 5 ? null : new Date(Date.UTC(2026, 10, 29, 10, i, 0, 123)),
  }));

  beforeAll(async () => {
    catalog = await createCatalogDatabase();
    for (const table of ["by_copy", "by_statement", "by_json"]) {
      await catalog.database.sql.exec(
        `CREATE TABLE ${table} (id text PRIMARY KEY, label text, doc jsonb, kind "EntityType" NOT NULL, n integer, amount numeric, flag boolean, at timestamp(3), tags text[])`,
      );
    }
  });

  afterAll(async () => {
    await catalog?.dispose();
  });

  const read = (table: string) => catalog.database.sql.query(`SELECT id, label, doc, kind, n, amount, flag, at FROM ${table} ORDER BY id`);

  it("stores the same values every way: quotes, newlines, empty strings apart from NULL, JSON, enums, numbers, dates", async () => {
    await catalog.database.sql.transaction(async (tx) => {
      await insertRows(tx, "by_copy", columns, rows);
      await insertRows(tx, "by_statement", columns, rows, { onConflict: "ON CONFLICT (id) DO NOTHING" });
      // An array column: a JSON recordset on every database.
      await insertRows(tx, "by_json", [...columns, { name: "tags", type: "text[]" }], rows.map((row) => ({ ...row, tags: [row.label] })));
    });
    const copied = await read("by_copy");
    expect(copied).toEqual(await read("by_statement"));
    expect(copied).toEqual(await read("by_json"));
    expect((await catalog.database.sql.query<{ tags: string[] }>(`SELECT tags FROM by_json ORDER BY id`)).map((r) => r.tags[0])).toEqual([...copied.map((r) => r.label)]);
    expect(copied.map((r) => r.label)).toEqual(tricky);
    expect(copied[1]).toMatchObject({ label: "", doc: "", n: 1000, flag: false });
    expect(copied[2]).toMatchObject({ n: null, doc: null });
    expect(copied[0].doc).toEqual({ text: tricky[0], list: [1, "two", null] });
    expect((copied[0].at as Date).toISOString()).toBe("2026-11-29T10:00:00.123Z");
    expect(copied[5].at).toBeNull();
    expect(catalog.database.sql.copyFrom !== undefined).toBe(catalog.database.kind === "pglite");
  });

  it("keeps nothing of a COPY whose transaction fails, and fails with PostgreSQL's error code", async () => {
    const clash = [{ ...rows[0], id: "fresh" }, { ...rows[1], id: "r00" }];
    const failed = catalog.database.sql.transaction(async (tx) => {
      await insertRows(tx, "by_copy", columns, clash);
    });
    await expect(failed).rejects.toMatchObject({ code: "23505" });
    expect((await read("by_copy")).map((r) => r.id)).not.toContain("fresh");
  });
});
