import { insertRows, type Column } from "../../src/db/bulkRows";
import { createCatalogDatabase } from "../support/catalogDatabase";

// A plain bulk insert goes by COPY where the session has it (a transaction, on either database); otherwise, and with ON CONFLICT,
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
      expect(tx.copyFrom).toBeDefined();
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
  });

  it("keeps nothing of a COPY whose transaction fails, and fails with PostgreSQL's error code", async () => {
    const clash = [{ ...rows[0], id: "fresh" }, { ...rows[1], id: "r00" }];
    const failed = catalog.database.sql.transaction(async (tx) => {
      await insertRows(tx, "by_copy", columns, clash);
    });
    await expect(failed).rejects.toMatchObject({ code: "23505" });
    expect((await read("by_copy")).map((r) => r.id)).not.toContain("fresh");
  });

  it("answers the statements issued behind a COPY after it, in order, before the COPY has answered", async () => {
    const many = Array.from({ length: 30_000 }, (_, i) => ({ ...rows[i % rows.length], id: `bulk${i}` }));
    const [, , counted] = await catalog.database.sql.transaction(async (tx) =>
      // Nothing awaited in between: on PostgreSQL all three are on the pipelined connection at once.
      Promise.all([
        insertRows(tx, "by_copy", columns, many),
        tx.query(`UPDATE by_copy SET n = -1 WHERE id LIKE 'bulk%'`),
        tx.query<{ count: number; negative: number }>(`SELECT count(*)::int AS count, (count(*) FILTER (WHERE n = -1))::int AS negative FROM by_copy WHERE id LIKE 'bulk%'`),
      ]),
    );
    expect(counted[0]).toEqual({ count: 30000, negative: 30000 });
    await catalog.database.sql.exec(`DELETE FROM by_copy WHERE id LIKE 'bulk%'`);
  });

  it("fails a COPY the server refuses before reading its rows, and the session goes on answering", async () => {
    const failed = catalog.database.sql.transaction(async (tx) => {
      const copy = tx.copyFrom!("by_copy", ["id", "no_such_column"], `"x","y"\n"z","w"`);
      // Issued behind the COPY: the rows sent with it must not be read as this statement.
      const after = tx.query(`SELECT 1 AS one`);
      await Promise.allSettled([copy, after]);
      await copy;
    });
    await expect(failed).rejects.toMatchObject({ code: "42703" });
    const [answer] = await catalog.database.sql.transaction((tx) => tx.query<{ one: number }>(`SELECT 1 AS one`));
    expect(answer).toEqual({ one: 1 });
    expect((await read("by_copy")).map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it("fails a COPY on a malformed row with PostgreSQL's error, keeping none of its rows", async () => {
    const failed = catalog.database.sql.transaction(async (tx) => {
      await tx.copyFrom!("by_copy", ["id", "kind"], `"ok1","MODEL"\n"ok2","NOT_A_KIND"`);
    });
    await expect(failed).rejects.toMatchObject({ code: "22P02" });
    expect((await read("by_copy")).map((r) => r.id)).not.toContain("ok1");
    const [answer] = await catalog.database.sql.transaction((tx) => tx.query<{ one: number }>(`SELECT 1 AS one`));
    expect(answer).toEqual({ one: 1 });
  });
});
