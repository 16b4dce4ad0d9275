// The PostgreSQL server the benchmark creates its databases on (names start with catalog_bench_), through
// an admin connection to the server's maintenance database.
import crypto from "node:crypto";
import { Client } from "pg";

export const DEFAULT_SERVER_URL = "postgresql://postgres:postgres@127.0.0.1:5432/postgres";

/** The server: BENCH_DATABASE_URL, else DATABASE_URL, else the local default. */
export function serverUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_DATABASE_URL || env.DATABASE_URL || DEFAULT_SERVER_URL;
}

/** The URL of another database on the same server. */
export function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The server's URL with the password hidden, for the report. */
export function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "****";
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why the server cannot be used (unreachable, refused), or undefined when it answers. */
export async function unreachable(server: string): Promise<string | undefined> {
  try {
    await withClient(server, (c) => c.query("SELECT 1"));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Creates an empty database with a fresh catalog_bench_ name and returns its name. */
export async function createBenchDatabase(server: string): Promise<string> {
  const name = `catalog_bench_${crypto.randomBytes(4).toString("hex")}`;
  await withClient(server, (c) => c.query(`CREATE DATABASE "${name}"`));
  return name;
}

/** Drops a database of ours, disconnecting whoever is still on it. */
export async function dropBenchDatabase(server: string, name: string): Promise<void> {
  if (!name.startsWith("catalog_bench_")) throw new Error(`refusing to drop ${name}: not a benchmark database`);
  await withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Ends every session on the database (queries a stopped contender left running). */
export async function terminateSessions(server: string, name: string): Promise<void> {
  await withClient(server, (c) => c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]));
}

/** Whether some session on the database is running a query. */
export async function hasActiveQueries(server: string, name: string): Promise<boolean> {
  return withClient(server, async (c) => {
    const { rows } = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()", [name]);
    return rows[0].n > 0;
  });
}
