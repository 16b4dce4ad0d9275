import path from "node:path";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { bootstrap, type RunningCatalog } from "../../src/main";
import { createLogger } from "../../src/logger";
import { ApiKeyService } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import { importDocuments } from "../../src/catalog/import/importDocuments";
import { documentHash } from "../../src/ingest/documentHash";
import { DOCUMENT_FORMATS } from "../../src/ingest/formatRegistry";
import { SEED_DIR, tableCounts } from "../support/catalogDatabase";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase";

jest.setTimeout(120_000);

let testDb: TestDatabase;
let catalog: RunningCatalog;
let adminKey: string;
let editorKey: string;
let revokedKey: string;
const logLines: string[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  catalog = await bootstrap(
    { port: 0, host: "127.0.0.1", database: testDb.target, logLevel: "warn", seedDir: SEED_DIR, seedOnStart: false },
    createLogger("warn", (line) => logLines.push(line)),
  );
  await importDocuments(catalog.database, [path.join(SEED_DIR, "openrouter"), path.join(SEED_DIR, "seed-docs")], { uriBase: SEED_DIR });
  const keys = new ApiKeyService(new ApiKeyRepository(catalog.database.prisma));
  adminKey = (await keys.create("alice-admin", "ADMIN")).key;
  editorKey = (await keys.create("eddie-editor", "EDITOR")).key;
  revokedKey = (await keys.create("old-key", "ADMIN")).key;
  await keys.revoke("old-key");
});

afterAll(async () => {
  await catalog.stop();
  await testDb.drop();
});

type Result = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

async function gql(query: string, variables: Record<string, unknown> = {}, key?: string, requestId?: string): Promise<Result> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  if (requestId) headers["x-request-id"] = requestId;
  const response = await fetch(catalog.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as Result;
}

const OFFERING = "openrouter:openai/gpt-4.1-mini";
const UPDATE = `mutation($input: PriceInput!) { updatePrice(input: $input) { id kind amount currency version validFrom validTo reason } }`;
const currentInput = async () => (await gql(`{ offering(id: "${OFFERING}") { prices(kind: INPUT) { amount version } } }`)).data!.offering.prices[0];

