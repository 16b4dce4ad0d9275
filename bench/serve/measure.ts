// One measurement: a fresh process of a contender, its answer checked, a warm-up, a wait until it is
// idle again, the measured load, its memory read from /proc, and the process stopped.
import { runLoad, loadProblems, type LoadResult } from "./autocannon";
import type { Contender } from "./contender";
import { freePort } from "./freePort";
import { failureOf, postJson, sameJson } from "./graphqlAnswer";
import { memoryOf, sampleRss } from "./processStats";
import type { QueryName } from "./queries";
import type { ServeSettings } from "./settings";
import { settle } from "./settle";
import type { ServerProcess } from "./serverProcess";

export interface Measurement {
  contender: string;
  query: QueryName;
  /** Start to ready (for ours: a cold start on a seeded database, to the first health answer). */
  startMs?: number;
  /** Why nothing was measured (start failed, the answer was not a successful one). */
  failed?: string;
  load?: LoadResult;
  /** Non-2xx, errors, timeouts during the load, or a failed answer after it. */
  problems?: string;
  /** VmHWM at the end of the measurement. */
  peakRssMb?: number;
  /** The largest VmRSS sampled while the load ran. */
  servingRssMb?: number;
  /** The contender's answer equals ours (undefined when not comparable or ours is unknown). */
  sameAsOurs?: boolean;
  /** Whether it went idle after the warm-up within the allowed time. */
  settledMs?: number;
  unsettled?: boolean;
  /** It did not exit on SIGTERM within the grace period. */
  killedOnStop?: boolean;
  answerBytes?: number;
  /** Cache-related response headers on an answer after the load (e.g. a response cache saying "hit"). */
  cacheHeaders?: string[];
}

/** A started, ready contender process; the caller stops it. */
export interface Running {
  process: ServerProcess;
  baseUrl: string;
  startMs: number;
}

export async function startContender(contender: Contender): Promise<Running> {
  const port = await freePort();
  const started = performance.now();
  const process = contender.start(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const startMs = await process.waitUntil(() => contender.ready(baseUrl), contender.startTimeoutMs, started);
    return { process, baseUrl, startMs };
  } catch (error) {
    await process.stop(0);
    await contender.cleanUp?.().catch(() => undefined);
    throw error;
  }
}

export async function stopContender(contender: Contender, running: Running, settings: ServeSettings): Promise<boolean> {
  const stopped = await running.process.stop(settings.stopGraceS * 1000);
  await contender.cleanUp?.().catch(() => undefined);
  return stopped.killed;
}

/** Measures one query on a fresh process of the contender. `reference` is our answer to compare with. */
export async function measureQuery(contender: Contender, query: QueryName, settings: ServeSettings, reference: string | undefined): Promise<Measurement> {
  const body = contender.bodies[query]!;
  const result: Measurement = { contender: contender.name, query };
  let running: Running;
  try {
    running = await startContender(contender);
  } catch (error) {
    return { ...result, failed: `did not start: ${error instanceof Error ? error.message : String(error)}` };
  }
  result.startMs = Math.round(running.startMs);
  try {
    const url = `${running.baseUrl}/graphql`;
    const answer = await postJson(url, body, settings.timeoutS * 1000);
    const failure = failureOf(answer);
    if (failure) {
      result.failed = `answer: ${failure}`;
      return result;
    }
    result.answerBytes = Buffer.byteLength(answer.body);
    if (contender.comparable && reference !== undefined) result.sameAsOurs = sameJson(answer.body, reference);
    if (settings.warmupS > 0) {
      await runLoad({ url, body, connections: settings.connections, durationS: settings.warmupS, timeoutS: settings.timeoutS });
      const settled = await settle(running.process.pid, settings.settleMaxS * 1000, contender.busy);
      result.settledMs = Math.round(settled.waitedMs);
      if (!settled.settled) result.unsettled = true;
    }
    const sampler = sampleRss(running.process.pid);
    result.load = await runLoad({ url, body, connections: settings.connections, durationS: settings.durationS, timeoutS: settings.timeoutS });
    result.servingRssMb = sampler.stop();
    result.peakRssMb = memoryOf(running.process.pid)?.peakRssMb;
    let after: string | undefined = running.process.exitReason();
    if (running.process.running) {
      const again = await postJson(url, body, settings.timeoutS * 1000).catch((e: Error) => ({ status: 0, body: e.message, cacheHeaders: [] }));
      after = failureOf(again);
      if (again.cacheHeaders && again.cacheHeaders.length > 0) result.cacheHeaders = again.cacheHeaders;
    }
    const problems = [loadProblems(result.load), after ? `after the load: ${after}` : ""].filter(Boolean).join("; ");
    if (problems) result.problems = problems;
    return result;
  } catch (error) {
    result.failed = error instanceof Error ? error.message : String(error);
    return result;
  } finally {
    result.killedOnStop = await stopContender(contender, running, settings);
  }
}
