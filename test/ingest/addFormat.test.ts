// Adding a document format, shown with one that exists only here: its detector and parser (what its folder
// would hold), a registry with it (what its line in BUILT_IN_FORMATS would do, here through withFormat so
// that no src file changes), then detected, parsed, through the parser conformance suite, and loaded into
// a real database by the real importer. A built-in format would also add its value to Prisma's SourceFormat
// enum with a migration (formatRegistry.test.ts fails until it does); here the test database gets it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importDocuments } from "../../src/catalog/import/importDocuments";
import { loadDocuments } from "../../src/catalog/load/loadDocuments";
import { ProvenanceService } from "../../src/catalog/provenance/provenance.service";
import { ProvenanceRepository } from "../../src/db/provenanceRepository";
import type { Database } from "../../src/db/database";
import { defineFormat, DOCUMENT_FORMATS, FormatRegistryError, withFormat } from "../../src/ingest/formatRegistry";
import { emptyDocument, ParseError, type DocumentFormat, type ParsedDocument, type PriceKind } from "../../src/ingest/observation";
import { readDocuments } from "../../src/ingest/readDocuments";
import { createCatalogDatabase } from "../support/catalogDatabase";
import { describeParserConformance } from "../support/parserConformance";

const MAGIC = "tiny-catalog 1";

/**
 * A tiny catalog: a first line "tiny-catalog 1", then "provider <id> <name>" lines and, under a provider,
 * "model <author>/<id> | <name> | context <tokens> | input <USD per 1M> | output <USD per 1M>" lines.
 * @throws ParseError for an empty or binary text, or one without the first line.
 */
function parseTinyCatalog(text: string, origin: string): ParsedDocument {
  if (text.trim() === "") throw new ParseError(origin, "empty document");
  if (text.includes("\u0000")) throw new ParseError(origin, "binary content, not a tiny catalog");
  const lines = text.split(/\r?\n/);
  if (lines[0].trim() !== MAGIC) throw new ParseError(origin, `not a tiny catalog: the first line must be "${MAGIC}"`, 1);
  // The format's id is not one of DocumentFormat's literal types: those are the built-in formats'.
  const doc = emptyDocument("tiny" as DocumentFormat, origin);
  let providerId: string | undefined;
  lines.slice(1).forEach((line, index) => {
    const at = `L${index + 2}`;
    if (line.trim() === "") return;
    const provider = /^provider ([a-z0-9-]+) (.+)$/.exec(line.trim());
    if (provider) {
      providerId = provider[1];
      doc.providers.push({ id: providerId, name: { value: provider[2], locator: at } });
      return;
    }
    const model = /^model ([a-z0-9-]+)\/([a-z0-9.-]+) \| ([^|]+) \| context (\S+) \| input (\S+) \| output (\S+)$/.exec(line.trim());
    if (!model || !providerId) {
      doc.issues.push({ code: "SKIPPED_RECORD", message: model ? "a model before any provider" : "not a provider or model line", locator: at });
      return;
    }
    const [, author, id, name, context, input, output] = model;
    const ref = `${author}/${id}`;
    const fields: ParsedDocument["models"][number]["fields"] = { name: { value: name.trim(), locator: at } };
    if (/^\d+$/.test(context)) fields.contextWindow = { value: Number(context), locator: at, raw: context };
    else doc.issues.push({ code: "INVALID_NUMBER", message: `context "${context}" is not a whole number`, locator: at });
    doc.models.push({ ref, authorId: { value: author, locator: at }, aliases: [], fields, capabilities: {} });
    if (!doc.authors.some((a) => a.id === author)) doc.authors.push({ id: author });
    const prices = ([["INPUT", input], ["OUTPUT", output]] as [PriceKind, string][]).flatMap(([kind, amount]) => {
      if (!/^-?\d+(\.\d+)?$/.test(amount)) return (doc.issues.push({ code: "INVALID_NUMBER", message: `${kind.toLowerCase()} price "${amount}" is not a decimal`, locator: at }), []);
      if (amount.startsWith("-")) return (doc.issues.push({ code: "NEGATIVE_PRICE", message: `${kind.toLowerCase()} price ${amount} is negative`, locator: at }), []);
      return [{ kind, unit: "PER_1M_TOKENS" as const, mode: "STANDARD" as const, contextAbove: 0, amount, currency: "USD", locator: at }];
    });
    doc.offerings.push({ providerId, providerModelId: id, modelRef: ref, fields: {}, capabilities: {}, prices });
  });
  return doc;
}

/** The tiny format's definition: what its folder's `<name>.format.ts` would export. */
const tinyFormat = defineFormat({
  id: "tiny",
  label: "tiny catalog",
  sourceFormat: "TINY",
  sourceName: "the tiny catalog",
  loadRank: 5,
  detect: (_path, head) => (head.startsWith(`${MAGIC}\n`) ? "certain" : undefined),
  parse: (text, origin) => parseTinyCatalog(text, origin),
});

/** The application's registry with the tiny format: what its one registry line would give. */
const formats = withFormat(DOCUMENT_FORMATS, tinyFormat);

const CATALOG = `${MAGIC}
provider acme Acme Cloud
model acme/rocket-1 | Rocket 1 | context 128000 | input 0.50 | output 1.50
model acme/rocket-1-mini | Rocket 1 mini | context 32000 | input 0.05 | output 0.20
`;

