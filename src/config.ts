import net from "node:net";
import path from "node:path";

// A server started without NODE_ENV runs as in production. graphql-js reads it once, when it loads,
// and outside production checks every schema object's class on every use (a tenth of a request's CPU
// once reads come from memory); main.ts imports this module before anything that loads graphql.
if (process.env.NODE_ENV === undefined) process.env.NODE_ENV = "production";

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Per-client rate limits (http/rateLimits.ts); 0 turns one off. */
export interface RateLimitSettings {
  /** Failed authentications per address per minute; past it, requests with credentials get 429 unchecked. */
  authFailuresPerMinute: number;
  /** Mutations per client per minute. */
  mutationsPerMinute: number;
  /**
   * Operation cost (operationCost.ts) per client per minute, counted for operations that run (an answer
   * from the response cache costs the server nothing and is not counted). The burst is a fifth of it.
   */
  costPerMinute: number;
}

/**
 * Defaults: a person mistyping a key a few times, an admin script writing a price a second, and a
 * frontend paging through the catalog (a 50-model page with offerings and prices costs about 80,000;
 * the playground's examples under 5,000) all stay under them; a key-guessing loop (920 tries a second)
 * or a client re-running 300,000-cost queries does not.
 */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  authFailuresPerMinute: 10,
  mutationsPerMinute: 120,
  costPerMinute: 3_000_000,
};

export type DatabaseTarget =
  | { kind: "postgresql"; url: string }
  | { kind: "pglite"; dataDir: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  logLevel: LogLevel;
  /** The folder of documents `npm start` and `npm run seed` load into an empty catalog. */
  seedDir: string;
  /** Whether starting on an empty catalog loads the seed folder first (CATALOG_SEED_ON_START, default true). */
  seedOnStart: boolean;
  /** How many answers of anonymous reads to keep per catalog version (CATALOG_RESPONSE_CACHE_ENTRIES, default 2000; 0: none). */
  responseCacheEntries?: number;
  /** Page origins allowed to call the API from a browser (CATALOG_CORS_ORIGINS: "*" by default, or a comma-separated list). */
  corsOrigins?: "*" | string[];
  /** How long SIGTERM lets requests in flight finish (CATALOG_SHUTDOWN_GRACE_SECONDS, default 10). */
  shutdownGraceMs?: number;
  /**
   * CATALOG_RATE_LIMIT_AUTH_FAILURES (per address per minute), CATALOG_RATE_LIMIT_MUTATIONS and
   * CATALOG_RATE_LIMIT_COST (per client per minute); 0 turns one off.
   */
  rateLimits?: RateLimitSettings;
  /** Reverse proxies whose X-Forwarded-For names the client (CATALOG_TRUSTED_PROXIES: comma-separated IP addresses; none by default). */
  trustedProxies?: string[];
}

