// The serving benchmark: our server (PostgreSQL, PGlite) and its anchors, each in its own processes,
// every query it answers measured under the same load; plus cold starts and the health probe under flood.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { exportCatalog } from "./catalogExport";
import type { Contender } from "./contender";
import { ensureContenderPackages } from "./contenderPackages";
import { apolloMemory, graphqlJs, mercuriusJit, ours, postgraphile, staticReplay } from "./contenders";
import { failureOf, postJson } from "./graphqlAnswer";
import { measureHealthProbe, type ProbeMeasurement } from "./healthProbe";
import { measureQuery, type Measurement } from "./measure";
import { buildOurServer, seedOurServer } from "./ourServer";
import { DATA_DIR } from "./paths";
import { createBenchDatabase, databaseUrl, dropBenchDatabase, redacted, serverUrl, unreachable } from "./postgres";
import { QUERIES, type QueryName } from "./queries";
import type { ContenderName, ServeSettings } from "./settings";

export interface OurStarts {
  contender: string;
  /** Spawn to first health answer on an empty database: migrate + seed. */
  seedingStartMs?: number;
  /** Every later start (one per measurement) on the seeded database. */
  coldStartsMs: number[];
  /** Measurements after which SIGTERM was not enough within the grace period. */
  killedOnStop: number;
  stops: number;
}

export interface ServeResults {
  settings: ServeSettings;
  postgres: string;
  buildMs?: number;
  catalog?: Record<string, number>;
  /** The queries our server answered when it was first up, which static replays and the others are compared with. */
  recorded: QueryName[];
  starts: OurStarts[];
  measurements: Measurement[];
  probes: ProbeMeasurement[];
  skipped: { contender: string; reason: string }[];
}

type Log = (line: string) => void;

/** Records our answers to every query (for static, and to compare the others with). */
async function recordAnswers(baseUrl: string, log: Log): Promise<Map<QueryName, string>> {
  const answers = new Map<QueryName, string>();
  for (const q of QUERIES) {
    const answer = await postJson(`${baseUrl}/graphql`, JSON.stringify({ query: q.query }));
    const failure = failureOf(answer);
    if (failure) log(`  our server fails "${q.name}": ${failure}`);
    else answers.set(q.name, answer.body);
  }
  return answers;
}

