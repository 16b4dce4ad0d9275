import type { RunningCatalog } from "../../src/main";
import { createLogger } from "../../src/logger";
import { usingPostgres } from "../support/testDatabase";
import { startTestServer, type TestServer } from "../support/testServer";

describe(`access log, metrics and probes over HTTP on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let server: TestServer;
  let catalog: RunningCatalog;
  const lines: string[] = [];
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, any>);

  beforeAll(async () => {
    server = await startTestServer({ logLevel: "info", seedDir: "test/fixtures/openrouter", seedOnStart: true }, createLogger("info", (line) => lines.push(line)));
    catalog = server.catalog;
  });

  afterAll(() => server?.stop());

  const base = () => catalog.url.replace(/\/graphql$/, "");
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(catalog.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  /** The access line is written once the answer has gone out; give the event loop a turn. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it("writes one JSON access line per request, with the request id, operation, status, duration and cost", async () => {
    const response = await post({ query: "query CheapModels { models(first: 3) { totalCount } }" }, { "x-request-id": "req-access-1" });
    await response.text();
    await settle();

    const access = logged().filter((line) => line.msg === "request" && line.requestId === "req-access-1");
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ level: 30, method: "POST", path: "/graphql", status: 200, operation: "CheapModels", outcome: "ok" });
    expect(access[0].cost).toBeGreaterThan(0);
    expect(access[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it("logs a refusal with its reason and the request id on every line about the request", async () => {
    const deep = `query Deep { model(id: "x") { offerings { model { offerings { model { offerings { model { offerings { model { offerings { model { offerings { model { id } } } } } } } } } } } } } }`;
    await (await post({ query: deep, operationName: "Deep" }, { "x-request-id": "req-deep-1" })).text();
    await settle();

    const about = logged().filter((line) => line.requestId === "req-deep-1");
    expect(about.map((line) => line.msg)).toEqual(["Refused an operation over the limits", "request"]);
    expect(about[1]).toMatchObject({ outcome: "refused", refusal: "depth", operation: "Deep" });
  });

  it("counts requests by operation and outcome, refusals by reason and cache hits on /metrics", async () => {
    for (let i = 0; i < 3; i++) await (await post({ query: "query Listing { models(first: 2) { totalCount } }" })).text();
    await settle();
    const response = await fetch(`${base()}/metrics`);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('catalog_http_requests_total{operation="Listing",outcome="ok"} 3');
    expect(text).toContain('catalog_refusals_total{reason="depth"} 1');
    expect(text).toMatch(/catalog_response_cache_total\{result="hit"\} [2-9]/);
    // Every request in the histogram, its buckets cumulative; which bucket a request falls in is the
    // machine's speed, not the server's behaviour (a CI run under load put one Listing past 0.1 s).
    const listing = [...text.matchAll(/catalog_http_request_duration_seconds_bucket\{le="([^"]+)",operation="Listing",outcome="ok"\} (\d+)/g)].map((m) => [m[1], Number(m[2])] as const);
    expect(listing.at(-1)).toEqual(["+Inf", 3]);
    expect(listing.map(([, n]) => n)).toEqual([...listing.map(([, n]) => n)].sort((a, b) => a - b));
    expect(text).toContain('catalog_http_request_duration_seconds_count{operation="Listing",outcome="ok"} 3');
    expect(text).toContain("process_resident_memory_bytes");
    // Reads come from the read model; the probes and the seed's checks went to the database.
    expect(text).toMatch(/catalog_db_round_trips_total [1-9]\d*/);
  });

  it("answers the probes: /healthz for the process, /readyz for the database, migrations and seed", async () => {
    const health = await fetch(`${base()}/healthz`);
    const ready = await fetch(`${base()}/readyz`);

    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { databaseReachable: true, migrationsApplied: true, catalogSeeded: true, readModelCurrent: true } });
  });
});
