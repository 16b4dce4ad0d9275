import type { Database } from "../../src/db/database";
import { importDocuments, type ImportReport } from "../../src/catalog/import/importDocuments";
import { createCatalogDatabase, SEED_DIR, tableCounts } from "../support/catalogDatabase";
import { usingPostgres } from "../support/testDatabase";
import { refreshDecisions } from "../../src/catalog/load/refreshDecisions";
import { deriveChangedModelLimits } from "../../src/catalog/load/deriveModelLimits";
import type { EntityKey } from "../../src/catalog/load/syncFacts";
import { ProvenanceService } from "../../src/catalog/provenance/provenance.service";
import { ProvenanceRepository } from "../../src/db/provenanceRepository";

jest.setTimeout(180_000);

/** Carries what a transaction read out of it, so that throwing rolls its writes back. */
class DecidedAfresh extends Error {
  constructor(readonly rows: unknown[]) {
    super("rolled back");
  }
}

describe(`seeding the whole catalog on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let database: Database;
  let dispose: () => Promise<void>;
  let first: ImportReport;
  let countsAfterFirst: Record<string, number>;

  beforeAll(async () => {
    ({ database, dispose } = await createCatalogDatabase());
    first = await importDocuments(database, [SEED_DIR], { uriBase: SEED_DIR });
    countsAfterFirst = await tableCounts(database);
  });

  afterAll(() => dispose());

  const one = async <Row>(sql: string, params: unknown[] = []) => (await database.sql.query<Row>(sql, params))[0];
  const all = <Row>(sql: string, params: unknown[] = []) => database.sql.query<Row>(sql, params);

  it("reads every seed document, loads all that state facts and fails none", () => {
    expect(first.failed).toEqual([]);
    expect(first.read).toBe(6388);
    expect(first.skipped).toHaveLength(8);
    expect(first.skipped.every((s) => /index|overview/.test(s.reason))).toBe(true);
    expect(first.documents).toEqual({ loaded: 6380, unchanged: 0 });
  });

  it("creates one source per document and the rows the report counts", () => {
    expect(countsAfterFirst.Source).toBe(6380);
    expect(countsAfterFirst.Model).toBe(first.models.created);
    expect(countsAfterFirst.Offering).toBe(first.offerings.created);
    expect(countsAfterFirst.Provider).toBe(first.providers.created);
    expect(countsAfterFirst.Author).toBe(first.authors.created);
    expect(countsAfterFirst.Price).toBe(first.prices.created);
    expect(countsAfterFirst.Model).toBeGreaterThan(1500);
    expect(countsAfterFirst.Offering).toBeGreaterThan(5600);
    expect(countsAfterFirst.Price).toBeGreaterThan(13_000);
    expect(countsAfterFirst.Provider).toBe(147);
  });

  // The first group of a seed builds the indexes and foreign keys of the tables it fills in bulk after
  // their rows (src/db/bulkLoadChecks.ts).
  it("leaves every index and constraint as the migrations made them", async () => {
    const checksOf = (db: Database) =>
      db.sql.query(
        `SELECT tablename AS "table", indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public'
         UNION ALL SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n'
         ORDER BY 1, 2, 3`,
      );
    const fresh = await createCatalogDatabase();
    try {
      const migrated = await checksOf(fresh.database);
      expect(migrated.length).toBeGreaterThan(40);
      expect(await checksOf(database)).toEqual(migrated);
    } finally {
      await fresh.dispose();
    }
  });

  // Neither a fact's source nor a decision's rule has a foreign key (their checks per row were a large
  // part of a seed's time); the load must write what they cite itself.
  it("leaves no fact without its source and no decision without its rule's words", async () => {
    const orphans = await one<{ facts: number; decisions: number }>(
      `SELECT (SELECT count(*)::int FROM "Fact" f WHERE NOT EXISTS (SELECT 1 FROM "Source" s WHERE s.id = f."sourceId")) AS facts,
              (SELECT count(*)::int FROM "FieldDecision" d WHERE NOT EXISTS (SELECT 1 FROM "DecisionRule" r WHERE r.id = d."ruleId")) AS decisions`,
    );
    expect(orphans).toEqual({ facts: 0, decisions: 0 });
    expect(countsAfterFirst.Fact).toBeGreaterThan(150_000);
  });

  it("gives the facts it writes time-ordered ids (UUIDv7)", async () => {
    const ids = await all<{ id: string }>(`SELECT id FROM "Fact" ORDER BY "observedAt", id LIMIT 1000`);
    expect(ids).toHaveLength(1000);
    for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("lands gpt-4.1-mini from all four formats on one model, reachable by its other names", async () => {
    const formats = await all<{ format: string }>(
      `SELECT DISTINCT s.format::text AS format FROM "Fact" f JOIN "Source" s ON s.id = f."sourceId" WHERE f."entityType" = 'MODEL' AND f."entityId" = 'gpt-4.1-mini' ORDER BY 1`,
    );
    expect(formats.map((f) => f.format)).toEqual(["FOUNDRY", "MODELS_DEV", "OPENROUTER", "STARMAP"]);
    const aliases = await all<{ alias: string }>(`SELECT alias FROM "ModelAlias" WHERE "modelId" = 'gpt-4.1-mini' ORDER BY 1`);
    expect(aliases.map((a) => a.alias)).toEqual(expect.arrayContaining(["openai/gpt-4.1-mini", "openai/gpt-4.1-mini-2025-04-14"]));
  });

  it("takes models.dev's exact context window, keeps the Foundry card's 1,048,576 (within 0.1 %, and a cloud's card) and Starmap's 1.0M as agreeing candidates: no conflict", async () => {
    expect(await one(`SELECT "contextWindow", "maxOutputTokens" FROM "Model" WHERE id = 'gpt-4.1-mini'`)).toEqual({ contextWindow: 1_047_576, maxOutputTokens: 32_768 });
    const decision = await one<{ hasConflict: boolean; rule: string }>(
      `SELECT d."hasConflict", r.text AS rule FROM "FieldDecision" d JOIN "DecisionRule" r ON r.id = d."ruleId" WHERE d."entityType" = 'MODEL' AND d."entityId" = 'gpt-4.1-mini' AND d.field = 'contextWindow'`,
    );
    expect(decision.hasConflict).toBe(false);
    expect(decision.rule).toMatch(/^The author's card ranks first for this field; among 2 such documents the value of models\.dev\/models\/openai\/gpt-4\.1-mini\.toml was taken/);
    const candidates = await all<{ uri: string; value: unknown; precision: string | null; step: number | null; locator: string }>(
      `SELECT s.uri, f.value, f.precision, f.step, f.locator FROM "Fact" f JOIN "Source" s ON s.id = f."sourceId"
        WHERE f."entityType" = 'MODEL' AND f."entityId" = 'gpt-4.1-mini' AND f.field = 'contextWindow' ORDER BY s.uri`,
    );
    expect(candidates).toEqual([
      { uri: "models.dev/models/openai/gpt-4.1-mini.toml", value: 1_047_576, precision: null, step: null, locator: "limit.context" },
      { uri: "openrouter/models.json", value: 1_047_576, precision: null, step: null, locator: expect.stringMatching(/^data\[\d+\]\.context_length$/) },
      { uri: "seed-docs/000_2d6fa22dba4ca22a.txt", value: 1_048_576, precision: null, step: null, locator: "L137" },
      { uri: "seed-docs/004_03887db0652c48e6.txt", value: 1_000_000, precision: "rounded", step: 100_000, locator: "L29" },
      { uri: "starmap/authors/openai/models/gpt-4.1-mini.md", value: 1_000_000, precision: "rounded", step: 100_000, locator: "L29" },
    ]);
  });

  it("keeps gpt-4.1-mini's knowledge cutoff at MONTH precision (Starmap's 2024-04-01 pads the month), and keeps OpenRouter's and Foundry's other dates as facts, not conflicts", async () => {
    expect(await one(`SELECT "knowledgeCutoff"::text AS day, "knowledgeCutoffPrecision"::text AS precision FROM "Model" WHERE id = 'gpt-4.1-mini'`)).toEqual({ day: "2024-04-01", precision: "MONTH" });
    const values = await all<{ value: string }>(
      `SELECT DISTINCT f.value #>> '{}' AS value FROM "Fact" f WHERE f."entityType" = 'MODEL' AND f."entityId" = 'gpt-4.1-mini' AND f.field = 'knowledgeCutoff' ORDER BY 1`,
    );
    expect(values.map((v) => v.value)).toEqual(expect.arrayContaining(["2024-04", "2024-04-01", "2024-05", "2024-06-30"]));
    expect(await one(`SELECT "chosenValue" #>> '{}' AS value, "hasConflict" FROM "FieldDecision" WHERE "entityId" = 'gpt-4.1-mini' AND field = 'knowledgeCutoff'`)).toEqual({ value: "2024-04", hasConflict: false });
  });

  it("records that Starmap's author page says text-only input while the model takes images, without a conflict: Starmap ranks last for modalities", async () => {
    expect(await one(`SELECT "inputModalities" FROM "Model" WHERE id = 'gpt-4.1-mini'`)).toEqual({ inputModalities: ["image", "pdf", "text"] });
    const starmap = await one<{ value: unknown }>(
      `SELECT f.value FROM "Fact" f JOIN "Source" s ON s.id = f."sourceId" WHERE s.uri = 'seed-docs/004_03887db0652c48e6.txt' AND f."entityId" = 'gpt-4.1-mini' AND f.field = 'inputModalities'`,
    );
    expect(starmap.value).toEqual(["text"]);
    expect(await one(`SELECT "hasConflict" FROM "FieldDecision" WHERE "entityId" = 'gpt-4.1-mini' AND field = 'inputModalities'`)).toEqual({ hasConflict: false });
  });

  it("prices OpenAI's offering at 0.40 in, 1.60 out and 0.10 cached per 1M tokens, from models.dev", async () => {
    const prices = await all<{ kind: string; amount: string; uri: string }>(
      `SELECT p.kind::text, p.amount::text, s.uri FROM "Price" p JOIN "Source" s ON s.id = p."sourceId" WHERE p."offeringId" = 'openai:gpt-4.1-mini' AND p."validTo" IS NULL ORDER BY 1`,
    );
    expect(prices).toEqual([
      { kind: "CACHED_INPUT", amount: "0.100000000000", uri: "models.dev/providers/openai/models/gpt-4.1-mini.toml" },
      { kind: "INPUT", amount: "0.400000000000", uri: "models.dev/providers/openai/models/gpt-4.1-mini.toml" },
      { kind: "OUTPUT", amount: "1.600000000000", uri: "models.dev/providers/openai/models/gpt-4.1-mini.toml" },
    ]);
  });

  it("gives Microsoft Foundry's offering the card's 1M input limit and its 128k billing split", async () => {
    expect(await one(`SELECT "maxInputTokens", "billingTierThresholds" FROM "Offering" WHERE id = 'azure:gpt-4.1-mini'`)).toEqual({ maxInputTokens: 1_000_000, billingTierThresholds: [128_000] });
    expect(await one(`SELECT "qualityIndex"::text AS q, "languageCount" FROM "Model" WHERE id = 'gpt-4.1-mini'`)).toEqual({ q: "0.800000", languageCount: 27 });
  });

  it("takes OpenRouter's own prices for OpenRouter's offering, per-token prices scaled to per 1M, and its per-request web search", async () => {
    const prices = await all<{ kind: string; unit: string; amount: string; uri: string }>(
      `SELECT p.kind::text, p.unit::text, p.amount::text, s.uri FROM "Price" p JOIN "Source" s ON s.id = p."sourceId" WHERE p."offeringId" = 'openrouter:openai/gpt-4.1-mini' AND p."validTo" IS NULL ORDER BY 1`,
    );
    expect(prices).toEqual(
      expect.arrayContaining([
        { kind: "INPUT", unit: "PER_1M_TOKENS", amount: "0.400000000000", uri: "openrouter/models.json" },
        { kind: "OUTPUT", unit: "PER_1M_TOKENS", amount: "1.600000000000", uri: "openrouter/models.json" },
        { kind: "WEB_SEARCH", unit: "PER_REQUEST", amount: "0.010000000000", uri: "openrouter/models.json" },
      ]),
    );
  });

  it("follows a models.dev base_model link: Bedrock's openai.gpt-5.4 serves gpt-5.4 at its own price", async () => {
    expect(await one(`SELECT "modelId" FROM "Offering" WHERE id = 'amazon-bedrock:openai.gpt-5.4'`)).toEqual({ modelId: "gpt-5.4" });
    expect(await one(`SELECT amount::text FROM "Price" WHERE "offeringId" = 'amazon-bedrock:openai.gpt-5.4' AND kind = 'INPUT' AND "validTo" IS NULL`)).toEqual({ amount: "2.750000000000" });
  });

  it("keeps long-context tiers and fast-mode prices apart from the base price", async () => {
    const prices = await all<{ kind: string; mode: string; contextAbove: number; amount: string }>(
      `SELECT kind::text, mode::text, "contextAbove", amount::text FROM "Price" WHERE "offeringId" = 'openai:gpt-5.4' AND kind = 'INPUT' AND "validTo" IS NULL ORDER BY mode, "contextAbove"`,
    );
    expect(prices).toEqual([
      { kind: "INPUT", mode: "FAST", contextAbove: 0, amount: "5.000000000000" },
      { kind: "INPUT", mode: "STANDARD", contextAbove: 0, amount: "2.500000000000" },
      { kind: "INPUT", mode: "STANDARD", contextAbove: 272_000, amount: "5.000000000000" },
    ]);
  });

  it("merges a provider's facts from models.dev and Starmap: key variable, status page, privacy terms, first-party kind", async () => {
    expect(
      await one(`SELECT name, kind::text, "apiKeyEnvVars", "statusPageUrl", "trainsOnData", "dataRetentionDays" FROM "Provider" WHERE id = 'openai'`),
    ).toEqual({ name: "OpenAI", kind: "FIRST_PARTY", apiKeyEnvVars: ["OPENAI_API_KEY"], statusPageUrl: "https://status.openai.com", trainsOnData: false, dataRetentionDays: 30 });
    expect(await one(`SELECT kind::text FROM "Provider" WHERE id = 'openrouter'`)).toEqual({ kind: "AGGREGATOR" });
    expect(await one(`SELECT kind::text FROM "Provider" WHERE id = 'azure'`)).toEqual({ kind: "CLOUD" });
  });

  it("keeps Starmap's capability badges, core parameters included, and models.dev's flags", async () => {
    const levels = Object.fromEntries(
      (await all<{ capabilityKey: string; level: string }>(`SELECT "capabilityKey", level::text FROM "ModelCapability" WHERE "modelId" = 'gpt-4.1-mini'`)).map((r) => [r.capabilityKey, r.level]),
    );
    expect(levels).toMatchObject({ tool_calls: "SUPPORTED", structured_outputs: "SUPPORTED", streaming: "SUPPORTED", vision: "SUPPORTED", reasoning: "NOT_SUPPORTED", stop: "CORE" });
  });

  /** The model a name resolves to, as `model(id:)` reads it: a model's id, else an alias. */
  const modelOf = async (name: string) =>
    (await one<{ id: string | null }>(`SELECT COALESCE((SELECT id FROM "Model" WHERE id = $1), (SELECT "modelId" FROM "ModelAlias" WHERE alias = lower($1))) AS id`, [name]))?.id;

  it.each([
    ["Claude 3.5 Haiku", "claude-3-5-haiku-20241022", ["claude-3-5-haiku", "claude-3.5-haiku", "claude-3-5-haiku-20241022", "claude-haiku-3.5", "claude-3-5-haiku@20241022", "anthropic/claude-3.5-haiku"]],
    ["Llama 3.1 70B Instruct", "llama-3.1-70b-instruct", ["llama-3.1-70b-instruct", "llama-3.1-70b", "meta.llama3-1-70b-instruct-v1:0", "meta-llama-3.1-70b-instruct"]],
    ["GPT OSS 20B", "gpt-oss-20b", ["gpt-oss-20b", "openai.gpt-oss-20b-1:0", "openai/chat-completion/models/gpt-oss-20b", "workers-ai/@cf/openai/gpt-oss-20b", "@cf/openai/gpt-oss-20b", "databricks-gpt-oss-20b", "openai-gpt-oss-20b", "accounts/fireworks/models/gpt-oss-20b", "gpt-oss-20b-maas", "openai/gpt-oss-20b-maas", "gpt-oss:20b", "gpt-oss-20b:free", "openai/gpt-oss-20b:free"]],
    ["GPT-4.1 mini", "gpt-4.1-mini", ["gpt-4.1-mini-2025-04-14", "openai/gpt-4.1-mini"]],
    ["Kimi K2.6", "kimi-k2.6", ["accounts/fireworks/models/kimi-k2p6", "workers-ai/@cf/moonshotai/kimi-k2.6", "kimi-k2-6", "pro/moonshotai/kimi-k2.6"]],
    ["Claude Haiku 4.5", "claude-haiku-4-5", ["claude-haiku-4-5-20251001", "us.anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic--claude-4.5-haiku", "claude-4.5-haiku"]],
  ])("merges every name of %s into one model, %s", async (_model, id, names) => {
    for (const name of names) expect([name, await modelOf(name)]).toEqual([name, id]);
  });

  it("keeps apart what is distinct: sizes, generations, snapshots priced apart, and two providers' auto routers", async () => {
    const distinct = ["gpt-4o", "gpt-4o-mini", "gpt-4o-2024-05-13", "gpt-4o-2024-08-06", "llama-3.1-70b-instruct", "llama-3.1-8b-instruct", "llmgateway/auto", "morph/auto", "openrouter/auto"];
    const ids = await Promise.all(distinct.map(modelOf));
    expect(ids).toEqual(distinct);
    expect(await modelOf("auto")).toBeNull();
    const routers = await all<{ providerId: string; modelId: string }>(`SELECT "providerId", "modelId" FROM "Offering" WHERE "providerModelId" IN ('auto', 'openrouter/auto') ORDER BY 1, 2`);
    expect(routers).toEqual(expect.arrayContaining([
      { providerId: "llmgateway", modelId: "llmgateway/auto" },
      { providerId: "morph", modelId: "morph/auto" },
      { providerId: "openrouter", modelId: "openrouter/auto" },
      { providerId: "kilo", modelId: "openrouter/auto" },
    ]));
  });

  it("records the snapshot an undated model is when the author's two files state the same facts", async () => {
    expect(await one(`SELECT snapshot FROM "Model" WHERE id = 'claude-haiku-4-5'`)).toEqual({ snapshot: "2025-10-01" });
    expect(await one(`SELECT count(*)::int AS n FROM "Model" WHERE id = 'claude-haiku-4-5-20251001'`)).toEqual({ n: 0 });
  });

  it("maps other catalogs' author ids onto one author (OpenRouter's meta-llama is models.dev's meta)", async () => {
    expect(await one(`SELECT count(*)::int AS n FROM "Author" WHERE id IN ('meta-llama', 'mistralai', 'x-ai')`)).toEqual({ n: 0 });
    expect(await one(`SELECT "authorId" FROM "Model" WHERE id = 'gpt-4.1-mini'`)).toEqual({ authorId: "openai" });
  });

  it("decides every record as deciding it afresh from all its stored facts would (the load decides from the facts it holds)", async () => {
    const decisionsSql = `SELECT d."entityType"::text AS "entityType", d."entityId", d.field, d."chosenValue", d."chosenFactId", r.text AS rule, d."hasConflict", d."derivedFrom"
      FROM "FieldDecision" d JOIN "DecisionRule" r ON r.id = d."ruleId" ORDER BY 1, 2, 3`;
    const stored = await all(decisionsSql);
    const keys = await all<{ key: EntityKey }>(`SELECT DISTINCT "entityType"::text || ' ' || "entityId" AS key FROM "Fact" ORDER BY 1`);
    const afresh = await database.sql
      .transaction(async (tx) => {
        for (let i = 0; i < keys.length; i += 2500) await refreshDecisions(tx, keys.slice(i, i + 2500).map((k) => k.key));
        const models = keys.filter((k) => k.key.startsWith("MODEL ")).map((k) => k.key.slice("MODEL ".length));
        const offerings = keys.filter((k) => k.key.startsWith("OFFERING ")).map((k) => k.key.slice("OFFERING ".length));
        await deriveChangedModelLimits(tx, { models, offerings });
        throw new DecidedAfresh(await tx.query(decisionsSql));
      })
      .catch((e: unknown) => {
        if (e instanceof DecidedAfresh) return e.rows;
        throw e;
      });
    expect(afresh).toHaveLength(stored.length);
    expect(afresh).toEqual(stored);
  });

  it("stores no decision a field's only document makes, and shows it in provenance as the load decides it", async () => {
    // A stored decision has a reason to be stored: a second document, an admin's override, a derivation.
    const storedForOneFact = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM "FieldDecision" d
        WHERE cardinality(d."derivedFrom") = 0
          AND NOT EXISTS (SELECT 1 FROM "FieldOverride" o WHERE o."entityType" = d."entityType" AND o."entityId" = d."entityId" AND o.field = d.field)
          AND (SELECT count(*) FROM "Fact" f WHERE f."entityType" = d."entityType" AND f."entityId" = d."entityId" AND f.field = d.field) = 1`,
    );
    expect(storedForOneFact).toEqual({ n: 0 });
    const { stated, stored } = await one<{ stated: number; stored: number }>(
      `SELECT (SELECT count(*)::int FROM (SELECT DISTINCT "entityType", "entityId", field FROM "Fact") s) AS stated, (SELECT count(*)::int FROM "FieldDecision") AS stored`,
    );
    expect(stored).toBeLessThan(stated * 0.3);

    // Provenance decides the others from the facts: every stated field has a decision there, with the
    // value and chosen document that deciding the records afresh gives.
    const keys = (await all<{ key: EntityKey }>(`SELECT DISTINCT "entityType"::text || ' ' || "entityId" AS key FROM "Fact" WHERE "entityId" LIKE 'gpt-4.1%' OR "entityId" LIKE 'openai:gpt-4.1%' ORDER BY 1`)).map((k) => k.key);
    expect(keys.length).toBeGreaterThan(5);
    const shown = await new ProvenanceService(new ProvenanceRepository(database.sql)).provenanceByEntities(keys);
    const afresh = await database.sql
      .transaction(async (tx) => {
        throw new DecidedAfresh([...(await refreshDecisions(tx, keys))].map(([key, fields]) => ({ key, fields: Object.fromEntries(fields) })));
      })
      .catch((e: unknown) => {
        if (e instanceof DecidedAfresh) return e.rows as { key: EntityKey; fields: Record<string, { value: unknown; sourceId: string | null }> }[];
        throw e;
      });
    const sourceUris = new Map((await all<{ id: string; uri: string }>(`SELECT id, uri FROM "Source"`)).map((s) => [s.id, s.uri]));
    for (const [i, key] of keys.entries()) {
      const expected = afresh.find((a) => a.key === key)!.fields;
      // Derived limits (a model's from its offerings) are decided after the records, apart.
      const fields = Object.fromEntries(shown[i]!.filter((f) => f.derivedFrom.length === 0).map((f) => [f.field, { value: f.value, source: f.candidates.find((c) => c.chosen)?.sourceUri ?? null }]));
      expect(fields).toEqual(Object.fromEntries(Object.entries(expected).map(([field, d]) => [field, { value: d.value, source: d.sourceId ? sourceUris.get(d.sourceId) : null }])));
    }
    // The words of one: an offering's field only its provider's own models.dev file states.
    const offering = shown[keys.indexOf("OFFERING openai:gpt-4.1-mini" as EntityKey)]!;
    const onlyOne = offering.find((f) => f.candidates.length === 1 && f.candidates[0]!.sourceUri.includes("providers/openai/"))!;
    expect(onlyOne.rule).toMatch(/^The provider's own file ranks first for this field \(models\.dev\)\. /);
    expect(onlyOne).toMatchObject({ hasConflict: false, derivedFrom: [], value: onlyOne.candidates[0]!.value });
  });

  it("changes nothing when the same documents are seeded again", async () => {
    const pricesBefore = await all(`SELECT id, "validTo" FROM "Price" ORDER BY id`);
    const second = await importDocuments(database, [SEED_DIR], { uriBase: SEED_DIR });
    expect(second.documents).toEqual({ loaded: 0, unchanged: 6380 });
    expect(second.models).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(second.prices).toEqual({ created: 0, updated: 0, closed: 0, unchanged: 0 });
    expect(await tableCounts(database)).toEqual(countsAfterFirst);
    expect(await all(`SELECT id, "validTo" FROM "Price" ORDER BY id`)).toEqual(pricesBefore);
  });
});
