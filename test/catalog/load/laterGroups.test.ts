import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "../../../src/db/database";
import { loadDocuments, type SourceDocument } from "../../../src/catalog/load/loadDocuments";
import { importDocuments } from "../../../src/catalog/import/importDocuments";
import { DOCUMENT_FORMATS } from "../../../src/ingest/formatRegistry";
import { readDocuments } from "../../../src/ingest/readDocuments";
import type { SourceFormat } from "../../../src/catalog/reconcile/precedence";
import { createCatalogDatabase, tableCounts } from "../../support/catalogDatabase";

// An import parses the first group it loads up front and the others while the database finishes the
// writes of a group before them (loadDocuments' `later`): the documents, the report and what is stored
// must be the same as when everything was parsed first.

const FIXTURES = path.join(__dirname, "../../fixtures");

function sourceDocuments(folder: string): SourceDocument[] {
  const read = readDocuments(path.join(FIXTURES, folder), { uriBase: FIXTURES });
  return read.documents.map((d) => ({ uri: d.uri, format: DOCUMENT_FORMATS.sourceFormatOf(d.format) as SourceFormat, contentHash: d.contentHash, sizeBytes: d.sizeBytes, parsed: d.parsed }));
}

describe("groups whose documents are parsed while the load runs", () => {
  let database: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ database, dispose } = await createCatalogDatabase()));
  afterEach(() => dispose());

  it("reads a later group once, while the group before it is written, and loads it in its turn", async () => {
    const modelsDev = sourceDocuments("models-dev");
    const openRouter = sourceDocuments("openrouter");
    const events: string[] = [];
    const report = await loadDocuments(database, modelsDev, {
      onProgress: (p) => events.push(`${p.group}: ${p.step.replace(/ \(.*\)$/, "")}`),
      later: [
        {
          format: "OPENROUTER",
          read: () => {
            events.push("read OpenRouter's documents");
            return openRouter;
          },
        },
      ],
    });
    expect(report.documents.loaded).toBe(modelsDev.length + openRouter.length);
    const unique = events.filter((e, i) => events[i - 1] !== e);
    expect(unique.filter((e) => e === "read OpenRouter's documents")).toHaveLength(1);
    const readAt = unique.indexOf("read OpenRouter's documents");
    expect(unique[readAt - 1]).toBe("MODELS_DEV: deciding fields");
    expect(unique[readAt + 1]).toBe("MODELS_DEV: deriving model limits");
    expect(unique.slice(readAt + 2)[0]).toMatch(/^OPENROUTER: /);
    const [{ count }] = await database.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Source" WHERE format = 'OPENROUTER'`);
    expect(count).toBe(openRouter.length);
  });

  it("reads a later group in its turn when the group before it has nothing to write", async () => {
    const modelsDev = sourceDocuments("models-dev");
    await loadDocuments(database, modelsDev);
    const before = await tableCounts(database);
    let reads = 0;
    const report = await loadDocuments(database, modelsDev, {
      later: [
        {
          format: "OPENROUTER",
          read: () => {
            reads += 1;
            return sourceDocuments("openrouter");
          },
        },
      ],
    });
    expect(reads).toBe(1);
    expect(report.documents).toEqual({ loaded: 1, unchanged: modelsDev.length });
    expect((await tableCounts(database)).Source).toBe(before.Source + 1);
  });

  it("reports a later format's document that fails to parse, and loads the rest", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-later-"));
    fs.cpSync(path.join(FIXTURES, "models-dev"), path.join(dir, "models-dev"), { recursive: true });
    fs.cpSync(path.join(FIXTURES, "foundry"), path.join(dir, "foundry"), { recursive: true });
    fs.mkdirSync(path.join(dir, "openrouter"));
    // OpenRouter's listing, cut off halfway: detected by its name and start, refused by its parser.
    fs.writeFileSync(path.join(dir, "openrouter", "models.json"), fs.readFileSync(path.join(FIXTURES, "openrouter", "models.json"), "utf8").slice(0, 400));
    const report = await importDocuments(database, [dir], { uriBase: dir });
    expect(report.failed.map((f) => f.uri)).toEqual(["openrouter/models.json"]);
    expect(report.documents.loaded).toBe(sourceDocuments("models-dev").length + 1);
    expect(report.read).toBe(report.documents.loaded + 1 + report.skipped.length);
  });
});
