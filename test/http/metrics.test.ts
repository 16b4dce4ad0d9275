import { CatalogMetrics, MAX_OPERATION_NAMES, NOT_GRAPHQL, REFUSAL_REASONS } from "../../src/http/metrics";

/** The sample lines (not the HELP and TYPE comments) of `name`, as Prometheus text. */
async function samples(metrics: CatalogMetrics, name: string): Promise<string[]> {
  const { body } = await metrics.render();
  return body.split("\n").filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

describe("CatalogMetrics: requests", () => {
  it("counts requests by operation and outcome", async () => {
    const metrics = new CatalogMetrics();
    metrics.observeRequest({ operation: "Models", outcome: "ok", durationMs: 12 });
    metrics.observeRequest({ operation: "Models", outcome: "ok", durationMs: 30 });
    metrics.observeRequest({ operation: "Models", outcome: "graphql_error", durationMs: 5 });
    metrics.observeRequest({ operation: "UpdatePrice", outcome: "rate_limited", durationMs: 1 });

    expect(await samples(metrics, "catalog_http_requests_total")).toEqual([
      'catalog_http_requests_total{operation="Models",outcome="ok"} 2',
      'catalog_http_requests_total{operation="Models",outcome="graphql_error"} 1',
      'catalog_http_requests_total{operation="UpdatePrice",outcome="rate_limited"} 1',
    ]);
  });

  it('labels an unnamed GraphQL operation "anonymous" and a request on another route "-"', async () => {
    const metrics = new CatalogMetrics();
    metrics.observeRequest({ operation: undefined, outcome: "ok", durationMs: 1 });
    metrics.observeRequest({ operation: null, outcome: "bad_request", durationMs: 1 });
    metrics.observeRequest({ operation: NOT_GRAPHQL, outcome: "not_found", durationMs: 1 });

    expect(await samples(metrics, "catalog_http_requests_total")).toEqual([
      'catalog_http_requests_total{operation="anonymous",outcome="ok"} 1',
      'catalog_http_requests_total{operation="anonymous",outcome="bad_request"} 1',
      'catalog_http_requests_total{operation="-",outcome="not_found"} 1',
    ]);
  });

  it("puts each duration in its latency bucket, in seconds, with the sum and count", async () => {
    const metrics = new CatalogMetrics();
    metrics.observeRequest({ operation: "Models", outcome: "ok", durationMs: 3 });
    metrics.observeRequest({ operation: "Models", outcome: "ok", durationMs: 40 });
    metrics.observeRequest({ operation: "Models", outcome: "ok", durationMs: 12_000 });

    const lines = await samples(metrics, "catalog_http_request_duration_seconds_bucket");
    const byBound = Object.fromEntries(lines.map((line) => [/le="([^"]+)"/.exec(line)![1], Number(line.split(" ").pop())]));
    expect(byBound).toEqual({
      "0.001": 0, "0.0025": 0, "0.005": 1, "0.01": 1, "0.025": 1, "0.05": 2, "0.1": 2, "0.25": 2, "0.5": 2, "1": 2, "2.5": 2, "5": 2, "10": 2, "+Inf": 3,
    });
    expect(lines[0]).toBe('catalog_http_request_duration_seconds_bucket{le="0.001",operation="Models",outcome="ok"} 0');
    expect(await samples(metrics, "catalog_http_request_duration_seconds_sum")).toEqual(['catalog_http_request_duration_seconds_sum{operation="Models",outcome="ok"} 12.043']);
    expect(await samples(metrics, "catalog_http_request_duration_seconds_count")).toEqual(['catalog_http_request_duration_seconds_count{operation="Models",outcome="ok"} 3']);
  });
});

describe("CatalogMetrics: bounded operation labels", () => {
  it(`counts operation names past the first ${MAX_OPERATION_NAMES} distinct ones as "other", and known ones under their own name still`, async () => {
    const metrics = new CatalogMetrics();
    for (let i = 0; i < MAX_OPERATION_NAMES + 50; i++) metrics.observeRequest({ operation: `Op${i}`, outcome: "ok", durationMs: 1 });
    metrics.observeRequest({ operation: "Op0", outcome: "ok", durationMs: 1 });

    const lines = await samples(metrics, "catalog_http_requests_total");
    expect(lines).toHaveLength(MAX_OPERATION_NAMES + 1);
    expect(lines).toContain('catalog_http_requests_total{operation="Op0",outcome="ok"} 2');
    expect(lines).toContain(`catalog_http_requests_total{operation="Op${MAX_OPERATION_NAMES - 1}",outcome="ok"} 1`);
    expect(lines).not.toContain(`catalog_http_requests_total{operation="Op${MAX_OPERATION_NAMES}",outcome="ok"} 1`);
    expect(lines).toContain('catalog_http_requests_total{operation="other",outcome="ok"} 50');
  });

  it('counts a name longer than 64 characters, or one that is not a GraphQL name, as "other" without using a slot', async () => {
    const metrics = new CatalogMetrics();
    metrics.observeRequest({ operation: "A".repeat(64), outcome: "ok", durationMs: 1 });
    metrics.observeRequest({ operation: "A".repeat(65), outcome: "ok", durationMs: 1 });
    metrics.observeRequest({ operation: 'x"} 1\nfake_metric{a="', outcome: "ok", durationMs: 1 });
    metrics.observeRequest({ operation: "../etc/passwd", outcome: "ok", durationMs: 1 });

    expect(await samples(metrics, "catalog_http_requests_total")).toEqual([
      `catalog_http_requests_total{operation="${"A".repeat(64)}",outcome="ok"} 1`,
      'catalog_http_requests_total{operation="other",outcome="ok"} 3',
    ]);
    expect((await metrics.render()).body).not.toContain("fake_metric");

    // The 64-character name took one of the slots; the refused names took none.
    for (let i = 0; i < MAX_OPERATION_NAMES - 1; i++) metrics.observeRequest({ operation: `Op${i}`, outcome: "ok", durationMs: 1 });
    expect(await samples(metrics, "catalog_http_requests_total")).toContain(`catalog_http_requests_total{operation="Op${MAX_OPERATION_NAMES - 2}",outcome="ok"} 1`);
    expect(await samples(metrics, "catalog_http_requests_total")).toContain('catalog_http_requests_total{operation="other",outcome="ok"} 3');
  });
});

describe("CatalogMetrics: refusals, cache and database", () => {
  it("counts refusals by reason, every known reason starting at 0", async () => {
    const metrics = new CatalogMetrics();
    metrics.refused("depth");
    metrics.refused("depth");
    metrics.refused("rateLimited");

    const lines = await samples(metrics, "catalog_refusals_total");
    expect(lines).toHaveLength(REFUSAL_REASONS.length);
    expect(lines).toContain('catalog_refusals_total{reason="depth"} 2');
    expect(lines).toContain('catalog_refusals_total{reason="rateLimited"} 1');
    expect(lines).toContain('catalog_refusals_total{reason="nul"} 0');
    expect(lines).toContain('catalog_refusals_total{reason="webSocketSubscriptions"} 0');
  });

  it("counts a reason outside the documented set under its own label", async () => {
    const metrics = new CatalogMetrics();
    metrics.refused("somethingNew");
    expect(await samples(metrics, "catalog_refusals_total")).toContain('catalog_refusals_total{reason="somethingNew"} 1');
  });

  it("counts response cache hits and misses", async () => {
    const metrics = new CatalogMetrics();
    expect(await samples(metrics, "catalog_response_cache_total")).toEqual(['catalog_response_cache_total{result="hit"} 0', 'catalog_response_cache_total{result="miss"} 0']);
    metrics.cacheLookup(false);
    metrics.cacheLookup(true);
    metrics.cacheLookup(true);
    expect(await samples(metrics, "catalog_response_cache_total")).toEqual(['catalog_response_cache_total{result="hit"} 2', 'catalog_response_cache_total{result="miss"} 1']);
  });

  it("counts database round trips", async () => {
    const metrics = new CatalogMetrics();
    expect(await samples(metrics, "catalog_db_round_trips_total")).toEqual(["catalog_db_round_trips_total 0"]);
    metrics.databaseRoundTrip();
    metrics.databaseRoundTrip();
    expect(await samples(metrics, "catalog_db_round_trips_total")).toEqual(["catalog_db_round_trips_total 2"]);
  });
});

describe("CatalogMetrics: rendering", () => {
  it("renders Prometheus' text format with HELP and TYPE lines", async () => {
    const { contentType, body } = await new CatalogMetrics().render();
    expect(contentType).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(body).toContain("# TYPE catalog_http_requests_total counter\n");
    expect(body).toContain("# TYPE catalog_http_request_duration_seconds histogram\n");
    expect(body).toContain("# TYPE catalog_db_round_trips_total counter\n");
    expect(body).toContain("# TYPE catalog_refusals_total counter\n");
    expect(body).toContain("# TYPE catalog_response_cache_total counter\n");
    expect(body).toMatch(/^# HELP catalog_refusals_total .*\bwebSocketConnections\b/m);
  });

  it("includes the process's default metrics", async () => {
    const metrics = new CatalogMetrics();
    expect(await samples(metrics, "process_cpu_user_seconds_total")).toHaveLength(1);
    expect(await samples(metrics, "process_resident_memory_bytes")).toHaveLength(1);
    expect(await samples(metrics, "nodejs_heap_size_used_bytes")).toHaveLength(1);
    expect((await metrics.render()).body).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
  });

  it("keeps two instances' counts apart", async () => {
    const a = new CatalogMetrics();
    const b = new CatalogMetrics();
    a.observeRequest({ operation: "Models", outcome: "ok", durationMs: 1 });
    a.refused("cost");
    a.databaseRoundTrip();
    b.observeRequest({ operation: "Models", outcome: "ok", durationMs: 1 });
    b.observeRequest({ operation: "Models", outcome: "ok", durationMs: 1 });

    expect(await samples(a, "catalog_http_requests_total")).toEqual(['catalog_http_requests_total{operation="Models",outcome="ok"} 1']);
    expect(await samples(b, "catalog_http_requests_total")).toEqual(['catalog_http_requests_total{operation="Models",outcome="ok"} 2']);
    expect(await samples(a, "catalog_refusals_total")).toContain('catalog_refusals_total{reason="cost"} 1');
    expect(await samples(b, "catalog_refusals_total")).toContain('catalog_refusals_total{reason="cost"} 0');
    expect(await samples(b, "catalog_db_round_trips_total")).toEqual(["catalog_db_round_trips_total 0"]);
  });

  it("renders the same body twice (rendering changes no counter)", async () => {
    const metrics = new CatalogMetrics();
    metrics.observeRequest({ operation: "Models", outcome: "ok", durationMs: 2 });
    const first = await samples(metrics, "catalog_http_requests_total");
    expect(await samples(metrics, "catalog_http_requests_total")).toEqual(first);
  });
});
