import { ApiKeyService } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import { startTestServer, type TestServer } from "../support/testServer";

jest.setTimeout(120_000);

let server: TestServer;
let adminKey: string;

type Result = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const response = await fetch(server.catalog.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as Result;
}

beforeAll(async () => {
  server = await startTestServer();
  adminKey = (await new ApiKeyService(new ApiKeyRepository(server.catalog.database.prisma)).create("prices-admin", "ADMIN")).key;
});
afterAll(() => server?.stop());

const OFFERING = "openrouter:acme/versioned-1";
/** The same OpenRouter document, with a prompt price of `perToken` dollars. */
const importing = (perToken: string) =>
  gql(`mutation($c: String!) { importDocument(format: OPENROUTER, content: $c, name: "acme-versioned.json") { loaded prices { created updated closed } } }`, {
    c: JSON.stringify({ data: [{ id: "acme/versioned-1", name: "Acme: Versioned 1", pricing: { prompt: perToken, completion: "0.000002" } }] }),
  });
const inputPrice = async () => (await gql(`{ offering(id: "${OFFERING}") { prices(kind: INPUT) { amount version } } }`)).data!.offering.prices[0] as { amount: string; version: number };
const historyOfInput = async () => (await gql(`{ priceHistory(offeringId: "${OFFERING}", kind: INPUT) { edges { node { amount version reason validTo } } } }`)).data!.priceHistory.edges.map((e: { node: unknown }) => e.node);
const UPDATE = `mutation($input: PriceInput!) { updatePrice(input: $input) { amount version reason } }`;

describe("one price writer for imports and admins", () => {
  it("refuses with CONFLICT an updatePrice holding the version read before an import changed the price, and takes the version read after it", async () => {
    expect((await importing("0.000001")).data!.importDocument).toEqual({ loaded: 1, prices: { created: 2, updated: 0, closed: 0 } });
    const readBefore = await inputPrice();
    expect(readBefore).toEqual({ amount: "1", version: 1 });

    expect((await importing("0.0000015")).data!.importDocument).toEqual({ loaded: 1, prices: { created: 0, updated: 1, closed: 0 } });
    const readAfter = await inputPrice();
    expect(readAfter).toEqual({ amount: "1.5", version: 2 });

    const stale = await gql(UPDATE, { input: { offeringId: OFFERING, kind: "INPUT", amount: "0.9", currency: "USD", expectedVersion: readBefore.version, reason: "negotiated" } });
    expect(stale.data).toBeNull();
    expect(stale.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(stale.errors?.[0].message).toBe("input: the price was changed since you read it (it is at version 2, you sent 1); read it again and retry");
    expect(await inputPrice()).toEqual({ amount: "1.5", version: 2 });

    const fresh = await gql(UPDATE, { input: { offeringId: OFFERING, kind: "INPUT", amount: "0.9", currency: "USD", expectedVersion: readAfter.version, reason: "negotiated" } });
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data!.updatePrice).toEqual({ amount: "0.9", version: 3, reason: "negotiated" });
    expect(await historyOfInput()).toEqual([
      { amount: "0.9", version: 3, reason: "negotiated", validTo: null },
      { amount: "1.5", version: 2, reason: null, validTo: expect.any(String) },
      { amount: "1", version: 1, reason: null, validTo: expect.any(String) },
    ]);
  });

  it("keeps the admin's price and version when a later import changes the document's, since the override outranks it", async () => {
    expect((await importing("0.000003")).data!.importDocument).toEqual({ loaded: 1, prices: { created: 0, updated: 0, closed: 0 } });
    expect(await inputPrice()).toEqual({ amount: "0.9", version: 3 });
  });
});
