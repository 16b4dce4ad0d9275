// `npm run bench`: the full seed on PGlite (and on PostgreSQL when DATABASE_URL names a server), each
// in a fresh process and a fresh database, against a baseline measured in the same run: reading and
// parsing the same documents without a database. Prints wall times, peak memory (the process's max
// RSS; PGlite's database engine runs in-process and is included, a PostgreSQL server's is not), the
// ratio to the baseline, and the ratio to the target (20 s on PGlite, 10 s on PostgreSQL). A second
// baseline, an empty PGlite opened and migrated, shows how much of PGlite's memory is its own.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { Client } from "pg";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = { pglite: 20_000, postgresql: 10_000 };

interface Sample {
  wallMs: number;
  maxRssMb: number;
  reseedMs?: number;
  documents?: number;
  models?: number;
  offerings?: number;
  prices?: number;
  reseedLoaded?: number;
}

function runOnce(mode: string, url?: string): Sample {
  const out = execFileSync(process.execPath, [path.join(__dirname, "seedRun.js"), mode, ...(url ? [url] : [])], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop()!) as Sample;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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

async function main(): Promise<void> {
  const rows: string[][] = [];
  const baseline = median(Array.from({ length: RUNS }, () => runOnce("parse").wallMs));
  const parseRss = median(Array.from({ length: 1 }, () => runOnce("parse").maxRssMb));
  rows.push(["parse only (baseline)", fmt(baseline), "-", "1.00", "-", String(parseRss)]);
  const empty = runOnce("open");
  rows.push(["open + migrate an empty PGlite (memory baseline)", fmt(empty.wallMs), "-", "-", "-", String(empty.maxRssMb)]);

  const targets: { label: string; kind: "pglite" | "postgresql"; run: () => Promise<Sample> }[] = [
    { label: "seed on PGlite", kind: "pglite", run: async () => runOnce("seed") },
  ];
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) targets.push({ label: "seed on PostgreSQL", kind: "postgresql", run: () => withFreshDatabase(serverUrl, (url) => runOnce("seed", url)) });

  let detail = "";
  for (const target of targets) {
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await target.run());
    const wall = median(samples.map((s) => s.wallMs));
    const reseed = median(samples.map((s) => s.reseedMs ?? 0));
    const rss = Math.max(...samples.map((s) => s.maxRssMb));
    rows.push([target.label, fmt(wall), fmt(reseed), (wall / baseline).toFixed(2), (wall / TARGET_MS[target.kind]).toFixed(2), String(rss)]);
    const s = samples[0];
    detail = `${s.documents} documents, ${s.models} models, ${s.offerings} offerings, ${s.prices} prices; a re-seed loaded ${s.reseedLoaded} documents`;
  }
  if (!serverUrl) rows.push(["seed on PostgreSQL", "skipped: set DATABASE_URL to a server", "", "", "", ""]);

  const header = ["", "wall (median)", "re-seed", "x baseline", "x target", "peak RSS MB"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (c ?? "").padEnd(widths[i])).join("  ");
  process.stdout.write(`Seed benchmark, ${RUNS} run(s) each, median wall time; target ratio < 1 meets the target\n${line(header)}\n${rows.map(line).join("\n")}\n${detail}\n`);
}

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