export async function runServeBenchmark(settings: ServeSettings, log: Log): Promise<ServeResults> {
  const wanted = new Set<ContenderName>(settings.contenders);
  const server = serverUrl();
  const results: ServeResults = { settings, postgres: redacted(server), recorded: [], starts: [], measurements: [], probes: [], skipped: [] };
  const skip = (contender: string, reason: string) => {
    results.skipped.push({ contender, reason });
    log(`  ${contender}: skipped (${reason})`);
  };

  ensureContenderPackages(log);
  log("Building our server (tsc -p tsconfig.build.json) ...");
  results.buildMs = Math.round(buildOurServer());

  const pgProblem = await unreachable(server);
  const needsPostgres = ["ours-postgresql", "ours-postgresql-uncached", "graphql-js", "apollo-memory", "mercurius-jit", "postgraphile"].some((n) => wanted.has(n as ContenderName));
  let database: string | undefined;
  let dataDir: string | undefined;
  const recordedFile = path.join(DATA_DIR, "recorded.json");
  const catalogFile = path.join(DATA_DIR, "catalog.json");
  fs.rmSync(catalogFile, { force: true });
  let answers = new Map<QueryName, string>();
  const starts = new Map<string, OurStarts>();
  const contenders: Contender[] = [];

  try {
    if (needsPostgres && pgProblem) {
      for (const name of ["ours-postgresql", "graphql-js", "apollo-memory", "mercurius-jit", "postgraphile"]) if (wanted.has(name as ContenderName)) skip(name, `no PostgreSQL at ${redacted(server)}: ${pgProblem}`);
    }
    if (needsPostgres && !pgProblem) {
      database = await createBenchDatabase(server);
      const url = databaseUrl(server, database);
      const oursPg = ours({ name: "ours-postgresql", databaseUrl: url, serverUrl: server, database, startTimeoutMs: 60_000 });
      log(`Seeding our server on PostgreSQL (${database}) ...`);
      const seeded = await seedOurServer(oursPg, settings, async (baseUrl) => {
        answers = await recordAnswers(baseUrl, log);
        results.catalog = await exportCatalog(url, catalogFile);
      });
      starts.set("ours-postgresql", { contender: "ours-postgresql", seedingStartMs: Math.round(seeded.firstStartMs), coldStartsMs: [], killedOnStop: Number(seeded.killedOnStop), stops: 1 });
      log(`  seeded in ${(seeded.firstStartMs / 1000).toFixed(1)} s; catalog exported: ${Object.entries(results.catalog ?? {}).map(([k, v]) => `${v} ${k}`).join(", ")}`);
      if (wanted.has("ours-postgresql")) contenders.push(oursPg);
      if (wanted.has("ours-postgresql-uncached")) {
        contenders.push(ours({ name: "ours-postgresql-uncached", databaseUrl: url, serverUrl: server, database, startTimeoutMs: 60_000, uncached: true }));
      }
    }
    if (wanted.has("ours-pglite")) {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-bench-pglite-"));
      const oursPglite = ours({ name: "ours-pglite", dataDir, startTimeoutMs: 60_000 });
      log("Seeding our server on PGlite ...");
      try {
        const seeded = await seedOurServer(oursPglite, settings, async (baseUrl) => {
          if (answers.size === 0) answers = await recordAnswers(baseUrl, log);
        });
        starts.set("ours-pglite", { contender: "ours-pglite", seedingStartMs: Math.round(seeded.firstStartMs), coldStartsMs: [], killedOnStop: Number(seeded.killedOnStop), stops: 1 });
        log(`  seeded in ${(seeded.firstStartMs / 1000).toFixed(1)} s`);
        contenders.push(oursPglite);
      } catch (error) {
        skip("ours-pglite", `seeding failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    results.recorded = [...answers.keys()];
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(recordedFile, JSON.stringify(Object.fromEntries([...answers].map(([q, body]) => [JSON.stringify({ query: QUERIES.find((x) => x.name === q)!.query }), body]))));

    if (wanted.has("static")) {
      if (answers.size > 0) contenders.push(staticReplay(recordedFile, [...answers.keys()]));
      else skip("static", "no answer of ours was recorded");
    }
    for (const [name, make] of [["graphql-js", graphqlJs], ["apollo-memory", apolloMemory], ["mercurius-jit", mercuriusJit]] as const) {
      if (wanted.has(name) && database) contenders.push(make(catalogFile));
    }
    if (wanted.has("postgraphile") && database) contenders.push(postgraphile(server, database, databaseUrl(server, database)));

    // Query by query, every contender in turn: the ratios compare measurements taken within a minute of
    // each other, not minutes apart (this machine's speed drifts by tens of percent within the hour, which
    // made PGlite's list read 0.75 of PostgreSQL's in one run and 1.18 in the next, with reads in memory).
    for (const contender of contenders) log(`${contender.name}: ${contender.description}`);
    for (const q of QUERIES) {
      for (const contender of contenders) {
        if (!contender.bodies[q.name]) continue;
        const m = await measureQuery(contender, q.name, settings, answers.get(q.name));
        results.measurements.push(m);
        const own = starts.get(contender.name);
        if (own) {
          if (m.startMs !== undefined) own.coldStartsMs.push(m.startMs);
          own.stops += 1;
          own.killedOnStop += Number(m.killedOnStop ?? false);
        }
        log(`  ${q.name.padEnd(8)} ${contender.name.padEnd(16)} ${m.failed ? `FAILED: ${m.failed.split("\n")[0]}` : `${Math.round(m.load!.rps)} req/s, p99 ${m.load!.p99Ms ?? "-"} ms${m.problems ? ` (${m.problems})` : ""}`}`);
      }
    }
    for (const contender of contenders.filter((c) => c.ours)) {
      const probe = await measureHealthProbe(contender, "filtered", settings);
      results.probes.push(probe);
      log(`  probe    ${contender.name.padEnd(16)} ${probe.failed ? `FAILED: ${probe.failed.split("\n")[0]}` : `${probe.probe}: p99 ${probe.underFlood?.p99Ms ?? "-"} ms under flood, ${probe.idle?.p99Ms ?? "-"} ms idle`}`);
    }
  } finally {
    if (database) await dropBenchDatabase(server, database).catch((error: Error) => log(`could not drop ${database}: ${error.message}`));
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  results.starts = [...starts.values()];
  return results;
}