describe("without the right key", () => {
  const mutations: [string, string, Record<string, unknown>, "EDITOR" | "ADMIN"][] = [
    ["updatePrice", UPDATE, { input: { offeringId: OFFERING, kind: "INPUT", amount: "9", currency: "USD" } }, "EDITOR"],
    ["bulkUpdatePrices", `mutation($inputs: [PriceInput!]!) { bulkUpdatePrices(inputs: $inputs) { id } }`, { inputs: [{ offeringId: OFFERING, kind: "INPUT", amount: "9", currency: "USD" }] }, "EDITOR"],
    ["upsertModel", `mutation { upsertModel(input: { id: "gpt-4.1-mini", contextWindow: 5 }) { id } }`, {}, "EDITOR"],
    ["upsertProvider", `mutation { upsertProvider(input: { id: "acme", name: "Acme" }) { id } }`, {}, "EDITOR"],
    ["upsertOffering", `mutation { upsertOffering(input: { providerId: "openrouter", providerModelId: "x/y", modelId: "gpt-4.1-mini" }) { id } }`, {}, "EDITOR"],
    ["setCapability", `mutation { setCapability(input: { modelId: "gpt-4.1-mini", key: "tool_calls", level: NOT_SUPPORTED }) { key } }`, {}, "EDITOR"],
    ["retireModel", `mutation { retireModel(id: "gpt-4.1-mini") { id } }`, {}, "ADMIN"],
    ["resolveConflict", `mutation { resolveConflict(entityType: MODEL, entityId: "gpt-4.1-mini", field: "contextWindow", value: 5, reason: "x") { field } }`, {}, "ADMIN"],
    ["importDocument", `mutation { importDocument(format: OPENROUTER, content: "{\\"data\\": []}") { read } }`, {}, "ADMIN"],
    ["auditLog", `{ auditLog { totalCount } }`, {}, "ADMIN"],
  ];

  it.each(mutations)("%s is refused with UNAUTHENTICATED without a key, or with a malformed, unknown or revoked one, and with FORBIDDEN under too low a role; nothing changes", async (_name, query, variables, role) => {
    const before = await tableCounts(catalog.database);
    const [audit] = await catalog.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent"`);
    for (const key of [undefined, "not a key", "mck_000000000000_AAAA", revokedKey]) {
      const result = await gql(query, variables, key);
      expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      expect(result.data?.[_name] ?? null).toBeNull();
    }
    if (role === "ADMIN") {
      const result = await gql(query, variables, editorKey);
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(result.errors?.[0].message).toMatch(/ADMIN/);
    }
    expect(await tableCounts(catalog.database)).toEqual(before);
    expect((await catalog.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent"`))[0]).toEqual(audit);
  });

  it("logs each refusal with the request id and the reason, never the key's secret", async () => {
    logLines.length = 0;
    await gql(UPDATE, { input: { offeringId: OFFERING, kind: "INPUT", amount: "9", currency: "USD" } }, revokedKey, "req-refused-1");
    const line = logLines.find((l) => l.includes("req-refused-1"));
    expect(line).toMatch(/Refused a GraphQL operation/);
    expect(line).toMatch(/UNAUTHENTICATED/);
    expect(line).toMatch(/REVOKED/);
    // The secret is everything after "mck_<prefix>_"; it may itself hold "_", so it is not split on it.
    const secret = revokedKey.slice("mck_".length + 12 + 1);
    expect(secret).toHaveLength(43);
    expect(line).not.toContain(secret);
  });

  it("lets anyone read without a key", async () => {
    expect((await gql(`{ model(id: "gpt-4.1-mini") { id } }`, {}, undefined)).data).toEqual({ model: { id: "gpt-4.1-mini" } });
  });
});

describe("updatePrice", () => {
  it("closes the current price and opens a new one, visible in queries, history and the audit log", async () => {
    const before = await currentInput();
    const result = await gql(UPDATE, { input: { offeringId: OFFERING, kind: "INPUT", amount: "0.45", currency: "usd", reason: "list price rise", expectedVersion: before.version } }, editorKey, "req-price-1");
    expect(result.errors).toBeUndefined();
    expect(result.data!.updatePrice).toMatchObject({ kind: "INPUT", amount: "0.45", currency: "USD", version: before.version + 1, validTo: null, reason: "list price rise" });
    expect(await currentInput()).toEqual({ amount: "0.45", version: before.version + 1 });

    const history = (await gql(`{ priceHistory(offeringId: "${OFFERING}", kind: INPUT, first: 2) { edges { node { amount validFrom validTo } } } }`)).data!.priceHistory.edges.map((e: any) => e.node);
    expect(history[0]).toMatchObject({ amount: "0.45", validTo: null });
    expect(history[1]).toMatchObject({ amount: before.amount, validTo: history[0].validFrom });

    const log = (await gql(`{ auditLog(first: 1, filter: { action: "updatePrice" }) { edges { node { actorName action entityType entityId field before after requestId } } } }`, {}, adminKey)).data!.auditLog.edges[0].node;
    expect(log).toMatchObject({ actorName: "eddie-editor", action: "updatePrice", entityType: "OFFERING", entityId: OFFERING, field: "price.INPUT.PER_1M_TOKENS.STANDARD.0", requestId: "req-price-1" });
    expect(log.before.amount).toBe(before.amount);
    expect(log.after.amount).toBe("0.45");
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const current = await currentInput();
    const result = await gql(UPDATE, { input: { offeringId: OFFERING, kind: "INPUT", amount: "0.99", currency: "USD", expectedVersion: current.version - 1 } }, editorKey);
    expect(result.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(result.errors?.[0].message).toMatch(new RegExp(`version ${current.version}, you sent ${current.version - 1}`));
    expect(await currentInput()).toEqual(current);
  });

  it.each([
    [{ amount: "-1" }, "input.amount"],
    [{ amount: "0.1234567890123" }, "input.amount"],
    [{ currency: "XYZ" }, "input.currency"],
    [{ currency: "dollars" }, "input.currency"],
    [{ offeringId: "nobody:nothing" }, "input.offeringId"],
    [{ contextAbove: -5 }, "input.contextAbove"],
    [{ effectiveFrom: "2000-01-01T00:00:00Z" }, "input.effectiveFrom"],
    [{ effectiveFrom: "2999-01-01T00:00:00Z" }, "input.effectiveFrom"],
  ])("refuses %j with BAD_USER_INPUT naming %s", async (change, field) => {
    const result = await gql(UPDATE, { input: { offeringId: OFFERING, kind: "INPUT", amount: "0.5", currency: "USD", ...change } }, editorKey);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("applies 50 concurrent updates of one price in order: 50 history rows, none lost", async () => {
    const start = await currentInput();
    const [{ n: rowsBefore }] = await catalog.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Price" WHERE "offeringId" = $1 AND kind = 'INPUT'`, [OFFERING]);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => gql(UPDATE, { input: { offeringId: OFFERING, kind: "INPUT", amount: `1.${String(i).padStart(2, "0")}`, currency: "USD" } }, editorKey)),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const rows = await catalog.database.sql.query<{ amount: string; version: number; validTo: string | null; validFrom: string }>(
      `SELECT amount::text, version, "validFrom"::text AS "validFrom", "validTo"::text AS "validTo" FROM "Price" WHERE "offeringId" = $1 AND kind = 'INPUT' ORDER BY version`,
      [OFFERING],
    );
    expect(rows).toHaveLength(rowsBefore + 50);
    const added = rows.slice(-50);
    expect(added.map((r) => r.version)).toEqual(Array.from({ length: 50 }, (_, i) => start.version + 1 + i));
    expect(new Set(added.map((r) => r.amount)).size).toBe(50);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].validTo).toBe(rows[i].validFrom);
    expect(rows.filter((r) => r.validTo === null)).toHaveLength(1);
  });

  it("lets exactly one of 20 concurrent updates that read the same version win; the others get CONFLICT", async () => {
    const start = await currentInput();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gql(UPDATE, { input: { offeringId: OFFERING, kind: "INPUT", amount: `2.${i}`, currency: "USD", expectedVersion: start.version } }, editorKey)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === "CONFLICT")).toHaveLength(19);
    expect((await currentInput()).version).toBe(start.version + 1);
  });
});