describe("adding a document format: one definition and one registry line", () => {
  it("detects a tiny catalog among the formats, by its content, and only with the registry that lists it", () => {
    expect(formats.detect("catalogs/acme.txt", CATALOG)).toBe("tiny");
    expect(formats.ids).toEqual(["foundry", "starmap", "models-dev", "openrouter", "tiny"]);
    expect(DOCUMENT_FORMATS.detect("catalogs/acme.txt", CATALOG)).toBeUndefined();
  });

  it("parses it with its own parser, every value with its line", () => {
    const parsed = formats.parse(undefined, CATALOG, "acme.txt");

    expect(parsed.providers).toEqual([{ id: "acme", name: { value: "Acme Cloud", locator: "L2" } }]);
    expect(parsed.models.map((m) => [m.ref, m.fields.name, m.fields.contextWindow])).toEqual([
      ["acme/rocket-1", { value: "Rocket 1", locator: "L3" }, { value: 128000, locator: "L3", raw: "128000" }],
      ["acme/rocket-1-mini", { value: "Rocket 1 mini", locator: "L4" }, { value: 32000, locator: "L4", raw: "32000" }],
    ]);
    expect(parsed.offerings[0].prices.map((p) => [p.kind, p.amount, p.locator])).toEqual([["INPUT", "0.50", "L3"], ["OUTPUT", "1.50", "L3"]]);
    expect(parsed.issues).toEqual([]);
  });

  it("is read from a folder by the reader given the registry, and reported as of no known format without it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-tiny-"));
    fs.writeFileSync(path.join(dir, "acme.txt"), CATALOG);
    try {
      expect(readDocuments(dir, { uriBase: dir, formats }).documents.map((d) => [d.uri, d.format])).toEqual([["acme.txt", "tiny"]]);
      expect(readDocuments(dir, { uriBase: dir }).failed).toEqual([
        { uri: "acme.txt", reason: "not a document of a known format (Foundry card, Starmap page, models.dev TOML, OpenRouter model list)" },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe("through the conformance suite every parser passes", () => {
    describeParserConformance(tinyFormat, {
      documents: [{ origin: "acme.txt", text: CATALOG }],
      badRecords: [
        {
          origin: "acme (bad records).txt",
          text: `${MAGIC}\nmodel acme/early | Early | context 1 | input 1 | output 1\nprovider acme Acme\nmodel acme/x | X | context lots | input -1 | output abc\nhello\n`,
          codes: ["SKIPPED_RECORD", "INVALID_NUMBER", "NEGATIVE_PRICE"],
        },
      ],
      unreadable: [{ origin: "notes.txt", text: "provider acme Acme Cloud\n" }],
    });
  });

  describe("loaded into a real database by the real importer", () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let dir: string;

    beforeAll(async () => {
      ({ database, dispose } = await createCatalogDatabase());
      // What the format's migration would do: Prisma's SourceFormat enum gets its value.
      await database.sql.query(`ALTER TYPE "SourceFormat" ADD VALUE 'TINY'`);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-tiny-"));
      fs.writeFileSync(path.join(dir, "acme.txt"), CATALOG);
    });

    afterAll(async () => {
      await dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("imports the catalog's provider, models, offerings and prices, each fact from its line", async () => {
      const report = await importDocuments(database, [dir], { uriBase: dir, formats });

      expect({ read: report.read, failed: report.failed, skipped: report.skipped, issues: report.issues, loaded: report.documents.loaded }).toEqual({
        read: 1,
        failed: [],
        skipped: [],
        issues: [],
        loaded: 1,
      });
      expect(await database.sql.query(`SELECT uri, format::text AS format FROM "Source"`)).toEqual([{ uri: "acme.txt", format: "TINY" }]);
      expect(await database.sql.query(`SELECT id, name FROM "Provider"`)).toEqual([{ id: "acme", name: "Acme Cloud" }]);
      expect(await database.sql.query(`SELECT id, name, "authorId", "contextWindow" FROM "Model" ORDER BY id`)).toEqual([
        { id: "rocket-1", name: "Rocket 1", authorId: "acme", contextWindow: 128000 },
        { id: "rocket-1-mini", name: "Rocket 1 mini", authorId: "acme", contextWindow: 32000 },
      ]);
      expect(
        await database.sql.query(`SELECT o.id, p.kind::text AS kind, p.amount::text AS amount FROM "Offering" o JOIN "Price" p ON p."offeringId" = o.id WHERE p."validTo" IS NULL ORDER BY o.id, p.kind`),
      ).toEqual([
        { id: "acme:rocket-1", kind: "INPUT", amount: "0.500000000000" },
        { id: "acme:rocket-1", kind: "OUTPUT", amount: "1.500000000000" },
        { id: "acme:rocket-1-mini", kind: "INPUT", amount: "0.050000000000" },
        { id: "acme:rocket-1-mini", kind: "OUTPUT", amount: "0.200000000000" },
      ]);
      expect(await database.sql.query(`SELECT DISTINCT f.locator FROM "Fact" f ORDER BY f.locator`)).toEqual([{ locator: "L2" }, { locator: "L3" }, { locator: "L4" }]);
      // Its one document decides: the decision is read as provenance shows it (it is not stored).
      const [[rocket]] = (await new ProvenanceService(new ProvenanceRepository(database.sql)).provenanceByEntities(["MODEL rocket-1"])).map((fields) => fields.filter((f) => f.field === "contextWindow"));
      expect(rocket.rule).toMatch(/^.* ranks first for this field \(TINY\)\. /);
    });

    it("refuses, loudly, to load its documents with a registry that does not list it", async () => {
      const parsed = formats.parse("tiny", CATALOG, "other.txt");
      await expect(loadDocuments(database, [{ uri: "other.txt", format: "TINY" as never, contentHash: "0".repeat(64), sizeBytes: CATALOG.length, parsed }])).rejects.toThrow(
        new FormatRegistryError("documents of TINY cannot be loaded: no registered format is stored as that (MODELS_DEV, STARMAP, FOUNDRY, OPENROUTER)"),
      );
    });
  });
});
