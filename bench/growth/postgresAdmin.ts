// The benchmark's own databases on the PostgreSQL server: named catalog_growth_*, created, renamed, marked
// and dropped here, never anyone else's.
import pg from "pg";

/** The server, without a database name; GROWTH_PG_URL overrides it. */
export const POSTGRES_SERVER = (process.env.GROWTH_PG_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432").replace(/\/+$/, "");
const PREFIX = "catalog_growth_";

export function databaseUrl(name: string): string {
  return `${POSTGRES_SERVER}/${name}`;
}

/** The URL with its password masked, for logs. */
export function maskUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:****@");
}

function ownName(name: string): string {
  if (!name.startsWith(PREFIX) || !/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to touch database ${name}: not a ${PREFIX}* name`);
  return `"${name}"`;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function databaseExists(name: string): Promise<boolean> {
  return withAdmin(async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1);
}

export function createDatabase(name: string): Promise<void> {
  return withAdmin(async (c) => void (await c.query(`CREATE DATABASE ${ownName(name)}`)));
}

/** Drops the database if it exists, closing any connection still open to it. */
export function dropDatabase(name: string): Promise<void> {
  return withAdmin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${ownName(name)} WITH (FORCE)`)));
}

export function renameDatabase(from: string, to: string): Promise<void> {
  return withAdmin(async (c) => void (await c.query(`ALTER DATABASE ${ownName(from)} RENAME TO ${ownName(to)}`)));
}

/** What the benchmark wrote on a database it finished building; a database without one is incomplete. */
export interface GrowthMark {
  factor: number;
  seed: number | null;
  generator: number;
  source: string | null;
  counts: Record<string, number>;
  builtAt: string;
}

export function markDatabase(name: string, mark: GrowthMark): Promise<void> {
  const text = JSON.stringify({ growth: mark }).replace(/'/g, "''");
  return withAdmin(async (c) => void (await c.query(`COMMENT ON DATABASE ${ownName(name)} IS '${text}'`)));
}

export function readMark(name: string): Promise<GrowthMark | undefined> {
  return withAdmin(async (c) => {
    const result = await c.query<{ comment: string | null }>("SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1", [name]);
    const comment = result.rows[0]?.comment;
    if (!comment) return undefined;
    try {
      return (JSON.parse(comment) as { growth?: GrowthMark }).growth;
    } catch {
      return undefined;
    }
  });
}

export function databaseSizeMb(name: string): Promise<number> {
  return withAdmin(async (c) => Math.round(Number((await c.query<{ size: string }>("SELECT pg_database_size($1)::text AS size", [name])).rows[0].size) / 1048576));
}
