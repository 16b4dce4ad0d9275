import { ApiKeyService } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import type { RunningCatalog } from "../../src/main";
import { startTestServer, type TestServer } from "../support/testServer";

// Price.amount is DECIMAL(24,12). A document stating a price of 1e12 or more per unit used to have it
// dropped without a word, and the drop closed the price the offering had.
jest.setTimeout(120_000);

let server: TestServer | undefined;
let catalog: RunningCatalog;
let adminKey: string;

beforeAll(async () => {
  server = await startTestServer();
  catalog = server.catalog;
  adminKey = (await new ApiKeyService(new ApiKeyRepository(catalog.database.prisma)).create("alice-admin", "ADMIN")).key;
});

afterAll(async () => {
  await server?.stop();
});

type Answer = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as Answer;
}

const IMPORT = `mutation($content: String!, $name: String) {
  importDocument(format: OPENROUTER, content: $content, name: $name) { loaded issues { uri code message locator } prices { created updated closed unchanged } }
}`;
const OFFERING = "openrouter:acme/pricey-1";

/** An OpenRouter list with one model, priced per token as OpenRouter writes it. */
const document = (prompt: string, completion: string, contextLength: number) =>
  JSON.stringify({ data: [{ id: "acme/pricey-1", name: "Acme: Pricey 1", context_length: contextLength, pricing: { prompt, completion } }] });

const pricesOf = async () =>
  (await gql(`query($id: ID!) { offering(id: $id) { model { contextWindow } prices { id kind amount validFrom } } }`, { id: OFFERING })).data!.offering as {
    model: { contextWindow: number };
    prices: { id: string; kind: string; amount: string; validFrom: string }[];
  };

const priceRows = () =>
  catalog.database.sql.query<{ kind: string; amount: string; open: boolean }>(
    `SELECT kind::text, amount::text, "validTo" IS NULL AS open FROM "Price" WHERE "offeringId" = $1 ORDER BY kind, "validFrom"`,
    [OFFERING],
  );

describe("an imported price of 1e12 or more per unit", () => {
  it("is an OUT_OF_RANGE issue in the report, and the offering keeps the price it had while the rest of the document lands", async () => {
    const first = await gql(IMPORT, { content: document("0.000001", "0.000002", 8192), name: "pricey.json" });
    expect(first.errors).toBeUndefined();
    expect(first.data!.importDocument).toMatchObject({ loaded: 1, issues: [], prices: { created: 2 } });
    const before = await pricesOf();
    expect(before.prices.map((p) => [p.kind, p.amount])).toEqual([
      ["INPUT", "1"],
      ["OUTPUT", "2"],
    ]);
    const rowsBefore = await priceRows();

    // 1,000,000 per token is 1e12 per 1M tokens: one more digit than the column holds.
    const second = await gql(IMPORT, { content: document("1000000", "0.000002", 16384), name: "pricey.json" });
    expect(second.errors).toBeUndefined();
    expect(second.data!.importDocument.loaded).toBe(1);
    expect(second.data!.importDocument.issues).toEqual([
      {
        uri: "admin/pricey.json",
        code: "OUT_OF_RANGE",
        message: `price 1000000000000 is out of range: the catalog holds prices below 1000000000000 per unit; left out, so offering ${OFFERING} keeps the price it had`,
        locator: "data[0].pricing.prompt",
      },
    ]);
    expect(second.data!.importDocument.prices).toMatchObject({ created: 0, updated: 0, closed: 0 });

    const after = await pricesOf();
    expect(after.prices).toEqual(before.prices);
    expect(after.model.contextWindow).toBe(16384);
    expect(await priceRows()).toEqual(rowsBefore);
    const [{ facts }] = await catalog.database.sql.query<{ facts: unknown[] }>(
      `SELECT json_agg(value ORDER BY field) AS facts FROM "Fact" WHERE "entityId" = $1 AND field LIKE 'price.%'`,
      [OFFERING],
    );
    expect(facts).toEqual([
      { amount: "1", currency: "USD" },
      { amount: "2", currency: "USD" },
    ]);
  });

  it("of a price the catalog did not have is an issue and no price, next to the document's other prices", async () => {
    const result = await gql(IMPORT, {
      content: JSON.stringify({ data: [{ id: "acme/pricey-2", name: "Acme: Pricey 2", context_length: 4096, pricing: { prompt: "0.000003", completion: "5000000" } }] }),
      name: "pricey-2.json",
    });
    expect(result.data!.importDocument.issues.map((i: { code: string; locator: string }) => [i.code, i.locator])).toEqual([["OUT_OF_RANGE", "data[0].pricing.completion"]]);
    expect(result.data!.importDocument.prices).toMatchObject({ created: 1 });
    const served = (await gql(`{ offering(id: "openrouter:acme/pricey-2") { prices { kind amount } } }`)).data!.offering.prices;
    expect(served).toEqual([{ kind: "INPUT", amount: "3" }]);
  });

  it("stops at the column's bound: 999,999,999,999.999999999999 per request is a price", async () => {
    const result = await gql(IMPORT, {
      content: JSON.stringify({ data: [{ id: "acme/pricey-3", name: "Acme: Pricey 3", context_length: 4096, pricing: { prompt: "0", request: "999999999999.999999999999" } }] }),
      name: "pricey-3.json",
    });
    expect(result.data!.importDocument.issues).toEqual([]);
    const served = (await gql(`{ offering(id: "openrouter:acme/pricey-3") { prices { kind amount } } }`)).data!.offering.prices;
    expect(served).toEqual([
      { kind: "INPUT", amount: "0" },
      { kind: "REQUEST", amount: "999999999999.999999999999" },
    ]);
  });
});
