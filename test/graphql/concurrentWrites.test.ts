import path from "node:path";
import { ApiKeyService } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import { importDocuments } from "../../src/catalog/import/importDocuments";
import type { RunningCatalog } from "../../src/main";
import { SEED_DIR } from "../support/catalogDatabase";
import { startTestServer, type TestServer } from "../support/testServer";

// Writers that lock the same rows in different orders: bulk price writes in opposite orders, imports of
// documents naming the same offerings, and record edits. On PostgreSQL some of their transactions
// deadlock; each is run again, so every request either succeeds or fails with a code that says why.
jest.setTimeout(180_000);

let server: TestServer | undefined;
let catalog: RunningCatalog;
let editorKey: string;
let adminKey: string;

beforeAll(async () => {
  server = await startTestServer();
  catalog = server.catalog;
  await importDocuments(catalog.database, [path.join(SEED_DIR, "openrouter")], { uriBase: SEED_DIR });
  const keys = new ApiKeyService(new ApiKeyRepository(catalog.database.prisma));
  editorKey = (await keys.create("eddie-editor", "EDITOR")).key;
  adminKey = (await keys.create("alice-admin", "ADMIN")).key;
});

afterAll(async () => {
  await server?.stop();
});

type Answer = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

async function gql(query: string, variables: Record<string, unknown>, key: string): Promise<Answer> {
  const response = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as Answer;
}

const MODELS = ["openai/gpt-4.1-mini", "openai/gpt-4.1", "openai/gpt-4o", "openai/gpt-4o-mini", "openai/o3", "openai/o4-mini", "anthropic/claude-sonnet-4", "google/gemini-2.5-pro"];
const OFFERINGS = MODELS.map((m) => `openrouter:${m}`);
const BULK = `mutation($inputs: [PriceInput!]!) { bulkUpdatePrices(inputs: $inputs) { id } }`;
const IMPORT = `mutation($content: String!, $name: String) { importDocument(format: OPENROUTER, content: $content, name: $name) { loaded } }`;
const EDIT = `mutation($id: String!, $contextWindow: Int) { upsertOffering(input: { providerId: "openrouter", providerModelId: $id, contextWindow: $contextWindow }) { id } }`;

/** An OpenRouter list of the same models, in a shuffled order, with prices and limits of its own. */
function openRouterDocument(n: number): string {
  const shuffled = [...MODELS].sort((a, b) => ((a.length * 31 + n) % 7) - ((b.length * 31 + n) % 7));
  return JSON.stringify({
    data: shuffled.map((id) => ({ id, name: id, context_length: 100_000 + n, pricing: { prompt: `0.00000${n + 1}`, completion: `0.0000${n + 2}` } })),
  });
}

describe("concurrent writers of the same offerings", () => {
  it("answer every one of 40 bulk price writes in opposite orders, 10 imports and 40 record edits with success or a specific code, never INTERNAL_SERVER_ERROR", async () => {
    const requests: Promise<Answer>[] = [];
    for (let i = 0; i < 40; i++) {
      const inputs = OFFERINGS.flatMap((offeringId) => [
        { offeringId, kind: "INPUT", amount: `1.${i}`, currency: "USD" },
        { offeringId, kind: "OUTPUT", amount: `2.${i}`, currency: "USD" },
      ]);
      // Every tenth write claims to have read version 1 of a price long since changed: a stale version.
      if (i % 10 === 9) inputs[0] = { ...inputs[0], expectedVersion: 1 } as (typeof inputs)[0];
      requests.push(gql(BULK, { inputs: i % 2 === 0 ? inputs : [...inputs].reverse() }, editorKey));
      if (i % 4 === 0) requests.push(gql(IMPORT, { content: openRouterDocument(i / 4), name: `concurrent-${i / 4}` }, adminKey));
      requests.push(gql(EDIT, { id: MODELS[i % MODELS.length], contextWindow: 200_000 + i }, editorKey));
    }
    const answers = await Promise.all(requests);

    const outcomes = answers.map((a) => (a.errors ? String(a.errors[0].extensions?.code) : "ok"));
    expect(outcomes.filter((o) => o !== "ok" && o !== "CONFLICT")).toEqual([]);
    expect(outcomes.filter((o) => o === "ok").length).toBeGreaterThanOrEqual(90 - 4);
    for (const answer of answers.filter((a) => a.errors)) expect(answer.errors![0].message).toMatch(/was changed since you read it/);
  });

  it("leaves one current price per slot, the one the API serves", async () => {
    for (const offeringId of OFFERINGS) {
      const rows = await catalog.database.sql.query<{ kind: string; amount: string }>(
        `SELECT kind::text, trim_scale(amount)::text AS amount FROM "Price" WHERE "offeringId" = $1 AND "currentSlot" IS NOT NULL AND kind IN ('INPUT', 'OUTPUT') ORDER BY kind`,
        [offeringId],
      );
      expect(rows.map((r) => r.kind)).toEqual(["INPUT", "OUTPUT"]);
      const served = await gql(`query($id: ID!) { offering(id: $id) { prices { kind amount } } }`, { id: offeringId }, editorKey);
      const servedPrices = served.data!.offering.prices.filter((p: { kind: string }) => p.kind === "INPUT" || p.kind === "OUTPUT");
      expect(servedPrices.map((p: { kind: string; amount: string }) => [p.kind, p.amount]).sort()).toEqual(rows.map((r) => [r.kind, r.amount]));
    }
  });
});

describe("concurrent imports of one new document", () => {
  it("all land on the one source row the first to commit created, each answered with its report", async () => {
    const name = "pasted-once";
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => gql(IMPORT, { content: openRouterDocument(20 + i), name }, adminKey)));
    expect(answers.map((a) => a.errors?.[0].extensions?.code ?? "ok")).toEqual(Array(8).fill("ok"));
    const sources = await catalog.database.sql.query<{ id: string }>(`SELECT id FROM "Source" WHERE uri = $1`, [`admin/${name}`]);
    expect(sources).toHaveLength(1);
    const [{ orphans }] = await catalog.database.sql.query<{ orphans: number }>(`SELECT count(*)::int AS orphans FROM "Fact" f WHERE NOT EXISTS (SELECT 1 FROM "Source" s WHERE s.id = f."sourceId")`);
    expect(orphans).toBe(0);
    const [{ facts }] = await catalog.database.sql.query<{ facts: number }>(`SELECT count(*)::int AS facts FROM "Fact" WHERE "sourceId" = $1 AND field = 'contextWindow'`, [sources[0].id]);
    expect(facts).toBe(MODELS.length);
  });
});
