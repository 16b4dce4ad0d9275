// node dist/bench/growth/growth.bench.js [--sizes 1,10,100] [--seed 1] [--regenerate] [--no-profile]
//
// How the read side scales with the catalog's size. For the real catalog (1×) and synthetic ones 10× and
// 100× its size (generated once into catalog_growth_<N>x and reused): the read model's snapshot built
// in-process (time and heap), then the real server started on each database (cold start, latency of six
// fixed-size queries one at a time, throughput under 10 connections, RSS), each figure with its ratio to
// 1×. Queries whose median latency grows more than 2× from the smallest to the largest size are profiled
// on the largest one (node --cpu-prof) and their hottest functions printed.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CatalogServer, type LatencyResult, type MemoryResult, type ThroughputResult } from "./catalogServer";
import { monotonicUs, newestProfile, readProfile, summariseProfile, type ProfileSummary, type Window } from "./cpuProfile";
import { ensureGrowthDatabase, ensureRealDatabase, growthDatabaseName } from "./growthDatabases";
import { GROWTH_QUERIES, type GrowthQuery } from "./growthQueries";
import { median, renderTable, type Cell, type ReportRow } from "./growthReport";
import { databaseSizeMb, databaseUrl as growthDatabaseUrl } from "./postgresAdmin";
import type { SnapshotBuildResult } from "./snapshotBuild";

const PROJECT_ROOT = path.resolve(__dirname, "../../..");
/** Heap for the in-process snapshot measurement and, when the default is too small, for the server. */
const LARGE_HEAP_MB = Number(process.env.GROWTH_LARGE_HEAP_MB ?? 12288);
const GROWTH_LIMIT = 2;

interface Options {
  sizes: number[];
  seed: number;
  regenerate: boolean;
  profile: boolean;
  /** Per query, sequential requests stop after this many, or this long (but not before 10). */
  samples: number;
  budgetMs: number;
  connections: number;
  durationS: number;
}

interface ServerRun {
  coldStartMs: number;
  /** Why the server needed a larger heap, when it did. */
  heapNote?: string;
  nodeArgs: string[];
  queries: Record<string, { latency?: LatencyResult; throughput?: ThroughputResult; error?: string }>;
  memory?: MemoryResult;
}

interface SizeResult {
  factor: number;
  database: string;
  databaseMb: number;
  generatedMs?: number;
  snapshot?: SnapshotBuildResult & { heapNote?: string };
  snapshotError?: string;
  server?: ServerRun;
  serverError?: string;
}