describe("bulkUpdatePrices", () => {
  const BULK = `mutation($inputs: [PriceInput!]!) { bulkUpdatePrices(inputs: $inputs) { kind amount } }`;

  it("changes nothing when one row is bad, naming it", async () => {
    const before = await tableCounts(catalog.database);
    const current = await currentInput();
    const result = await gql(BULK, { inputs: [{ offeringId: OFFERING, kind: "INPUT", amount: "3", currency: "USD" }, { offeringId: OFFERING, kind: "OUTPUT", amount: "abc", currency: "USD" }] }, editorKey);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await currentInput()).toEqual(current);
    expect(await tableCounts(catalog.database)).toEqual(before);
  });

  it("changes nothing when a later row fails inside the transaction", async () => {
    const current = await currentInput();
    const result = await gql(BULK, { inputs: [{ offeringId: OFFERING, kind: "INPUT", amount: "3", currency: "USD" }, { offeringId: "nobody:nothing", kind: "OUTPUT", amount: "1", currency: "USD" }] }, editorKey);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "inputs[1].offeringId" });
    expect(await currentInput()).toEqual(current);
  });

  it("applies all rows together", async () => {
    const result = await gql(BULK, { inputs: [{ offeringId: OFFERING, kind: "INPUT", amount: "0.41", currency: "USD" }, { offeringId: OFFERING, kind: "OUTPUT", amount: "1.61", currency: "USD" }] }, editorKey);
    expect(result.data!.bulkUpdatePrices).toEqual([{ kind: "INPUT", amount: "0.41" }, { kind: "OUTPUT", amount: "1.61" }]);
  });
});

