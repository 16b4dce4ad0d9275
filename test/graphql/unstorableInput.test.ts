import path from "node:path";
import { ApiKeyService } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import { importDocuments } from "../../src/catalog/import/importDocuments";
import type { RunningCatalog } from "../../src/main";
import { SEED_DIR, tableCounts } from "../support/catalogDatabase";
import { startTestServer, type TestServer } from "../support/testServer";

// Values PostgreSQL cannot store (year 0, a lone UTF-16 surrogate) reached it and failed as
// INTERNAL_SERVER_ERROR, or were read from the snapshot as if they meant something. Each is the
// client's mistake: BAD_USER_INPUT, naming the argument and what it accepts, with nothing written.
jest.setTimeout(120_000);

let server: TestServer | undefined;
let catalog: RunningCatalog;
let adminKey: string;

beforeAll(async () => {
  server = await startTestServer();
  catalog = server.catalog;
  await importDocuments(catalog.database, [path.join(SEED_DIR, "openrouter")], { uriBase: SEED_DIR });
  adminKey = (await new ApiKeyService(new ApiKeyRepository(catalog.database.prisma)).create("alice-admin", "ADMIN")).key;
});

afterAll(async () => {
  await server?.stop();
});

type Answer = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

/** POSTs a request body as it is, so that JSON escapes such as "\ud800" reach the server unchanged. */
async function postBody(body: string): Promise<Answer> {
  const response = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` }, body });
  return (await response.json()) as Answer;
}

const gql = (query: string, variables: Record<string, unknown> = {}) => postBody(JSON.stringify({ query, variables }));

const OFFERING = "openrouter:openai/gpt-4.1-mini";
const INSTANT_RANGE = "must be an instant from 0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z (years 1 to 9999); got 0000-01-01T00:00:00.000Z";
const DAY_RANGE = "from 0001-01-01 to 9999-12-31";

describe("a date PostgreSQL or JavaScript cannot hold", () => {
  const refusals: [string, string, Record<string, unknown>, string, RegExp | string][] = [
    ["estimateCost(at:)", `{ estimateCost(workload: { inputTokens: 1000 }, at: "0000-01-01T00:00:00Z") { totalCount } }`, {}, "at", `at ${INSTANT_RANGE}`],
    ["estimateCost(at:) from a variable", `query($at: DateTimeISO) { estimateCost(workload: { inputTokens: 1000 }, at: $at) { totalCount } }`, { at: "0000-01-01T00:00:00Z" }, "at", `at ${INSTANT_RANGE}`],
    ["an offering's prices(at:)", `{ offering(id: "${OFFERING}") { prices(at: "0000-01-01T00:00:00Z") { amount } } }`, {}, "at", `at ${INSTANT_RANGE}`],
    [
      "updatePrice's effectiveFrom, on a price the offering never had",
      `mutation { updatePrice(input: { offeringId: "${OFFERING}", kind: REASONING, mode: FLEX, amount: "1", currency: "USD", effectiveFrom: "0000-01-01T00:00:00Z" }) { id } }`,
      {},
      "input.effectiveFrom",
      `input.effectiveFrom ${INSTANT_RANGE}`,
    ],
    [
      "bulkUpdatePrices' second effectiveFrom",
      `mutation($inputs: [PriceInput!]!) { bulkUpdatePrices(inputs: $inputs) { id } }`,
      {
        inputs: [
          { offeringId: OFFERING, kind: "INPUT", amount: "0.5", currency: "USD" },
          { offeringId: OFFERING, kind: "REASONING", mode: "FLEX", amount: "1", currency: "USD", effectiveFrom: "0000-01-01T00:00:00Z" },
        ],
      },
      "inputs[1].effectiveFrom",
      `inputs[1].effectiveFrom ${INSTANT_RANGE}`,
    ],
    ["retireModel's retirementDate", `mutation { retireModel(id: "gpt-4.1-mini", retirementDate: "0000-01-01") { id } }`, {}, "retirementDate", `retirementDate must be a date like 2026-01-31 ${DAY_RANGE}, got "0000-01-01"`],
    ["upsertModel's releaseDate", `mutation { upsertModel(input: { id: "gpt-4.1-mini", releaseDate: "0000-01-01" }) { id } }`, {}, "releaseDate", `releaseDate does not accept "0000-01-01"; give a date like 2025-04-14 (or 2025-04, 2025) ${DAY_RANGE}`],
    ["models' filter.releasedAfter", `{ models(filter: { releasedAfter: "0000-01-01" }) { totalCount } }`, {}, "filter.releasedAfter", `filter.releasedAfter must be a date like 2025-04-14 ${DAY_RANGE}, got "0000-01-01"`],
  ];

  it.each(refusals)("in %s (year 0) is BAD_USER_INPUT naming it and the range, and changes nothing", async (_where, query, variables, field, message) => {
    const before = await tableCounts(catalog.database);
    const answer = await gql(query, variables);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0].extensions).toEqual({ code: "BAD_USER_INPUT", field });
    expect(answer.errors![0].message).toBe(message);
    expect(await tableCounts(catalog.database)).toEqual(before);
  });

  it.each(["+010000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "+275761-01-01T00:00:00Z"])("given as %s in a variable is BAD_USER_INPUT from the DateTimeISO scalar", async (at) => {
    const answer = await gql(`query($at: DateTimeISO) { estimateCost(workload: { inputTokens: 1000 }, at: $at) { totalCount } }`, { at });
    expect(answer.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(answer.errors?.[0].message).toMatch(/^Variable "\$at" got invalid value/);
  });

  it("is answered at the range's bounds: year 1 and the last millisecond of 9999, stored and read back as sent", async () => {
    const bounds = await gql(`{ first: estimateCost(workload: { inputTokens: 1000 }, at: "0001-01-01T00:00:00Z") { totalCount } last: estimateCost(workload: { inputTokens: 1000 }, at: "9999-12-31T23:59:59.999Z") { totalCount } }`);
    expect(bounds.errors).toBeUndefined();
    expect(bounds.data!.first.totalCount).toBe(0);
    expect(bounds.data!.last.totalCount).toBeGreaterThan(0);

    const price = await gql(`mutation { updatePrice(input: { offeringId: "${OFFERING}", kind: REASONING, mode: PRIORITY, amount: "2", currency: "USD", effectiveFrom: "0001-01-01T00:00:00Z" }) { validFrom } }`);
    expect(price.data).toEqual({ updatePrice: { validFrom: "0001-01-01T00:00:00.000Z" } });
    const history = await gql(`{ priceHistory(offeringId: "${OFFERING}", kind: REASONING, mode: PRIORITY) { edges { node { amount validFrom } } } }`);
    expect(history.data!.priceHistory.edges).toEqual([{ node: { amount: "2", validFrom: "0001-01-01T00:00:00.000Z" } }]);

    const retired = await gql(`mutation { retireModel(id: "gpt-4.1-mini", retirementDate: "0001-01-01") { retirementDate } }`);
    expect(retired.data).toEqual({ retireModel: { retirementDate: "0001-01-01" } });
  });
});

describe("a string holding a lone UTF-16 surrogate", () => {
  const importBody = (content: string) =>
    `{"query":"mutation($content: String!) { importDocument(format: OPENROUTER, content: $content, name: \\"surrogate.json\\") { read failed { reason } } }","variables":{"content":${content}}}`;

  it.each([
    ["importDocument's content", importBody(`"{\\"data\\": [{\\"id\\": \\"acme/odd-1\\", \\"name\\": \\"Odd \\ud800\\"}]}"`)],
    ["upsertModel's name", `{"query":"mutation($name: String) { upsertModel(input: { id: \\"gpt-4.1-mini\\", name: $name }) { id } }","variables":{"name":"Mini \\udc00"}}`],
    ["a key of a variable's object", `{"query":"mutation($input: ModelInput!) { upsertModel(input: $input) { id } }","variables":{"input":{"id":"gpt-4.1-mini","\\ud83d":"x"}}}`],
  ])("in %s is BAD_USER_INPUT, and nothing is written", async (_where, body) => {
    const before = await tableCounts(catalog.database);
    const answer = await postBody(body);
    expect(answer.errors).toEqual([
      { message: 'Strings may not contain a lone UTF-16 surrogate (U+D800 to U+DFFF without its pair, such as "\\ud800" in JSON): it is no character', extensions: { code: "BAD_USER_INPUT" } },
    ]);
    expect(await tableCounts(catalog.database)).toEqual(before);
  });

  it("escaped inside a pasted JSON document fails that document with its reason, as the import command reports a file", async () => {
    const before = await tableCounts(catalog.database);
    // The request is well-formed text; the document it carries escapes a lone surrogate: "\\ud800" in the variable.
    const answer = await postBody(importBody(`"{\\"data\\": [{\\"id\\": \\"acme/odd-1\\", \\"name\\": \\"Odd \\\\ud800\\"}]}"`));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.importDocument).toEqual({ read: 1, failed: [{ reason: 'not text: "Odd \\ud800" escapes a lone UTF-16 surrogate, which is no character' }] });
    expect(await tableCounts(catalog.database)).toEqual(before);
  });

  it("is told apart from a surrogate pair, which is a character like any other", async () => {
    const answer = await postBody(`{"query":"mutation($name: String) { upsertModel(input: { id: \\"gpt-4.1-mini\\", name: $name }) { name } }","variables":{"name":"Mini \\ud83d\\ude00"}}`);
    expect(answer).toMatchObject({ data: { upsertModel: { name: "Mini 😀" } } });
  });
});