const log = (line: string) => process.stderr.write(`[growth ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: [1, 10, 100], seed: 1, regenerate: false, profile: true, samples: 200, budgetMs: 20000, connections: 10, durationS: 5 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--sizes") options.sizes = argv[++i].split(",").map(Number);
    else if (arg === "--seed") options.seed = Number(argv[++i]);
    else if (arg === "--regenerate") options.regenerate = true;
    else if (arg === "--no-profile") options.profile = false;
    else if (arg === "--samples") options.samples = Number(argv[++i]);
    else if (arg === "--duration") options.durationS = Number(argv[++i]);
    else throw new Error(`Unknown argument ${arg}. Usage: node dist/bench/growth/growth.bench.js [--sizes 1,10,100] [--seed 1] [--regenerate] [--no-profile] [--samples 200] [--duration 5]`);
  }
  if (options.sizes.some((s) => !Number.isInteger(s) || s < 1) || options.sizes[0] !== 1) throw new Error("--sizes must start with 1 and hold whole numbers");
  return options;
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = parseArgs(process.argv.slice(2));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-growth-"));
  const results: SizeResult[] = [];

  for (const factor of options.sizes) {
    const ensure = { seed: options.seed, force: options.regenerate && factor > 1, log };
    const db = factor === 1 ? await ensureRealDatabase(ensure) : await ensureGrowthDatabase(factor, ensure);
    log(db.builtMs === undefined ? `Reusing ${db.name}` : `Built ${db.name} in ${(db.builtMs / 1000).toFixed(1)} s`);
    results.push({ factor, database: db.name, databaseMb: await databaseSizeMb(db.name), generatedMs: db.builtMs });
  }

  for (const result of results) {
    const repeats = result.factor >= 100 ? 1 : 3;
    log(`${result.factor}×: building the snapshot in-process (${repeats}×)`);
    try {
      result.snapshot = await measureSnapshot(growthDatabaseUrl(result.database), repeats);
    } catch (error) {
      result.snapshotError = message(error);
      log(`${result.factor}×: snapshot measurement failed: ${result.snapshotError.split("\n")[0]}`);
    }
  }

  for (const result of results) {
    log(`${result.factor}×: starting the server`);
    try {
      result.server = await measureServer(growthDatabaseUrl(result.database), options);
    } catch (error) {
      result.serverError = message(error);
      log(`${result.factor}×: server run failed: ${result.serverError.split("\n")[0]}`);
    }
  }

  const sizes = results.map((r) => `${r.factor}×`);
  const table = renderTable(sizes, reportRows(results));
  const growing = growingQueries(results);
  const profiles: ProfileResult[] = [];
  const profileErrors: string[] = [];
  if (options.profile) {
    // One profiled server per size, each query at the largest size that still answered it.
    for (const result of results) {
      const here = growing.filter((g) => g.at === result);
      if (here.length === 0 || !result.server) continue;
      log(`Profiling ${here.map((g) => g.query.name).join(", ")} at ${result.factor}×`);
      try {
        profiles.push(...(await profileQueries(growthDatabaseUrl(result.database), result.factor, result.server.nodeArgs, here.map((g) => g.query), options, outDir)));
      } catch (error) {
        profileErrors.push(`at ${result.factor}×: ${message(error)}`);
      }
    }
  }

  const out: string[] = [];
  out.push(`Growth benchmark: the read side at ${sizes.join(", ")} the real catalog (${os.cpus().length} cores, Node ${process.version}, PostgreSQL at 127.0.0.1)`);
  out.push(`Snapshot: built in-process as the server does (readCatalogContent, paged through Prisma → CatalogSnapshot.build), median of 3 below 100×, 1 at 100×, in Node's default heap; heap = heapUsed after forced GC minus before loading; then one rebuild while the last snapshot is held (unchanged views shared).`);
  out.push(`Server: node dist/src/main.js, CATALOG_RESPONSE_CACHE_ENTRIES=0, LOG_LEVEL=warn; latency over up to ${options.samples} sequential requests (${options.budgetMs / 1000} s cap, ≥ 10) after 3 warm-ups (the first one shown: it pays for indexes built on first use); req/s with ${throughputTool()} at ${options.connections} connections for ${options.durationS} s.`);
  out.push("");
  out.push(table);
  for (const r of results) {
    if (r.server?.heapNote) out.push(`\n${r.factor}×: ${r.server.heapNote}`);
    if (r.snapshot?.heapNote) out.push(`\n${r.factor}×: ${r.snapshot.heapNote}`);
    if (r.snapshotError) out.push(`\n${r.factor}×: snapshot measurement failed: ${r.snapshotError}`);
    if (r.serverError) out.push(`\n${r.factor}×: server run failed: ${r.serverError}`);
    for (const [name, q] of Object.entries(r.server?.queries ?? {})) if (q.error) out.push(`\n${r.factor}× ${name}: ${q.error}`);
    for (const [name, q] of Object.entries(r.server?.queries ?? {})) if (q.throughput?.problems) out.push(`${r.factor}× ${name} under load: ${q.throughput.problems}`);
  }
  out.push("");
  out.push(
    growing.length === 0
      ? `No query's p50 grew more than ${GROWTH_LIMIT}× from ${sizes[0]} to the largest size that answered it.`
      : `p50 grew more than ${GROWTH_LIMIT}× for a fixed-size answer: ${growing.map((g) => `${g.query.name} (${g.ratio.toFixed(1)}× from ${sizes[0]} to ${g.at.factor}×)`).join(", ")}.`,
  );
  for (const e of profileErrors) out.push(`Profiling failed ${e}`);
  for (const p of profiles) out.push("", renderProfile(p));
  out.push("", `Results and profiles: ${outDir}`, `Run time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const text = out.join("\n");
  fs.writeFileSync(path.join(outDir, "growth.json"), JSON.stringify({ options, results, profiles }, null, 2));
  fs.writeFileSync(path.join(outDir, "growth.txt"), `${text}\n`);
  process.stdout.write(`${text}\n`);
}

function throughputTool(): string {
  return fs.existsSync(path.join(PROJECT_ROOT, "bench/contenders/node_modules/.bin/autocannon")) ? "autocannon" : "a loop of concurrent requests";
}

/**
 * Runs snapshotBuild.js in its own process with --expose-gc and Node's default heap, as the server runs:
 * the build and a rebuild beside the previous snapshot must fit in it. Only when they do not is it run
 * again with a larger heap, and the result says so.
 */
async function measureSnapshot(url: string, repeats: number): Promise<SnapshotBuildResult & { heapNote?: string }> {
  try {
    return await runSnapshotBuild(url, repeats, []);
  } catch (error) {
    if (!/heap out of memory|Allocation failed|SIGABRT|SIGKILL/i.test(message(error))) throw error;
    const heapNote = `the snapshot build ran out of Node's default heap (${firstLine(message(error), /heap|Allocation|SIG/i)}); measured with --max-old-space-size=${LARGE_HEAP_MB}`;
    log(heapNote);
    return { ...(await runSnapshotBuild(url, repeats, [`--max-old-space-size=${LARGE_HEAP_MB}`])), heapNote };
  }
}

