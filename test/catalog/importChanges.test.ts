import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database, SqlSession } from "../../src/db/database";
import { importDocuments } from "../../src/catalog/import/importDocuments";
import { ProvenanceService } from "../../src/catalog/provenance/provenance.service";
import { ProvenanceRepository } from "../../src/db/provenanceRepository";
import { createCatalogDatabase, SEED_DIR, tableCounts } from "../support/catalogDatabase";

/** A folder laid out like seed/, holding an OpenRouter list of the given entries. */
function openRouterFolder(entries: unknown[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-import-"));
  fs.mkdirSync(path.join(dir, "openrouter"));
  fs.writeFileSync(path.join(dir, "openrouter", "models.json"), JSON.stringify({ data: entries }));
  return dir;
}

const seedList = JSON.parse(fs.readFileSync(path.join(SEED_DIR, "openrouter", "models.json"), "utf8")) as { data: { id: string; pricing: Record<string, string> }[] };
const entry = (id: string) => structuredClone(seedList.data.find((e) => e.id === id)!);

describe("re-importing a changed document", () => {
  let database: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ database, dispose } = await createCatalogDatabase()));
  afterEach(() => dispose());

  const prices = (offeringId: string) =>
    database.sql.query<{ kind: string; amount: string; validFrom: Date; validTo: Date | null }>(
      `SELECT kind::text, amount::text, "validFrom", "validTo" FROM "Price" WHERE "offeringId" = $1 ORDER BY kind, "validFrom"`,
      [offeringId],
    );

  it("closes the old price row and opens a new one for a changed price, and closes one no longer stated", async () => {
    const mini = entry("openai/gpt-4.1-mini");
    const dir = openRouterFolder([mini, entry("openai/gpt-4.1-nano")]);
    const t1 = new Date("2026-01-01T00:00:00Z");
    const t2 = new Date("2026-02-01T00:00:00Z");
    await importDocuments(database, [dir], { uriBase: dir, now: t1 });
    const before = await tableCounts(database);

    mini.pricing.prompt = "0.0000005";
    delete mini.pricing.web_search;
    fs.writeFileSync(path.join(dir, "openrouter", "models.json"), JSON.stringify({ data: [mini, entry("openai/gpt-4.1-nano")] }));
    const report = await importDocuments(database, [dir], { uriBase: dir, now: t2 });

    expect(report.documents).toEqual({ loaded: 1, unchanged: 0 });
    expect(report.prices).toMatchObject({ created: 0, updated: 1, closed: 1 });
    expect(report.models.created).toBe(0);
    const history = await prices("openrouter:openai/gpt-4.1-mini");
    // First learnt prices start on the day the document dates them (OpenRouter's listing, 2025-04-14);
    // a change starts when it is loaded.
    const listed = new Date("2025-04-14T00:00:00Z");
    expect(history.filter((p) => p.kind === "INPUT")).toEqual([
      { kind: "INPUT", amount: "0.400000000000", validFrom: listed, validTo: t2 },
      { kind: "INPUT", amount: "0.500000000000", validFrom: t2, validTo: null },
    ]);
    expect(history.filter((p) => p.kind === "WEB_SEARCH")).toEqual([{ kind: "WEB_SEARCH", amount: "0.010000000000", validFrom: listed, validTo: t2 }]);
    expect(history.filter((p) => p.kind === "OUTPUT")).toEqual([{ kind: "OUTPUT", amount: "1.600000000000", validFrom: listed, validTo: null }]);
    const after = await tableCounts(database);
    expect(after.Price).toBe(before.Price + 1);
    expect(after.Model).toBe(before.Model);
  });

  it("stores a field's decision while a second document states it, and drops it when that document stops: the one left decides, in the same words as before", async () => {
    const stored = async () =>
      (await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "FieldDecision" WHERE "entityType" = 'MODEL' AND "entityId" = 'gpt-4.1-mini' AND field = 'contextWindow'`))[0]!.n;
    const shown = async () => {
      const [fields] = await new ProvenanceService(new ProvenanceRepository(database.sql)).provenanceByEntities(["MODEL gpt-4.1-mini"]);
      const { value, rule, hasConflict, candidates } = fields!.find((f) => f.field === "contextWindow")!;
      return { value, rule, hasConflict, from: candidates.map((c) => `${c.sourceUri}${c.chosen ? " (chosen)" : ""}`) };
    };
    // The Microsoft Foundry card alone.
    await importDocuments(database, [path.join(SEED_DIR, "seed-docs", "000_2d6fa22dba4ca22a.txt")], { uriBase: SEED_DIR });
    const foundryAlone = await shown();
    expect(foundryAlone).toMatchObject({ value: 1_048_576, hasConflict: false, from: ["seed-docs/000_2d6fa22dba4ca22a.txt (chosen)"] });
    expect(foundryAlone.rule).toMatch(/^A first-party cloud's card ranks first for this field/);
    expect(await stored()).toBe(0);

    const mini = entry("openai/gpt-4.1-mini");
    const dir = openRouterFolder([mini]);
    await importDocuments(database, [dir], { uriBase: dir });
    expect((await shown()).from).toHaveLength(2);
    expect(await stored()).toBe(1);

    delete (mini as Record<string, unknown>).context_length;
    delete (mini as unknown as { top_provider: Record<string, unknown> }).top_provider.context_length;
    fs.writeFileSync(path.join(dir, "openrouter", "models.json"), JSON.stringify({ data: [mini] }));
    expect((await importDocuments(database, [dir], { uriBase: dir })).documents).toEqual({ loaded: 1, unchanged: 0 });
    expect(await stored()).toBe(0);
    expect(await shown()).toEqual(foundryAlone);
  });

  it("starts a price that comes back after being dropped when it is loaded, not on its document's date", async () => {
    const mini = entry("openai/gpt-4.1-mini");
    const dir = openRouterFolder([mini]);
    await importDocuments(database, [dir], { uriBase: dir, now: new Date("2026-01-01T00:00:00Z") });
    const search = mini.pricing.web_search;
    delete mini.pricing.web_search;
    fs.writeFileSync(path.join(dir, "openrouter", "models.json"), JSON.stringify({ data: [mini] }));
    await importDocuments(database, [dir], { uriBase: dir, now: new Date("2026-02-01T00:00:00Z") });
    mini.pricing.web_search = search;
    fs.writeFileSync(path.join(dir, "openrouter", "models.json"), JSON.stringify({ data: [mini] }));
    await importDocuments(database, [dir], { uriBase: dir, now: new Date("2026-03-01T00:00:00Z") });
    expect((await prices("openrouter:openai/gpt-4.1-mini")).filter((p) => p.kind === "WEB_SEARCH")).toEqual([
      { kind: "WEB_SEARCH", amount: "0.010000000000", validFrom: new Date("2025-04-14T00:00:00Z"), validTo: new Date("2026-02-01T00:00:00Z") },
      { kind: "WEB_SEARCH", amount: "0.010000000000", validFrom: new Date("2026-03-01T00:00:00Z"), validTo: null },
    ]);
  });

  it("writes nothing of a group whose transaction fails midway, so the next run loads it whole", async () => {
    const mini = entry("openai/gpt-4.1-mini");
    const dir = openRouterFolder([mini]);
    await importDocuments(database, [dir], { uriBase: dir });
    const before = await tableCounts(database);
    const pricesBefore = await prices("openrouter:openai/gpt-4.1-mini");

    mini.pricing.prompt = "0.0000005";
    fs.writeFileSync(path.join(dir, "openrouter", "models.json"), JSON.stringify({ data: [mini, entry("openai/gpt-4.1-nano")] }));
    const failing = failOnStatement(database, /INSERT INTO "Price"/);
    await expect(importDocuments(failing, [dir], { uriBase: dir })).rejects.toThrow("injected failure");

    expect(await tableCounts(database)).toEqual(before);
    expect(await prices("openrouter:openai/gpt-4.1-mini")).toEqual(pricesBefore);
    const retry = await importDocuments(database, [dir], { uriBase: dir });
    expect(retry.documents.loaded).toBe(1);
    expect(retry.prices.updated).toBe(1);
  });

  it("fails a group whose read, issued ahead of its writes, fails, and writes nothing of it", async () => {
    const mini = entry("openai/gpt-4.1-mini");
    const dir = openRouterFolder([mini]);
    await importDocuments(database, [dir], { uriBase: dir });
    const before = await tableCounts(database);

    mini.pricing.prompt = "0.0000005";
    fs.writeFileSync(path.join(dir, "openrouter", "models.json"), JSON.stringify({ data: [mini, entry("openai/gpt-4.1-nano")] }));
    // The overrides of the records already stored: read with the batch's other reads, before the group's facts are written.
    const failing = failOnStatement(database, /JOIN "FieldOverride"/);
    await expect(importDocuments(failing, [dir], { uriBase: dir })).rejects.toThrow("injected failure");

    expect(await tableCounts(database)).toEqual(before);
    const retry = await importDocuments(database, [dir], { uriBase: dir });
    expect(retry.documents.loaded).toBe(1);
    expect(retry.prices.updated).toBe(1);
  });
});

/** The same database, except that inside transactions a statement matching `pattern` fails. */
function failOnStatement(database: Database, pattern: RegExp): Database {
  const wrap = (session: SqlSession): SqlSession => ({
    query: (sql, params) => (pattern.test(sql) ? Promise.reject(new Error("injected failure")) : session.query(sql, params)),
    exec: (script) => session.exec(script),
    transaction: (work) => session.transaction((tx) => work(wrap(tx))),
    statementRows: session.statementRows,
  });
  return { ...database, sql: { ...database.sql, transaction: (work) => database.sql.transaction((tx) => work(wrap(tx))) }, close: database.close };
}

describe("documents whose content is unchanged", () => {
  let database: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ database, dispose } = await createCatalogDatabase()));
  afterEach(() => dispose());

  /** A copy of the models.dev fixture tree: a base file and the Bedrock file that inherits from it. */
  function modelsDevFolder(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-unchanged-"));
    fs.cpSync(path.join(__dirname, "../fixtures/models-dev/models/openai/gpt-5.4.toml"), path.join(dir, "models.dev/models/openai/gpt-5.4.toml"), { recursive: true });
    fs.cpSync(path.join(__dirname, "../fixtures/models-dev/providers/amazon-bedrock"), path.join(dir, "models.dev/providers/amazon-bedrock"), { recursive: true });
    return dir;
  }

  it("are not parsed again, and a changed base file reloads the file that inherits from it", async () => {
    const dir = modelsDevFolder();
    const first = await importDocuments(database, [dir], { uriBase: dir });
    expect(first.documents).toEqual({ loaded: 3, unchanged: 0 });

    // Nothing changed: every file is read and hashed, none parsed (no issue of theirs is reported again).
    const again = await importDocuments(database, [dir], { uriBase: dir });
    expect(again).toMatchObject({ read: 3, documents: { loaded: 0, unchanged: 3 }, failed: [], issues: [] });

    // The base file's name changes; the Bedrock file, byte for byte the same, inherits it for its offering.
    const base = path.join(dir, "models.dev/models/openai/gpt-5.4.toml");
    fs.writeFileSync(base, fs.readFileSync(base, "utf8").replace(/^name = .*$/m, 'name = "GPT-5.4 (renamed)"'));
    const changed = await importDocuments(database, [dir], { uriBase: dir });
    expect(changed.documents).toEqual({ loaded: 2, unchanged: 1 });
    const offering = await database.sql.query<{ name: string | null }>(`SELECT name FROM "Offering" WHERE id = 'amazon-bedrock:openai.gpt-5.4'`);
    expect(offering).toEqual([{ name: "GPT-5.4 (renamed)" }]);
  });
});
