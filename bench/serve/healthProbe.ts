// Does a flood of heavy queries starve the health check? While `settings.connections` connections send
// the flood query, a second autocannon (its own process, a few connections) asks GET /healthz (or, on a
// server without it, `{ health { status } }`); its latency is compared with the same probe on the idle server.
import { runLoad, loadProblems, type LoadResult } from "./autocannon";
import type { Contender } from "./contender";
import { getText } from "./graphqlAnswer";
import { startContender, stopContender } from "./measure";
import { HEALTH_QUERY, requestBody, type QueryName } from "./queries";
import { sleep } from "./serverProcess";
import type { ServeSettings } from "./settings";

export interface ProbeMeasurement {
  contender: string;
  /** "GET /healthz" or "POST { health { status } }". */
  probe: string;
  flood: QueryName;
  idle?: LoadResult;
  underFlood?: LoadResult;
  floodLoad?: LoadResult;
  problems?: string;
  failed?: string;
}

export async function measureHealthProbe(contender: Contender, flood: QueryName, settings: ServeSettings): Promise<ProbeMeasurement> {
  const result: ProbeMeasurement = { contender: contender.name, probe: "", flood };
  let running;
  try {
    running = await startContender(contender);
  } catch (error) {
    result.failed = `did not start: ${error instanceof Error ? error.message : String(error)}`;
    return result;
  }
  try {
    const healthz = await getText(`${running.baseUrl}/healthz`, 5000).catch(() => undefined);
    const probe =
      healthz && healthz.status === 200
        ? { label: "GET /healthz", url: `${running.baseUrl}/healthz`, body: undefined }
        : { label: `POST ${HEALTH_QUERY}`, url: `${running.baseUrl}/graphql`, body: requestBody(HEALTH_QUERY) };
    result.probe = probe.label;
    const probeLoad = (durationS: number) => runLoad({ url: probe.url, body: probe.body, connections: settings.probeConnections, durationS, timeoutS: settings.timeoutS });
    result.idle = await probeLoad(Math.min(2, settings.durationS));
    const floodRun = runLoad({
      url: `${running.baseUrl}/graphql`,
      body: contender.bodies[flood],
      connections: settings.connections,
      durationS: settings.warmupS + settings.durationS + 1,
      timeoutS: settings.timeoutS,
    });
    // Let the flood reach its full rate before probing.
    await sleep(Math.max(500, settings.warmupS * 1000));
    result.underFlood = await probeLoad(settings.durationS);
    result.floodLoad = await floodRun;
    const problems = [loadProblems(result.underFlood), result.floodLoad.timeouts > 0 ? `flood: ${result.floodLoad.timeouts} timeouts` : ""].filter(Boolean).join("; ");
    if (problems) result.problems = problems;
    return result;
  } catch (error) {
    result.failed = error instanceof Error ? error.message : String(error);
    return result;
  } finally {
    await stopContender(contender, running, settings);
  }
}
