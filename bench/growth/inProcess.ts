// Times the growth bench's search and estimate in one process, on a snapshot built from a growth database
// (node --expose-gc --max-old-space-size=8000 dist/bench/growth/inProcess.js URL [CACHE_FILE]): the
// functions the server calls, without HTTP or GraphQL, so that a change to them is measured without the
// noise of a server, in a minute instead of the bench's ten. With CACHE_FILE the catalog's content is
// read from the database once and kept there (v8 serialisation, 0.9 GB at 100x) for the next runs.
// PROFILE=<name prefix> samples that measurement alone and prints where its time goes; INDEX_BUILD=1
// times building the search index; ROUNDS=n sets the rounds of 20 calls (default 31).
import fs from "node:fs";
import v8 from "node:v8";
import { CatalogReadRepository } from "../../src/db/catalogReadRepository";
import { openDatabase } from "../../src/db/database";
import { readCatalogContent, type CatalogContent } from "../../src/catalog/readModel/catalogContent";
import { CatalogSnapshot } from "../../src/catalog/readModel/catalogSnapshot";
import { ModelCatalogService } from "../../src/catalog/models/modelCatalog.service";
import { CostEstimateService } from "../../src/catalog/cost/costEstimate.service";
import { ModelSearchIndex } from "../../src/catalog/search/modelSearchIndex";
import { selectModels } from "../../src/catalog/models/modelFilter";
import { monotonicUs, summariseProfile } from "./cpuProfile";
import inspector from "node:inspector/promises";

async function content(url: string, cacheFile: string | undefined): Promise<CatalogContent> {
  if (cacheFile && fs.existsSync(cacheFile)) return v8.deserialize(fs.readFileSync(cacheFile)) as CatalogContent;
  const database = await openDatabase({ kind: "postgresql", url });
  try {
    const read = await readCatalogContent(new CatalogReadRepository(database.prisma));
    if (cacheFile) fs.writeFileSync(cacheFile, v8.serialize(read));
    return read;
  } finally {
    await database.close();
  }
}

/** PROFILE=name: that measurement only, sampled for PROFILE_SECONDS (default 5), summarised. */
const PROFILE = process.env.PROFILE;

async function profile(name: string, call: () => unknown): Promise<void> {
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 });
  await session.post("Profiler.start");
  const fromUs = monotonicUs();
  const until = performance.now() + 1000 * Number(process.env.PROFILE_SECONDS ?? 5);
  while (performance.now() < until) call();
  const toUs = monotonicUs();
  const { profile: cpu } = await session.post("Profiler.stop");
  const summary = summariseProfile(cpu as never, { fromUs, toUs }, 25, process.cwd());
  process.stdout.write(`${name}: ${summary.windowMs.toFixed(0)} ms sampled\nself:\n`);
  for (const line of summary.topSelf) process.stdout.write(`  ${line.selfPercent.toFixed(1).padStart(5)}%  ${line.where}\n`);
  process.stdout.write("project, total:\n");
  for (const line of summary.topProjectTotal) process.stdout.write(`  ${line.totalPercent.toFixed(1).padStart(5)}%  ${line.where}\n`);
}

/**
 * The median time of one call over rounds × perRound calls, each timed alone (as the growth bench's p50
 * of sequential requests: a garbage collection lands in a few calls, not in the median), and the mean.
 */
async function time(name: string, rounds: number, perRound: number, call: () => unknown): Promise<void> {
  if (PROFILE) {
    if (name.startsWith(PROFILE)) await profile(name, call);
    return;
  }
  for (let i = 0; i < perRound * 5; i++) call();
  const samples: number[] = [];
  for (let i = 0; i < rounds * perRound; i++) {
    const started = performance.now();
    call();
    samples.push(performance.now() - started);
  }
  const mean = samples.reduce((sum, t) => sum + t, 0) / samples.length;
  samples.sort((a, b) => a - b);
  process.stdout.write(`${name.padEnd(40)} p50 ${samples[samples.length >> 1].toFixed(3)} ms, mean ${mean.toFixed(3)} ms\n`);
}

async function main(): Promise<void> {
  const [url, cacheFile] = process.argv.slice(2);
  const started = performance.now();
  const snapshot = CatalogSnapshot.build(await content(url, cacheFile));
  process.stdout.write(`snapshot of ${snapshot.counts.models} models in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  // The build's garbage collected before timing (node --expose-gc): otherwise the first measurements pay for it.
  (globalThis as { gc?: () => void }).gc?.();
  const models = new ModelCatalogService();
  const costs = new CostEstimateService(models);
  const workload = { inputTokens: 200000, outputTokens: 20000 };
  const search = { search: "llama 3.1 70b" };
  const gpt4o = { search: "gpt-4o" };
  const listed = models.listModels(snapshot, search, null, { first: 20 });
  const estimated = costs.estimate(snapshot, workload, { filter: gpt4o, first: 20 });
  process.stdout.write(`search: totalCount ${listed.totalCount}, first ${listed.edges[0]?.node.id}; estimate: totalCount ${estimated.totalCount}, first ${estimated.estimates[0]?.cost.total}\n`);
  if (process.env.INDEX_BUILD) {
    const documents = snapshot.models.map((m) => ({ id: m.id, name: m.name, aliases: snapshot.aliasesOf(m.id), description: m.description }));
    for (let i = 0; i < 3; i++) {
      const before = performance.now();
      ModelSearchIndex.build(documents);
      process.stdout.write(`search index build ${(performance.now() - before).toFixed(0)} ms\n`);
    }
  }
  const rounds = Number(process.env.ROUNDS ?? 31);
  await time("search ranked llama 3.1 70b", rounds, 20, () => snapshot.searchIndex().matches("llama 3.1 70b").ranked());
  await time("selectModels llama 3.1 70b", rounds, 20, () => selectModels(snapshot, search));
  await time("listModels llama 3.1 70b (page+count)", rounds, 20, () => models.listModels(snapshot, search, null, { first: 20 }));
  await time("search ranked gpt-4o", rounds, 20, () => snapshot.searchIndex().matches("gpt-4o").ranked());
  await time("matchingOrdinals gpt-4o", rounds, 20, () => models.matchingOrdinals(snapshot, gpt4o));
  await time("estimate gpt-4o", rounds, 20, () => costs.estimate(snapshot, workload, { filter: gpt4o, first: 20 }));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
