// One autocannon run in its own process, so that the load generator never shares an event loop with the
// orchestrator or with a second load (the health probe). Reads its options as JSON from argv[2] and
// prints one JSON line: a LoadResult.
import { contenderRequire } from "./paths";
import type { LoadOptions, LoadResult } from "./autocannon";

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as LoadOptions;
  const autocannon = contenderRequire("autocannon") as Autocannon;
  const result = await autocannon({
    url: options.url,
    method: options.body === undefined ? "GET" : "POST",
    headers: options.body === undefined ? {} : { "content-type": "application/json", accept: "application/json" },
    body: options.body,
    connections: options.connections,
    duration: options.durationS,
    timeout: options.timeoutS,
  });
  const completed = result.requests.total;
  const summary: LoadResult = {
    rps: result.requests.average,
    requests: completed,
    p50Ms: completed > 0 ? result.latency.p50 : null,
    p99Ms: completed > 0 ? result.latency.p99 : null,
    maxMs: completed > 0 ? result.latency.max : null,
    bytesPerSec: result.throughput.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    durationS: result.duration,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
