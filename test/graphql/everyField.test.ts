import { buildClientSchema, getIntrospectionQuery, getNamedType, type GraphQLArgument, type GraphQLField, type IntrospectionQuery } from "graphql";
import { ApiKeyService } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import { countReached, everyFieldOperations, sampleOfType, type EveryFieldOperation } from "../support/everyFieldOperations";
import { startTestServer, type TestServer } from "../support/testServer";

jest.setTimeout(300_000);

/** Records of the seeded catalog that have something under every field: offerings, prices, provenance, conflicts. */
const SAMPLE_IDS: Record<string, string> = { Model: "gpt-4.1-mini", Offering: "openrouter:openai/gpt-4.1-mini", Provider: "openai", Author: "openai" };
/** Arguments whose value the type alone does not give. */
const BY_ARGUMENT: Record<string, unknown> = {
  first: 3,
  ids: ["gpt-4.1-mini", "claude-3.5-sonnet"],
  key: "tool_calls",
  workload: { inputTokens: 1_000_000, outputTokens: 100_000 },
};
const SCALARS: Record<string, unknown> = { String: "x", Int: 3, Float: 1, Boolean: true, Decimal: "1", Count: 1000, DateTimeISO: "2026-01-01T00:00:00.000Z", JSON: {} };

/** An `id` names a record of the type its field returns; an `offeringId` an offering, and so on. */
function sample(arg: GraphQLArgument, field: GraphQLField<unknown, unknown>): unknown {
  if (arg.name in BY_ARGUMENT) return BY_ARGUMENT[arg.name];
  if (getNamedType(arg.type).name !== "ID") return sampleOfType(arg.type, SCALARS);
  const entity = arg.name === "id" ? getNamedType(field.type).name : arg.name[0].toUpperCase() + arg.name.slice(1).replace(/Id$/, "");
  if (!(entity in SAMPLE_IDS)) throw new Error(`no sample id for ${field.name}(${arg.name})`);
  return SAMPLE_IDS[entity];
}

let server: TestServer;
let adminKey: string;

async function post(query: string): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(server.catalog.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` }, body: JSON.stringify({ query }) });
  return (await response.json()) as never;
}

beforeAll(async () => {
  server = await startTestServer({ seedOnStart: true });
  adminKey = (await new ApiKeyService(new ApiKeyRepository(server.catalog.database.prisma)).create("every-field", "ADMIN")).key;
  // One write, so that the audit log has an event whose fields can be read.
  const write = await post(`mutation { upsertModel(input: { id: "gpt-4.1-mini", description: "every field" }) { id } }`);
  expect(write.errors).toBeUndefined();
});
afterAll(() => server?.stop());

describe("every field of every type reachable from Query", () => {
  let operations: EveryFieldOperation[];
  beforeAll(async () => {
    const introspection = await post(getIntrospectionQuery());
    const schema = buildClientSchema(introspection.data as unknown as IntrospectionQuery);
    operations = everyFieldOperations(schema, schema.getQueryType()!, sample);
  });

  it("answers without an error on the seeded catalog, each type reached at least once", async () => {
    // One line per field path and error, list items counted rather than listed ("model.offerings.*.regions").
    const failures = new Map<string, number>();
    const fail = (line: string) => failures.set(line, (failures.get(line) ?? 0) + 1);
    for (const operation of operations) {
      const result = await post(operation.query);
      for (const error of result.errors ?? []) fail(`${operation.type}: ${(error.path ?? []).map((p) => (typeof p === "number" ? "*" : p)).join(".")} ${String(error.extensions?.code)}: ${error.message}`);
      if (!result.errors && countReached(result.data, operation.path) === 0) fail(`${operation.type}: nothing at ${operation.path.join(".")}, its fields went unexercised`);
    }
    expect([...failures].map(([line, times]) => (times > 1 ? `${line} (${times} times)` : line))).toEqual([]);
    expect(operations.map((o) => o.type)).toEqual(expect.arrayContaining(["Query", "Model", "Offering", "Price", "FieldProvenance", "FactCandidate", "CostLine", "ComparisonCell", "AuditEvent", "CatalogReport"]));
  });
});
