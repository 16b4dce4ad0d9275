// `npm run bench`, the project's benchmark of record. Two sections, chosen with BENCH_SECTIONS
// (default "seed,serve"):
// - seed: the full seed on PGlite and PostgreSQL against a parse-only baseline (seed.bench.ts);
// - serve: our server on PostgreSQL and PGlite against anchors (static replay, graphql-js, Apollo Server
//   and Mercurius over the same catalog in arrays, PostGraphile over the same tables), each in its own
//   process, under autocannon (serve/serveBench.ts).
// Prints a table per section and the ratios, and writes everything to bench/results/latest.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runSeedBenchmark, type SeedResults } from "./seed.bench";
import { RESULTS_DIR } from "./serve/paths";
import { serverUrl } from "./serve/postgres";
import { ratios, serveReport, type Ratios } from "./serve/serveReport";
import { runServeBenchmark, type ServeResults } from "./serve/serveBench";
import { ServerProcess } from "./serve/serverProcess";
import { serveSettings } from "./serve/settings";

interface Results {
  startedAt: string;
  wallS?: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; loadAverageAtStart: number[] };
  seed?: SeedResults;
  serve?: ServeResults;
  ratios?: Ratios;
  errors: { section: string; message: string }[];
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const sections = (process.env.BENCH_SECTIONS ?? "seed,serve").split(",").map((s) => s.trim());
  const settings = serveSettings();
  const results: Results = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: os.loadavg() },
    errors: [],
  };
  process.stdout.write(`Benchmark on ${results.machine.cpus} x ${results.machine.cpuModel}, ${results.machine.memoryGb} GB, Node ${process.version}; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}\n\n`);

  if (sections.includes("seed")) {
    log("Seed section ...");
    const sectionStarted = performance.now();
    try {
      const seed = await runSeedBenchmark(serverUrl());
      results.seed = seed.json;
      process.stdout.write(`${seed.text}\n(seed section: ${Math.round((performance.now() - sectionStarted) / 1000)} s)\n\n`);
    } catch (error) {
      results.errors.push({ section: "seed", message: error instanceof Error ? error.message : String(error) });
      process.stdout.write(`Seed benchmark FAILED: ${error instanceof Error ? error.message : String(error)}\n\n`);
    }
  }
  if (sections.includes("serve")) {
    log("Serving section ...");
    const sectionStarted = performance.now();
    try {
      results.serve = await runServeBenchmark(settings, log);
      results.ratios = ratios(results.serve);
      process.stdout.write(`${serveReport(results.serve)}\n(serving section: ${Math.round((performance.now() - sectionStarted) / 1000)} s)\n\n`);
    } catch (error) {
      ServerProcess.killAll();
      results.errors.push({ section: "serve", message: error instanceof Error ? error.message : String(error) });
      process.stdout.write(`Serving benchmark FAILED: ${error instanceof Error ? error.message : String(error)}\n\n`);
    }
  }

  results.wallS = Math.round((performance.now() - started) / 1000);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, "latest.json");
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`Whole benchmark: ${results.wallS} s. Results: ${path.relative(process.cwd(), file)}\n`);
  if (results.errors.length > 0) process.exitCode = 1;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    ServerProcess.killAll();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  ServerProcess.killAll();
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
