import { bootstrap, type RunningCatalog } from "../../src/main";
import { silentLogger } from "../../src/logger";
import { defaultMigrationsDir, readMigrationFiles } from "../../src/db/migrations/migrationFiles";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";

describe(`the HTTP server on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let testDb: TestDatabase;
  let catalog: RunningCatalog;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    catalog = await bootstrap(
      { port: 0, host: "127.0.0.1", database: testDb.target, logLevel: "silent", seedDir: "seed", seedOnStart: false },
      silentLogger,
    );
  });

  afterAll(async () => {
    await catalog.stop();
    await testDb.drop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("migrates a new database on start and answers the health query on /graphql", async () => {
    const response = await post({ query: "{ health { status database migrationsApplied models } }" });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: {
        health: {
          status: "ok",
          database: usingPostgres() ? "POSTGRESQL" : "PGLITE",
          migrationsApplied: readMigrationFiles(defaultMigrationsDir()).length,
          models: 0,
        },
      },
      extensions: { cost: 5 },
    });
  });

  it("echoes a well-formed x-request-id and invents one otherwise", async () => {
    const given = await post({ query: "{ health { status } }" }, { "x-request-id": "req-42" });
    const invented = await post({ query: "{ health { status } }" }, { "x-request-id": "bad id with spaces" });

    expect(given.headers.get("x-request-id")).toBe("req-42");
    expect(invented.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a body that is not JSON with 400 and says why", async () => {
    const response = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/^Request body is not valid JSON/);
  });

  it("refuses a body over 1 MB with 413", async () => {
    const response = await post({ query: "{ health { status } }", padding: "x".repeat(1_100_000) });

    expect(response.status).toBe(413);
  });

  it("answers an invalid query with a validation error: 200 for an application/json client, 400 for an application/graphql-response+json one", async () => {
    const legacy = await post({ query: "{ nope }" });
    const current = await post({ query: "{ nope }" }, { accept: "application/graphql-response+json" });

    expect(legacy.status).toBe(200);
    expect(legacy.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await legacy.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(current.status).toBe(400);
    expect(current.headers.get("content-type")).toBe("application/graphql-response+json; charset=utf-8");
    expect(((await current.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("answers an operation over the limits alike: 200 under application/json, 400 under application/graphql-response+json", async () => {
    const deep = `{ model(id: "x") { offerings { model { offerings { model { offerings { model { offerings { model { offerings { model { offerings { model { id } } } } } } } } } } } } } }`;
    const legacy = await post({ query: deep });
    const current = await post({ query: deep }, { accept: "application/graphql-response+json" });

    expect(legacy.status).toBe(200);
    expect(current.status).toBe(400);
    expect(current.headers.get("content-type")).toBe("application/graphql-response+json; charset=utf-8");
    expect(((await current.json()) as { errors: { extensions: { limit: string } }[] }).errors[0].extensions.limit).toBe("depth");
  });

  it("refuses a POST without a JSON content type with 415, naming the type it wants", async () => {
    const untyped = await fetch(catalog.url, { method: "POST", body: JSON.stringify({ query: "{ __typename }" }) });
    const form = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "query=%7B__typename%7D" });

    expect(untyped.status).toBe(415);
    expect(form.status).toBe(415);
    expect(((await form.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/Content-Type.*application\/json/);
  });

  it("refuses a body that is not UTF-8 with 400 instead of storing replacement characters", async () => {
    const bytes = Buffer.concat([Buffer.from('{"query":"{ models(filter: { search: \\"'), Buffer.from([0xc3, 0x28]), Buffer.from('\\" }) { totalCount } }"}')]);
    const response = await fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json" }, body: bytes });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]).toEqual({ message: "Request body is not valid UTF-8", extensions: { code: "BAD_REQUEST" } });
  });

  it("serves a liveness probe on /healthz and 404 elsewhere", async () => {
    const base = catalog.url.replace(/\/graphql$/, "");

    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it("serves a readiness probe on /readyz: ready when the database answers, migrations are applied and the read model is current", async () => {
    const base = catalog.url.replace(/\/graphql$/, "");
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    // This server was started without seeding, so no seed is expected.
    expect(await response.json()).toEqual({ status: "ready", checks: { databaseReachable: true, migrationsApplied: true, catalogSeeded: true, readModelCurrent: true } });
  });
});

describe("the readiness probe of a server that seeds on start", () => {
  it("is not ready while the database cannot be reached, and says which check failed", async () => {
    const testDb = await createTestDatabase();
    const catalog = await bootstrap({ port: 0, host: "127.0.0.1", database: testDb.target, logLevel: "silent", seedDir: "test/fixtures/openrouter", seedOnStart: true }, silentLogger);
    const base = catalog.url.replace(/\/graphql$/, "");
    try {
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      await catalog.database.close();
      const response = await fetch(`${base}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "not ready", checks: { databaseReachable: false, migrationsApplied: false, catalogSeeded: false } });
      // Liveness is the process, not the database.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await catalog.stop().catch(() => undefined);
      await testDb.drop();
    }
  });
});
