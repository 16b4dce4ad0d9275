import path from "node:path";
import { Prisma } from "../../../src/db/generated/client";
import { CatalogReadRepository, type CatalogSmallRows, type CapabilityRow, type ModelRow, type OfferingRow, type PriceRow } from "../../../src/db/catalogReadRepository";
import type { Database } from "../../../src/db/database";
import { importDocuments } from "../../../src/catalog/import/importDocuments";
import { createCatalogDatabase } from "../../support/catalogDatabase";
import { readCatalogContent } from "../../../src/catalog/readModel/catalogContent";
import { CatalogSnapshot } from "../../../src/catalog/readModel/catalogSnapshot";

// A repository over arrays, handing out pages of two rows, as the real one hands out pages of 20,000.
function repository(tables: { models: ModelRow[]; offerings: OfferingRow[]; prices: PriceRow[]; capabilities: CapabilityRow[] }): CatalogReadRepository {
  const small: CatalogSmallRows = { authors: [], providers: [], aliases: [], offeringCapabilities: [], capabilityDefinitions: [], benchmarks: [], sources: [] };
  const pages = async <T>(rows: T[], visit: (page: T[]) => void) => {
    for (let i = 0; i < rows.length; i += 2) visit(rows.slice(i, i + 2));
  };
  return {
    loadSmallTables: async () => small,
    forEachModelPage: (visit: (rows: ModelRow[]) => void) => pages(tables.models, visit),
    forEachOfferingPage: (visit: (rows: OfferingRow[]) => void) => pages(tables.offerings, visit),
    forEachPricePage: (visit: (rows: PriceRow[]) => void) => pages(tables.prices, visit),
    forEachModelCapabilityPage: (visit: (rows: CapabilityRow[]) => void) => pages(tables.capabilities, visit),
  } as unknown as CatalogReadRepository;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function modelRow(id: string, extra: Partial<ModelRow> = {}): ModelRow {
  return {
    id,
    name: id.toUpperCase(),
    authorId: null,
    family: null,
    description: null,
    snapshot: null,
    releaseDate: day("2025-04-14"),
    releaseDatePrecision: "DAY",
    lastUpdated: null,
    knowledgeCutoff: null,
    knowledgeCutoffPrecision: null,
    openWeights: null,
    license: null,
    languages: ["en"],
    languageCount: null,
    inputModalities: ["text", "image"],
    outputModalities: ["text"],
    contextWindow: 128000,
    maxInputTokens: null,
    maxOutputTokens: null,
    status: "ACTIVE",
    deprecationDate: null,
    retirementDate: null,
    qualityIndex: new Prisma.Decimal("0.5"),
    huggingFaceId: null,
    tokenizer: null,
    version: 1,
    updatedAt: new Date("2026-01-01T00:00:00Z"),
    ...extra,
  } as ModelRow;
}

function offeringRow(id: string, modelId: string, extra: Partial<OfferingRow> = {}): OfferingRow {
  return {
    id,
    providerId: id.split(":")[0],
    modelId,
    providerModelId: modelId,
    name: null,
    contextWindow: null,
    maxInputTokens: null,
    maxOutputTokens: null,
    billingTierThresholds: [],
    inputModalities: [],
    outputModalities: [],
    deploymentTypes: [],
    regions: ["us"],
    status: "ACTIVE",
    deprecationDate: null,
    retirementDate: null,
    version: 1,
    ...extra,
  } as OfferingRow;
}

function priceRow(id: string, offeringId: string, amount: string, extra: Partial<PriceRow> = {}): PriceRow {
  return {
    id,
    offeringId,
    kind: "INPUT",
    unit: "PER_1M_TOKENS",
    mode: "STANDARD",
    contextAbove: 0,
    tierRule: "WHOLE_REQUEST",
    amount: new Prisma.Decimal(amount),
    currency: "USD",
    validFrom: day("2025-04-14"),
    validTo: null,
    sourceId: null,
    reason: null,
    version: 1,
    ...extra,
  } as PriceRow;
}

function tables() {
  return {
    models: [modelRow("a"), modelRow("b"), modelRow("c")],
    offerings: [offeringRow("x:a", "a"), offeringRow("x:b", "b", { inputModalities: ["image", "text"] }), offeringRow("y:b", "b", { inputModalities: ["text"] })],
    prices: [priceRow("p1", "x:a", "0.4"), priceRow("p2", "x:b", "1.5"), priceRow("p3", "y:b", "2"), priceRow("p4", "y:b", "3", { kind: "OUTPUT" })],
    capabilities: [
      { ownerId: "a", capabilityKey: "tool_calls", level: "SUPPORTED" },
      { ownerId: "b", capabilityKey: "tool_calls", level: "UNSUPPORTED" },
      { ownerId: "c", capabilityKey: "vision", level: "CORE" },
    ] as CapabilityRow[],
  };
}

describe("readCatalogContent: the catalog read a page at a time into views", () => {
  it("maps every page of every large table, as reading each table whole did", async () => {
    const content = await readCatalogContent(repository(tables()));
    expect(content.models.map((m) => [m.id, m.releaseDate, m.qualityIndex])).toEqual([
      ["a", "2025-04-14", "0.5"],
      ["b", "2025-04-14", "0.5"],
      ["c", "2025-04-14", "0.5"],
    ]);
    // An offering's modalities are its own only where they differ from its model's as sets.
    expect(content.offerings.map((o) => [o.id, o.inputModalities])).toEqual([
      ["x:a", null],
      ["x:b", null],
      ["y:b", ["text"]],
    ]);
    expect(content.prices.map((p) => [p.id, p.amount, p.kind])).toEqual([
      ["p1", "0.4", "INPUT"],
      ["p2", "1.5", "INPUT"],
      ["p3", "2", "INPUT"],
      ["p4", "3", "OUTPUT"],
    ]);
    expect(content.modelCapabilities).toEqual([
      { ownerId: "a", key: "tool_calls", level: "SUPPORTED" },
      { ownerId: "b", key: "tool_calls", level: "UNSUPPORTED" },
      { ownerId: "c", key: "vision", level: "CORE" },
    ]);
  });

  it("shares every unchanged model, offering and price with the snapshot it replaces, and only those", async () => {
    const previous = CatalogSnapshot.build(await readCatalogContent(repository(tables())));
    const changed = tables();
    changed.models[1] = modelRow("b", { contextWindow: 200000, version: 2 });
    changed.offerings[2] = offeringRow("y:b", "b", { regions: ["us", "eu"], inputModalities: ["text"] });
    changed.prices[0] = priceRow("p1", "x:a", "0.4", { validTo: day("2026-01-01") });
    changed.prices.push(priceRow("p5", "x:a", "0.5", { validFrom: day("2026-01-01") }));
    const next = await readCatalogContent(repository(changed), previous);

    const sameAsBefore = (id: string, views: { id: string }[], before: (id: string) => object | undefined) => views.find((v) => v.id === id) === before(id);
    expect(["a", "b", "c"].map((id) => sameAsBefore(id, next.models, (i) => previous.model(i)))).toEqual([true, false, true]);
    expect(["x:a", "x:b", "y:b"].map((id) => sameAsBefore(id, next.offerings, (i) => previous.offering(i)))).toEqual([true, true, false]);
    const priceBefore = (id: string) => [...previous.priceHistory("x:a"), ...previous.priceHistory("x:b"), ...previous.priceHistory("y:b")].find((p) => p.id === id);
    expect(["p1", "p2", "p3", "p4", "p5"].map((id) => sameAsBefore(id, next.prices, priceBefore))).toEqual([false, true, true, true, false]);
    expect(next.models.find((m) => m.id === "b")!.contextWindow).toBe(200000);
    expect(next.prices.find((p) => p.id === "p1")!.validTo).toEqual(day("2026-01-01"));
  });
});

describe("CatalogReadRepository's pages on a real database", () => {
  let database: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ database, dispose } = await createCatalogDatabase());
    const dir = path.join(__dirname, "../../fixtures");
    await importDocuments(database, [path.join(dir, "openrouter"), path.join(dir, "models-dev")], { uriBase: dir });
  });
  afterAll(() => dispose());

  it("reads the same content in pages of 40 rows as in one page, every model capability once", async () => {
    const paged = await readCatalogContent(new CatalogReadRepository(database.prisma, 40));
    const whole = await readCatalogContent(new CatalogReadRepository(database.prisma));
    expect(paged.models.length).toBeGreaterThan(40);
    expect(paged.prices.length).toBeGreaterThan(40);
    expect(paged.modelCapabilities.length).toBeGreaterThan(80);
    expect(paged).toEqual(whole);
    expect(paged.modelCapabilities.length).toBe(await database.prisma.modelCapability.count());
  });
});
