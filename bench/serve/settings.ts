// The serving benchmark's knobs, all from the environment so that a quick run and the run of record use
// the same code. Defaults keep the whole `npm run bench` under ten minutes on a 2-core machine.

export const CONTENDER_NAMES = ["ours-postgresql", "ours-pglite", "ours-postgresql-uncached", "static", "graphql-js", "apollo-memory", "mercurius-jit", "postgraphile"] as const;
export type ContenderName = (typeof CONTENDER_NAMES)[number];

export interface ServeSettings {
  /** Seconds measured per contender and query (BENCH_DURATION). */
  durationS: number;
  /** Seconds of load before each measurement, not recorded (BENCH_WARMUP; 0 for none). */
  warmupS: number;
  /** Concurrent connections of the load (BENCH_CONNECTIONS). */
  connections: number;
  /** Connections of the health probe that runs beside the flood (BENCH_PROBE_CONNECTIONS). */
  probeConnections: number;
  /** A request slower than this is a timeout (BENCH_TIMEOUT, seconds). */
  timeoutS: number;
  /** Which contenders run (BENCH_CONTENDERS, comma-separated; all by default). */
  contenders: ContenderName[];
  /** After a warm-up, how long to wait at most for the contender (and its database) to go idle (BENCH_SETTLE_MAX, seconds). */
  settleMaxS: number;
  /** How long a contender may take to exit after SIGTERM before it is killed (BENCH_STOP_GRACE, seconds). */
  stopGraceS: number;
  /** How long our server may take to seed an empty database and answer (BENCH_SEED_TIMEOUT, seconds). */
  seedTimeoutS: number;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number of at least ${min}, got "${raw}"`);
  return value;
}

/** Reads the settings; throws naming the variable on a bad value. */
export function serveSettings(env: NodeJS.ProcessEnv = process.env): ServeSettings {
  const listed = env.BENCH_CONTENDERS?.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = listed?.filter((name) => !(CONTENDER_NAMES as readonly string[]).includes(name)) ?? [];
  if (unknown.length > 0) throw new Error(`BENCH_CONTENDERS names unknown contenders: ${unknown.join(", ")} (known: ${CONTENDER_NAMES.join(", ")})`);
  return {
    durationS: number(env, "BENCH_DURATION", 5, 1),
    warmupS: number(env, "BENCH_WARMUP", 1, 0),
    connections: number(env, "BENCH_CONNECTIONS", 50, 1),
    probeConnections: number(env, "BENCH_PROBE_CONNECTIONS", 2, 1),
    timeoutS: number(env, "BENCH_TIMEOUT", 10, 1),
    contenders: listed ? (CONTENDER_NAMES.filter((name) => listed.includes(name)) as ContenderName[]) : [...CONTENDER_NAMES],
    settleMaxS: number(env, "BENCH_SETTLE_MAX", 5, 0),
    stopGraceS: number(env, "BENCH_STOP_GRACE", 2, 0),
    seedTimeoutS: number(env, "BENCH_SEED_TIMEOUT", 120, 5),
  };
}