function runSnapshotBuild(url: string, repeats: number, nodeArgs: string[]): Promise<SnapshotBuildResult> {
  const script = path.join(__dirname, "snapshotBuild.js");
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--expose-gc", ...nodeArgs, script, url, String(repeats)], { maxBuffer: 16 << 20, env: { ...process.env, NODE_ENV: "production" } }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr.slice(-2000)}`));
      resolve(JSON.parse(stdout.trim().split("\n").pop()!) as SnapshotBuildResult);
    });
  });
}

/** Starts the server on `url` (with a larger heap if the default one runs out), times every query, stops it. */
async function measureServer(url: string, options: Options): Promise<ServerRun> {
  let nodeArgs: string[] = [];
  let heapNote: string | undefined;
  let server: CatalogServer;
  try {
    server = await CatalogServer.start({ databaseUrl: url, timeoutMs: 600000 });
  } catch (error) {
    if (!/heap out of memory|Allocation failed|killed by SIGABRT|killed by SIGKILL/i.test(message(error))) throw error;
    heapNote = `the server died on start with Node's default heap (${firstLine(message(error), /heap|Allocation|killed/i)}); measured with --max-old-space-size=${LARGE_HEAP_MB}`;
    log(heapNote);
    nodeArgs = [`--max-old-space-size=${LARGE_HEAP_MB}`];
    server = await CatalogServer.start({ databaseUrl: url, timeoutMs: 600000, nodeArgs });
  }
  log(`  cold start ${(server.coldStartMs / 1000).toFixed(1)} s (pid ${server.pid})`);
  const run: ServerRun = { coldStartMs: server.coldStartMs, heapNote, nodeArgs, queries: {} };
  try {
    for (const query of GROWTH_QUERIES) {
      const entry: ServerRun["queries"][string] = {};
      run.queries[query.name] = entry;
      try {
        await server.settle();
        entry.latency = await server.latency(query.query, { warmup: 3, samples: options.samples, minSamples: 10, budgetMs: options.budgetMs });
        entry.throughput = await server.throughput(query.query, options.connections, options.durationS);
        log(`  ${query.name}: p50 ${entry.latency.p50Ms.toFixed(1)} ms, p99 ${entry.latency.p99Ms.toFixed(1)} ms (n=${entry.latency.samples}), ${entry.throughput.rps.toFixed(1)} req/s`);
      } catch (error) {
        entry.error = message(error);
        log(`  ${query.name}: ${entry.error.split("\n")[0]}`);
        if (!server.running) throw new Error(`The server stopped during ${query.name}:\n${server.tail()}`);
      }
    }
    await server.settle();
    run.memory = server.memory();
  } finally {
    await server.stop();
  }
  return run;
}

interface GrowingQuery {
  query: GrowthQuery;
  /** The largest size at which the query was answered. */
  at: SizeResult;
  ratio: number;
}

