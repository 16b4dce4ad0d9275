// The serving benchmark as text: one row per contender and query, the health probe, our starts, and the
// ratios measured in the same run (against apollo-memory on the same query, and against PostGraphile's list).
import { table } from "../table";
import type { Measurement } from "./measure";
import { QUERIES, type QueryName } from "./queries";
import type { ServeResults } from "./serveBench";

// autocannon's latencies have a resolution of 1 ms.
const ms = (value: number | null | undefined) => (value === null || value === undefined ? "-" : value < 1 ? "<1 ms" : `${Math.round(value)} ms`);
const mb = (value: number | undefined) => (value === undefined ? "-" : `${value} MB`);
const rate = (value: number | undefined) => (value === undefined ? "-" : value >= 100 ? String(Math.round(value)) : value.toFixed(1));
const times = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? "-" : value >= 9.995 ? value.toFixed(1) : value.toFixed(2));

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** requests/s of a measurement that ran cleanly (every response a 2xx, no errors or timeouts); undefined otherwise. */
function rpsOf(m: Measurement | undefined): number | undefined {
  return m && !m.failed && !m.problems && m.load ? m.load.rps : undefined;
}

export interface Ratios {
  /** contender → query → its req/s ÷ apollo-memory's on the same query. */
  vsApollo: Record<string, Partial<Record<QueryName, number>>>;
  /** contender → query → its req/s ÷ postgraphile's list req/s. */
  vsPostgraphileList: Record<string, Partial<Record<QueryName, number>>>;
  /** query → ours-pglite's req/s ÷ ours-postgresql's (the target: within 20 %, reads no longer touching the database). */
  pgliteVsPostgresql: Partial<Record<QueryName, number>>;
}

export function ratios(results: ServeResults): Ratios {
  const find = (contender: string, query: QueryName) => results.measurements.find((m) => m.contender === contender && m.query === query);
  const pgList = rpsOf(find("postgraphile", "list"));
  const out: Ratios = { vsApollo: {}, vsPostgraphileList: {}, pgliteVsPostgresql: {} };
  for (const m of results.measurements) {
    const rps = rpsOf(m);
    if (rps === undefined) continue;
    const apollo = rpsOf(find("apollo-memory", m.query));
    if (apollo) (out.vsApollo[m.contender] ??= {})[m.query] = rps / apollo;
    if (pgList) (out.vsPostgraphileList[m.contender] ??= {})[m.query] = rps / pgList;
    const postgresql = rpsOf(find("ours-postgresql", m.query));
    if (m.contender === "ours-pglite" && postgresql) out.pgliteVsPostgresql[m.query] = rps / postgresql;
  }
  return out;
}

export function serveReport(results: ServeResults): string {
  const s = results.settings;
  const parts: string[] = [];
  parts.push(
    `Serving benchmark: autocannon, ${s.connections} connections, ${s.warmupS} s warm-up + ${s.durationS} s measured per contender and query, each on a fresh process; ` +
      `PostgreSQL at ${results.postgres}; ${results.catalog ? `catalog: ${results.catalog.models} models, ${results.catalog.offerings} offerings, ${results.catalog.prices} prices` : "no catalog exported"}`,
  );
  const rows = results.measurements.map((m) => {
    const notes = [
      m.failed ? `FAILED: ${m.failed.split("\n")[0].slice(0, 160)}` : "",
      m.problems ? `FAILED under load (not ranked): ${m.problems}` : "",
      m.unsettled ? `still busy ${Math.round((m.settledMs ?? 0) / 1000)} s after warm-up` : "",
      m.killedOnStop ? "needed SIGKILL" : "",
      ...(m.cacheHeaders ?? []),
    ]
      .filter(Boolean)
      .join("; ");
    const same = m.sameAsOurs === undefined ? "-" : m.sameAsOurs ? "yes" : "NO";
    if (m.failed || !m.load) return [m.contender, m.query, "-", "-", "-", mb(m.peakRssMb), mb(m.servingRssMb), ms(m.startMs), same, notes];
    return [m.contender, m.query, rate(m.load.rps), ms(m.load.p50Ms), ms(m.load.p99Ms), mb(m.peakRssMb), mb(m.servingRssMb), ms(m.startMs), same, notes];
  });
  parts.push(table(["contender", "query", "req/s", "p50", "p99", "peak RSS", "RSS serving", "start", "same as ours", "notes"], rows));

  if (results.starts.length > 0) {
    parts.push(
      `Our server (build ${((results.buildMs ?? 0) / 1000).toFixed(1)} s):\n` +
        table(
          ["", "first start (migrate + seed)", "cold start, 2nd start", "cold start, median", "starts", "needed SIGKILL to stop"],
          results.starts.map((o) => [o.contender, ms(o.seedingStartMs), ms(o.coldStartsMs[0]), ms(median(o.coldStartsMs)), String(o.coldStartsMs.length), `${o.killedOnStop} of ${o.stops}`]),
        ),
    );
  }
  if (results.probes.length > 0) {
    parts.push(
      `Health probe: ${s.probeConnections} connections asking while ${s.connections} connections flood the server with "filtered":\n` +
        table(
          ["contender", "probe", "idle p99", "p50 under flood", "p99 under flood", "max under flood", "probe req/s", "flood req/s", "notes"],
          results.probes.map((p) => [
            p.contender,
            p.probe,
            ms(p.idle?.p99Ms),
            ms(p.underFlood?.p50Ms),
            ms(p.underFlood?.p99Ms),
            ms(p.underFlood?.maxMs),
            rate(p.underFlood?.rps),
            rate(p.floodLoad?.rps),
            p.failed ? `FAILED: ${p.failed.split("\n")[0]}` : (p.problems ?? ""),
          ]),
        ),
    );
  }
  for (const skipped of results.skipped) parts.push(`${skipped.contender}: skipped: ${skipped.reason}`);

  const r = ratios(results);
  const contenders = [...new Set(results.measurements.map((m) => m.contender))];
  const queries = QUERIES.map((q) => q.name);
  parts.push(
    "Ratios (same run): req/s ÷ apollo-memory's req/s on the same query (> 1: faster than Apollo Server over arrays)\n" +
      table(["contender", ...queries], contenders.map((c) => [c, ...queries.map((q) => times(r.vsApollo[c]?.[q]))])),
  );
  parts.push(
    "Ratios (same run): req/s ÷ postgraphile's req/s on its list (PostGraphile answers only the list, in its own shape)\n" +
      table(["contender", ...queries], contenders.map((c) => [c, ...queries.map((q) => times(r.vsPostgraphileList[c]?.[q]))])),
  );
  if (Object.keys(r.pgliteVsPostgresql).length > 0) {
    parts.push(
      "Ratio (same run): ours-pglite's req/s ÷ ours-postgresql's on the same query (target: 0.8 to 1.2)\n" +
        table(["", ...queries], [["pglite ÷ postgresql", ...queries.map((q) => times(r.pgliteVsPostgresql[q]))]]),
    );
  }
  return parts.join("\n\n");
}
