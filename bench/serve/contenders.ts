// The contenders, each started in its own child process: our server on PostgreSQL and on PGlite, and the
// anchors it is measured against.
import path from "node:path";
import type { Contender } from "./contender";
import { failureOf, postJson } from "./graphqlAnswer";
import { hasActiveQueries, terminateSessions } from "./postgres";
import { BENCH_DIST, CONTENDERS_DIR, MODERN_NODE, OUR_SERVER, ROOT } from "./paths";
import { HEALTH_QUERY, POSTGRAPHILE_LIST, QUERIES, requestBody, type QueryName } from "./queries";
import { ServerProcess } from "./serverProcess";

const OUR_BODIES = Object.fromEntries(QUERIES.map((q) => [q.name, requestBody(q.query)])) as Record<QueryName, string>;

/** The environment a contender starts with: ours, without the settings that would point it elsewhere. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["DATABASE_URL", "CATALOG_DATA_DIR", "PORT", "HOST", "LOG_LEVEL", "NODE_OPTIONS"]) delete env[name];
  return { ...env, ...extra };
}

/** Ready when `{ health { status } }` gets a successful answer. */
async function answersHealth(baseUrl: string): Promise<boolean> {
  return failureOf(await postJson(`${baseUrl}/graphql`, requestBody(HEALTH_QUERY), 2000)) === undefined;
}

/** Ready when anything answers HTTP on /graphql. */
async function answersHttp(baseUrl: string): Promise<boolean> {
  await postJson(`${baseUrl}/graphql`, requestBody("{ __typename }"), 2000);
  return true;
}

/** Every per-client rate limit off (see src/http/rateLimits.ts). */
export const RATE_LIMITS_OFF = { CATALOG_RATE_LIMIT_AUTH_FAILURES: "0", CATALOG_RATE_LIMIT_MUTATIONS: "0", CATALOG_RATE_LIMIT_COST: "0" };

export interface OursOptions {
  name: "ours-postgresql" | "ours-pglite" | "ours-postgresql-uncached";
  /** Turn the response cache off, so that every request is parsed, planned and executed. */
  uncached?: boolean;
  /** DATABASE_URL for PostgreSQL, or the data folder for PGlite. */
  databaseUrl?: string;
  dataDir?: string;
  /** For PostgreSQL: the server's admin URL and the database name, to watch and clean its sessions. */
  serverUrl?: string;
  database?: string;
  startTimeoutMs: number;
}

/** Our real server, built into dist/src/main.js, started as `node dist/src/main.js`. */
export function ours(options: OursOptions): Contender {
  const { serverUrl, database } = options;
  return {
    name: options.name,
    description: `${options.databaseUrl ? "our server (dist/src/main.js) on PostgreSQL" : "our server (dist/src/main.js) on embedded PGlite"}${options.uncached ? ", response cache off (every request executed)" : ""}`,
    start: (port) =>
      ServerProcess.start({
        label: options.name,
        command: process.execPath,
        args: [OUR_SERVER],
        cwd: ROOT,
        env: baseEnv({
          PORT: String(port),
          HOST: "127.0.0.1",
          LOG_LEVEL: "warn",
          // The load comes from one address, which the rate limits would count as one client.
          ...RATE_LIMITS_OFF,
          ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { CATALOG_DATA_DIR: options.dataDir! }),
          ...(options.uncached ? { CATALOG_RESPONSE_CACHE_ENTRIES: "0" } : {}),
        }),
      }),
    ready: answersHealth,
    bodies: OUR_BODIES,
    startTimeoutMs: options.startTimeoutMs,
    busy: serverUrl && database ? () => hasActiveQueries(serverUrl, database) : undefined,
    cleanUp: serverUrl && database ? () => terminateSessions(serverUrl, database) : undefined,
    comparable: true,
    ours: true,
  };
}

function compiled(name: Contender["name"], description: string, file: string, env: Record<string, string>, bodies: Contender["bodies"] = OUR_BODIES): Contender {
  return {
    name,
    description,
    start: (port) => ServerProcess.start({ label: name, command: process.execPath, args: [path.join(BENCH_DIST, "serve", "contenders", file)], cwd: ROOT, env: baseEnv({ ...env, PORT: String(port) }) }),
    ready: answersHttp,
    bodies,
    startTimeoutMs: 60_000,
    comparable: true,
    ours: false,
  };
}

/** node:http replaying our recorded answers (`recordedFile`: request body → our response body). */
export function staticReplay(recordedFile: string, answered: QueryName[]): Contender {
  const bodies = Object.fromEntries(answered.map((q) => [q, OUR_BODIES[q]]));
  return compiled("static", "node:http replaying our server's recorded response bytes", "static.server.js", { BENCH_RECORDED: recordedFile }, bodies);
}

export function graphqlJs(catalogFile: string): Contender {
  return compiled("graphql-js", "bare graphql-js graphql() over arrays, node:http", "graphqlJs.server.js", { BENCH_CATALOG: catalogFile });
}

export function apolloMemory(catalogFile: string): Contender {
  return compiled("apollo-memory", "@apollo/server 5 standalone, plain resolvers over arrays", "apolloMemory.server.js", { BENCH_CATALOG: catalogFile });
}

export function mercuriusJit(catalogFile: string): Contender {
  return compiled("mercurius-jit", "Fastify + Mercurius, graphql-jit (jit: 1), resolvers over arrays", "mercuriusJit.server.js", { BENCH_CATALOG: catalogFile });
}

/** PostGraphile 5 on Node 22+ over the database our server seeded; it answers only the list, in its own shape. */
export function postgraphile(serverUrl: string, database: string, databaseUrl: string): Contender {
  return {
    name: "postgraphile",
    description: "PostGraphile 5 (amber preset, grafserv on node:http) over the same PostgreSQL tables",
    start: (port) =>
      ServerProcess.start({
        label: "postgraphile",
        command: MODERN_NODE,
        args: [path.join(CONTENDERS_DIR, "postgraphile.server.mjs")],
        cwd: CONTENDERS_DIR,
        env: baseEnv({ PORT: String(port), DATABASE_URL: databaseUrl }),
      }),
    ready: async (baseUrl) => failureOf(await postJson(`${baseUrl}/graphql`, requestBody("{ __typename }"), 2000)) === undefined,
    bodies: { list: requestBody(POSTGRAPHILE_LIST) },
    startTimeoutMs: 60_000,
    busy: () => hasActiveQueries(serverUrl, database),
    cleanUp: () => terminateSessions(serverUrl, database),
    comparable: false,
    ours: false,
  };
}