/** Queries whose p50 at the largest size that answered them is more than GROWTH_LIMIT times their p50 at 1×. */
function growingQueries(results: SizeResult[]): GrowingQuery[] {
  const growing: GrowingQuery[] = [];
  for (const query of GROWTH_QUERIES) {
    const base = results[0].server?.queries[query.name]?.latency?.p50Ms;
    const at = [...results].reverse().find((r) => r !== results[0] && r.server?.queries[query.name]?.latency);
    const top = at?.server?.queries[query.name]?.latency?.p50Ms;
    if (base !== undefined && at && top !== undefined && top / base > GROWTH_LIMIT) growing.push({ query, at, ratio: top / base });
  }
  return growing;
}

interface ProfileResult {
  query: string;
  factor: number;
  file: string;
  /** The query's first request on a fresh server (lazily built indexes included). */
  firstMs: number;
  first: ProfileSummary;
  /** autocannon at 10 connections, until the server is idle again. */
  load: ProfileSummary;
}

/**
 * Starts a server with --cpu-prof, asks each query once (its first request: a window of its own), then
 * loads it with the query (another window), stops the server so that V8 writes the profile, and
 * summarises each window.
 */
async function profileQueries(url: string, factor: number, nodeArgs: string[], queries: GrowthQuery[], options: Options, outDir: string): Promise<ProfileResult[]> {
  const dir = path.join(outDir, `profiles-${factor}x`);
  fs.mkdirSync(dir, { recursive: true });
  const server = await CatalogServer.start({ databaseUrl: url, timeoutMs: 600000, nodeArgs: [...nodeArgs, "--cpu-prof", `--cpu-prof-dir=${dir}`] });
  const windows: { first: Window; firstMs: number; load: Window }[] = [];
  try {
    for (const q of queries) {
      await server.settle();
      const firstFrom = monotonicUs();
      const first = await server.latency(q.query, { warmup: 1, samples: 0, minSamples: 0, budgetMs: 0 });
      const firstTo = monotonicUs();
      await server.latency(q.query, { warmup: 2, samples: 0, minSamples: 0, budgetMs: 0 });
      const loadFrom = monotonicUs();
      await server.throughput(q.query, options.connections, options.durationS);
      await server.settle();
      windows.push({ first: { fromUs: firstFrom, toUs: firstTo }, firstMs: first.firstMs, load: { fromUs: loadFrom, toUs: monotonicUs() } });
    }
  } finally {
    await server.stop(120000);
  }
  const file = newestProfile(dir);
  if (!file) throw new Error(`The server wrote no .cpuprofile into ${dir}:\n${server.tail()}`);
  const profile = readProfile(file);
  return queries.map((q, i) => ({
    query: q.name,
    factor,
    file,
    firstMs: windows[i].firstMs,
    first: summariseProfile(profile, windows[i].first, 15, PROJECT_ROOT),
    load: summariseProfile(profile, windows[i].load, 15, PROJECT_ROOT),
  }));
}

