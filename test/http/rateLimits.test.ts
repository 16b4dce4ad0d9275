import { createClient } from "graphql-ws";
import WebSocket from "ws";
import type { RunningCatalog } from "../../src/main";
import { createLogger } from "../../src/logger";
import { ApiKeyService } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import { usingPostgres } from "../support/testDatabase";
import { startTestServer, type TestServer } from "../support/testServer";

type Body = { data?: any; errors?: { message: string; extensions?: Record<string, any> }[]; extensions?: Record<string, any> };

describe(`per-client rate limits over HTTP on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let server: TestServer;
  let catalog: RunningCatalog;
  const logLines: string[] = [];
  let adminKey: string;
  let otherAdminKey: string;

  beforeAll(async () => {
    server = await startTestServer(
      {
        logLevel: "warn",
        seedDir: "test/fixtures/openrouter",
        seedOnStart: true,
        responseCacheEntries: 0,
        // 3 failed authentications a minute; mutations in bursts of 2; queries for 100,000 of cost a minute (bursts of 20,000).
        rateLimits: { authFailuresPerMinute: 3, mutationsPerMinute: 8, costPerMinute: 100_000 },
        // The test's own address stands for a reverse proxy in one test below.
        trustedProxies: ["127.0.0.1", "::1", "::ffff:127.0.0.1"],
      },
      createLogger("warn", (line) => logLines.push(line)),
    );
    catalog = server.catalog;
    const keys = new ApiKeyService(new ApiKeyRepository(catalog.database.prisma));
    adminKey = (await keys.create("rate-admin", "ADMIN")).key;
    otherAdminKey = (await keys.create("rate-admin-2", "ADMIN")).key;
  });

  afterAll(() => server?.stop());

  async function post(query: string, key?: string, variables?: Record<string, unknown>, extraHeaders: Record<string, string> = {}) {
    const headers: Record<string, string> = { "content-type": "application/json", ...extraHeaders };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await fetch(catalog.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Body };
  }

  it("limits mutations per key, and one key's burst does not spend another's", async () => {
    // Mutations are counted by key: each key has its own burst of 2.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(`mutation { __typename }`, adminKey)).status);
    const other = await post(`mutation { __typename }`, otherAdminKey);

    expect(statuses).toEqual([200, 200, 429]);
    expect(other.status).toBe(200);
  });

  it("limits the cost of the queries a client runs, and says so in words", async () => {
    const query = `query($n: Int) { models(first: $n) { edges { node { id offerings { prices { amount } } } } } }`;
    const first = await post(query, undefined, { n: 20 });
    const cost = first.body.extensions?.cost as number;
    expect(cost).toBeGreaterThan(1_000);

    let answer = first;
    let runs = 1;
    while (answer.status === 200 && runs < 200) {
      answer = await post(query, undefined, { n: 20 });
      runs += 1;
    }
    expect(answer.status).toBe(429);
    // The burst is 20,000 of cost: it is spent within a few queries (plus what refilled meanwhile).
    expect(runs).toBeLessThanOrEqual(Math.ceil(20_000 / cost) + 3);
    expect(answer.body.errors?.[0].extensions).toEqual({ code: "RATE_LIMITED", limit: "cost", retryAfterSeconds: Number(answer.retryAfter) });
    expect(answer.body.errors?.[0].message).toMatch(/^This client has spent its query budget \(operation cost per minute\); try again in \d+ s$/);
  });

  it("counts WebSocket operations against the same budget as the socket's address: spent over HTTP, refused over WebSocket on the operation's id", async () => {
    const client = createClient({ url: catalog.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const result = await new Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
        client.subscribe({ query: `{ models(first: 20) { edges { node { id offerings { prices { amount } } } } } }` }, { next: resolve as never, error: (errors) => resolve({ errors: errors as never }), complete: () => undefined });
        setTimeout(() => reject(new Error("no answer over WebSocket")), 10_000);
      });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "RATE_LIMITED", limit: "cost" });
    } finally {
      await client.dispose();
    }
  });

  it("answers failed authentications past the limit with 429 and Retry-After, without checking the key, and logs the flood once", async () => {
    const wrong = "mck_nobody_notarealsecretatall";
    for (let i = 0; i < 3; i++) {
      const answer = await post(`{ auditLog(first: 1) { totalCount } }`, wrong);
      expect(answer.status).toBe(200);
      expect(answer.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    }
    const before = logLines.length;
    const refused = await Promise.all(Array.from({ length: 20 }, () => post(`{ auditLog(first: 1) { totalCount } }`, wrong)));

    for (const answer of refused) {
      expect(answer.status).toBe(429);
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(20);
      expect(answer.body.errors?.[0]).toEqual({
        message: `Too many failed authentications from this address; try again in ${answer.retryAfter} s`,
        extensions: { code: "RATE_LIMITED", limit: "authFailures", retryAfterSeconds: Number(answer.retryAfter) },
      });
    }
    const rateLimitLines = logLines.slice(before).filter((line) => line.includes("Rate limited"));
    expect(rateLimitLines).toHaveLength(1);
    expect(JSON.parse(rateLimitLines[0])).toMatchObject({ msg: "Rate limited a client; further refusals of it this minute are not logged", limit: "authFailures" });
  });

  it("still serves the limited address's anonymous reads", async () => {
    const answer = await post(`{ models(first: 1) { totalCount } }`);

    expect(answer.status).toBe(200);
    expect(answer.body.data?.models.totalCount).toBeGreaterThan(0);
  });

  it("closes a WebSocket that brings credentials from an address whose failed authentications are spent, at its handshake", async () => {
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const socket = new WebSocket(catalog.url.replace(/^http/, "ws"), "graphql-transport-ws");
      socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${adminKey}` } })));
      socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    });

    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/^Too many failed authentications from this address; try again in \d+ s$/);
  });

  it("counts clients behind a trusted proxy by X-Forwarded-For: another client of the proxy is not limited by the first one's failures", async () => {
    const wrong = "mck_nobody_notarealsecretatall";
    const limited = await post(`{ auditLog(first: 1) { totalCount } }`, wrong);
    const other = await post(`{ auditLog(first: 1) { totalCount } }`, wrong, undefined, { "x-forwarded-for": "203.0.113.7" });

    expect(limited.status).toBe(429);
    expect(other.status).toBe(200);
    expect(other.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});
