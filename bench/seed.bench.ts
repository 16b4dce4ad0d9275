// The seed section of `npm run bench`: the full seed on PGlite and on PostgreSQL (when a server answers),
// each in a fresh process and a fresh database, against a baseline measured in the same run: reading and
// parsing the same documents without a database. Reports wall times, peak memory (the process's max
// RSS; PGlite's database engine runs in-process and is included, a PostgreSQL server's is not), the
// ratio to the baseline, and the ratio to the target (issue 13: 10 s on PGlite, 5 s on PostgreSQL). A second
// baseline, an empty PGlite opened and migrated, shows how much of PGlite's memory is its own.
// Runs on its own too: `node dist/bench/seed.bench.js`.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { Client } from "pg";
import { redacted, serverUrl, unreachable } from "./serve/postgres";
import type { SeedCpu } from "./seedCpu";
import { table } from "./table";

// Two runs each keep the whole `npm run bench` (seed and serving sections) under ten minutes on 2 cores.
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const TARGET_MS = { pglite: 10_000, postgresql: 5_000 };

interface Sample {
  wallMs: number;
  maxRssMb: number;
  reseedMs?: number;
  documents?: number;
  models?: number;
  offerings?: number;
  prices?: number;
  reseedLoaded?: number;
  cpu?: SeedCpu;
}

function runOnce(mode: string, url?: string): Sample {
  const out = execFileSync(process.execPath, [path.join(__dirname, "seedRun.js"), mode, ...(url ? [url] : [])], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop()!) as Sample;
}

/** The middle value; for an even count, the mean of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function withFreshDatabase<T>(serverUrl: string, work: (url: string) => T): Promise<T> {
  const name = `catalog_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

export interface SeedResults {
  runs: number;
  rows: { label: string; wallMs?: number; reseedMs?: number; xBaseline?: number; xTarget?: number; peakRssMb?: number; mainCpuMs?: number; databaseCpuMs?: number; skipped?: string }[];
  detail: string;
}

/** Runs the seed benchmark; PostgreSQL on `postgresUrl` unless it is undefined (or does not answer). */
export async function runSeedBenchmark(postgresUrl: string | undefined): Promise<{ text: string; json: SeedResults }> {
  const json: SeedResults = { runs: RUNS, rows: [], detail: "" };
  const rows: string[][] = [];
  const baseline = median(Array.from({ length: RUNS }, () => runOnce("parse").wallMs));
  const parseRss = median(Array.from({ length: 1 }, () => runOnce("parse").maxRssMb));
  rows.push(["parse only (baseline)", fmt(baseline), "-", "1.00", "-", String(parseRss), "-", "-"]);
  json.rows.push({ label: "parse only (baseline)", wallMs: baseline, xBaseline: 1, peakRssMb: parseRss });
  const empty = runOnce("open");
  rows.push(["open + migrate an empty PGlite (memory baseline)", fmt(empty.wallMs), "-", "-", "-", String(empty.maxRssMb), "-", "-"]);
  json.rows.push({ label: "open + migrate an empty PGlite (memory baseline)", wallMs: empty.wallMs, peakRssMb: empty.maxRssMb });

  const targets: { label: string; kind: "pglite" | "postgresql"; run: () => Promise<Sample> }[] = [
    { label: "seed on PGlite", kind: "pglite", run: async () => runOnce("seed") },
  ];
  const pgProblem = postgresUrl ? await unreachable(postgresUrl) : "no server named";
  if (postgresUrl && !pgProblem) targets.push({ label: "seed on PostgreSQL", kind: "postgresql", run: () => withFreshDatabase(postgresUrl, (url) => runOnce("seed", url)) });

  let detail = "";
  for (const target of targets) {
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await target.run());
    const wall = median(samples.map((s) => s.wallMs));
    const reseed = median(samples.map((s) => s.reseedMs ?? 0));
    const rss = Math.max(...samples.map((s) => s.maxRssMb));
    const cpuOf = (part: (cpu: SeedCpu) => number | undefined) => {
      const values = samples.map((s) => (s.cpu ? part(s.cpu) : undefined));
      return values.every((v) => v !== undefined) ? median(values as number[]) : undefined;
    };
    const mainCpuMs = cpuOf((c) => c.mainMs);
    const databaseCpuMs = cpuOf((c) => c.databaseMs);
    const cpuText = (ms: number | undefined) => (ms === undefined ? "-" : fmt(ms));
    rows.push([target.label, fmt(wall), fmt(reseed), (wall / baseline).toFixed(2), (wall / TARGET_MS[target.kind]).toFixed(2), String(rss), cpuText(mainCpuMs), cpuText(databaseCpuMs)]);
    json.rows.push({ label: target.label, wallMs: wall, reseedMs: reseed, xBaseline: wall / baseline, xTarget: wall / TARGET_MS[target.kind], peakRssMb: rss, mainCpuMs, databaseCpuMs });
    const s = samples[0];
    detail = `${s.documents} documents, ${s.models} models, ${s.offerings} offerings, ${s.prices} prices; a re-seed loaded ${s.reseedLoaded} documents`;
  }
  if (pgProblem) {
    const reason = `skipped: no PostgreSQL${postgresUrl ? ` at ${redacted(postgresUrl)} (${pgProblem})` : ""}`;
    rows.push(["seed on PostgreSQL", reason, "", "", "", "", "", ""]);
    json.rows.push({ label: "seed on PostgreSQL", skipped: reason });
  }
  json.detail = detail;

  const header = ["", "wall (median)", "re-seed", "x baseline", "x target", "peak RSS MB", "main CPU", "database CPU"];
  const text =
    `Seed benchmark, ${RUNS} run(s) each, median wall time; target ratio < 1 meets the target\n${table(header, rows)}\n${detail}\n` +
    "CPU of the first seed: the main thread's, and the database's (PGlite's thread; PostgreSQL's backends, local server only)";
  return { text, json };
}

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

if (require.main === module) {
  runSeedBenchmark(serverUrl()).then(
    ({ text }) => process.stdout.write(`${text}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