describe("record edits", () => {
  it("edits a model with version checks; the value outranks the documents and survives re-seeding", async () => {
    const { model } = (await gql(`{ model(id: "gpt-4.1-mini") { version contextWindow } }`)).data!;
    // With OpenRouter's listing and the seed documents alone, the Foundry card (a first-party cloud's) ranks first.
    expect(model.contextWindow).toBe(1_048_576);
    const stale = await gql(`mutation($v: Int) { upsertModel(input: { id: "gpt-4.1-mini", contextWindow: 1047576 }, expectedVersion: $v) { id } }`, { v: model.version - 1 }, editorKey);
    expect(stale.errors?.[0].extensions?.code).toBe("CONFLICT");
    const edited = await gql(`mutation($v: Int) { upsertModel(input: { id: "gpt-4.1-mini", contextWindow: 1047576 }, expectedVersion: $v, reason: "OpenAI's API reference says 1,047,576") { contextWindow version } }`, { v: model.version }, editorKey);
    expect(edited.data!.upsertModel).toEqual({ contextWindow: 1_047_576, version: model.version + 1 });
    const provenance = (await gql(`{ model(id: "gpt-4.1-mini") { provenance(field: "contextWindow") { value rule } } }`)).data!.model.provenance[0];
    expect(provenance).toEqual({ value: 1_047_576, rule: "An admin override outranks every document: OpenAI's API reference says 1,047,576" });
    await importDocuments(catalog.database, [path.join(SEED_DIR, "starmap/authors/openai/models/gpt-4.1-mini.md")], { uriBase: SEED_DIR });
    expect((await gql(`{ model(id: "gpt-4.1-mini") { contextWindow } }`)).data!.model.contextWindow).toBe(1_047_576);
  });

  it("names the field of a wrong value", async () => {
    const result = await gql(`mutation { upsertModel(input: { id: "gpt-4.1-mini", releaseDate: "yesterday" }) { id } }`, {}, editorKey);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "releaseDate" });
  });

  it("resolves a field its only document decides (no stored decision) by its one fact, and gives it back to the document when the override is cleared", async () => {
    const shown = async () => (await gql(`{ model(id: "gpt-4.1-mini") { provenance { field value rule hasConflict derivedFrom candidates { factId chosen } } } }`)).data!.model.provenance as any[];
    const stored = async (field: string) =>
      (await catalog.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "FieldDecision" WHERE "entityType" = 'MODEL' AND "entityId" = 'gpt-4.1-mini' AND field = $1`, [field]))[0]!.n;
    const before = (await shown()).find((f) => ["description", "family", "knowledgeCutoff", "deprecationDate", "license", "openWeights", "releaseDate", "maxOutputTokens", "outputModalities", "inputModalities"].includes(f.field) && f.candidates.length === 1 && f.derivedFrom.length === 0);
    expect(before).toBeDefined();
    expect(before.candidates[0].chosen).toBe(true);
    expect(await stored(before.field)).toBe(0);

    const resolved = await gql(`mutation($f: ID, $field: String!) { resolveConflict(entityType: MODEL, entityId: "gpt-4.1-mini", field: $field, factId: $f, reason: "checked") { value rule } }`, { f: before.candidates[0].factId, field: before.field }, adminKey);
    expect(resolved.data!.resolveConflict).toEqual({ value: before.value, rule: "An admin override outranks every document: checked" });
    expect(await stored(before.field)).toBe(1);

    const cleared = await gql(`mutation { upsertModel(input: { id: "gpt-4.1-mini", ${before.field}: null }) { id } }`, {}, editorKey);
    expect(cleared.errors).toBeUndefined();
    expect(await stored(before.field)).toBe(0);
    expect((await shown()).find((f) => f.field === before.field)).toEqual(before);
  });

  it("creates a provider and an offering, sets a capability, retires a model, all audited", async () => {
    expect((await gql(`mutation { upsertProvider(input: { id: "acme", name: "Acme AI", kind: INFERENCE_HOST }) { id kind } }`, {}, editorKey)).data!.upsertProvider).toEqual({ id: "acme", kind: "INFERENCE_HOST" });
    const offering = await gql(`mutation { upsertOffering(input: { providerId: "acme", providerModelId: "mini", modelId: "openai/gpt-4.1-mini", contextWindow: 64000 }) { id contextWindow model { id } } }`, {}, editorKey);
    expect(offering.data!.upsertOffering).toEqual({ id: "acme:mini", contextWindow: 64000, model: { id: "gpt-4.1-mini" } });
    const flags = await gql(`mutation { setCapability(input: { modelId: "gpt-4.1-mini", key: "web_search", level: SUPPORTED }, reason: "launched") { key level } }`, {}, editorKey);
    expect(flags.data!.setCapability).toEqual(expect.arrayContaining([{ key: "web_search", level: "SUPPORTED" }]));
    const retired = await gql(`mutation { retireModel(id: "openai/gpt-4.1-mini", retirementDate: "2026-12-31", reason: "sunset") { id status retirementDate } }`, {}, adminKey);
    expect(retired.data!.retireModel).toEqual({ id: "gpt-4.1-mini", status: "RETIRED", retirementDate: "2026-12-31" });
    const actions = (await gql(`{ auditLog(first: 20) { edges { node { action actorName } } } }`, {}, adminKey)).data!.auditLog.edges.map((e: any) => e.node.action);
    expect(actions.slice(0, 5)).toEqual(["retireModel", "retireModel", "setCapability", "createOffering", "createProvider"]);
  });

  it("resolves a conflict by picking a candidate by the factId provenance gives it, with a reason", async () => {
    const { model } = (await gql(`{ model(id: "gpt-4.1-mini") { provenance(field: "knowledgeCutoff") { candidates { factId value chosen source { uri format } } } } }`)).data!;
    expect(model.provenance[0].candidates.length).toBeGreaterThan(1);
    const facts = model.provenance[0].candidates.filter((c: any) => c.source.format === "FOUNDRY").map((c: any) => ({ id: c.factId, value: c.value }));
    expect(facts).toHaveLength(1);
    const result = await gql(`mutation($f: ID) { resolveConflict(entityType: MODEL, entityId: "gpt-4.1-mini", field: "knowledgeCutoff", factId: $f, reason: "the card is newer") { value rule } }`, { f: facts[0].id }, adminKey);
    expect(result.data!.resolveConflict).toEqual({ value: facts[0].value, rule: "An admin override outranks every document: the card is newer" });
    const missingReason = await gql(`mutation($f: ID) { resolveConflict(entityType: MODEL, entityId: "gpt-4.1-mini", field: "knowledgeCutoff", factId: $f, reason: " ") { value } }`, { f: facts[0].id }, adminKey);
    expect(missingReason.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
  });

  it("takes a resolved conflict out of the default conflicts list and lists it with resolved: true", async () => {
    const list = async (filter: string) =>
      (await gql(`{ conflicts${filter ? `(${filter})` : ""} { totalCount edges { node { entityId field rule } } } }`)).data!.conflicts as { totalCount: number; edges: { node: { entityId: string; field: string; rule: string } }[] };
    const open = await list(`filter: { entityId: "gpt-4.1-mini" }`);
    expect(open.edges.map((e) => e.node.field)).not.toContain("knowledgeCutoff");
    expect((await list("")).edges.some((e) => e.node.entityId === "gpt-4.1-mini" && e.node.field === "knowledgeCutoff")).toBe(false);
    const resolved = await list(`filter: { entityId: "gpt-4.1-mini", resolved: true }`);
    expect(resolved.edges.map((e) => e.node)).toContainEqual({ entityId: "gpt-4.1-mini", field: "knowledgeCutoff", rule: "An admin override outranks every document: the card is newer" });
    expect(resolved.edges.every((e) => e.node.rule.startsWith("An admin override"))).toBe(true);
  });

  it("imports a pasted document and returns the import report", async () => {
    const content = JSON.stringify({ data: [{ id: "acme/tiny-1", name: "Acme: Tiny 1", context_length: 8192, pricing: { prompt: "0.0000001", completion: "0.0000002" } }] });
    const result = await gql(`mutation($c: String!) { importDocument(format: OPENROUTER, content: $c, name: "acme-tiny.json") { read loaded failed { uri reason } models { created } prices { created } summary } }`, { c: content }, adminKey);
    expect(result.errors).toBeUndefined();
    expect(result.data!.importDocument).toMatchObject({ read: 1, loaded: 1, failed: [], models: { created: 1 }, prices: { created: 2 } });
    expect(result.data!.importDocument.summary).toMatch(/^Documents {2}1 read: 1 loaded/);
    expect((await gql(`{ model(id: "acme/tiny-1") { id contextWindow } }`)).data!.model).toEqual({ id: "tiny-1", contextWindow: 8192 });
    const broken = await gql(`mutation { importDocument(format: STARMAP, content: "   ") { read failed { uri reason } } }`, {}, adminKey);
    expect(broken.data!.importDocument.failed).toEqual([{ uri: expect.stringMatching(/^admin\//), reason: "empty document" }]);
  });

  it("hashes a pasted document as a file read from disk, so pasting it again changes nothing and a new parser revision would load it again", async () => {
    const content = JSON.stringify({ data: [{ id: "acme/tiny-2", name: "Acme: Tiny 2", context_length: 4096, pricing: { prompt: "0.0000003", completion: "0.0000004" } }] });
    const paste = `mutation($c: String!) { importDocument(format: OPENROUTER, content: $c, name: "acme-tiny-2.json") { loaded unchanged } }`;
    expect((await gql(paste, { c: content }, adminKey)).data!.importDocument).toEqual({ loaded: 1, unchanged: 0 });
    const [{ contentHash }] = await catalog.database.sql.query<{ contentHash: string }>(`SELECT "contentHash" FROM "Source" WHERE uri = 'admin/acme-tiny-2.json'`);
    const revision = DOCUMENT_FORMATS.byId("openrouter")!.revision ?? 1;
    expect(contentHash).toBe(documentHash(Buffer.from(content, "utf8"), revision, undefined));
    expect(contentHash).not.toBe(documentHash(Buffer.from(content, "utf8"), revision + 1, undefined));
    expect((await gql(paste, { c: content }, adminKey)).data!.importDocument).toEqual({ loaded: 0, unchanged: 1 });
  });
});

describe("the priceChanged subscription", () => {
  it("delivers exactly the committed changes of the chosen provider (admin updates and imported documents), over graphql-ws on the same port", async () => {
    const client: Client = createClient({ url: catalog.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: { authorization: `Bearer ${adminKey}` } });
    const anonymous: Client = createClient({ url: catalog.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    const heardAnonymously: any[] = [];
    anonymous.subscribe({ query: `subscription { priceChanged(providerId: "openrouter") { offeringId actorName } }` }, { next: (value) => heardAnonymously.push(value.data?.priceChanged), error: () => undefined, complete: () => undefined });
    const received: any[] = [];
    let ready!: () => void;
    const subscribed = new Promise<void>((resolve) => (ready = resolve));
    const unsubscribe = client.subscribe(
      { query: `subscription { priceChanged(providerId: "openrouter") { offeringId providerId modelId actorName price { kind amount } previous { amount } } }` },
      { next: (value) => received.push(value), error: (error) => received.push({ error }), complete: () => undefined },
    );
    client.on("connected", () => setTimeout(ready, 100));
    await subscribed;
    await new Promise((resolve) => setTimeout(resolve, 200));

    await gql(UPDATE, { input: { offeringId: OFFERING, kind: "OUTPUT", amount: "1.7", currency: "USD" } }, editorKey);
    await gql(`mutation($inputs: [PriceInput!]!) { bulkUpdatePrices(inputs: $inputs) { id } }`, { inputs: [{ offeringId: OFFERING, kind: "OUTPUT", amount: "1.8", currency: "USD" }, { offeringId: "nobody:x", kind: "INPUT", amount: "1", currency: "USD" }] }, editorKey);
    await gql(UPDATE, { input: { offeringId: "acme:mini", kind: "INPUT", amount: "0.2", currency: "USD" } }, editorKey);
    await gql(UPDATE, { input: { offeringId: OFFERING, kind: "OUTPUT", amount: "1.9", currency: "USD" } }, editorKey);
    const pasted = JSON.stringify({ data: [{ id: "acme/sub-1", name: "Acme: Sub 1", pricing: { prompt: "0.000001" } }] });
    await gql(`mutation($c: String!) { importDocument(format: OPENROUTER, content: $c, name: "sub.json") { loaded } }`, { c: pasted }, adminKey);
    await gql(`mutation { importDocument(format: OPENROUTER, content: "{ not json") { failed { reason } } }`, {}, adminKey);
    await new Promise((resolve) => setTimeout(resolve, 300));
    unsubscribe();
    await client.dispose();
    await anonymous.dispose();

    // Key names are admin-only (as in auditLog): an anonymous subscriber hears the same changes without them.
    expect(heardAnonymously).toEqual([
      { offeringId: OFFERING, actorName: null },
      { offeringId: OFFERING, actorName: null },
      { offeringId: "openrouter:acme/sub-1", actorName: null },
    ]);
    expect(received.map((r) => r.data?.priceChanged ?? r)).toEqual([
      { offeringId: OFFERING, providerId: "openrouter", modelId: "gpt-4.1-mini", actorName: "eddie-editor", price: { kind: "OUTPUT", amount: "1.7" }, previous: { amount: expect.any(String) } },
      { offeringId: OFFERING, providerId: "openrouter", modelId: "gpt-4.1-mini", actorName: "eddie-editor", price: { kind: "OUTPUT", amount: "1.9" }, previous: { amount: "1.7" } },
      { offeringId: "openrouter:acme/sub-1", providerId: "openrouter", modelId: "sub-1", actorName: "alice-admin", price: { kind: "INPUT", amount: "1" }, previous: null },
    ]);
  });

  it("refuses an invalid subscription with a coded error", async () => {
    const client: Client = createClient({ url: catalog.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: `subscription { priceChanged { nonsense } }` }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
    });
    await client.dispose();
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/nonsense/), extensions: expect.objectContaining({ code: "GRAPHQL_VALIDATION_FAILED" }) })]);
  });
});

describe("cached answers of anonymous reads", () => {
  const read = async (query: string, key?: string) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await fetch(catalog.url, { method: "POST", headers, body: JSON.stringify({ query }) });
    return { cache: response.headers.get("x-catalog-cache"), body: (await response.json()) as Result };
  };

  it("are served again until a write changes the catalog, and never stale after it", async () => {
    const query = `{ offering(id: "${OFFERING}") { prices(kind: CACHED_INPUT) { amount } } }`;
    expect((await read(query)).cache).toBe("miss");
    const again = await read(query);
    expect(again.cache).toBe("hit");
    const written = await gql(UPDATE, { input: { offeringId: OFFERING, kind: "CACHED_INPUT", amount: "0.077", currency: "USD" } }, editorKey);
    expect(written.errors).toBeUndefined();
    const after = await read(query);
    expect(after.cache).toBe("miss");
    expect(after.body.data!.offering.prices[0].amount).toBe("0.077");
  });

  it("are never kept for the conflicts list, health, errors or requests with a key", async () => {
    for (const query of [`{ conflicts(first: 1) { totalCount } }`, `{ health { status } }`, `{ models(first: 101) { totalCount } }`]) {
      await read(query);
      expect((await read(query)).cache).toBeNull();
    }
    const query = `{ model(id: "gpt-4.1-mini") { id } }`;
    await read(query, editorKey);
    expect((await read(query, editorKey)).cache).toBeNull();
  });

  it("keep a record's provenance with the snapshot, and a resolved conflict is seen at once", async () => {
    const query = `{ model(id: "gpt-4.1-mini") { provenance(field: "knowledgeCutoff") { value rule hasConflict } } }`;
    const before = await read(query);
    expect((await read(query)).cache).toBe("hit");
    const resolved = await gql(
      `mutation { resolveConflict(entityType: MODEL, entityId: "gpt-4.1-mini", field: "knowledgeCutoff", value: "2024-05-01", reason: "the author's own card") { rule } }`,
      {},
      adminKey,
    );
    expect(resolved.errors).toBeUndefined();
    const after = await read(query);
    expect(after.cache).toBe("miss");
    expect(after.body.data!.model.provenance[0].rule).not.toBe(before.body.data!.model.provenance[0].rule);
  });
});
