import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { ApiKeyService } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import { importDocuments } from "../../src/catalog/import/importDocuments";
import { openDatabase } from "../../src/db/database";
import { silentLogger } from "../../src/logger";
import { bootstrap, type RunningCatalog } from "../../src/main";
import { SEED_DIR } from "../support/catalogDatabase";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";

// Several stateless servers on one PostgreSQL are one service: a write through one is served by the
// others within a second, and their subscribers hear it. (PGlite is one process's database: nothing to share.)
const describeOnPostgres = usingPostgres() ? describe : describe.skip;

jest.setTimeout(120_000);

const OFFERING = "openrouter:openai/gpt-4.1-mini";
type Result = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

describeOnPostgres("two server instances on one PostgreSQL database", () => {
  let testDb: TestDatabase;
  let a: RunningCatalog;
  let b: RunningCatalog;
  let editorKey: string;
  let adminKey: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const config = { port: 0, host: "127.0.0.1", database: testDb.target, logLevel: "silent" as const, seedDir: SEED_DIR, seedOnStart: false };
    a = await bootstrap(config, silentLogger);
    await importDocuments(a.database, [path.join(SEED_DIR, "openrouter"), path.join(SEED_DIR, "seed-docs")], { uriBase: SEED_DIR });
    b = await bootstrap(config, silentLogger);
    editorKey = (await new ApiKeyService(new ApiKeyRepository(a.database.prisma)).create("eddie-editor", "EDITOR")).key;
    adminKey = (await new ApiKeyService(new ApiKeyRepository(a.database.prisma)).create("alice-admin", "ADMIN")).key;
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await testDb?.drop();
  });

  async function gql(server: RunningCatalog, query: string, variables: Record<string, unknown> = {}, key?: string): Promise<Result> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await fetch(server.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as Result;
  }

  /** Polls `read` until `done` holds; returns how long that took, or fails after `limitMs`. */
  async function within<T>(limitMs: number, read: () => Promise<T>, done: (value: T) => boolean): Promise<number> {
    const started = Date.now();
    for (;;) {
      const value = await read();
      if (done(value)) return Date.now() - started;
      if (Date.now() - started > limitMs) throw new Error(`not seen within ${limitMs} ms: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const inputPrice = (server: RunningCatalog) => async () => (await gql(server, `{ offering(id: "${OFFERING}") { prices(kind: INPUT) { amount } } }`)).data?.offering.prices[0]?.amount;

  it("serves a price written through A from B within a second, and from A at once", async () => {
    const written = await gql(a, `mutation { updatePrice(input: { offeringId: "${OFFERING}", kind: INPUT, amount: "0.41", currency: "USD" }) { amount } }`, {}, editorKey);
    expect(written.errors).toBeUndefined();
    expect(await inputPrice(a)()).toBe("0.41");
    const ms = await within(1_000, inputPrice(b), (amount) => amount === "0.41");
    expect(ms).toBeLessThan(1_000);
  });

  it("serves a record edit made through B from A", async () => {
    const edited = await gql(b, `mutation { upsertModel(input: { id: "gpt-4.1-mini", description: "edited on B" }) { description } }`, {}, editorKey);
    expect(edited.data?.upsertModel.description).toBe("edited on B");
    await within(3_000, async () => (await gql(a, `{ model(id: "gpt-4.1-mini") { description } }`)).data?.model.description, (d) => d === "edited on B");
  });

  it("tells B's priceChanged subscribers about A's write", async () => {
    const client: Client = createClient({ url: b.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: { authorization: `Bearer ${adminKey}` } });
    const received: any[] = [];
    const connected = new Promise<void>((resolve) => client.on("connected", () => resolve()));
    const unsubscribe = client.subscribe(
      { query: `subscription { priceChanged(providerId: "openrouter") { offeringId actorName price { kind amount } previous { amount } } }` },
      { next: (value) => received.push(value.data?.priceChanged), error: (error) => received.push({ error }), complete: () => undefined },
    );
    try {
      await connected;
      await new Promise((resolve) => setTimeout(resolve, 200));
      await gql(a, `mutation { updatePrice(input: { offeringId: "${OFFERING}", kind: OUTPUT, amount: "1.66", currency: "USD" }) { amount } }`, {}, editorKey);
      await within(1_000, async () => received.length, (n) => n >= 1);
      expect(received).toEqual([{ offeringId: OFFERING, actorName: "eddie-editor", price: { kind: "OUTPUT", amount: "1.66" }, previous: { amount: expect.any(String) } }]);
    } finally {
      unsubscribe();
      await client.dispose();
    }
  });

  it("serves what `npm run import` loads from another connection, on both instances", async () => {
    const list = JSON.parse(fs.readFileSync(path.join(SEED_DIR, "openrouter/models.json"), "utf8"));
    list.data.find((e: any) => e.id === "openai/gpt-4.1-nano").pricing.completion = "0.0000031";
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-multi-"));
    fs.mkdirSync(path.join(dir, "openrouter"));
    fs.writeFileSync(path.join(dir, "openrouter/models.json"), JSON.stringify(list));
    // A connection of its own, as the import command in another process has.
    const importer = await openDatabase(testDb.target);
    try {
      const report = await importDocuments(importer, [dir], { uriBase: dir });
      expect(report.prices.updated).toBe(1);
    } finally {
      await importer.close();
    }
    const output = (server: RunningCatalog) => async () => (await gql(server, `{ offering(id: "openrouter:openai/gpt-4.1-nano") { prices(kind: OUTPUT) { amount } } }`)).data?.offering.prices[0]?.amount;
    for (const server of [a, b]) await within(3_000, output(server), (amount) => amount === "3.1");
  });

  it("hears changes again after the database cut every connection (the listeners reconnect)", async () => {
    const database = new URL((testDb.target as { url: string }).url).pathname.slice(1);
    const admin = await openDatabase({ kind: "postgresql", url: (testDb.target as { url: string }).url });
    try {
      const [{ cut }] = await admin.sql.query<{ cut: number }>(
        `SELECT count(*)::int AS cut FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t`,
        [database],
      );
      expect(cut).toBeGreaterThanOrEqual(2); // at least each instance's listener
    } finally {
      await admin.close();
    }
    await within(5_000, async () => (await gql(a, `{ health { status } }`)).data?.health?.status, (status) => status === "ok");
    // The listeners reconnect: a write through A is heard by B again.
    const written = await gql(a, `mutation { updatePrice(input: { offeringId: "${OFFERING}", kind: INPUT, amount: "0.43", currency: "USD" }) { amount } }`, {}, editorKey);
    expect(written.errors).toBeUndefined();
    await within(8_000, inputPrice(b), (amount) => amount === "0.43");
  });
});
