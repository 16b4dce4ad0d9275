import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "../../src/db/database";
import { importDocuments, type ImportReport } from "../../src/catalog/import/importDocuments";
import { createCatalogDatabase, SEED_DIR } from "../support/catalogDatabase";

/** Writes `files` (path → content) under a new folder laid out like seed/. */
function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-bad-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const starmapPage = fs.readFileSync(path.join(SEED_DIR, "starmap/providers/openai/models/gpt-4.1-mini.md"), "utf8");
const openaiProvider = fs.readFileSync(path.join(SEED_DIR, "models.dev/providers/openai/provider.toml"), "utf8");

describe("importing bad input", () => {
  let database: Database;
  let dispose: () => Promise<void>;
  let report: ImportReport;
  let dir: string;

  beforeAll(async () => {
    ({ database, dispose } = await createCatalogDatabase());
    dir = folder({
      "empty.md": "",
      "blank/whitespace.toml": "  \n\n",
      "binary.md": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      "notes.txt": "Remember to buy milk.\n",
      "models.dev/providers/openai/provider.toml": openaiProvider,
      "models.dev/providers/openai/models/orphan.toml": 'base_model = "openai/gpt-99"\n\n[cost]\ninput = 1\n',
      "models.dev/providers/openai/models/broken.toml": 'name = "Broken"\n[cost\ninput = 1\n',
      "models.dev/providers/openai/models/odd-prices.toml":
        'name = "Odd prices"\nrelease_date = "2025-01-01"\nlast_updated = "2025-01-01"\n\n[cost]\ninput = -1.5\noutput = "abc"\ncache_read = 0.25\n\n[limit]\ncontext = 8192\noutput = 1024\n',
      "starmap/providers/openai/models/gpt-4.1-mini.md": starmapPage.replace("| $0.40/1M | $1.60/1M |", "| $-0.40/1M | $NaN/1M |"),
    });
    report = await importDocuments(database, [dir], { uriBase: dir });
  });

  afterAll(() => dispose());

  const failure = (uri: string) => report.failed.find((f) => f.uri === uri);

  it("reports an empty file by path and reason, and goes on", () => {
    expect(failure("empty.md")).toEqual({ uri: "empty.md", reason: "empty document" });
    expect(failure("blank/whitespace.toml")).toEqual({ uri: "blank/whitespace.toml", reason: "empty document" });
  });

  it("reports a binary file", () => {
    expect(failure("binary.md")?.reason).toMatch(/^binary file/);
  });

  it("reports a file of no known format", () => {
    expect(failure("notes.txt")?.reason).toMatch(/^not a document of a known format/);
  });

  it("reports a dangling base_model link with the line that makes it", () => {
    expect(failure("models.dev/providers/openai/models/orphan.toml")).toEqual({
      uri: "models.dev/providers/openai/models/orphan.toml",
      reason: expect.stringMatching(/base_model "openai\/gpt-99" not found/),
      line: 1,
    });
  });

  it("reports a TOML syntax error with its line", () => {
    expect(failure("models.dev/providers/openai/models/broken.toml")).toMatchObject({ line: 2 });
  });

  it("exactly those six files fail", () => {
    expect(report.failed.map((f) => f.uri).sort()).toEqual(
      ["binary.md", "blank/whitespace.toml", "empty.md", "models.dev/providers/openai/models/broken.toml", "models.dev/providers/openai/models/orphan.toml", "notes.txt"].sort(),
    );
  });

  it("writes nothing from a failed file", async () => {
    const uris = (await database.sql.query<{ uri: string }>(`SELECT uri FROM "Source" ORDER BY uri`)).map((s) => s.uri);
    expect(uris).toEqual(["models.dev/providers/openai/models/odd-prices.toml", "models.dev/providers/openai/provider.toml", "starmap/providers/openai/models/gpt-4.1-mini.md"]);
    expect(await database.sql.query(`SELECT id FROM "Offering" WHERE id = 'openai:orphan'`)).toEqual([]);
  });

  it("leaves out a negative and a non-numeric price, naming each, and keeps the rest of the document", async () => {
    const issues = report.issues.filter((i) => i.uri === "models.dev/providers/openai/models/odd-prices.toml");
    expect(issues.map((i) => [i.code, i.locator])).toEqual(
      expect.arrayContaining([
        ["NEGATIVE_PRICE", "cost.input"],
        ["INVALID_NUMBER", "cost.output"],
      ]),
    );
    const prices = await database.sql.query<{ kind: string; amount: string }>(`SELECT kind::text, amount::text FROM "Price" WHERE "offeringId" = 'openai:odd-prices'`);
    expect(prices).toEqual([{ kind: "CACHED_INPUT", amount: "0.250000000000" }]);
    expect(await database.sql.query(`SELECT "contextWindow" FROM "Offering" WHERE id = 'openai:odd-prices'`)).toEqual([{ contextWindow: 8192 }]);
  });

  it("leaves out a Starmap page's negative and NaN prices with their lines, keeping its other facts", async () => {
    const issues = report.issues.filter((i) => i.uri === "starmap/providers/openai/models/gpt-4.1-mini.md");
    expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining(["NEGATIVE_PRICE", "INVALID_NUMBER"]));
    expect(issues.find((i) => i.code === "NEGATIVE_PRICE")?.locator).toBe("L94");
    expect(await database.sql.query(`SELECT kind FROM "Price" WHERE "offeringId" = 'openai:gpt-4.1-mini'`)).toEqual([]);
    expect(await database.sql.query(`SELECT "knowledgeCutoff"::text AS k FROM "Model" WHERE id = 'gpt-4.1-mini'`)).toEqual([{ k: "2024-04-01" }]);
  });

  it("reports a Starmap link to a page that is not there, keeping the facts", () => {
    const dangling = report.issues.filter((i) => i.uri === "starmap/providers/openai/models/gpt-4.1-mini.md" && i.code === "DANGLING_LINK");
    expect(dangling.length).toBeGreaterThan(0);
    expect(dangling[0].message).toMatch(/^links to \S+, which is not in the catalog$/);
    expect(dangling[0].locator).toMatch(/^L\d+$/);
  });
});
