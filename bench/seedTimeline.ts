// A seed's timeline: when each load step started, and in each interval how much CPU the main thread,
// the database (PGlite's thread, or the PostgreSQL backends of a local server) and the process's other
// threads (V8's compiler and garbage-collection helpers) used. It shows what the totals of the seed bench cannot: which side waits for the other, and when
// (session 12: PostgreSQL sat idle for whole decision batches, then worked 2.7 s alone at the end).
//
//   node dist/bench/seedTimeline.js [--every 250] [postgresql://...]   (built by `npm run bench`'s tsc)
//
// Without a URL it seeds a fresh PGlite folder; with one, the database must be empty (migrations are
// applied). The sampler runs on a worker thread, so a main thread busy deciding does not delay it.
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { openDatabase, type Database } from "../src/db/database";
import { applyMigrations } from "../src/db/migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "../src/db/migrations/migrationFiles";
import { importDocuments } from "../src/catalog/import/importDocuments";
import { silentLogger } from "../src/logger";
import { findUp } from "../src/projectRoot";
import { MS_PER_TICK, threadCpuMs } from "./seedCpu";
import { cpuTicksOf } from "./serve/processStats";

interface Sample {
  atMs: number;
  mainMs: number;
  databaseMs: number;
  otherMs: number;
}

interface SamplerSetup {
  everyMs: number;
  mainTid: number;
  /** The PostgreSQL backends to count; none for PGlite, whose thread is found as this process's busiest. */
  backendPids: number[];
}

/** The worker: samples every `everyMs` until told to stop, then posts the samples. */
function sample({ everyMs, mainTid, backendPids }: SamplerSetup): void {
  const started = performance.now();
  // The sampler's own thread is neither the database nor V8's.
  const workerTid = Number(fs.readFileSync("/proc/thread-self/stat", "utf8").split(" ")[0]);
  const read = () => {
    const threads = threadCpuMs();
    const backends = backendPids.reduce((sum, pid) => sum + (cpuTicksOf(pid) ?? 0) * MS_PER_TICK, 0);
    return { threads, backends };
  };
  const samples: Sample[] = [];
  let before = read();
  const timer = setInterval(() => {
    const now = read();
    const spent = (tid: number) => (now.threads.get(tid) ?? 0) - (before.threads.get(tid) ?? 0);
    const others = [...now.threads.keys()].filter((tid) => tid !== mainTid && tid !== workerTid).map(spent);
    // PGlite's thread is the busiest other thread; with PostgreSQL, the backends are the database.
    const databaseMs = backendPids.length > 0 ? now.backends - before.backends : Math.max(0, ...others);
    const otherMs = others.reduce((a, b) => a + b, 0) - (backendPids.length > 0 ? 0 : databaseMs);
    samples.push({ atMs: performance.now() - started, mainMs: spent(mainTid), databaseMs, otherMs });
    before = now;
  }, everyMs);
  parentPort!.on("message", () => {
    clearInterval(timer);
    parentPort!.postMessage(samples);
  });
}

async function backendPidsOf(database: Database): Promise<number[]> {
  if (database.kind !== "postgresql") return [];
  const rows = await database.sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  const own = await database.sql.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
  return [...rows, ...own].map((r) => Number(r.pid));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const everyAt = args.indexOf("--every");
  const everyMs = everyAt >= 0 ? Number(args.splice(everyAt, 2)[1]) : 250;
  const url = args.find((a) => a.startsWith("postgres"));
  const root = findUp("seed", __dirname);
  if (!root) throw new Error("no seed/ folder above the bench script");
  const seedDir = path.join(root, "seed");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-timeline-"));
  const database = await openDatabase(url ? { kind: "postgresql", url } : { kind: "pglite", dataDir }, "load");
  try {
    await applyMigrations(database, readMigrationFiles(defaultMigrationsDir()), silentLogger);
    // The pool opens its connections as the load needs them: warm them, so that their backends are counted.
    if (database.kind === "postgresql") await Promise.all(Array.from({ length: 4 }, () => database.sql.query("SELECT 1")));
    const setup: SamplerSetup = { everyMs, mainTid: process.pid, backendPids: await backendPidsOf(database) };
    const sampler = new Worker(__filename, { workerData: setup });
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    const started = performance.now();
    const steps: { atMs: number; step: string }[] = [];
    let last = "";
    const report = await importDocuments(database, [seedDir], {
      uriBase: seedDir,
      onProgress: (p) => {
        const step = p.phase === "read" ? "reading and parsing documents" : `${p.group}: ${p.step.replace(/ \(\d+ of \d+ records\)/, "")}`;
        if (step !== last) steps.push({ atMs: performance.now() - started, step: (last = step) });
      },
    });
    const wallMs = performance.now() - started;
    const samples = await new Promise<Sample[]>((resolve) => {
      sampler.once("message", resolve);
      sampler.postMessage("stop");
    });
    await sampler.terminate();
    // Samples are timed from the sampler's start, one interval before the seed's.
    const lines = [
      ...samples.map((s) => ({ atMs: s.atMs - everyMs, text: `cpu  main ${pad(s.mainMs)}  database ${pad(s.databaseMs)}  V8 threads ${pad(s.otherMs)}  (ms in ${everyMs} ms)` })),
      ...steps.map((s) => ({ atMs: s.atMs, text: `step ${s.step}` })),
    ].sort((a, b) => a.atMs - b.atMs);
    console.log(`Seed timeline on ${database.kind === "postgresql" ? "PostgreSQL" : "PGlite"}: ${report.documents.loaded} documents in ${(wallMs / 1000).toFixed(2)} s`);
    for (const line of lines) if (line.atMs >= -everyMs && line.atMs <= wallMs + everyMs) console.log(`${(line.atMs / 1000).toFixed(2).padStart(7)} s  ${line.text}`);
    const sum = (pick: (s: Sample) => number) => samples.reduce((total, s) => total + pick(s), 0);
    console.log(`total CPU: main ${sum((s) => s.mainMs)} ms, database ${sum((s) => s.databaseMs)} ms, V8's threads ${sum((s) => s.otherMs)} ms`);
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const pad = (ms: number) => String(ms).padStart(4);

if (isMainThread) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
} else {
  sample(workerData as SamplerSetup);
}