/** Thrown when the environment is unusable; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads the configuration from the environment; the only reader of `process.env` in the project.
 * Unset variables take their defaults; set but empty ones are errors, since an empty value is
 * almost always a mistake in a deployment file.
 * @throws ConfigError naming each variable that is malformed.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    if (value === undefined) return undefined;
    if (value.trim() === "") {
      problems.push(`${name} is set but empty; unset it to use the default`);
      return undefined;
    }
    return value.trim();
  };

  const port = parsePort(read("PORT"), problems);
  const host = read("HOST") ?? "0.0.0.0";
  const logLevel = parseLogLevel(read("LOG_LEVEL"), problems);
  const databaseUrl = read("DATABASE_URL");
  const dataDir = path.resolve(cwd, read("CATALOG_DATA_DIR") ?? "data");
  const seedDir = path.resolve(cwd, read("CATALOG_SEED_DIR") ?? "seed");
  const seedOnStart = parseBoolean("CATALOG_SEED_ON_START", read("CATALOG_SEED_ON_START"), true, problems);
  const responseCacheEntries = parseCount("CATALOG_RESPONSE_CACHE_ENTRIES", read("CATALOG_RESPONSE_CACHE_ENTRIES"), 2000, problems);
  const corsOrigins = parseOrigins(read("CATALOG_CORS_ORIGINS"), problems);
  const rateLimits: RateLimitSettings = {
    authFailuresPerMinute: parseCount("CATALOG_RATE_LIMIT_AUTH_FAILURES", read("CATALOG_RATE_LIMIT_AUTH_FAILURES"), DEFAULT_RATE_LIMITS.authFailuresPerMinute, problems),
    mutationsPerMinute: parseCount("CATALOG_RATE_LIMIT_MUTATIONS", read("CATALOG_RATE_LIMIT_MUTATIONS"), DEFAULT_RATE_LIMITS.mutationsPerMinute, problems),
    costPerMinute: parseCount("CATALOG_RATE_LIMIT_COST", read("CATALOG_RATE_LIMIT_COST"), DEFAULT_RATE_LIMITS.costPerMinute, problems),
  };
  const trustedProxies = parseAddresses("CATALOG_TRUSTED_PROXIES", read("CATALOG_TRUSTED_PROXIES"), problems);
  const shutdownGraceMs = parseCount("CATALOG_SHUTDOWN_GRACE_SECONDS", read("CATALOG_SHUTDOWN_GRACE_SECONDS"), 10, problems) * 1000;

  let database: DatabaseTarget = { kind: "pglite", dataDir };
  if (databaseUrl !== undefined) {
    const problem = checkPostgresUrl(databaseUrl);
    if (problem) problems.push(`DATABASE_URL ${problem}`);
    else database = { kind: "postgresql", url: databaseUrl };
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, host, database, logLevel, seedDir, seedOnStart, responseCacheEntries, corsOrigins, shutdownGraceMs, rateLimits, trustedProxies };
}

function parseAddresses(name: string, value: string | undefined, problems: string[]): string[] {
  if (value === undefined) return [];
  const addresses = value.split(",").map((address) => address.trim()).filter((address) => address !== "");
  for (const address of addresses) if (net.isIP(address) === 0) problems.push(`${name} must list IP addresses separated by commas; "${address}" is not one`);
  return addresses;
}

/** "*", or origins as browsers send them: scheme, host and port, no path ("https://app.example.com"). */
function parseOrigins(value: string | undefined, problems: string[]): "*" | string[] {
  if (value === undefined || value === "*") return "*";
  const origins = value.split(",").map((origin) => origin.trim()).filter((origin) => origin !== "");
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      problems.push(`CATALOG_CORS_ORIGINS must be "*" or a comma-separated list of origins such as https://app.example.com (scheme, host and port, no path or trailing slash); "${origin}" is not one`);
    }
  }
  return origins;
}

function parseCount(name: string, value: string | undefined, fallback: number, problems: string[]): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value)) {
    problems.push(`${name} must be a whole number (0 turns it off), got "${value}"`);
    return fallback;
  }
  return Number(value);
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (value === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  problems.push(`${name} must be true or false, got "${value}"`);
  return fallback;
}

function parsePort(value: string | undefined, problems: string[]): number {
  if (value === undefined) return 4000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${value}"`);
    return 4000;
  }
  return port;
}

function parseLogLevel(value: string | undefined, problems: string[]): LogLevel {
  if (value === undefined) return "info";
  const level = value.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${value}"`);
    return "info";
  }
  return level as LogLevel;
}

function checkPostgresUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL; expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE";
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    return `must start with postgresql:// (got "${url.protocol}//"); unset it to use the embedded database`;
  }
  if (!url.hostname && !url.searchParams.get("host")) return "names no host";
  if (url.pathname.replace(/^\//, "") === "") return "names no database";
  return undefined;
}

/** The URL with its password hidden, for logs. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite in ${target.dataDir}`;
  const url = new URL(target.url);
  if (url.password) url.password = "****";
  return `PostgreSQL at ${url.toString()}`;
}