function reportRows(results: SizeResult[]): ReportRow[] {
  const each = (pick: (r: SizeResult) => Cell) => results.map(pick);
  const snap = (pick: (s: SnapshotBuildResult) => number) => each((r) => (r.snapshot ? pick(r.snapshot) : r.snapshotError ? "failed" : undefined));
  const srv = (pick: (s: ServerRun) => Cell) => each((r) => (r.server ? pick(r.server) : r.serverError ? "failed" : undefined));
  const rows: ReportRow[] = [
    { label: "catalog", values: [] },
    { label: "  models", values: snap((s) => s.counts.models) },
    { label: "  offerings", values: snap((s) => s.counts.offerings) },
    { label: "  prices (all history)", values: snap((s) => s.counts.prices) },
    { label: "  providers", values: snap((s) => s.counts.providers) },
    { label: "  database size MB", values: each((r) => r.databaseMb) },
    { label: "  generated in s (- = reused)", values: each((r) => (r.generatedMs === undefined ? undefined : r.generatedMs / 1000)), digits: 1, ratio: false },
    { label: "snapshot (in-process)", values: [] },
    { label: "  build ms (load + index)", values: snap((s) => median(s.runs.map((x) => x.totalMs))) },
    { label: "    load + map, paged, ms", values: snap((s) => median(s.runs.map((x) => x.loadMs))) },
    { label: "    CatalogSnapshot.build ms", values: snap((s) => median(s.runs.map((x) => x.indexMs))) },
    { label: "  builds measured", values: snap((s) => s.runs.length), ratio: false },
    { label: "  heap MB (after GC, - baseline)", values: snap((s) => s.heapMb), digits: 1 },
    { label: "  peak RSS of the build MB", values: snap((s) => s.peakRssMb) },
    { label: "  rebuild beside it ms", values: snap((s) => s.rebuild.run.totalMs) },
    { label: "    heap MB, both held", values: snap((s) => s.rebuild.bothHeapMb), digits: 1 },
    { label: "    peak RSS of the rebuild MB", values: snap((s) => s.rebuild.peakRssMb) },
    { label: "  Node heap limit MB", values: snap((s) => s.heapLimitMb), ratio: false },
    { label: "server", values: [] },
    { label: "  cold start ms (spawn → answer)", values: srv((s) => s.coldStartMs) },
  ];
  for (const q of GROWTH_QUERIES) {
    const query = (pick: (e: ServerRun["queries"][string]) => Cell) => srv((s) => {
      const entry = s.queries[q.name];
      if (entry?.error) return entry.error.includes("BAD_USER_INPUT") ? "refused" : "error";
      return entry ? pick(entry) : undefined;
    });
    rows.push({ label: q.name, values: [] });
    rows.push({ label: "  first request ms", values: query((e) => e.latency?.firstMs), digits: 1 });
    rows.push({ label: "  p50 ms", values: query((e) => e.latency?.p50Ms), digits: 2 });
    rows.push({ label: "  p99 ms", values: query((e) => e.latency?.p99Ms), digits: 2 });
    rows.push({ label: "  sequential requests", values: query((e) => e.latency?.samples), ratio: false });
    rows.push({ label: "  req/s (10 connections)", values: query((e) => e.throughput?.rps), digits: 1 });
    rows.push({ label: "  answer bytes", values: query((e) => e.latency?.bytes) });
    if (q.totalCount) rows.push({ label: "  totalCount (matches)", values: query((e) => (e.latency ? q.totalCount!(e.latency.data) : undefined)) });
  }
  rows.push({ label: "server after the runs", values: [] });
  rows.push({ label: "  VmRSS MB", values: srv((s) => s.memory?.rssMb) });
  rows.push({ label: "  VmHWM (peak RSS) MB", values: srv((s) => s.memory?.peakRssMb) });
  return rows;
}

/** A first request under this many ms is not worth its own profile listing. */
const SLOW_FIRST_MS = 1000;

function renderProfile(p: ProfileResult): string {
  const lines = [`CPU profile: ${p.query} at ${p.factor}× (${path.basename(p.file)})`];
  const section = (title: string, summary: ProfileSummary, top: number) => {
    lines.push(`  ${title} (${summary.windowMs.toFixed(0)} ms sampled, ${summary.idlePercent.toFixed(1)}% idle); top ${Math.min(top, summary.topSelf.length)} by self time:`);
    for (const l of summary.topSelf.slice(0, top)) lines.push(`  ${l.selfPercent.toFixed(1).padStart(5)}%  ${l.selfMs.toFixed(0).padStart(6)} ms self  ${l.totalPercent.toFixed(1).padStart(5)}% total  ${l.where}`);
    lines.push(`  the project's functions (src/) by total time:`);
    for (const l of summary.topProjectTotal.slice(0, 8)) lines.push(`  ${l.totalPercent.toFixed(1).padStart(5)}% total  ${l.selfPercent.toFixed(1).padStart(5)}% self  ${l.where}`);
  };
  section("under load (the same load as the req/s row)", p.load, 15);
  if (p.firstMs >= SLOW_FIRST_MS) section(`its first request on a fresh server took ${p.firstMs.toFixed(0)} ms`, p.first, 10);
  return lines.join("\n");
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string, pattern: RegExp): string {
  return text.split("\n").find((l) => pattern.test(l))?.trim().slice(0, 200) ?? text.split("\n")[0];
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
